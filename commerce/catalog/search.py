"""Search as people speak: singular/plural, brand and alias, category needs, price bounds,
typo and mis-hearing tolerance. Ranked hits with a 0-100 score and "did you mean" names.

Scoring works on numpy arrays over the in-memory index (``commerce.catalog.index``): only
the query's words (exact or fuzzy via rapidfuzz on the vocabulary) are looked up, and only
the best few candidates are re-ranked by phrase similarity and read from the database.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field, replace

import numpy as np
from rapidfuzz import fuzz
from sqlalchemy.orm import Session

from commerce.catalog.index import CatalogIndex, Entry, get_index
from commerce.catalog.info import ProductInfo
from commerce.catalog.normalize import parse_query, words
from commerce.catalog.service import live_stock, products_by_id
from commerce.db import reads
from storedata.sound import sounds_alike

CONFIDENT = 70.0
RERANK = 40
SOUNDS_MIN = 70.0  # a word this alike in sound to a word of the products the rest names is it
SOUNDS_MIN_SHORT = 80.0  # ... when the heard word has four letters or fewer
CLIPPED = 80.0  # how alike a word is to the longer word it begins ("philly": philadelphia)
MISHEARD_SPAN = 2  # heard words that may be one word misheard ("tiller milk": tillamook)


@dataclass(frozen=True)
class SearchHit:
    product: ProductInfo
    score: float
    matched: str


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: list[SearchHit]
    confident: bool
    did_you_mean: list[str] = field(default_factory=list)
    max_price_cents: int | None = None
    terms: str = ""

    @property
    def best(self) -> SearchHit | None:
        return self.hits[0] if self.hits and self.confident else None


def _token_scores(index: CatalogIndex, tokens: list[str],
                  heard_as: dict[str, list[tuple[str, float]]] | None = None,
                  ) -> tuple[np.ndarray, bool]:
    """Per product position: IDF-weighted mean over query tokens of field weight x similarity.

    Rare words ("oat", "tropicana") count more than common ones ("organic", "milk").
    ``heard_as`` gives some tokens' catalog words instead of the look-up (``_misheard``).
    """
    n = len(index.entries)
    totals = np.zeros(n, dtype=np.float32)
    fuzzy_used = False
    norm = 0.0
    for token in tokens:
        matches = (heard_as or {}).get(token) or index.lookup(index.canonical(token))
        df = max((len(index.postings[word][0]) for word, _ in matches), default=1)
        idf = math.log(1.0 + max(n, 1) / df)
        norm += idf
        if not matches:
            continue
        if len(matches) == 1:
            word, similarity = matches[0]
            fuzzy_used = fuzzy_used or similarity < 1.0
            positions, weights = index.postings[word]
            totals[positions] += np.float32(idf * similarity) * weights
            continue
        best = np.zeros(n, dtype=np.float32)
        for word, similarity in matches:
            fuzzy_used = fuzzy_used or similarity < 1.0
            positions, weights = index.postings[word]
            best[positions] = np.maximum(best[positions], np.float32(similarity) * weights)
        totals += np.float32(idf) * best
    return totals * np.float32(100.0 / (norm or 1.0)), fuzzy_used


def _allowed(names: list[str], wanted: str, spoken: dict[str, set[str]] | None = None) -> list[int]:
    lowered = wanted.strip().lower()
    out = []
    for i, name in enumerate(names):
        forms = spoken.get(name, {name.lower()}) if spoken else {name.lower()}
        if lowered in forms or max(fuzz.ratio(lowered, f) for f in forms) >= 85:
            out.append(i)
    return out


def _mask(index: CatalogIndex, store: str | None, category: str | None, brand: str | None,
          max_price: int | None) -> np.ndarray | None:
    mask: np.ndarray | None = None

    def both(more: np.ndarray) -> None:
        nonlocal mask
        mask = more if mask is None else mask & more

    if store:
        code = index.store_names.index(store) if store in index.store_names else -1
        both(index.stores == code)
    if max_price is not None:
        both(index.prices <= max_price)
    if brand:
        both(np.isin(index.brand_codes, _allowed(index.brand_names, brand)))
    if category:
        both(np.isin(index.category_codes,
                     _allowed(index.category_names, category, index.categories)))
    return mask


def _phrase(terms: str, entry: Entry) -> float:
    best = fuzz.token_set_ratio(terms, entry.text)
    for alias in entry.aliases:
        best = max(best, fuzz.token_set_ratio(terms, alias.lower()))
    return float(best)


def _matched(index: CatalogIndex, terms: str, entry: Entry, fuzzy: bool) -> str:
    query_words = {index.canonical(w) for w in words(terms)}
    if any(alias.lower() == terms for alias in entry.aliases):
        return "alias"
    if fuzzy:
        return "fuzzy"
    if query_words & {index.canonical(w) for w in words(entry.name)}:
        return "name"
    if entry.brand and query_words & {index.canonical(w) for w in words(entry.brand)}:
        return "brand"
    return "category"


def product_infos(session: Session, ids: list[int]) -> dict[int, ProductInfo]:
    """Products by id as ``products_by_id`` gives them, from the catalog index's cache (its
    static parts change only with the catalog version; stock and active are read now)."""
    return _infos(session, get_index(session), ids) if ids else {}


def _infos(session: Session, index: CatalogIndex, ids: list[int]) -> dict[int, ProductInfo]:
    """Product details: static parts cached per index; stock and active read live."""
    missing = [pid for pid in ids if pid not in index.infos]
    index.infos.update(products_by_id(session, missing))
    live = dict(live_stock(session, ids))
    out: dict[int, ProductInfo] = {}
    for pid in ids:
        info, state = index.infos.get(pid), live.get(pid)
        if info is None or state is None:
            continue
        stock, active = state
        out[pid] = replace(info, stock=stock, active=active, in_stock=active and stock > 0)
    return out


def _top(scores: np.ndarray, k: int) -> list[int]:
    """Positions of the k best scores (ties: shorter names first), best first."""
    candidates = np.flatnonzero(scores > 0)
    if candidates.size > k:
        part = np.argpartition(-scores[candidates], k - 1)[:k]
        candidates = candidates[part]
    order = np.argsort(-scores[candidates], kind="stable")
    return [int(p) for p in candidates[order]]


@reads
def search(
    session: Session, query: str, *, store: str | None = None, category: str | None = None,
    max_price_cents: int | None = None, brand: str | None = None, limit: int = 5,
    include_out_of_stock: bool = True,
) -> SearchResult:
    """Ranked products for a spoken query; see docs/commerce-api.md."""
    parsed = parse_query(query)
    bound = parsed.max_price_cents if max_price_cents is None else max_price_cents
    if parsed.max_price_cents is not None and max_price_cents is not None:
        bound = min(parsed.max_price_cents, max_price_cents)
    index = get_index(session)
    tokens = parsed.tokens or ([category.lower()] if category else [])
    mask = _mask(index, store, category, brand, bound)
    scores, fuzzy = _masked(_token_scores(index, tokens), mask)
    held = len(tokens) > 1 and _holds_all(index, tokens, scores)
    if len(tokens) > 1 and (_top_score(scores) < CONFIDENT or not held):
        reheard, heard_as = _misheard(index, tokens, mask, held)
        if heard_as:
            again, _ = _masked(_token_scores(index, reheard, heard_as), mask)
            if _top_score(again) >= max(CONFIDENT, _top_score(scores)):
                scores, fuzzy = again, True
    scores = np.where(scores > 0, scores - index.text_len * np.float32(1e-4), scores)
    ranked: list[tuple[float, int]] = []
    for pos in _top(scores, RERANK):
        entry = index.entries[pos]
        phrase = _phrase(parsed.terms, entry) if parsed.terms else 100.0
        ranked.append((round(float(scores[pos]) * (0.85 + 0.15 * phrase / 100.0), 1), pos))
    ranked.sort(key=lambda r: (-r[0], len(index.entries[r[1]].text), r[1]))
    wanted = ranked[: limit * 3 if not include_out_of_stock else limit]
    infos = _infos(session, index, [index.entries[pos].id for _, pos in wanted])
    hits = []
    for score, pos in wanted:
        entry = index.entries[pos]
        info = infos.get(entry.id)
        if info is None or not info.active or not (include_out_of_stock or info.in_stock):
            continue
        hits.append(SearchHit(info, min(score, 100.0),
                              _matched(index, parsed.terms, entry, fuzzy)))
    hits = hits[:limit]
    confident = bool(hits) and hits[0].score >= CONFIDENT
    did_you_mean: list[str] = []
    if not confident:
        did_you_mean = ([h.product.display_name for h in hits[:3]]
                        or _suggest(index, parsed.tokens, mask))
    return SearchResult(query, hits, confident, did_you_mean, bound, parsed.terms)


def _masked(scored: tuple[np.ndarray, bool], mask: np.ndarray | None) -> tuple[np.ndarray, bool]:
    scores, fuzzy = scored
    return (scores if mask is None else np.where(mask, scores, np.float32(0.0))), fuzzy


def _top_score(scores: np.ndarray) -> float:
    return float(scores.max()) if scores.size else 0.0


def _misheard(index: CatalogIndex, tokens: list[str], mask: np.ndarray | None,
              held: bool) -> tuple[list[str], dict[str, list[tuple[str, float]]]]:
    """One or two words of the query heard for one word of the products the others name:
    those products hold no such word, but one that sounds like it ("crust toothpaste":
    Crest; "rouse marinara": Rao's; "tiller milk cheddar": Tillamook) or that it clips
    ("philly cream cheese": Philadelphia). The other words narrow the catalog to a few
    products, so a looser likeness (``storedata.sound``) is safe there. Returns the tokens
    with the misheard ones joined, and their catalog word with its likeness; or nothing
    when no word is clearly the one. ``held``: the best product holds every word said (then
    only a word the catalog lacks may be misheard)."""
    best: tuple[float, int, int, str] | None = None
    for start in range(len(tokens)):
        for end in range(start + 1, min(start + MISHEARD_SPAN, len(tokens)) + 1):
            others = tokens[:start] + tokens[end:]
            heard = "".join(tokens[start:end]).replace("'", "")
            if not others or len(heard) < 3 or heard.isdigit() or \
                    (end - start == 1 and held and
                     index.canonical(tokens[start]) in index.postings):
                continue
            found = _sounding(index, heard, others, mask)
            if found and (best is None or found[0] > best[0]):
                best = (found[0], start, end, found[1])
    if best is None:
        return tokens, {}
    likeness, start, end, word = best
    joined = "".join(tokens[start:end])
    return tokens[:start] + [joined] + tokens[end:], {joined: [(word, likeness / 100.0)]}


def _holds_all(index: CatalogIndex, tokens: list[str], scores: np.ndarray) -> bool:
    """The best product by ``scores`` holds every one of these words (then none of them was
    misheard)."""
    for pos in _top(scores, 1):
        held = {index.canonical(w) for w in words(index.entries[pos].text)}
        return all(index.canonical(t) in held for t in tokens)
    return False


def _sounding(index: CatalogIndex, heard: str, others: list[str],
              mask: np.ndarray | None) -> tuple[float, str] | None:
    """The word of the products ``others`` name that ``heard`` most likely was, if one
    clearly is: (likeness, canonical word)."""
    scores, _ = _masked(_token_scores(index, others), mask)
    held = {w.replace("'", ""): index.canonical(w) for pos in _top(scores, RERANK)
            for w in words(index.entries[pos].text)}  # as written (no apostrophe): canonical
    if heard in held or index.canonical(heard) in held.values():
        return None
    floor = SOUNDS_MIN_SHORT if len(heard) <= 4 else SOUNDS_MIN
    likeness: dict[str, float] = {}
    for written, word in held.items():
        if word in index.postings and not word.isdigit():
            score = sounds_alike(heard, written)
            clipped = len(os.path.commonprefix([heard, written]))
            if clipped >= 4 and clipped >= 0.6 * len(heard) and len(written) > len(heard):
                score = max(score, CLIPPED)  # "philly": Philadelphia
            likeness[word] = max(likeness.get(word, 0.0), score)
    alike = sorted(((score, word) for word, score in likeness.items()), reverse=True)
    if not alike or alike[0][0] < floor:
        return None
    if len(alike) > 1 and alike[1][0] >= alike[0][0] - 5.0:
        return None  # two words about as alike: neither is clearly the one
    return alike[0]


def _suggest(index: CatalogIndex, tokens: list[str], mask: np.ndarray | None) -> list[str]:
    """Loose fuzzy look-up for "did you mean" when no product matched at all."""
    scores = np.zeros(len(index.entries), dtype=np.float32)
    for token in tokens:
        for word, similarity in index.lookup(index.canonical(token), cutoff=60.0):
            positions, weights = index.postings[word]
            scores[positions] = np.maximum(scores[positions], np.float32(similarity) * weights)
    if mask is not None:
        scores = np.where(mask, scores, np.float32(0.0))
    names: list[str] = []
    for pos in _top(scores, 3):
        entry = index.entries[pos]
        name = f"{entry.brand} {entry.name}" if entry.brand else entry.name
        if name not in names:
            names.append(name)
    return names


__all__ = ["SearchHit", "SearchResult", "search"]
