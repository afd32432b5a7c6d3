"""The demo customers: schema, real SKUs, and the histories the dialogue features rely on."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

CUSTOMER_FIELDS = {"id", "name", "store", "pin", "spending_limit_cents", "orders", "cart"}
STATUSES = {"placed", "preparing", "ready", "shipped", "delivered", "cancelled"}
OPEN_STATUSES = {"placed", "preparing", "ready", "shipped"}


def by_id(customers: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in customers}


def catalog(stores: dict[str, dict[str, Any]], code: str) -> dict[str, dict[str, Any]]:
    return {p["sku"]: p for p in stores[code]["products"]}


def basket(order: dict[str, Any]) -> frozenset[tuple[str, int]]:
    return frozenset((i["sku"], i["quantity"]) for i in order["items"])


def total_cents(order: dict[str, Any], products: dict[str, dict[str, Any]]) -> int:
    return sum(products[i["sku"]]["price_cents"] * i["quantity"] for i in order["items"])


def test_schema(customers: list[dict[str, Any]], stores: dict[str, dict[str, Any]]) -> None:
    assert 4 <= len(customers) <= 5
    assert len(by_id(customers)) == len(customers)
    for customer in customers:
        assert set(customer) == CUSTOMER_FIELDS, customer["id"]
        assert customer["store"] in stores
        assert customer["pin"] is None or re.fullmatch(r"\d{4}", customer["pin"])
        limit = customer["spending_limit_cents"]
        assert isinstance(limit, int) and not isinstance(limit, bool) and limit > 0
        for order in customer["orders"]:
            assert set(order) == {"days_ago", "status", "items"}
            assert 0 <= order["days_ago"] <= 90 and order["status"] in STATUSES
            assert order["items"]
        days = [o["days_ago"] for o in customer["orders"]]
        assert days == sorted(days, reverse=True), "orders oldest first"


def test_items_name_real_products(customers: list[dict[str, Any]],
                                  stores: dict[str, dict[str, Any]]) -> None:
    for customer in customers:
        products = catalog(stores, customer["store"])
        items = [i for o in customer["orders"] for i in o["items"]] + customer["cart"]
        for item in items:
            product = products[item["sku"]]
            assert product["active"], item["sku"]
            assert isinstance(item["quantity"], int) and item["quantity"] >= 1
            groups = {g["name"]: g for g in product["modifier_groups"]}
            chosen = item.get("modifiers", [])
            assert {g for g, group in groups.items() if group["required"]} <= {
                m["group"] for m in chosen}, item
            for modifier in chosen:
                group = groups[modifier["group"]]
                assert modifier["option"] in [o["name"] for o in group["options"]]
                assert modifier.get("amount") in [None, *group["amounts"]]
        for item in customer["cart"]:
            assert products[item["sku"]]["stock"] >= item["quantity"], item


def test_alice_has_a_usual_and_an_open_order(customers: list[dict[str, Any]],
                                             stores: dict[str, dict[str, Any]]) -> None:
    alice = by_id(customers)["alice"]
    assert alice["store"] == "grocery" and alice["pin"] == "2468"
    assert alice["spending_limit_cents"] == 50000
    orders = alice["orders"]
    assert 6 <= len(orders) <= 8
    statuses = Counter(o["status"] for o in orders)
    assert statuses["placed"] == 1 and statuses["shipped"] >= 1 and statuses["delivered"] >= 3
    (usual, times), (_, runner_up) = Counter(basket(o) for o in orders).most_common(2)
    assert times >= 3 and times > runner_up
    products = catalog(stores, "grocery")
    assert all(products[sku]["stock"] >= qty for sku, qty in usual)
    placed = next(o for o in orders if o["status"] == "placed")
    assert placed["days_ago"] <= 3
    assert all(products[i["sku"]]["stock"] >= i["quantity"] for i in placed["items"])
    bought = {products[i["sku"]]["name"] for o in orders for i in o["items"]}
    assert any("Paper Towels" in name for name in bought)
    assert alice["cart"]


def test_bob_has_no_pin_and_a_low_limit(customers: list[dict[str, Any]],
                                        stores: dict[str, dict[str, Any]]) -> None:
    bob = by_id(customers)["bob"]
    assert bob["store"] == "grocery" and bob["pin"] is None
    assert bob["spending_limit_cents"] == 4000 and len(bob["orders"]) >= 2
    products = catalog(stores, "grocery")
    tax_bp = stores["grocery"]["store"]["tax_rate_bp"]
    for order in bob["orders"]:
        subtotal = total_cents(order, products)
        assert subtotal + (subtotal * tax_bp + 5000) // 10000 <= bob["spending_limit_cents"]


def test_carol_orders_drinks_with_modifiers(customers: list[dict[str, Any]],
                                            stores: dict[str, dict[str, Any]]) -> None:
    carol = by_id(customers)["carol"]
    assert carol["store"] == "cafe" and len(carol["orders"]) == 3
    products = catalog(stores, "cafe")
    drinks = [i for o in carol["orders"] for i in o["items"]
              if products[i["sku"]]["modifier_groups"]]
    assert len(drinks) >= 3 and all(i["modifiers"] for i in drinks)
    assert any("amount" in m for i in drinks for m in i["modifiers"])


@pytest.mark.parametrize("field", ["orders", "cart"])
def test_guest_has_nothing(customers: list[dict[str, Any]], field: str) -> None:
    guest = by_id(customers)["guest"]
    assert guest[field] == [] and guest["pin"] is None
