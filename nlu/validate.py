"""Input checks before Rasa sees a text: what cannot be a shopping request is a fallback."""

from __future__ import annotations

import re

MAX_CHARS = 500  # a spoken request is a sentence or two; longer input is not a command
WORD = re.compile(r"[^\W_]", re.UNICODE)


def clean_text(text: str, language: str = "en") -> str | None:
    """The text to give Rasa (lower case, same length and offsets), or None for a fallback.

    None for: empty or blank text, text without any letter or digit (emoji, punctuation),
    text longer than :data:`MAX_CHARS`, and, for an English model, text whose letters are
    mostly not Latin. A model of another language (its ``language``) takes any script: it
    was trained on other languages' sentences as its fallback.
    """
    if not isinstance(text, str) or len(text) > MAX_CHARS:
        return None
    letters = WORD.findall(text)
    if not letters:
        return None
    latin = sum(1 for ch in letters if ch.isascii() or "\u00c0" <= ch <= "\u024f")
    if language == "en" and latin * 2 < len(letters):
        return None
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text
