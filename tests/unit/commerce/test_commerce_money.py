"""Money helpers: integer cents only."""

from __future__ import annotations

import pytest

from commerce.errors import InvalidData
from commerce.money import format_cents, parse_price_to_cents, spoken_cents, tax_cents


@pytest.mark.parametrize(("cents", "text"), [(420, "$4.20"), (5, "$0.05"), (0, "$0.00"),
                                             (-5, "-$0.05"), (123456, "$1,234.56")])
def test_format_cents(cents: int, text: str) -> None:
    assert format_cents(cents) == text


def test_format_other_currency() -> None:
    assert format_cents(420, "EUR") == "€4.20"
    assert format_cents(420, "JPY") == "4.20 JPY"


@pytest.mark.parametrize(("subtotal", "rate", "tax"), [
    (1000, 825, 83),   # 82.5 -> 83 (half up)
    (200, 825, 17),    # 16.5 -> 17
    (1105, 825, 91),   # 91.1625 -> 91
    (0, 825, 0),
    (999, 0, 0),
    (1, 5000, 1),      # 0.5 -> 1
])
def test_tax_rounds_half_up(subtotal: int, rate: int, tax: int) -> None:
    result = tax_cents(subtotal, rate)
    assert result == tax and isinstance(result, int)


@pytest.mark.parametrize(("text", "cents"), [("7.50", 750), ("$5", 500), ("4,2", 420),
                                             ("0.05", 5)])
def test_parse_price(text: str, cents: int) -> None:
    assert parse_price_to_cents(text) == cents


@pytest.mark.parametrize("text", ["", "abc", "1.234", "-3"])
def test_parse_price_rejects(text: str) -> None:
    with pytest.raises(InvalidData):
        parse_price_to_cents(text)


def test_spoken_cents() -> None:
    assert spoken_cents(420) == "4 dollars 20"
    assert spoken_cents(100) == "1 dollar"
