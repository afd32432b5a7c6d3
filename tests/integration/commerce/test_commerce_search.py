"""Search as people speak, on a real SQLite catalog."""

from __future__ import annotations

import pytest
from commerce_factories import product, seed_store
from sqlalchemy.orm import Session

from commerce.catalog import resolve_product, search
from commerce.errors import ProductNotFound


def top_sku(shop: Session, query: str, **kw: object) -> str:
    result = search(shop, query, **kw)  # type: ignore[arg-type]
    assert result.hits, f"no hits for {query!r}"
    return result.hits[0].product.sku


@pytest.mark.parametrize(
    ("query", "sku"),
    [
        ("bananas", "GRO-BAN"),
        ("banana", "GRO-BAN"),
        ("the organic oat milk", "GRO-OOM"),
        ("tropicana orange juice", "GRO-OJ"),
        ("OJ", "GRO-OJ"),
        ("something for a headache", "GRO-ADV"),
        ("paper towel", "GRO-PTW"),
        ("bananna", "GRO-BAN"),
        ("tropicanna", "GRO-OJ"),
        ("oatley milk", "GRO-OOM"),
        ("I want some bounty paper towels please", "GRO-PTW"),
    ],
)
def test_spoken_queries_find_the_product_confidently(shop: Session, query: str, sku: str) -> None:
    result = search(shop, query)
    assert result.confident, (query, result)
    assert result.hits[0].product.sku == sku
    assert 0 < result.hits[0].score <= 100


def test_results_are_ranked_by_score(shop: Session) -> None:
    result = search(shop, "milk", limit=5)
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)
    assert {h.product.sku for h in result.hits} >= {"GRO-OOM", "GRO-MLK"}


def test_alias_and_fuzzy_are_reported(shop: Session) -> None:
    assert search(shop, "oj").hits[0].matched == "alias"
    assert search(shop, "tropicanna").hits[0].matched == "fuzzy"
    assert search(shop, "bananas").hits[0].matched == "name"


@pytest.mark.parametrize(
    ("query", "bound"),
    [
        ("coffee under ten dollars", 1000),
        ("coffee under $10", 1000),
        ("coffee less than ten dollars", 1000),
        ("coffee under 9.50", 950),
        ("coffee cheaper than nine dollars and fifty cents", 950),
    ],
)
def test_price_bound_from_the_query(shop: Session, query: str, bound: int) -> None:
    result = search(shop, query, store="grocery")
    assert result.max_price_cents == bound
    assert [h.product.sku for h in result.hits] == ["GRO-COF"]  # Lavazza 14.99 is excluded
    assert result.terms == "coffee"


def test_keyword_filters(shop: Session) -> None:
    assert top_sku(shop, "coffee", brand="Lavazza") == "GRO-LAV"
    assert all(h.product.price_cents <= 500 for h in search(shop, "juice",
                                                              max_price_cents=500).hits)
    assert {h.product.category for h in search(shop, "milk", category="dairy").hits} == {"dairy"}
    assert search(shop, "bananas", store="cafe").hits == []


def test_out_of_stock_is_flagged_and_can_be_excluded(shop: Session) -> None:
    hit = search(shop, "strawberries").hits[0]
    assert hit.product.sku == "GRO-STR"
    assert hit.product.in_stock is False
    assert all(h.product.sku != "GRO-STR"
               for h in search(shop, "strawberries", include_out_of_stock=False).hits)


def test_inactive_products_are_never_returned(shop: Session) -> None:
    assert all(h.product.sku != "GRO-KIW" for h in search(shop, "kiwis", limit=20).hits)


def test_did_you_mean_when_nothing_is_confident(shop: Session) -> None:
    result = search(shop, "banan smoothie blender")
    assert not result.confident
    assert result.did_you_mean
    assert "Bananas" in result.did_you_mean[0]
    assert result.best is None


@pytest.mark.parametrize(
    ("query", "sku"),
    [
        ("folders coffee", "GRO-COF"),  # a brand heard as a word: the coffee's brand sounds so
        ("lavasa coffee", "GRO-LAV"),
        ("county paper towels", "GRO-PTW"),
        ("horizin milk", "GRO-MLK"),
    ],
)
def test_a_misheard_word_is_the_word_of_the_products_the_rest_names(
        shop: Session, query: str, sku: str) -> None:
    result = search(shop, query)
    assert result.confident, (query, result)
    assert result.hits[0].product.sku == sku
    assert result.hits[0].matched == "fuzzy"


@pytest.mark.parametrize("query", ["unicorn milk", "dragon coffee", "plum juice"])
def test_a_word_like_none_of_theirs_is_not_made_one(shop: Session, query: str) -> None:
    result = search(shop, query)
    assert not result.confident, (query, result.hits[:1])
    assert result.did_you_mean


def test_nonsense_finds_nothing_confident(shop: Session) -> None:
    result = search(shop, "zzqx")
    assert not result.confident
    assert result.hits == []


def test_index_is_rebuilt_when_the_catalog_changes(shop: Session) -> None:
    assert search(shop, "kumquats").hits == []
    seed_store(shop, [product("Kumquats", 499, sku="GRO-KUM")])
    assert top_sku(shop, "kumquats") == "GRO-KUM"


def test_stock_is_read_live(shop: Session) -> None:
    from sqlalchemy import update

    from commerce.catalog.models import Product

    assert search(shop, "bananas").hits[0].product.stock == 50
    shop.execute(update(Product).where(Product.sku == "GRO-BAN").values(stock=7))
    shop.commit()
    assert search(shop, "bananas").hits[0].product.stock == 7


def test_resolve_product_by_sku_name_or_error(shop: Session) -> None:
    assert resolve_product(shop, "GRO-OJ").name == "Pure Premium Orange Juice"
    assert resolve_product(shop, "tropicana orange juice").sku == "GRO-OJ"
    with pytest.raises(ProductNotFound) as err:
        resolve_product(shop, "zzqx")
    assert err.value.code == "product_not_found"
