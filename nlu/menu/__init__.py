"""The cafe menu as the assistant hears it: menu phrases, spotting, and order lines."""
