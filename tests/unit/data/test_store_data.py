"""The store files: schema, catalogue shape, and that the generators reproduce them."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

STORES_DIR = Path(__file__).resolve().parents[3] / "data" / "stores"

STR_LIST = "str_list"
PRODUCT_FIELDS: dict[str, Any] = {
    "sku": str, "name": str, "brand": str, "category": str, "size": str, "unit": str,
    "price_cents": int, "stock": int, "active": bool, "aliases": STR_LIST, "tags": STR_LIST,
    "description": str, "modifier_groups": list,
}
OPTIONAL_FIELDS = {"popularity"}
SPEAKABLE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 '&%.\-]*$")
SKU_LIKE = re.compile(r"[A-Z]{2,}-?\d{3,}")


def has_type(value: Any, kind: Any) -> bool:
    if kind == STR_LIST:
        return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind is str:
        return isinstance(value, str) and bool(value.strip())
    return isinstance(value, kind)


@pytest.mark.parametrize("code", ["grocery", "cafe"])
def test_store_schema(stores: dict[str, dict[str, Any]], code: str) -> None:
    data = stores[code]
    assert set(data) == {"store", "categories", "products"}
    store = data["store"]
    assert store["code"] == code
    assert has_type(store["name"], str) and store["currency"] == "USD"
    assert store["tax_rate_bp"] == 825
    for category in data["categories"]:
        assert set(category) == {"name", "aliases", "keywords"}
        assert has_type(category["name"], str)
        assert has_type(category["aliases"], STR_LIST) and has_type(category["keywords"], STR_LIST)
    for product in data["products"]:
        assert set(product) - OPTIONAL_FIELDS == set(PRODUCT_FIELDS), product["sku"]
        assert has_type(product.get("popularity", 0), int) and product.get("popularity", 0) >= 0
        for name, kind in PRODUCT_FIELDS.items():
            assert has_type(product[name], kind), (product["sku"], name, product[name])


@pytest.mark.parametrize("code, prefix", [("grocery", "GRO"), ("cafe", "CAF")])
def test_skus_unique_and_numbered(stores: dict[str, dict[str, Any]], code: str,
                                  prefix: str) -> None:
    skus = [p["sku"] for p in stores[code]["products"]]
    assert len(skus) == len(set(skus))
    assert skus == [f"{prefix}-{n:04d}" for n in range(1, len(skus) + 1)]


@pytest.mark.parametrize("code", ["grocery", "cafe"])
def test_categories_referenced_and_used(stores: dict[str, dict[str, Any]], code: str) -> None:
    data = stores[code]
    names = [c["name"] for c in data["categories"]]
    assert len(names) == len(set(names))
    used = Counter(p["category"] for p in data["products"])
    assert set(used) == set(names)
    spoken = [w for c in data["categories"] for w in [c["name"], *c["aliases"], *c["keywords"]]]
    assert len(spoken) == len(set(spoken)), "a category word points at two categories"


@pytest.mark.parametrize("code", ["grocery", "cafe"])
def test_prices_stock_and_names(stores: dict[str, dict[str, Any]], code: str) -> None:
    for product in stores[code]["products"]:
        assert product["price_cents"] > 0 and product["stock"] >= 0
        name = product["name"]
        assert SPEAKABLE.match(name) and not SKU_LIKE.search(name), name
        assert product["brand"].lower() not in name.lower(), name
        assert product["description"].endswith("."), product["sku"]
        lowered = name.lower()
        for alias in product["aliases"]:
            assert alias.lower() not in {lowered, lowered.rstrip("s")}, (name, alias)


def test_grocery_size(grocery: dict[str, Any]) -> None:
    products = grocery["products"]
    assert len(products) >= 520
    counts = Counter(p["category"] for p in products)
    assert len(counts) >= 14 and min(counts.values()) >= 15, counts


def test_grocery_stock_and_activity(grocery: dict[str, Any]) -> None:
    products = grocery["products"]
    out = sum(p["stock"] == 0 for p in products)
    assert 0.03 <= out / len(products) <= 0.08
    inactive = [p["name"] for p in products if not p["active"]]
    assert 2 <= len(inactive) <= 5


def test_grocery_aliases(grocery: dict[str, Any]) -> None:
    products = grocery["products"]
    aliased = sum(bool(p["aliases"]) for p in products)
    assert 0.12 <= aliased / len(products) <= 0.25

    def names_for(alias: str) -> set[str]:
        return {p["name"] for p in products if alias in p["aliases"]}

    assert all("Orange Juice" in n for n in names_for("OJ")) and len(names_for("OJ")) >= 3
    assert all("Toilet Paper" in n for n in names_for("TP")) and names_for("toilet tissue")
    assert names_for("garbanzo beans") == {"Chickpeas"}
    assert names_for("pop") and all("Cola" in n for n in names_for("soda"))


def test_grocery_tags_and_health_keywords(grocery: dict[str, Any]) -> None:
    tags = Counter(t for p in grocery["products"] for t in p["tags"])
    for tag in ("organic", "gluten free", "vegan"):
        assert tags[tag] >= 5, tag
    health = next(c for c in grocery["categories"] if c["name"] == "pain relief and health")
    assert {"headache", "fever", "pain", "cold", "allergy"} <= set(health["keywords"])


def test_grocery_has_products_to_disambiguate(grocery: dict[str, Any]) -> None:
    products = [p for p in grocery["products"] if p["active"]]

    def find(word: str) -> list[dict[str, Any]]:
        return [p for p in products if p["name"].lower().endswith(word)]

    milks = {p["name"] for p in find("milk")}
    assert {"Whole Milk", "Skim Milk", "Oat Milk", "Soy Milk"} <= milks and len(milks) >= 8
    assert {p["brand"] for p in find("oat milk")} == {"Oatly", "Market Basics"}
    assert len(find("eggs")) >= 3 and len(find("bread")) >= 5
    assert {"Tropicana", "Simply", "Market Basics"} <= {p["brand"] for p in find("orange juice")}
    assert {"Bounty", "Market Basics"} <= {p["brand"] for p in find("paper towels")}
    coffees = [p["price_cents"] for p in find("coffee") if p["category"] == "coffee and tea"]
    assert min(coffees) < 1000 < max(coffees)
    assert {p["name"] for p in find("bananas")} == {"Bananas", "Organic Bananas"}


def run_generator(script: str, output: Path) -> bytes:
    subprocess.run([sys.executable, str(STORES_DIR / script), str(output)], check=True,
                   capture_output=True)
    return output.read_bytes()


@pytest.mark.parametrize("script, target", [("build_grocery.py", "grocery.json"),
                                            ("build_cafe.py", "cafe.json")])
def test_generator_reproduces_committed_file(tmp_path: Path, script: str, target: str) -> None:
    assert run_generator(script, tmp_path / target) == (STORES_DIR / target).read_bytes()
