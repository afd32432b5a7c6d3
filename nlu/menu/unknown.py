"""Modifiers the shopper named that the menu does not have ("with hemp milk").

The menu has "milk" and also "soy milk", "almond milk": a word said just before "milk" names
which milk. When that word is no menu phrase, not even tolerantly, and not a near miss of any
menu word ("hemp", "oat", "goat"), the shopper asked for a milk the cafe does not serve: the
dialogue says so and lists the choices, rather than quietly serving plain milk. Function words
and fillers before it ("with the milk", "uh milk") qualify nothing; near misses ("skin milk",
"almon milk") are the spotter's to resolve.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from nlu.cover import best_cover
from nlu.menu.menu import Menu
from nlu.menu.spotter import (
    FUNCTION_WORDS,
    MIN_RATIO,
    Match,
    find_matches,
    normalize,
)

FILLERS = frozenset("um uh er erm ah oh hmm mm like just".split())


@dataclass(frozen=True)
class Unknown:
    group: str
    said: str  # "hemp milk"


@lru_cache(maxsize=8)
def menu_words(menu: Menu) -> frozenset[str]:
    return frozenset(w for phrase, _group, _option in menu.phrases() for w in normalize(phrase))


def unknown_modifiers(text: str, menu: Menu) -> list[Unknown]:
    """The modifiers heard in ``text`` with a qualifier the menu does not have."""
    tokens = normalize(text)
    chosen = best_cover(find_matches(tokens, menu), len(tokens))
    covered = {i for m in chosen for i in range(m.start, m.end)}
    known = menu_words(menu)
    found: list[Unknown] = []
    for m in chosen:
        before = m.start - 1
        if before < 0 or before in covered or not _is_head(m, menu):
            continue
        word = tokens[before]
        if word in FUNCTION_WORDS or word in FILLERS or word.isdigit():
            continue
        if _foreign(word, known):
            found.append(Unknown(m.group, f"{word} {m.option}"))
    return found


def _is_head(match: Match, menu: Menu) -> bool:
    """An option that other options of its group qualify ("milk" of "soy milk")."""
    options = menu.groups.get(match.group, ())
    return any(o != match.option and o.endswith(f" {match.option}") for o in options)


def _foreign(word: str, known: frozenset[str]) -> bool:
    if word in known:
        return False
    return process.extractOne(word, known, scorer=fuzz.ratio, score_cutoff=MIN_RATIO) is None
