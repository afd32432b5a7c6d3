"""The in-memory search index: an inverted index of normalised tokens, built once per catalog.

It is rebuilt only when the catalog version changes (any ORM change to catalog rows bumps
``stores.catalog_version``; stock changes don't, since stock is read live per search).
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from commerce.catalog.info import ProductInfo
from commerce.catalog.models import Category, Product, ProductAlias, Store
from commerce.catalog.normalize import default_singular, singular_variants, words

WEIGHTS = {"name": 1.0, "alias": 1.0, "brand": 0.9, "category": 0.85, "keyword": 0.85,
           "tag": 0.6}


@dataclass
class Entry:
    id: int
    store: str
    name: str
    brand: str | None
    category: str
    price_cents: int
    text: str  # lower-case "brand name" for phrase scoring
    aliases: list[str] = field(default_factory=list)


@dataclass
class CatalogIndex:
    """Products are numbered 0..n-1 (``position``); postings and filters are numpy arrays."""

    entries: list[Entry]
    postings: dict[str, tuple[np.ndarray, np.ndarray]]  # word -> (positions, field weights)
    canon: dict[str, str]
    vocab: list[str]
    categories: dict[str, set[str]]  # category name -> its spoken names (name, aliases)
    version: tuple[int, int]
    ids: np.ndarray  # product id per position
    prices: np.ndarray
    stores: np.ndarray  # index into store_names
    store_names: list[str]
    brand_codes: np.ndarray  # index into brand_names
    brand_names: list[str]
    category_codes: np.ndarray  # index into category_names
    category_names: list[str]
    text_len: np.ndarray
    build_ms: float = 0.0
    infos: dict[int, ProductInfo] = field(default_factory=dict)  # filled lazily by search

    def canonical(self, word: str) -> str:
        """Map a query word to the catalog's form of it (plural -> singular seen in catalog)."""
        if word in self.canon:
            return self.canon[word]
        for variant in singular_variants(word):
            if variant in self.postings:
                return variant
        return default_singular(word)

    def lookup(self, token: str, cutoff: float | None = None) -> list[tuple[str, float]]:
        """Vocabulary words matching a canonical token: exact, else fuzzy (rapidfuzz)."""
        if token in self.postings and cutoff is None:
            return [(token, 1.0)]
        if cutoff is None:
            if len(token) <= 3:
                return []
            cutoff = 85.0 if len(token) == 4 else 78.0
        found = process.extract(token, self.vocab, scorer=fuzz.ratio, score_cutoff=cutoff,
                                limit=3)
        return [(word, score / 100.0) for word, score, _ in found]


def catalog_version(session: Session) -> tuple[int, int]:
    """Changes whenever any store's catalog changes: a key for caches built from it."""
    row = session.execute(
        select(func.coalesce(func.sum(Store.catalog_version), 0), func.count(Store.code))
    ).one()
    return int(row[0]), int(row[1])


def _add(postings: dict[str, dict[int, float]], token: str, pid: int, weight: float) -> None:
    """Best field weight, plus a little for each further field with the word (name+category)."""
    bucket = postings[token]
    old = bucket.get(pid)
    if old is None:
        bucket[pid] = weight
    elif weight != old or weight < 1.0:
        bucket[pid] = max(old, weight) + 0.1 * min(old, weight)


def build_index(session: Session) -> CatalogIndex:
    started = time.perf_counter()
    version = catalog_version(session)
    categories: dict[int, tuple[str, list[str], list[str]]] = {}
    for cid, cname, caliases, ckeywords in session.execute(
        select(Category.id, Category.name, Category.aliases, Category.keywords)
    ):
        categories[cid] = (cname, list(caliases or []), list(ckeywords or []))
    aliases: dict[int, list[str]] = defaultdict(list)
    for pid, alias in session.execute(select(ProductAlias.product_id, ProductAlias.alias)):
        aliases[pid].append(alias)
    rows = session.execute(
        select(Product.id, Product.store_code, Product.name, Product.brand, Product.category_id,
               Product.price_cents, Product.tags).where(Product.active.is_(True))
    ).all()
    # Words of a category (name + aliases, keywords) and of a brand are computed once.
    category_words = {
        cid: (tuple(dict.fromkeys(words(" ".join([n, *al])))), tuple(dict.fromkeys(words(" ".join(kw)))))
        for cid, (n, al, kw) in categories.items()
    }
    brand_words: dict[str | None, tuple[str, ...]] = {}
    raw: dict[str, dict[int, float]] = defaultdict(dict)  # raw word -> position -> weight
    entries: list[Entry] = []
    w_name, w_brand, w_cat = WEIGHTS["name"], WEIGHTS["brand"], WEIGHTS["category"]
    w_key, w_tag, w_alias = WEIGHTS["keyword"], WEIGHTS["tag"], WEIGHTS["alias"]
    for pos, (pid, store, name, brand, cid, price, tags) in enumerate(rows):
        cname = categories[cid][0]
        product_aliases = aliases.get(pid, [])
        entries.append(Entry(pid, store, name, brand, cname, int(price),
                             f"{brand or ''} {name}".strip().lower(), product_aliases))
        if brand not in brand_words:
            brand_words[brand] = tuple(dict.fromkeys(words(brand or "")))
        cat_words, key_words = category_words[cid]
        fields = (
            (w_name, words(name)), (w_brand, brand_words[brand]), (w_cat, cat_words),
            (w_key, key_words), (w_tag, words(" ".join(tags)) if tags else ()),
            (w_alias, words(" ".join(product_aliases)) if product_aliases else ()),
        )
        for weight, field_words in fields:
            for word in field_words:
                _add(raw, word, pos, weight)
    canon = {w: _canonical_form(w, raw.keys()) for w in raw}
    postings: dict[str, dict[int, float]] = defaultdict(dict)
    for word, bucket in raw.items():
        target = canon[word]
        if target == word and target not in postings:
            postings[target] = bucket
            continue
        for pos, weight in bucket.items():
            _add(postings, target, pos, weight)
    arrays = {
        word: (np.fromiter(d.keys(), dtype=np.int32, count=len(d)),
               np.fromiter(d.values(), dtype=np.float32, count=len(d)))
        for word, d in postings.items()
    }
    cat_names: dict[str, set[str]] = {
        name: {name.lower(), *(a.lower() for a in al)} for name, al, _ in categories.values()
    }
    store_names, store_codes = _codes([e.store for e in entries])
    brand_names, brand_codes = _codes([(e.brand or "").lower() for e in entries])
    category_names, category_codes = _codes([e.category for e in entries])
    index = CatalogIndex(
        entries, arrays, canon, sorted(arrays), cat_names, version,
        ids=np.array([e.id for e in entries], dtype=np.int64),
        prices=np.array([e.price_cents for e in entries], dtype=np.int64),
        stores=store_codes, store_names=store_names, brand_codes=brand_codes,
        brand_names=brand_names, category_codes=category_codes,
        category_names=category_names,
        text_len=np.array([len(e.text) for e in entries], dtype=np.float32),
    )
    index.build_ms = (time.perf_counter() - started) * 1000
    return index


def _codes(values: list[str]) -> tuple[list[str], np.ndarray]:
    names = sorted(set(values))
    position = {name: i for i, name in enumerate(names)}
    return names, np.array([position[v] for v in values], dtype=np.int32)


def _canonical_form(word: str, seen: Collection[str]) -> str:
    for variant in singular_variants(word):
        if variant != word and variant in seen:
            return variant
    return default_singular(word)


_CACHE: weakref.WeakKeyDictionary[Engine, CatalogIndex] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def get_index(session: Session) -> CatalogIndex:
    """The index of the session's database, rebuilt when the catalog version changed."""
    bind: Any = session.get_bind()
    engine: Engine = getattr(bind, "engine", bind)
    version = catalog_version(session)
    cached = _CACHE.get(engine)
    if cached is not None and cached.version == version:
        return cached
    with _LOCK:
        cached = _CACHE.get(engine)
        if cached is None or cached.version != version:
            cached = build_index(session)
            _CACHE[engine] = cached
    return cached
