"""Words the assistant says about lists: one home for joining them."""

from __future__ import annotations

from collections.abc import Sequence


def join_words(items: Sequence[str], conjunction: str = "and") -> str:
    """["a"] -> "a"; ["a", "b"] -> "a and b"; ["a", "b", "c"] -> "a, b, and c".

    ``conjunction="or"`` for choices: "skim milk, half and half, or oat milk" (the "and"
    inside a name such as "half and half" stays as it is).
    """
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} {conjunction} {items[1]}"
    return ", ".join(items[:-1]) + f", {conjunction} {items[-1]}"
