"""Pure rules: modifier validation, unit prices, PIN hashes, Check and error messages."""

from __future__ import annotations

import pytest

from commerce.cart.pricing import (
    MustBeInStock,
    describe,
    modifiers_key,
    price_line,
    validate_modifiers,
)
from commerce.catalog.info import (
    ChosenModifier,
    ModifierGroupInfo,
    ModifierOptionInfo,
    ProductInfo,
)
from commerce.checks import Check
from commerce.customers.pins import hash_pin, pin_matches, validate_pin
from commerce.errors import InvalidData, InvalidModifier, MissingModifier, OutOfStock


def drink(stock: int = 10) -> ProductInfo:
    def g(name: str, opts: dict[str, int], **kw: object) -> ModifierGroupInfo:
        return ModifierGroupInfo(name=name, required=bool(kw.get("required")),
                                 multi=bool(kw.get("multi")),
                                 default=kw.get("default"),  # type: ignore[arg-type]
                                 amounts=list(kw.get("amounts", [])),  # type: ignore[call-overload]
                                 options=[ModifierOptionInfo(k, v) for k, v in opts.items()])

    return ProductInfo(
        id=1, sku="CAF-1", store="cafe", name="Mocha", brand=None, category="drinks",
        size=None, unit=None, price_cents=500, currency="USD", stock=stock, active=True,
        in_stock=stock > 0,
        modifier_groups=[g("size", {"small": 0, "large": 120}, required=True),
                         g("milk", {"oat milk": 60, "soy milk": 50}, amounts=["a bit of"]),
                         g("shots", {"single": 0, "double": 90}, default="single")])


def test_unit_price_is_base_plus_deltas() -> None:
    chosen = validate_modifiers(drink(), [ChosenModifier("size", "large"),
                                          ChosenModifier("milk", "soy", "a bit of"),
                                          ChosenModifier("shots", "double")])
    assert price_line(drink(), chosen) == 500 + 120 + 50 + 90
    assert describe("Mocha", chosen) == "Mocha (large, a bit of soy milk, double)"


def test_defaults_and_canonical_order_make_equal_keys() -> None:
    a = validate_modifiers(drink(), [ChosenModifier("milk", "oat milk"),
                                     ChosenModifier("size", "Large")])
    b = validate_modifiers(drink(), [ChosenModifier("SIZE", "large"),
                                     ChosenModifier("milk", "oat")])
    assert a == b and modifiers_key(a) == modifiers_key(b)
    assert ChosenModifier("shots", "single") in a


def test_required_and_invalid() -> None:
    with pytest.raises(MissingModifier) as missing:
        validate_modifiers(drink(), [])
    assert missing.value.group == "size" and missing.value.code == "missing_modifier"
    with pytest.raises(InvalidModifier):
        validate_modifiers(drink(), [ChosenModifier("size", "venti")])
    with pytest.raises(InvalidModifier):
        validate_modifiers(drink(), [ChosenModifier("size", "small"),
                                     ChosenModifier("milk", "oat milk", "gallons of")])


def test_stock_rule() -> None:
    assert MustBeInStock().check(drink(), 1).ok
    check = MustBeInStock().check(drink(stock=0), 1)
    assert not check and check.reason == "out_of_stock"


def test_pin_hash_round_trip_and_salt() -> None:
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first != second and "2468" not in first
    assert pin_matches("2468", first) and pin_matches("2468", second)
    assert not pin_matches("1357", first)
    assert not pin_matches("2468", "garbage")
    with pytest.raises(InvalidData):
        validate_pin("12ab")


def test_check_and_messages_read_aloud() -> None:
    assert Check.yes() and not Check.no("x", "No.")
    err = OutOfStock(["Apples", "Pears", "Milk"])
    assert err.message == "Sorry, Apples, Pears, and Milk are out of stock."
    assert err.code == "out_of_stock" and err.items == ["Apples", "Pears", "Milk"]
