"""Reorder proposals and recommendations from order history."""

from __future__ import annotations

import pytest
from commerce_factories import customer, sku
from sqlalchemy.orm import Session

from commerce.cart import add_to_cart, view_cart
from commerce.errors import NothingToReorder
from commerce.orders import checkout
from commerce.recommend import bought_together, recommend_for_cart, similar_products
from commerce.reorder import apply_proposal, propose, propose_item, propose_last, propose_usual


def buy(shop: Session, who: str, items: dict[str, int], key: str) -> None:
    for code, qty in items.items():
        add_to_cart(shop, who, sku(shop, code).id, qty)
    checkout(shop, who, store="grocery", idempotency_key=key)


@pytest.fixture
def history(shop: Session) -> Session:
    buy(shop, "alice", {"GRO-BAN": 6, "GRO-OJ": 1}, "1")
    buy(shop, "alice", {"GRO-BAN": 6, "GRO-OJ": 1}, "2")
    buy(shop, "alice", {"GRO-PTW": 2, "GRO-COF": 1}, "3")
    return shop


def test_last_order_proposal_does_not_touch_the_cart(history: Session) -> None:
    proposal = propose_last(history, "alice", store="grocery")
    assert proposal.kind == "last"
    assert [(x.sku, x.quantity) for x in proposal.lines] == [("GRO-PTW", 2), ("GRO-COF", 1)]
    assert proposal.total_cents == 2 * 1199 + 899
    assert view_cart(history, "alice", store="grocery").is_empty
    view = apply_proposal(history, "alice", proposal, store="grocery")
    assert [(x.sku, x.quantity) for x in view.lines] == [("GRO-PTW", 2), ("GRO-COF", 1)]


def test_the_usual_is_the_most_frequent_basket(history: Session) -> None:
    proposal = propose(history, "alice", "the usual", store="grocery")
    assert proposal.kind == "usual"
    assert sorted((x.sku, x.quantity) for x in proposal.lines) == [("GRO-BAN", 6),
                                                                    ("GRO-OJ", 1)]


def test_named_item_from_past_orders(history: Session) -> None:
    proposal = propose_item(history, "alice", "the paper towels", store="grocery")
    assert [(x.sku, x.quantity) for x in proposal.lines] == [("GRO-PTW", 2)]
    with pytest.raises(NothingToReorder):
        propose_item(history, "alice", "dishwasher tablets", store="grocery")


def test_unavailable_items_are_listed_not_proposed(history: Session) -> None:
    from sqlalchemy import update

    from commerce.catalog.models import Product

    history.execute(update(Product).where(Product.sku == "GRO-OJ").values(stock=0))
    history.commit()
    proposal = propose_usual(history, "alice", store="grocery")
    assert [x.sku for x in proposal.lines] == ["GRO-BAN"]
    assert proposal.unavailable == ["Pure Premium Orange Juice"]


def test_no_history(shop: Session) -> None:
    customer(shop, "newbie")
    with pytest.raises(NothingToReorder):
        propose_last(shop, "newbie", store="grocery")
    with pytest.raises(NothingToReorder):
        propose_usual(shop, "newbie", store="grocery")


def test_bought_together_ranks_by_co_occurrence(history: Session) -> None:
    recs = bought_together(history, sku(history, "GRO-BAN").id)
    assert [r.product.sku for r in recs] == ["GRO-OJ"]
    assert recs[0].reason == "bought_together" and recs[0].score == 1.0
    assert bought_together(history, sku(history, "GRO-BAN").id,
                           exclude={sku(history, "GRO-OJ").id}) == []


def test_similar_products_same_category(history: Session) -> None:
    recs = similar_products(history, sku(history, "GRO-COF").id)
    assert [r.product.sku for r in recs] == ["GRO-LAV"]
    produce = {r.product.sku for r in similar_products(history, sku(history, "GRO-BAN").id,
                                                        limit=10)}
    assert produce == {"GRO-APL"}  # strawberries are out of stock, kiwis inactive


def test_recommend_for_cart_excludes_cart_items(history: Session) -> None:
    add_to_cart(history, "alice", sku(history, "GRO-BAN").id, 1)
    recs = recommend_for_cart(history, "alice", store="grocery")
    skus = [r.product.sku for r in recs]
    assert skus[0] == "GRO-OJ" and "GRO-BAN" not in skus
    add_to_cart(history, "alice", sku(history, "GRO-OJ").id, 1)
    skus = [r.product.sku for r in recommend_for_cart(history, "alice", store="grocery")]
    assert "GRO-OJ" not in skus and "GRO-BAN" not in skus


def test_apply_proposal_is_all_or_nothing(history: Session) -> None:
    from commerce.errors import QuantityOutOfRange

    add_to_cart(history, "alice", sku(history, "GRO-COF").id, 99)  # the next +1 must fail
    proposal = propose_last(history, "alice", store="grocery")  # paper towels x2, coffee x1
    with pytest.raises(QuantityOutOfRange):
        apply_proposal(history, "alice", proposal, store="grocery")
    view = view_cart(history, "alice", store="grocery")
    assert [(x.sku, x.quantity) for x in view.lines] == [("GRO-COF", 99)]
