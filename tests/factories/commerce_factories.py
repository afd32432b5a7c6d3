"""Factories for commerce test data: store documents in the schema of docs/DESIGN.md."""

from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy.orm import Session

from commerce.catalog import ProductInfo, get_product_by_sku
from commerce.customers import CustomerInfo, create_customer
from commerce.db import unit_of_work
from commerce.seed import apply_store
from storedata.storefile import parse_store

_SKU = itertools.count(1)

CATEGORIES = [
    {"name": "produce", "aliases": ["fruit", "vegetables"], "keywords": ["fresh", "salad"]},
    {"name": "dairy", "aliases": ["milk and eggs"], "keywords": ["cheese"]},
    {"name": "beverages", "aliases": ["drinks"], "keywords": ["thirsty"]},
    {"name": "pain relief", "aliases": ["medicine"], "keywords": ["headache", "fever", "pain"]},
    {"name": "coffee", "aliases": ["coffee and tea"], "keywords": ["caffeine"]},
    {"name": "paper goods", "aliases": ["paper"], "keywords": ["spill"]},
    {"name": "coffee drinks", "aliases": ["drinks"], "keywords": ["hot"]},
]


def product(name: str, price_cents: int, *, category: str = "produce", brand: str | None = None,
            stock: int = 50, active: bool = True, aliases: list[str] | None = None,
            sku: str | None = None, tags: list[str] | None = None,
            modifier_groups: list[dict[str, Any]] | None = None,
            size: str | None = None) -> dict[str, Any]:
    return {"sku": sku or f"TST-{next(_SKU):05d}", "name": name, "brand": brand,
            "category": category, "size": size, "unit": None, "price_cents": price_cents,
            "stock": stock, "active": active, "aliases": aliases or [], "tags": tags or [],
            "description": f"{name} for tests.", "modifier_groups": modifier_groups or []}


def group(name: str, options: dict[str, int], *, required: bool = False, multi: bool = False,
          default: str | None = None, amounts: list[str] | None = None) -> dict[str, Any]:
    return {"name": name, "required": required, "multi": multi, "default": default,
            "amounts": amounts or [],
            "options": [{"name": k, "price_delta_cents": v} for k, v in options.items()]}


def store_doc(products: list[dict[str, Any]], *, code: str = "grocery",
              tax_rate_bp: int = 825) -> dict[str, Any]:
    return {"store": {"code": code, "name": f"Test {code}", "currency": "USD",
                      "tax_rate_bp": tax_rate_bp},
            "categories": CATEGORIES, "products": products}


def grocery_products() -> list[dict[str, Any]]:
    """A small grocery with the cases search must handle."""
    return [
        product("Bananas", 69, brand="Dole", sku="GRO-BAN", size="1 lb"),
        product("Organic Oat Milk", 549, category="dairy", brand="Oatly", sku="GRO-OOM"),
        product("Whole Milk", 379, category="dairy", brand="Horizon", sku="GRO-MLK"),
        product("Pure Premium Orange Juice", 449, category="beverages", brand="Tropicana",
                aliases=["OJ"], sku="GRO-OJ"),
        product("Apple Juice", 329, category="beverages", brand="Mott's", sku="GRO-APJ"),
        product("Ibuprofen Tablets", 1299, category="pain relief", brand="Advil",
                sku="GRO-ADV"),
        product("Ground Coffee", 899, category="coffee", brand="Folgers", sku="GRO-COF"),
        product("Whole Bean Coffee", 1499, category="coffee", brand="Lavazza", sku="GRO-LAV"),
        product("Paper Towels", 1199, category="paper goods", brand="Bounty", sku="GRO-PTW"),
        product("Strawberries", 399, brand="Driscoll's", stock=0, sku="GRO-STR"),
        product("Discontinued Kiwis", 99, active=False, sku="GRO-KIW"),
        product("Apples", 199, brand="Honeycrisp", sku="GRO-APL", stock=1),
    ]


def cafe_products() -> list[dict[str, Any]]:
    return [
        product("Latte", 450, category="coffee drinks", brand="Cafe", sku="CAF-LAT", stock=999,
                modifier_groups=[
                    group("size", {"small": 0, "large": 100}, required=True),
                    group("shots", {"single shot": 0, "double shot": 80}, default="single shot"),
                    group("milk", {"whole milk": 0, "oat milk": 70},
                          amounts=["a little bit of", "a lot of"]),
                    group("sweetener", {"sugar": 0, "honey": 25}, multi=True),
                ]),
    ]


def seed_store(session: Session, products: list[dict[str, Any]], **kw: Any) -> None:
    doc = store_doc(products, **kw)
    unit_of_work(session, lambda: apply_store(session, parse_store(doc)))


def sku(session: Session, code: str) -> ProductInfo:
    return get_product_by_sku(session, code)


def customer(session: Session, customer_id: str = "alice", *, pin: str | None = None,
             limit: int | None = None, store: str = "grocery") -> CustomerInfo:
    return create_customer(session, customer_id, customer_id.title(), store=store, pin=pin,
                           spending_limit_cents=limit)
