"""Words that name a product in one context and something else in another.

A shopper who says "add the eggs" or "remove the chips" means a product, although the store
files name a category ("eggs" is the dairy and eggs category) or a need ("butter" is a keyword
of dairy). "Whole milk" and "brown sugar" are grocery products as well as cafe options. The
generator trains such words as products in the intents about one product (add, remove, ...),
and as categories or cafe options elsewhere.
"""

from __future__ import annotations

Banks = dict[str, dict[str, list[str]]]

GENERAL_BANKS = ("category", "keyword")
CAFE_BANKS = ("drink", "milk", "sweetener")


def _heads(names: list[str]) -> set[str]:
    """The last word and the last two words of each product name."""
    out: set[str] = set()
    for name in names:
        words = name.split()
        out.update(" ".join(words[-n:]) for n in (1, 2) if len(words) > n)
    return out


def item_words(banks: Banks) -> tuple[set[str], set[str]]:
    """(general words that are product heads, product forms shared with the cafe menu).

    Call before the conflicts are resolved: it needs every bank's own forms.
    """
    products = banks.get("product", {})
    product_forms = {f for forms in products.values() for f in forms}
    heads = _heads([forms[0] for forms in products.values() if forms]) | product_forms
    general = {f for name in GENERAL_BANKS for forms in banks.get(name, {}).values() for f in forms}
    general -= set(banks.get("category", {}))  # "snacks" names its category, never one product
    cafe = {f for name in CAFE_BANKS for forms in banks.get(name, {}).values() for f in forms}
    return general & heads, cafe & product_forms
