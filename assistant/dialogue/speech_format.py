"""Replies written to be heard: money, quantities and short lists in plain spoken words.

In English here; in another language as the turn's wording says them (``wording.active``).
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.dialogue.wording import active
from storedata.numbers import ONES
from storedata.numbers import number_words as english_number
from storedata.words import join_words as english_join


def number_words(n: int) -> str:
    """3 -> "three" (in the turn's language)."""
    wording = active()
    return wording.number(n) if wording.localized else english_number(n)


def order_number_words(n: int) -> str:
    """An order's number: "fourteen" (another language: digits, which its voice reads as a
    number, "14번")."""
    return english_number(n) if not active().localized else str(n)


def join_words(items: Sequence[str], conjunction: str = "and") -> str:
    """["a", "b", "c"] -> "a, b, and c" (in the turn's language)."""
    wording = active()
    return wording.join(items, conjunction) if wording.localized and items else \
        english_join(items, conjunction)

LIST_LIMIT = 3


def ordinal_words(n: int) -> str:
    """1 -> "first", 2 -> "second" (used when reading choices)."""
    if active().localized:
        return active().ordinal(n)
    special = {1: "first", 2: "second", 3: "third", 5: "fifth", 8: "eighth", 9: "ninth", 12: "twelfth"}
    if n in special:
        return special[n]
    word = number_words(n)
    if word.endswith("y"):
        return word[:-1] + "ieth"
    return word + "th"


def money_words(cents: int) -> str:
    """420 -> "four dollars and twenty cents", 100 -> "one dollar", 99 -> "ninety nine cents"."""
    if active().localized:
        return active().money(cents)
    if cents < 0:
        return "minus " + money_words(-cents)
    dollars, rest = divmod(cents, 100)
    parts: list[str] = []
    if dollars:
        parts.append(f"{number_words(dollars)} dollar{'s' if dollars != 1 else ''}")
    if rest or not dollars:
        parts.append(f"{number_words(rest)} cent{'s' if rest != 1 else ''}")
    return " and ".join(parts)


def quantity_words(quantity: int, name: str) -> str:
    """3, "Bananas" -> "three Bananas"; 1, "Oat Milk" -> "one Oat Milk"."""
    if active().localized:
        return active().quantity(quantity, name)
    return f"{number_words(quantity)} {name}"


def spoken_list(items: Sequence[str], limit: int = LIST_LIMIT) -> tuple[str, bool]:
    """At most ``limit`` items joined for speech; the flag says whether more remain."""
    shown = list(items[:limit])
    return join_words(shown), len(items) > limit


def numbered_list(items: Sequence[str], start: int = 1) -> str:
    """["Oatly", "Silk"] -> "first, Oatly; second, Silk"."""
    if active().localized:
        return active().numbered(items, start)
    return "; ".join(f"{ordinal_words(start + i)}, {item}" for i, item in enumerate(items))


def product_phrase(name: str, size: str | None, price_cents: int) -> str:
    """Short description to be heard: "Oatly Oat Milk, 64 ounces, four dollars and twenty cents"."""
    bits = [name]
    if size:
        bits.append(size_words(size))
    bits.append(money_words(price_cents))
    return ", ".join(bits)


_UNIT_WORDS = {
    "lb": "pound",
    "lbs": "pounds",
    "oz": "ounce",
    "fl oz": "fluid ounce",
    "ct": "count",
    "pk": "pack",
    "g": "gram",
    "kg": "kilogram",
    "ml": "millilitre",
    "l": "litre",
    "gal": "gallon",
    "qt": "quart",
    "pt": "pint",
    "in": "inch",
}


def size_words(size: str) -> str:
    """"64 oz" -> "64 ounces"; "1 lb" -> "1 pound"; "12 ct" -> "12 count"; others unchanged."""
    if active().localized:
        return active().size(size)
    parts = size.strip().split(" ", 1)
    if len(parts) != 2:
        return size
    amount, unit = parts
    word = _UNIT_WORDS.get(unit.lower().rstrip("."))
    if word is None:
        return size
    numeric = amount.replace(".", "", 1).isdigit()
    plural = numeric and amount not in {"1", "1.0"} and word not in {"count"}
    return f"{amount} {word}{'s' if plural and not word.endswith('s') else ''}"


def digits_words(digits: str) -> str:
    """Order numbers read digit by digit: "1042" -> "one zero four two"."""
    if active().localized:
        return " ".join(ch for ch in digits if ch.isdigit())
    return " ".join(ONES[int(ch)] for ch in digits if ch.isdigit())


_SYMBOLS = (("%", " percent"), ("&", " and "), ("+", " plus "), ("#", " number "))


def speakable(text: str) -> str:
    """Symbols a speech engine may skip, in words: "2% Milk" -> "2 percent Milk", "M&M's"."""
    for symbol, words in _SYMBOLS:
        text = text.replace(symbol, words)
    return " ".join(text.split())
