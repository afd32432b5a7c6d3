"""Money in integer cents: formatting, parsing and tax (half up from basis points)."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from commerce.errors import InvalidData

SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "$", "AUD": "$"}
_PRICE = re.compile(r"^\s*\$?\s*(\d+)(?:[.,](\d{1,2}))?\s*$")


def format_cents(cents: int, currency: str = "USD") -> str:
    """420 -> "$4.20"; negative amounts get a leading minus."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(int(cents)), 100)
    symbol = SYMBOLS.get(currency, "")
    suffix = "" if symbol else f" {currency}"
    return f"{sign}{symbol}{whole:,}.{part:02d}{suffix}"


def tax_cents(subtotal_cents: int, rate_bp: int) -> int:
    """Tax on a subtotal, rate in basis points (825 = 8.25 %), rounded half up to the cent."""
    exact = Decimal(subtotal_cents) * Decimal(rate_bp) / Decimal(10_000)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_price_to_cents(text: str) -> int:
    """"7.50" -> 750, "$5" -> 500, "4,2" -> 420. Raises InvalidData for anything else."""
    match = _PRICE.match(text)
    if not match:
        raise InvalidData(f"{text!r} is not a price.")
    whole, part = match.group(1), match.group(2) or "0"
    try:
        return int(whole) * 100 + int(Decimal(part.ljust(2, "0")))
    except InvalidOperation as exc:  # pragma: no cover - the regex already guards
        raise InvalidData(f"{text!r} is not a price.") from exc


def spoken_cents(cents: int) -> str:
    """A form that reads well aloud: 420 -> "4 dollars 20", 500 -> "5 dollars"."""
    whole, part = divmod(abs(int(cents)), 100)
    unit = "dollar" if whole == 1 else "dollars"
    text = f"{whole} {unit}" if not part else f"{whole} {unit} {part:02d}"
    return ("minus " if cents < 0 else "") + text
