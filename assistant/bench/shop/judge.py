"""Whether the first turn ended right: the cart lines it added or changed, or the answer.

Every rule reads the outcome (the cart before and after, the reply and its key), never how
the assistant got there, so the judge holds for any implementation.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.bench.shop.requests import Expect, Family, Line
from assistant.bench.shop.session import FirstTurn
from assistant.dialogue.speech_format import money_words, size_words
from assistant.dialogue.wording import active
from commerce.catalog import ProductInfo
from storedata.text import fold, with_digits

# The replies each intent gives (data/replies.yml keys), and the ones a product answer uses.
INTENT_REPLIES: dict[str, tuple[str, ...]] = {
    "view_cart": ("cart_contents", "cart_empty"),
    "checkout": ("confirm_checkout", "ask_pin", "checkout_empty"),
    "reorder": ("confirm_reorder_last", "confirm_reorder_usual", "confirm_reorder_item"),
    "order_status": ("order_status_", "no_orders"),
    "cancel_order": ("confirm_cancel_order", "no_open_order", "order_not_cancellable"),
    "faq": ("faq_answer",),
    "recommend": ("recommend",),
    "help": ("help",),
    "search_product": ("search_results", "search_one", "info_have_several"),
}
STOCK_REPLIES = ("info_in_stock", "info_out_of_stock", "info_other_in_stock", "info_have_several",
                 "product_info")
ORGANIC_REPLIES = ("info_organic", "info_not_organic", "info_organic_all", "info_organic_none",
                   "info_organic_some")


@dataclass(frozen=True)
class Verdict:
    ok: bool
    why: str = ""


def _quantities(cart_lines: list, products: dict[str, ProductInfo]) -> dict[str, int]:
    out: dict[str, int] = {}
    for line in cart_lines:
        out[line.sku] = out.get(line.sku, 0) + line.quantity
    return out


def _accepts(family: Family, product: ProductInfo | None) -> bool:
    return product is not None and family.accepts(product.brand, product.name, product.category)


def _added(expected: tuple[Line, ...], outcome: FirstTurn) -> Verdict:
    before = _quantities(outcome.before.lines, outcome.products)
    after = _quantities(outcome.after.lines, outcome.products)
    added = {sku: q - before.get(sku, 0) for sku, q in after.items() if q > before.get(sku, 0)}
    if outcome.pending and len(added) < len(expected):
        return Verdict(False, f"asked: {outcome.turn.reply}")
    left = dict(added)
    for line in expected:
        sku = next((s for s in left if _accepts(line.family, outcome.products.get(s))), None)
        if sku is None:
            return Verdict(False, f"no {line.family} added; reply: {outcome.turn.reply}")
        if left.pop(sku) != line.quantity:
            return Verdict(False, f"{line.family}: {added[sku]} added, not {line.quantity}")
    if left:
        return Verdict(False, f"also added {', '.join(left)}")
    return Verdict(True)


def _mentions(reply: str, words: str) -> bool:
    wording = active()  # another language: its names, and no spaces to count on (Japanese)
    if wording.localized:
        return fold(wording.name(words)).replace(" ", "") in fold(reply).replace(" ", "")
    return f" {fold(words)} " in f" {fold(reply)} "


def _answer(expect: Expect, outcome: FirstTurn, catalog: list[ProductInfo]) -> Verdict:
    reply, key = outcome.turn.reply, outcome.turn.reply_key
    if _quantities(outcome.before.lines, {}) != _quantities(outcome.after.lines, {}):
        return Verdict(False, "the cart changed")
    assert expect.about is not None
    family = [p for p in catalog if _accepts(expect.about, p)]
    named = [p for p in family if _mentions(reply, p.name)]
    if not named and not key.startswith("info_have_several"):
        return Verdict(False, f"names no {expect.about}: {reply}")
    about = named or family
    if expect.aspect == "price":
        ok = any(_mentions(reply, money_words(p.price_cents)) for p in about)
    elif expect.aspect == "size":
        ok = any(p.size and (_mentions(with_digits(reply), with_digits(size_words(p.size)))
                             or _mentions(reply, p.size)) for p in about)
    elif expect.aspect == "stock":
        ok = key.startswith(STOCK_REPLIES)
    else:
        ok = key in ORGANIC_REPLIES
    return Verdict(ok, "" if ok else f"no {expect.aspect} in: {reply}")


def judge(expect: Expect, outcome: FirstTurn, catalog: list[ProductInfo]) -> Verdict:
    turn = outcome.turn
    if expect.added:
        return _added(expect.added, outcome)
    if expect.removed is not None:
        gone = not any(_accepts(expect.removed, outcome.products.get(ln.sku))
                       for ln in outcome.after.lines)
        had = any(_accepts(expect.removed, outcome.products.get(ln.sku))
                  for ln in outcome.before.lines)
        return Verdict(had and gone, "" if had and gone else f"still there: {turn.reply}")
    if expect.quantity is not None:
        target = expect.quantity
        lines = [ln for ln in outcome.after.lines
                 if _accepts(target.family, outcome.products.get(ln.sku))]
        ok = any(ln.quantity == target.quantity for ln in lines)
        return Verdict(ok, "" if ok else f"not {target.quantity}: {turn.reply}")
    if expect.aspect is not None:
        return _answer(expect, outcome, catalog)
    assert expect.intent is not None
    if not turn.reply_key.startswith(INTENT_REPLIES[expect.intent]):
        return Verdict(False, f"{turn.reply_key}: {turn.reply}")
    missing = [w for w in expect.says if not _mentions(turn.reply, w)]
    return Verdict(not missing, f"does not say {missing}: {turn.reply}" if missing else "")
