"""Re-rank a recognizer's n-best against the store's own words.

In noise the beam often holds the right command a little below a wrong one: "with chicken"
above "with sweetener", "a twenty ounce, a lot of, lots of soy milk" above "a twenty ounce
latte with lots of soy milk". A hypothesis fits the store better when fewer of its words are
outside the store's vocabulary (its item names, options, amounts and the words shoppers put
around them; plurals as their singular) and when
it names something the store sells. Among the hypotheses, the best fit wins; the recognizer's
own order breaks ties, so a fit that does not discriminate changes nothing.

Rules are the vocabulary's, never a corpus's: any store's vocabulary works the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storedata.text import singular
from voice.textnorm import spoken_form
from voice.vocabulary import DomainVocabulary

ITEM_SLOTS = ("drink", "product")


@dataclass(frozen=True)
class Fit:
    unknown_words: int  # words of the hypothesis the store's vocabulary does not have
    names_item: bool  # it names an item the store sells

    @property
    def value(self) -> int:
        return int(self.names_item) - self.unknown_words


_KNOWN: dict[int, tuple[DomainVocabulary, frozenset[str], tuple[str, ...]]] = {}


def _known(vocabulary: DomainVocabulary) -> tuple[frozenset[str], tuple[str, ...]]:
    """The vocabulary's words (as written and in spoken form) and item names, computed once
    per vocabulary object (it holds lists, so it cannot be an ``lru_cache`` key)."""
    cached = _KNOWN.get(id(vocabulary))
    if cached is not None and cached[0] is vocabulary:
        return cached[1], cached[2]
    phrases = vocabulary.all_phrases()
    words = {_one(w) for w in vocabulary.words() | {w for p in phrases
                                                     for w in spoken_form(p).split()}}
    items = tuple(dict.fromkeys(
        spoken_form(p) for slot in ITEM_SLOTS for p in vocabulary.grammar.get(slot, [])
    ))
    known = frozenset(words), tuple(i for i in items if i)
    if len(_KNOWN) > 8:
        _KNOWN.clear()
    _KNOWN[id(vocabulary)] = (vocabulary, *known)
    return known


def _one(word: str) -> str:
    """A word as the vocabulary is compared: singular ("yogurts" is the store's "yogurt")."""
    return singular(word) or word


def fit(text: str, vocabulary: DomainVocabulary) -> Fit:
    words, items = _known(vocabulary)
    heard = spoken_form(text)
    unknown = sum(1 for w in heard.split() if _one(w) not in words)
    named = any(re.search(rf"(^| ){re.escape(i)}( |$)", heard) for i in items)
    return Fit(unknown, named)


_ENDED = re.compile(r"[.?!]\s*$")


def cut_short(text: str, others: Sequence[str]) -> bool:
    """A hypothesis the beam ended early: no sentence end, and another hypothesis says the
    same words and more ("Can" beside "Can you add the Tillamook sharp cheddar?"). Fewer
    words hold fewer words the store does not know, so such a fragment would win a fit."""
    if _ENDED.search(text):
        return False
    words = spoken_form(text).split()
    return any(len(longer := spoken_form(o).split()) > len(words) and longer[: len(words)]
               == words for o in others)


def rerank(texts: Sequence[str], vocabulary: DomainVocabulary | None) -> list[str]:
    """``texts`` (the recognizer's order, best first) with the best fit first; hypotheses
    that differ only in punctuation or case are kept once, and fragments cut short of
    another hypothesis go last."""
    unique: dict[str, str] = {}
    for text in texts:
        unique.setdefault(spoken_form(text), text)
    ordered = list(unique.values())
    if vocabulary is None or len(ordered) < 2:
        return ordered
    fits = {t: fit(t, vocabulary).value for t in ordered}
    short = {t: cut_short(t, ordered) for t in ordered}
    return sorted(ordered, key=lambda t: (short[t], -fits[t]))  # stable: ties keep the order
