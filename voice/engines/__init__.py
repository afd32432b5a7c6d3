"""One module per speech engine; each imports its library only when it is built."""
