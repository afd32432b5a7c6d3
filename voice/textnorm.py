"""Spoken-form normalisation for comparing transcripts with phrases.

Engines write numbers differently ("12-ounce", "twelve ounce"); both sides go through
text2num's ``alpha2digit`` so that they meet in one form.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from text_to_num import alpha2digit


def spoken_form(text: str) -> str:
    """Lower case, no punctuation, number words as digits: "Twelve-ounce!" -> "12 ounce"."""
    text = re.sub(r"[^a-z0-9'\s]+", " ", text.lower().replace("-", " "))
    text = " ".join(text.split())
    return " ".join(alpha2digit(text, "en", threshold=0).split()) if text else ""


def phrase_found(phrase: str, transcript: str, threshold: float = 85.0) -> bool:
    """Is ``phrase`` in ``transcript``, up to small spelling differences ("ice mocha")?

    An exact word-bounded match always counts; otherwise the best-matching span of the
    transcript must score at least ``threshold`` (rapidfuzz partial ratio, 0-100).
    """
    needle, hay = spoken_form(phrase), spoken_form(transcript)
    if not needle or not hay:
        return False
    if re.search(rf"(^|\s){re.escape(needle)}($|\s)", hay):
        return True
    return fuzz.partial_ratio(needle, hay) >= threshold and len(needle) >= 4
