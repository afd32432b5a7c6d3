"""The one text normaliser: how said or written words are compared everywhere.

``fold`` is the common form (lower case, straight apostrophes, "&" as "and", punctuation and
hyphens as spaces, single spaces; letters of any script kept); ``with_digits`` also writes
number words as digits ("Twelve-ounce!" -> "12 ounce"), so that "12-ounce" and "twelve ounce"
meet; ``singular`` is the one rule for English plurals.
"""

from __future__ import annotations

import re

from text_to_num import alpha2digit

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_KEEP_S = ("ss", "us", "is", "ous")


def fold(text: str, keep: str = "") -> str:
    """"Ben & Jerry's  Half-Baked!" -> "ben and jerry's half baked".

    ``keep`` names other characters to keep as they are ("%" for "2% milk", "-" for "12-oz").
    """
    text = text.lower().translate(_APOSTROPHES).replace("&", " and ")
    kept = re.escape(keep)
    text = re.sub(rf"[^\w\s'{kept}]|_", " ", text if "-" in keep else text.replace("-", " "))
    return " ".join(text.split())


def with_digits(text: str) -> str:
    """``fold``, with number words as digits: "Twelve-ounce!" -> "12 ounce"."""
    folded = fold(text)
    return " ".join(alpha2digit(folded, "en", threshold=0).split()) if folded else ""


def key_words(text: str) -> list[str]:
    """Words as names are compared: folded, apostrophes dropped, each singular:
    "Driscoll's Strawberries" -> ["driscolls", "strawberry"]."""
    return [singular(w) or w for w in fold(text).replace("'", "").split()]


def singular(word: str) -> str | None:
    """The singular of a regular English plural ("berries" -> "berry", "boxes" -> "box"),
    or None when the word is not one ("glass", "hummus", "bus")."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(_KEEP_S):
        return None
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("oes", "ches", "shes", "xes", "zes", "sses")):
        return word[:-2]
    return word[:-1]
