"""Find the catalog's phrases in a transcript, tolerantly, and resolve overlaps.

Each heard word is compared with the lexicon's words (itself, a close spelling, or a close
spelling that also sounds alike); a run of heard words whose candidates spell a catalog
phrase, or that written together is one ("honey crisp" for "honeycrisp", "la croix" for
"lacroix"), is a finding.
Overlaps are resolved as the cafe's spotter resolves them: the non-overlapping findings of
greatest weight, a finding weighing its length discounted steeply by how inexact it is.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from nlu.cover import best_cover
from nlu.products.lexicon import Kind, Lexicon, Strength
from storedata.text import key_words

FUZZ_PENALTY = 4
MAX_COMBINATIONS = 64
_TOKEN = re.compile(r"[\w']+")


@dataclass(frozen=True)
class Spot:
    start: int  # token positions, end exclusive
    end: int
    char_start: int  # in the text as given
    char_end: int
    kind: Kind
    words: tuple[str, ...]  # the catalog's words for it (as keyed)
    text: str  # the catalog's phrase
    ratio: float
    strength: Strength = "name"

    @property
    def weight(self) -> float:
        return len(" ".join(self.words)) * (self.ratio / 100.0) ** FUZZ_PENALTY


def tokens_of(text: str) -> list[tuple[str, int, int]]:
    """Key words with their character spans: "Dorito's, please" -> [("dorito", 0, 8), ...]."""
    out: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(text):
        for word in key_words(m.group()):
            out.append((word, m.start(), m.end()))
    return out


def find(tokens: list[str], lexicon: Lexicon) -> list[tuple[int, int, tuple[str, ...], float]]:
    found = []
    options = [lexicon.near(t) for t in tokens]
    for start in range(len(tokens)):
        for end in range(start + 1, min(len(tokens), start + lexicon.longest) + 1):
            spans = options[start:end]
            if not all(spans):
                break
            for combo in itertools.islice(itertools.product(*spans), MAX_COMBINATIONS):
                words = tuple(w for w, _ in combo)
                if words in lexicon.phrases:
                    found.append((start, end, words, min(r for _, r in combo)))
        for end in range(start + 2, min(len(tokens), start + 4) + 1):
            together = "".join(tokens[start:end])
            joined = lexicon.joined.get(together)
            if joined is not None:
                found.append((start, end, joined, 100.0))
            if (together,) in lexicon.phrases:  # "la croix" for LaCroix
                found.append((start, end, (together,), 100.0))
        split = lexicon.joined.get(tokens[start])
        if split is not None:
            found.append((start, start + 1, split, 100.0))
    return found


def spot(text: str, lexicon: Lexicon) -> list[Spot]:
    """The catalog phrases heard in ``text``, in order, none overlapping."""
    tokens = tokens_of(text)
    words = [t for t, _, _ in tokens]
    spots = []
    for start, end, key, ratio in find(words, lexicon):
        phrase = lexicon.phrases[key]
        spots.append(Spot(start, end, tokens[start][1], tokens[end - 1][2], phrase.kind, key,
                          phrase.text, ratio, phrase.strength))
    return best_cover(spots, len(words))
