"""Spoken-form normalisation for comparing transcripts with phrases.

Engines write numbers differently ("12-ounce", "twelve ounce"); both sides go through
text2num's ``alpha2digit`` so that they meet in one form.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from storedata.text import with_digits


def spoken_form(text: str) -> str:
    """The one normaliser's form with number words as digits: "Twelve-ounce!" -> "12 ounce"."""
    return with_digits(text)


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
