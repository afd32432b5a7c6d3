"""The catalog's phrases, keyed for a tolerant look-up at any catalog size.

From each product: its name, brand + name, every run of up to ``MAX_RUN`` words of its name
(so "salmon fillets" finds "Atlantic Salmon Fillet" and "diapers" every diaper), its aliases
and its brand; from each category: its name, aliases and keywords ("headache"). Words are
folded, apostrophes dropped and plurals made singular, so "Doritos", "dorito's" and "dorito"
meet. A run never starts or ends with a function word, a number or a packaging word: "pack"
in "Variety Pack" is a unit, never a product. Each word of the vocabulary also has a
phonetic key (``storedata.sound``), so a transcript's near miss ("dorados") finds it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from rapidfuzz import fuzz, process

from storedata.numbers import COUNT_WORDS, NUMBER_WORDS, PACKAGING_WORDS
from storedata.sound import sound_key, sounds_alike
from storedata.text import key_words
from storedata.words import FUNCTION_WORDS, REQUEST_WORDS

Kind = Literal["product", "brand", "category"]
Strength = Literal["name", "head", "rare"]
_RANK = {"name": 2, "head": 1, "rare": 0}
NEAR_CACHE = 50_000  # heard words remembered with their catalog words
RARE = 2  # a word in at most this many names names them on its own
MAX_RUN = 3  # runs of a name longer than this are matched only as the whole name
FUZZY_MIN = 84.0  # a heard word this close to a catalog word may be it
PHONETIC_MIN = 65.0  # ... or this close, when they also sound alike
HINT_MIN = 60.0  # a word the store lacks may be a catalog word this alike (only as a hint)
NEVER_ALONE = FUNCTION_WORDS | REQUEST_WORDS | NUMBER_WORDS | COUNT_WORDS | PACKAGING_WORDS


class NamedProduct(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def brand(self) -> str | None: ...
    @property
    def aliases(self) -> Sequence[str]: ...


class NamedCategory(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> Sequence[str]: ...
    @property
    def keywords(self) -> Sequence[str]: ...


def _edge_ok(word: str) -> bool:
    return word not in NEVER_ALONE and not word.isdigit()


_TAILS = frozenset("with of in for size".split())


def head_word(name: str) -> str | None:
    """"Swaddlers Diapers Size 1" -> "diaper": the word the name is about."""
    return _head(key_words(name))


def _head(name: list[str]) -> str | None:
    """The word a name is about: its last, before a tail ("Diapers Size 1", "Juice With
    Pulp"); None when that is a number, a packaging word or a function word."""
    for i, word in enumerate(name):
        if word in _TAILS and i > 0:
            name = name[:i]
            break
    while name and name[-1].isdigit():
        name = name[:-1]
    return name[-1] if name and _edge_ok(name[-1]) else None


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]
    kind: Kind
    text: str  # as the catalog writes it (a name, an alias, a brand, a category word)
    strength: Strength = "name"  # "head": a name's last word; "rare": a word few names hold


def _spoken_name(product: NamedProduct) -> str:
    """"Haribo Goldbears Gummy Bears"; the name alone when it holds its brand."""
    brand = product.brand or ""
    return product.name if brand.lower() in product.name.lower() else f"{brand} {product.name}"


class Lexicon:
    def __init__(self, phrases: Iterable[Phrase],
                 holders: dict[str, frozenset[int]] | None = None,
                 names: Sequence[tuple[str, int]] = ()) -> None:
        self.holders = holders or {}  # word -> the products whose brand and name hold it
        self.names = list(names)  # per product: (brand and name, popularity)
        self.phrases: dict[tuple[str, ...], Phrase] = {}
        for phrase in phrases:  # a product's words beat a brand's or a category's
            have = self.phrases.get(phrase.words)
            if have is None or (have.kind != "product" and phrase.kind == "product") or (
                    have.kind == phrase.kind and _RANK[phrase.strength] > _RANK[have.strength]):
                self.phrases[phrase.words] = phrase
        self.joined = {"".join(k): k for k in self.phrases if len(k) > 1}
        self.longest = max((len(k) for k in self.phrases), default=1)
        vocabulary = {w for k in self.phrases for w in k}
        self.vocabulary = frozenset(vocabulary)
        self.words = sorted(vocabulary)
        self.sounds: dict[str, list[str]] = defaultdict(list)
        for word in self.words:
            if len(word) >= 4:
                self.sounds[sound_key(word)].append(word)
        self.keys = sorted(self.sounds)
        self.lettered: dict[str, list[str]] = defaultdict(list)  # "d" -> ["d3"]: vitamin d
        for word in self.words:
            if len(word) > 1 and word[0].isalpha() and word[1:].isdigit():
                self.lettered[word[0]].append(word)
        self._near: dict[str, list[tuple[str, float]]] = {}

    @classmethod
    def from_catalog(cls, products: Iterable[NamedProduct],
                     categories: Iterable[NamedCategory] = ()) -> Lexicon:
        found: list[Phrase] = []
        products = list(products)
        uses: dict[str, int] = defaultdict(int)  # how many names hold each word
        qualities: set[str] = set()  # what products are ("organic", "gluten free"): no names
        for product in products:
            for word in set(key_words(product.name)):
                uses[word] += 1
            for tag in getattr(product, "tags", ()):
                qualities.update(key_words(tag))
        for product in products:
            name = key_words(product.name)
            found += [Phrase(tuple(name), "product", product.name)]
            if product.brand:
                found.append(Phrase(tuple(key_words(f"{product.brand} {product.name}")),
                                    "product", f"{product.brand} {product.name}"))
                brand = key_words(product.brand)
                found.append(Phrase(tuple(brand), "brand", product.brand))
                if len(brand) > 1 and len(brand[0]) >= 4 and _edge_ok(brand[0]) and \
                        not uses[brand[0]]:  # "beyond" for Beyond Meat, in no product's name
                    found.append(Phrase((brand[0],), "brand", product.brand, "rare"))
                for start in range(1, len(brand) - 1):  # "toll house" of Nestle Toll House
                    if _edge_ok(brand[start]) and _edge_ok(brand[-1]):
                        found.append(Phrase(tuple(brand[start:]), "brand", product.brand))
            found += [Phrase(tuple(key_words(a)), "product", a) for a in product.aliases]
            head = _head(name)
            if head is not None:  # "organic" alone is no product, "diapers" is
                found.append(Phrase((head,), "product", head, "head"))
            for word in name:  # a word few names share names them: "sriracha", "ribeye"
                if uses[word] <= RARE and len(word) >= 4 and _edge_ok(word) and \
                        word not in qualities:
                    found.append(Phrase((word,), "product", word, "rare"))
            for size in range(2, min(MAX_RUN, len(name)) + 1):
                for start in range(len(name) - size + 1):
                    run = name[start : start + size]
                    if _edge_ok(run[0]) and (_edge_ok(run[-1]) or run[-1] in PACKAGING_WORDS):
                        found.append(Phrase(tuple(run), "product", " ".join(run)))
        for category in categories:
            for said in (category.name, *category.aliases, *category.keywords):
                found.append(Phrase(tuple(key_words(said)), "category", category.name))
        holders: dict[str, set[int]] = defaultdict(set)
        for number, product in enumerate(products):
            said = f"{product.brand or ''} {product.name} {' '.join(product.aliases)}"
            for word in key_words(said):
                holders[word].add(number)
        # A one-word name that is a request's word ("KIND" bars, "what kind") is no finding.
        return cls((p for p in found if p.words and not (len(p.words) == 1
                                                         and p.words[0] in NEVER_ALONE)),
                   {w: frozenset(ids) for w, ids in holders.items()},
                   [(_spoken_name(p), int(getattr(p, "popularity", 0))) for p in products])

    def likely(self, heard: Iterable[str], limit: int = 20) -> list[str]:
        """The products a transcript most likely named, however misheard, by brand and name
        (a brand is what a recognizer misses most): each heard word's catalog words (itself,
        close, or alike in sound), the products holding most of them first, the best
        sellers among equals."""
        words: dict[str, float] = {}
        for text in heard:
            for token in key_words(text):
                if token in NEVER_ALONE:
                    continue
                for word, ratio in self.near(token) or self.sounding(token):
                    words[word] = max(words.get(word, 0.0), ratio)
        scores: Counter[int] = Counter()
        for word, ratio in words.items():
            for product in self.holders.get(word, ()):
                scores[product] += ratio / 100.0  # type: ignore[assignment]
        ranked = sorted(scores, key=lambda p: (-scores[p], -self.names[p][1], p))
        return list(dict.fromkeys(self.names[p][0] for p in ranked))[:limit]

    def sounding(self, word: str, limit: int = 5) -> list[tuple[str, float]]:
        """Catalog words a word the store lacks may have been, by a looser likeness of sound
        and spelling than ``near`` ("lines": lime): a hint for hearing again, not a finding."""
        if len(word) < 4 or word in NEVER_ALONE or word in self.vocabulary:
            return []
        close = process.extract(sound_key(word), self.keys, scorer=fuzz.ratio, limit=limit * 2,
                                score_cutoff=50.0)
        found = {w: sounds_alike(word, w) for key, _, _ in close for w in self.sounds[key]}
        ranked = sorted(found.items(), key=lambda pair: -pair[1])
        return [(w, score) for w, score in ranked if score >= HINT_MIN][:limit]

    def all_known(self, text: str) -> bool:
        """Every word of ``text`` is a catalog word, a request's word or a number."""
        return all(w in self.vocabulary or w in NEVER_ALONE or w.isdigit()
                   for w in key_words(text))

    def one_product(self, words: Iterable[str]) -> bool:
        """Some product's brand and name hold all these words ("tropicana" "orange juice";
        not "milk" "bread")."""
        common: frozenset[int] | None = None
        for word in words:
            ids = self.holders.get(word, frozenset())
            common = ids if common is None else common & ids
            if not common:
                return False
        return bool(common)

    def forget(self) -> None:
        """Drop the look-ups remembered so far (a benchmark's rounds start cold)."""
        self._near.clear()

    def near(self, word: str) -> list[tuple[str, float]]:
        """The catalog words a heard word may be, with how close (100 = the word itself)."""
        if word in self._near:
            return self._near[word]
        out: list[tuple[str, float]] = []
        if len(word) == 1:  # a letter said alone for a letter and a number ("vitamin d")
            out += [(candidate, 96.0) for candidate in self.lettered.get(word, ())]
        if word in self.vocabulary:
            out.append((word, 100.0))
        elif len(word) >= 4 and word not in NEVER_ALONE:
            close = process.extract(word, self.words, scorer=fuzz.ratio, limit=3,
                                    score_cutoff=FUZZY_MIN)
            out += [(candidate, float(score)) for candidate, score, _ in close]
            for candidate in self.sounds.get(sound_key(word), ()):
                score = fuzz.ratio(word, candidate)
                if len(word) >= 5 and score >= PHONETIC_MIN and all(c != candidate
                                                                     for c, _ in out):
                    out.append((candidate, float(score)))
            # how close, once admitted: spelling or sound, whichever is closer ("brayers":
            # Breyers before Bayer)
            out = sorted(((c, max(score, sounds_alike(word, c))) for c, score in out),
                         key=lambda pair: -pair[1])
        if len(self._near) >= NEAR_CACHE:
            self._near.clear()
        self._near[word] = out
        return out
