"""The grocery benchmark's judge: outcomes built by hand, so the rules themselves are tested."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.bench.shop.judge import judge
from assistant.bench.shop.requests import Family, RequestsError, load_requests
from assistant.bench.shop.session import FirstTurn
from assistant.dialogue.types import Turn
from commerce.cart import CartLineView, CartView
from commerce.catalog import ProductInfo


def product(sku: str, name: str, brand: str, price: int = 299, category: str = "dairy") -> ProductInfo:
    return ProductInfo(id=int(sku[-2:]), sku=sku, store="grocery", name=name, brand=brand,
                       category=category, size="dozen", unit="dozen", price_cents=price,
                       currency="USD", stock=5, active=True, in_stock=True)


EGGS = product("GRO-01", "Large White Eggs", "Market Basics")
COLA = product("GRO-02", "Original Cola", "Coca-Cola", 749, "beverages")


def cart(*lines: tuple[ProductInfo, int]) -> CartView:
    views = [CartLineView(i, p.id, p.sku, p.name, q, [], p.price_cents, q * p.price_cents, True,
                          "") for i, (p, q) in enumerate(lines)]
    total = sum(v.line_total_cents for v in views)
    return CartView("alice", "grocery", "USD", views, sum(q for _, q in lines), total, 0, 0,
                    total)


def outcome(before: CartView, after: CartView, reply: str = "Added.", key: str = "added_one",
            pending: bool = False) -> FirstTurn:
    turn = Turn(user="", intent="add_to_cart", confidence=1.0, entities=[], reply=reply,
                reply_key=key)
    return FirstTurn(turn, before, after, pending, {"GRO-01": EGGS, "GRO-02": COLA})


def requests_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "requests.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_families_fold_case_punctuation_and_plurals() -> None:
    assert Family.parse({"product": "eggs"}).accepts("Market Basics", "Large White Eggs")
    assert Family.parse({"product": "coke|coca cola"}).accepts("Coca-Cola", "Original Cola")
    assert not Family.parse({"product": "oat milk"}).accepts("Market Basics", "Whole Milk")
    assert Family.parse({"category": "Beverages"}).accepts(None, "Anything", "beverages")


def test_an_add_is_right_only_with_the_family_and_the_quantity(tmp_path: Path) -> None:
    [request] = load_requests(requests_file(tmp_path, """
- {id: a, say: add a dozen eggs, kind: add, expect: {added: [{product: egg, quantity: 1}]}}
"""))
    assert judge(request.expect, outcome(cart(), cart((EGGS, 1))), [EGGS, COLA]).ok
    assert not judge(request.expect, outcome(cart(), cart((EGGS, 12))), [EGGS, COLA]).ok
    assert not judge(request.expect, outcome(cart(), cart((COLA, 1))), [EGGS, COLA]).ok
    assert not judge(request.expect, outcome(cart(), cart((EGGS, 1), (COLA, 1))),
                     [EGGS, COLA]).ok  # something else was added too
    asked = outcome(cart(), cart(), "Which eggs?", "ask_choice", pending=True)
    assert "asked" in judge(request.expect, asked, [EGGS, COLA]).why


def test_a_price_answer_names_the_product_and_says_its_price(tmp_path: Path) -> None:
    [request] = load_requests(requests_file(tmp_path, """
- {id: p, say: how much are eggs, kind: price, expect: {answer: {aspect: price, product: eggs}}}
"""))
    right = "Large White Eggs, dozen, two dollars and ninety nine cents."
    assert judge(request.expect, outcome(cart(), cart(), right, "product_info"), [EGGS]).ok
    wrong = "Large White Eggs, dozen, three dollars."
    assert not judge(request.expect, outcome(cart(), cart(), wrong, "product_info"), [EGGS]).ok


def test_removal_and_new_quantity(tmp_path: Path) -> None:
    remove, change = load_requests(requests_file(tmp_path, """
- {id: r, say: take the eggs out, kind: remove, expect: {removed: {product: egg}}}
- {id: c, say: make it two, kind: change, expect: {quantity: {product: egg, quantity: 2}}}
"""))
    assert judge(remove.expect, outcome(cart((EGGS, 1)), cart()), [EGGS]).ok
    assert not judge(remove.expect, outcome(cart((EGGS, 1)), cart((EGGS, 1))), [EGGS]).ok
    assert judge(change.expect, outcome(cart((EGGS, 1)), cart((EGGS, 2))), [EGGS]).ok


def test_a_bad_requests_file_says_what_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(RequestsError, match="expect should be"):
        load_requests(requests_file(tmp_path, "- {id: x, say: hi, kind: add, expect: {}}\n"))
    with pytest.raises(RequestsError, match="No benchmark requests"):
        load_requests(tmp_path / "missing.yml")
