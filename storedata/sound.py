"""How alike two words sound: the one home of the phonetic comparison.

A recognizer writes a word it did not know as a word it did, or as letters that sound the
same: "crust" for Crest, "rouse" for Rao's, "carigold" for Kerrygold. Spelling alone misses
these (``fuzz.ratio("carigold", "kerrygold")`` is 59), sound alone confuses words whose
consonants agree ("red" and "reed"). ``sounds_alike`` is the mean of both: the letters'
similarity and that of their phonetic keys (``jellyfish.metaphone``), 0-100.
"""

from __future__ import annotations

from functools import lru_cache

import jellyfish
from rapidfuzz import fuzz


@lru_cache(maxsize=50_000)
def sound_key(word: str) -> str:
    """The word's phonetic key: "crust" and "crest" -> "KRST"."""
    return str(jellyfish.metaphone(word))


def sounds_alike(heard: str, word: str) -> float:
    """0-100: "crust"/"crest" 90, "carigold"/"kerrygold" 79, "unicorn"/"horizon" 44."""
    keys = sound_key(heard), sound_key(word)
    return (fuzz.ratio(heard, word) + fuzz.ratio(*keys)) / 2.0 if all(keys) else 0.0
