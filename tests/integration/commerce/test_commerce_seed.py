"""Seeding from the JSON data files: idempotent upserts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from commerce_factories import product, store_doc
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from commerce.catalog import get_product_by_sku, search
from commerce.catalog.models import Product, ProductAlias
from commerce.customers import get_customer, verify_pin
from commerce.errors import InvalidData
from commerce.orders import list_orders
from commerce.orders.models import Order
from commerce.seed import load_customers, load_store

DATA = Path(__file__).resolve().parents[3] / "data"


def count(session: Session, column: object) -> int:
    session.commit()
    return session.execute(select(func.count(column))).scalar_one()  # type: ignore[arg-type]


def test_load_store_upserts_by_sku(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    path.write_text(json.dumps(store_doc([product("Bananas", 69, sku="S-1", aliases=["nanas"]),
                                          product("Kale", 299, sku="S-2")])))
    assert load_store(session, path).created == 2
    doc = store_doc([product("Bananas", 79, sku="S-1", aliases=["nanas"]),
                     product("Kale", 299, sku="S-2")])
    path.write_text(json.dumps(doc))
    report = load_store(session, path)
    assert (report.created, report.updated) == (0, 2)
    assert count(session, Product.id) == 2 and count(session, ProductAlias.id) == 1
    assert get_product_by_sku(session, "S-1").price_cents == 79


def test_bad_files_raise_invalid_data(session: Session, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(InvalidData):
        load_store(session, bad)
    doc = store_doc([product("Bananas", 69, category="nowhere")])
    bad.write_text(json.dumps(doc))
    with pytest.raises(InvalidData):
        load_store(session, bad)
    assert count(session, Product.id) == 0


@pytest.mark.skipif(not (DATA / "customers.json").exists(), reason="data not written yet")
def test_real_data_seeds_idempotently(session: Session) -> None:
    for code in ("grocery", "cafe"):
        load_store(session, DATA / "stores" / f"{code}.json")
    first = load_customers(session, DATA / "customers.json")
    products, orders = count(session, Product.id), count(session, Order.id)
    assert products >= 500 and orders > 0
    for code in ("grocery", "cafe"):
        assert load_store(session, DATA / "stores" / f"{code}.json").created == 0
    again = load_customers(session, DATA / "customers.json")
    assert again.created == 0 and again.updated == first.created
    assert (count(session, Product.id), count(session, Order.id)) == (products, orders)
    alice = get_customer(session, "alice")
    assert alice.has_pin and verify_pin(session, "alice", "2468").ok
    assert list_orders(session, "alice")
    assert search(session, "bananna", store="grocery").confident
