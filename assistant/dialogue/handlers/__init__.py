"""Intent handlers: each takes (Context, Parse) and returns a Reply."""
