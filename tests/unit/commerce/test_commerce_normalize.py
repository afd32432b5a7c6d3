"""Query parsing: filler words, plural forms, price bounds in words and digits."""

from __future__ import annotations

import pytest

from commerce.catalog.normalize import default_singular, parse_query, singular_variants


@pytest.mark.parametrize(("query", "terms", "bound"), [
    ("coffee under ten dollars", "coffee", 1000),
    ("coffee under $5", "coffee", 500),
    ("tea less than ten dollars", "tea", 1000),
    ("wine under 7.50", "wine", 750),
    ("wine under seven fifty", "wine", 750),
    ("chips under 3 dollars and 50 cents", "chips", 350),
    ("something for a headache", "headache", None),
    ("the organic oat milk", "organic oat milk", None),
    ("I'd like some bananas please", "bananas", None),
])
def test_parse_query(query: str, terms: str, bound: int | None) -> None:
    parsed = parse_query(query)
    assert parsed.terms == terms
    assert parsed.max_price_cents == bound


@pytest.mark.parametrize(("word", "singular"), [
    ("bananas", "banana"), ("boxes", "box"), ("peaches", "peach"), ("glass", "glass"),
    ("hummus", "hummus"), ("oj", "oj"), ("towels", "towel"),
])
def test_default_singular(word: str, singular: str) -> None:
    assert default_singular(word) == singular


def test_singular_variants_offer_y_and_f_forms() -> None:
    assert singular_variants("berries")[0] == "berry"
    assert "loaf" in singular_variants("loaves")
