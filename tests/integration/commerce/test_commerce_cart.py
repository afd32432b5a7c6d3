"""Cart arithmetic in cents, quantity bounds, modifiers, merging."""

from __future__ import annotations

import pytest
from commerce_factories import customer, sku
from sqlalchemy.orm import Session

from commerce.cart import add_to_cart, clear_cart, find_line, remove_line, set_quantity, view_cart
from commerce.catalog import ChosenModifier
from commerce.errors import (
    CartLineNotFound,
    InvalidModifier,
    MissingModifier,
    OutOfStock,
    ProductNotFound,
    QuantityOutOfRange,
    UnknownCustomer,
)


def test_totals_in_integer_cents_with_half_up_tax(shop: Session) -> None:
    add_to_cart(shop, "alice", sku(shop, "GRO-BAN").id, 3)  # 3 x 69 = 207
    view = add_to_cart(shop, "alice", sku(shop, "GRO-OJ").id, 2)  # 2 x 449 = 898
    assert [line.line_total_cents for line in view.lines] == [207, 898]
    assert view.subtotal_cents == 1105
    assert view.tax_cents == 91  # 1105 * 8.25 % = 91.1625 -> 91
    assert view.total_cents == 1196
    assert view.item_count == 5
    assert all(isinstance(v, int) for v in (view.subtotal_cents, view.tax_cents,
                                            view.total_cents))


def test_half_up_rounding_at_exactly_half_a_cent(shop: Session) -> None:
    add_to_cart(shop, "alice", sku(shop, "GRO-APJ").id, 2)  # 658 * 0.0825 = 54.285 -> 54
    view = add_to_cart(shop, "alice", sku(shop, "GRO-BAN").id, 2)  # 796 * .0825 = 65.67 -> 66
    assert view.subtotal_cents == 796
    assert view.tax_cents == 66


@pytest.mark.parametrize("quantity", [0, -1, 100])
def test_quantity_bounds(shop: Session, quantity: int) -> None:
    with pytest.raises(QuantityOutOfRange) as err:
        add_to_cart(shop, "alice", sku(shop, "GRO-BAN").id, quantity)
    assert "between 1 and 99" in err.value.message
    assert view_cart(shop, "alice", store="grocery").is_empty


def test_same_product_merges_and_stays_capped(shop: Session) -> None:
    banana = sku(shop, "GRO-BAN").id
    add_to_cart(shop, "alice", banana, 60)
    view = add_to_cart(shop, "alice", banana, 39)
    assert len(view.lines) == 1 and view.lines[0].quantity == 99
    with pytest.raises(QuantityOutOfRange):
        add_to_cart(shop, "alice", banana, 1)
    assert view_cart(shop, "alice", store="grocery").lines[0].quantity == 99


def test_set_quantity_remove_and_clear(shop: Session) -> None:
    view = add_to_cart(shop, "alice", sku(shop, "GRO-BAN").id, 2)
    add_to_cart(shop, "alice", sku(shop, "GRO-OJ").id, 1)
    line = view.lines[0].line_id
    assert set_quantity(shop, "alice", line, 5, store="grocery").lines[0].quantity == 5
    with pytest.raises(QuantityOutOfRange):
        set_quantity(shop, "alice", line, 0, store="grocery")
    view = remove_line(shop, "alice", line, store="grocery")
    assert [x.sku for x in view.lines] == ["GRO-OJ"]
    with pytest.raises(CartLineNotFound):
        remove_line(shop, "alice", line, store="grocery")
    assert clear_cart(shop, "alice", store="grocery").is_empty


def test_find_line_by_spoken_name(shop: Session) -> None:
    add_to_cart(shop, "alice", sku(shop, "GRO-BAN").id, 2)
    view = add_to_cart(shop, "alice", sku(shop, "GRO-OJ").id, 1)
    found = find_line(view, "the bananas")
    assert found is not None and found.sku == "GRO-BAN"
    assert find_line(view, "dishwasher") is None


def test_a_misheard_name_finds_the_line_that_sounds_like_it(shop: Session) -> None:
    add_to_cart(shop, "alice", sku(shop, "GRO-BAN").id, 2)
    view = add_to_cart(shop, "alice", sku(shop, "GRO-COF").id, 1)  # Ground Coffee
    found = find_line(view, "the ground toffee")
    assert found is not None and found.sku == "GRO-COF"
    found = find_line(view, "the bonanzas")
    assert found is not None and found.sku == "GRO-BAN"
    assert find_line(view, "the tissues") is None  # like no line's name


def test_out_of_stock_inactive_and_unknown(shop: Session) -> None:
    with pytest.raises(OutOfStock) as err:
        add_to_cart(shop, "alice", sku(shop, "GRO-STR").id)
    assert err.value.items == ["Strawberries"]
    with pytest.raises(ProductNotFound):
        add_to_cart(shop, "alice", sku(shop, "GRO-KIW").id)
    with pytest.raises(UnknownCustomer):
        add_to_cart(shop, "nobody", sku(shop, "GRO-BAN").id)
    assert view_cart(shop, "alice", store="grocery").is_empty


def test_modifiers_price_and_defaults(shop: Session) -> None:
    latte = sku(shop, "CAF-LAT")
    view = add_to_cart(shop, "alice", latte.id, 2, [
        ChosenModifier("size", "large"), ChosenModifier("milk", "oat", "a lot of"),
        ChosenModifier("sweetener", "honey"), ChosenModifier("sweetener", "sugar"),
    ])
    line = view.lines[0]
    assert line.unit_price_cents == 450 + 100 + 70 + 25
    assert line.line_total_cents == 2 * 645
    groups = {(m.group, m.option) for m in line.modifiers}
    assert ("shots", "single shot") in groups  # default filled
    assert ("milk", "oat milk") in groups  # "oat" understood as "oat milk"
    assert ("sweetener", "honey") in groups and ("sweetener", "sugar") in groups
    assert next(m for m in line.modifiers if m.group == "milk").amount == "a lot of"
    assert view.store == "cafe"


def test_same_modifiers_merge_other_modifiers_do_not(shop: Session) -> None:
    latte = sku(shop, "CAF-LAT").id
    add_to_cart(shop, "alice", latte, 1, [ChosenModifier("size", "large")])
    view = add_to_cart(shop, "alice", latte, 1, [ChosenModifier("size", "LARGE")])
    assert [x.quantity for x in view.lines] == [2]
    view = add_to_cart(shop, "alice", latte, 1, [ChosenModifier("size", "small")])
    assert [x.quantity for x in view.lines] == [2, 1]


def test_missing_required_modifier_names_the_group(shop: Session) -> None:
    with pytest.raises(MissingModifier) as err:
        add_to_cart(shop, "alice", sku(shop, "CAF-LAT").id, 1)
    assert err.value.group == "size"
    assert "small" in err.value.message and "large" in err.value.message


def test_invalid_modifier(shop: Session) -> None:
    latte = sku(shop, "CAF-LAT").id
    with pytest.raises(InvalidModifier) as err:
        add_to_cart(shop, "alice", latte, 1, [ChosenModifier("size", "gigantic")])
    assert err.value.choices == ["small", "large"]
    with pytest.raises(InvalidModifier):
        add_to_cart(shop, "alice", latte, 1, [ChosenModifier("topping", "sprinkles")])
    with pytest.raises(InvalidModifier):
        add_to_cart(shop, "alice", latte, 1, [ChosenModifier("size", "large"),
                                               ChosenModifier("milk", "oat milk", "buckets of")])
    assert view_cart(shop, "alice", store="cafe").is_empty


def test_carts_are_per_customer_and_store(shop: Session) -> None:
    customer(shop, "bob")
    add_to_cart(shop, "alice", sku(shop, "GRO-BAN").id, 1)
    assert view_cart(shop, "bob", store="grocery").is_empty
    assert view_cart(shop, "alice", store="cafe").is_empty
