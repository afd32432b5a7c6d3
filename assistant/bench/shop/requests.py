"""The benchmark's requests (``data/bench/shop/requests.yml``) as typed values.

A product family is words that must all appear in a product's brand and name, folded and
singular ("eggs" matches "Large White Eggs"); ``|`` separates alternatives; ``category:NAME``
accepts any product of that category. The format is described in ``data/bench/shop/README.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assistant.settings import Settings
from storedata.errors import ExpectedError
from storedata.lang import DEFAULT_LANG
from storedata.text import fold, key_words

ASPECTS = ("price", "stock", "size", "organic")
INTENTS = ("view_cart", "checkout", "reorder", "order_status", "cancel_order", "faq",
           "recommend", "help", "search_product")


class RequestsError(ExpectedError):
    code = "bench_requests"


@dataclass(frozen=True)
class Family:
    """Which products a label accepts."""

    alternatives: tuple[tuple[str, ...], ...] = ()
    category: str | None = None

    @classmethod
    def parse(cls, data: dict[str, Any]) -> Family:
        if data.get("category"):
            return cls(category=fold(str(data["category"])))
        said = str(data.get("product") or "")
        alts = tuple(tuple(key_words(a)) for a in said.split("|") if a.strip())
        if not alts:
            raise RequestsError(f"a line has neither product nor category: {data}")
        return cls(alternatives=alts)

    def accepts(self, brand: str | None, name: str, category: str | None = None) -> bool:
        if self.category is not None:
            return fold(category or "") == self.category
        have = set(key_words(f"{brand or ''} {name}"))
        return any(set(alt) <= have for alt in self.alternatives)

    def __str__(self) -> str:
        if self.category:
            return f"category:{self.category}"
        return "|".join(" ".join(a) for a in self.alternatives)


@dataclass(frozen=True)
class Line:
    family: Family
    quantity: int = 1


@dataclass(frozen=True)
class Expect:
    added: tuple[Line, ...] = ()
    removed: Family | None = None
    quantity: Line | None = None
    aspect: str | None = None  # with ``about``: a product question
    about: Family | None = None
    intent: str | None = None
    says: tuple[str, ...] = ()


@dataclass(frozen=True)
class ShopRequest:
    id: str
    say: str
    kind: str
    expect: Expect
    customer: str = "alice"
    given_cart: tuple[Line, ...] = field(default_factory=tuple)


def _line(data: dict[str, Any]) -> Line:
    return Line(Family.parse(data), int(data.get("quantity", 1)))


def _expect(data: dict[str, Any], where: str) -> Expect:
    if "added" in data:
        return Expect(added=tuple(_line(x) for x in data["added"]))
    if "removed" in data:
        return Expect(removed=Family.parse(data["removed"]))
    if "quantity" in data:
        return Expect(quantity=_line(data["quantity"]))
    if "answer" in data:
        aspect = data["answer"].get("aspect")
        if aspect not in ASPECTS:
            raise RequestsError(f"{where}: answer aspect should be one of {', '.join(ASPECTS)}")
        return Expect(aspect=aspect, about=Family.parse(data["answer"]))
    if data.get("intent") in INTENTS:
        return Expect(intent=data["intent"], says=tuple(str(w) for w in data.get("says", [])))
    raise RequestsError(f"{where}: expect should be added, removed, quantity, answer or intent")


def load_requests(path: Path) -> list[ShopRequest]:
    if not path.is_file():
        raise RequestsError(f"No benchmark requests at {path}.")
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    out: list[ShopRequest] = []
    for item in raw:
        where = f"{path.name} {item.get('id', '?')}"
        out.append(ShopRequest(
            id=str(item["id"]), say=str(item["say"]), kind=str(item["kind"]),
            expect=_expect(item.get("expect") or {}, where),
            customer=str(item.get("customer", "alice")),
            given_cart=tuple(_line(x) for x in item.get("given_cart") or []),
        ))
    ids = [r.id for r in out]
    if len(set(ids)) != len(ids):
        raise RequestsError(f"{path.name}: request ids repeat")
    return out


def shop_requests(settings: Settings) -> Path:
    """The benchmark's requests: English ``data/bench/shop/requests.yml``; another language
    its pack's ``bench/requests.yml``."""
    if settings.lang == DEFAULT_LANG:
        return settings.data_dir / "bench" / "shop" / "requests.yml"
    return settings.pack.bench_requests


def shop_corpus(settings: Settings) -> Path:
    """Where the requests' audio is built: ``models/bench/shop-corpus`` (``-<lang>``)."""
    suffix = "" if settings.lang == DEFAULT_LANG else f"-{settings.lang}"
    return settings.models_dir / "bench" / f"shop-corpus{suffix}"
