"""Search latency: p50/p95 on the seeded catalog and on a generated large catalog.

    voicecart bench search                   # 100,000 generated products
    voicecart bench search --db-catalog      # the seeded catalog of --db
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from commerce.catalog.index import get_index
from commerce.catalog.models import Category, Product, ProductAlias, Store
from commerce.catalog.search import search
from commerce.db import make_engine, session_factory, upgrade

QUERIES = (
    "bananas", "banana", "the organic oat milk", "tropicana orange juice", "OJ",
    "something for a headache", "coffee under ten dollars", "bananna", "tropicanna",
    "oatley milk", "paper towels", "whole milk", "dog food", "chips under 5 dollars", "eggs",
)
ADJECTIVES = ("organic", "fresh", "classic", "original", "crunchy", "smooth", "spicy", "sweet",
              "salted", "unsalted", "roasted", "light", "extra", "premium", "whole", "low fat",
              "gluten free", "vanilla", "chocolate", "honey", "lemon", "garlic", "smoky", "mild")
NOUNS = ("bananas", "apples", "oat milk", "orange juice", "coffee", "tea", "bread", "cereal",
         "pasta", "rice", "beans", "soup", "chips", "crackers", "cookies", "yogurt", "cheese",
         "butter", "eggs", "chicken breast", "salmon", "paper towels", "detergent", "shampoo",
         "toothpaste", "dog food", "cat litter", "diapers", "ibuprofen", "granola", "almonds",
         "peanut butter", "jam", "salsa", "tortillas", "ice cream", "pizza", "water", "soda")
BRANDS = tuple(f"{a}{b}" for a in ("Sun", "Blue", "Green", "Happy", "Good", "Nature", "Farm",
                                   "Golden", "Silver", "Market")
               for b in ("ridge", "valley", "field", "harvest", "brook", "crest", "leaf"))
CATEGORIES = {"produce": ["fresh"], "dairy": ["cheese"], "pantry": ["dinner"],
              "snacks": ["party"], "pain relief": ["headache", "fever"], "coffee": ["caffeine"],
              "household": ["cleaning"], "pet": ["puppy"], "baby": ["infant"],
              "beverages": ["thirsty"], "frozen": ["freezer"], "bakery": ["toast"]}


@dataclass(frozen=True)
class LatencyReport:
    label: str
    n_products: int
    queries: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    build_ms: float

    def line(self) -> str:
        return (f"{self.label}: {self.n_products} products, {self.queries} searches, "
                f"p50 {self.p50_ms:.2f} ms, p95 {self.p95_ms:.2f} ms, max {self.max_ms:.2f} ms, "
                f"index build {self.build_ms:.0f} ms")


def bench_search(session: Session, queries: Sequence[str] | None = None, *, repeat: int = 5,
                 label: str = "seeded", store: str | None = None) -> LatencyReport:
    """Time ``search`` on the session's catalog (index built first, reported separately)."""
    started = time.perf_counter()
    index = get_index(session)
    build_ms = (time.perf_counter() - started) * 1000
    chosen = list(queries or QUERIES)
    timings: list[float] = []
    for _ in range(repeat):
        for query in chosen:
            t0 = time.perf_counter()
            search(session, query, store=store)
            timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(0.95 * (len(timings) - 1))))]
    return LatencyReport(label, len(index.entries), len(timings),
                         round(statistics.median(timings), 3), round(p95, 3),
                         round(timings[-1], 3), round(build_ms, 1))


def generate_catalog(session: Session, n_products: int, *, seed: int = 7) -> None:
    """Insert a synthetic store of ``n_products`` products (bulk Core inserts)."""
    rng = random.Random(seed)
    session.add(Store(code="bench", name="Bench", currency="USD", tax_rate_bp=825,
                      catalog_version=1))
    session.flush()
    for name, keywords in CATEGORIES.items():
        session.add(Category(store_code="bench", name=name, aliases=[], keywords=keywords))
    session.flush()
    cat_ids = list(session.execute(select(Category.id).where(Category.store_code == "bench"))
                   .scalars())
    now = datetime.utcnow()
    rows, aliases = [], []
    for i in range(n_products):
        name = f"{rng.choice(ADJECTIVES)} {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}".title()
        rows.append({"id": i + 1, "sku": f"BEN-{i:06d}", "store_code": "bench",
                     "category_id": rng.choice(cat_ids), "name": name,
                     "brand": rng.choice(BRANDS), "size": None, "unit": None,
                     "price_cents": rng.randint(99, 4999), "stock": rng.randint(0, 200),
                     "active": rng.random() > 0.02, "tags": [], "description": "",
                     "updated_at": now})
        if i % 50 == 0:
            aliases.append({"product_id": i + 1, "alias": f"item {i}"})
    for start in range(0, len(rows), 5000):
        session.execute(insert(Product), rows[start:start + 5000])
    session.execute(insert(ProductAlias), aliases)
    session.commit()


def bench_generated(n_products: int = 100_000, *, db_path: Path | None = None,
                    repeat: int = 5) -> LatencyReport:
    """Build a generated catalog in a temporary SQLite file and time searches on it."""
    with tempfile.TemporaryDirectory(prefix="voicecart-bench-") as tmp:
        path = db_path or Path(tmp) / "bench.sqlite"
        url = f"sqlite:///{path}"
        upgrade(url)
        engine = make_engine(url)
        with session_factory(engine)() as session:
            if not session.execute(select(func.count(Product.id))).scalar_one():
                generate_catalog(session, n_products)
            report = bench_search(session, repeat=repeat, label=f"generated-{n_products}")
        engine.dispose()
        return report
