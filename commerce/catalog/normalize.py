"""Text normalisation for search: tokens, singular forms, filler words and price bounds."""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import alpha2digit

from storedata.numbers import SIZE_SAID
from storedata.text import singular

FILLER = frozenset(
    "a an the some something any anything for me i i'd id want would like need please find "
    "get show looking look of my to buy got have do you your can could us we with".split()
)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_AMOUNT = r"\$?\s*(\d+(?:[.,]\d{1,2})?)(?:\s+(\d{1,2}))?\s*(dollars?|bucks?|\$)?(?:\s+(?:and\s+)?(\d{1,2})\s*cents?)?"
_BOUND = re.compile(
    r"\b(?:under|below|less\s+than|cheaper\s+than|at\s+most|no\s+more\s+than|"
    r"max(?:imum)?|up\s+to|within)\s+" + _AMOUNT
)
_KEEP_S = ("ss", "us", "is", "ous")


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    terms: str
    tokens: list[str]
    max_price_cents: int | None


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def default_singular(word: str) -> str:
    """The rule of English plurals (``storedata.text.singular``), or the word itself; the
    index maps to a form seen in the catalog."""
    return singular(word) or word


def singular_variants(word: str) -> list[str]:
    """Candidate singular forms, most likely first (berries -> berry, berrie, berri)."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(_KEEP_S):
        return [word]
    out: list[str] = []
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("ves"):
        out += [word[:-3] + "f", word[:-3] + "fe"]
    if word.endswith("es"):
        out.append(word[:-2])
    out.append(word[:-1])
    return out


def _cents(whole: str, extra: str | None, cents: str | None) -> int:
    number = whole.replace(",", ".")
    if "." in number:
        dollars, part = number.split(".")
        value = int(dollars) * 100 + int(part.ljust(2, "0"))
    else:
        value = int(number) * 100
        if extra:  # "seven fifty" -> "7 50", "7 dollars 50"
            value += int(extra)
    if cents:
        value += int(cents)
    return value


def parse_query(query: str) -> ParsedQuery:
    """Split a spoken query into search terms and an optional price bound in cents."""
    lowered = query.lower().strip()
    try:
        numeric = alpha2digit(lowered, "en")
    except Exception:  # noqa: BLE001 - text2num is strict on odd input; keep the raw text
        numeric = lowered
    # "size one" diapers: a size is a number even where a small count stays a word ("one")
    numeric = SIZE_SAID.sub(lambda m: alpha2digit(m.group(0), "en", threshold=0), numeric)
    bound: int | None = None
    match = _BOUND.search(numeric)
    if match:
        bound = _cents(match.group(1), match.group(2), match.group(4))
        numeric = numeric[: match.start()] + " " + numeric[match.end():]
    tokens = [w for w in words(numeric) if w not in FILLER]
    return ParsedQuery(text=query, terms=" ".join(tokens), tokens=tokens, max_price_cents=bound)
