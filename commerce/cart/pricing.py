"""Pricing and stock rules as small strategy objects, and modifier validation."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz import fuzz, process

from commerce.catalog.info import ChosenModifier, ModifierGroupInfo, ProductInfo
from commerce.checks import Check
from commerce.errors import InvalidModifier, MissingModifier

MIN_QUANTITY = 1
MAX_QUANTITY = 99


class PriceRule(Protocol):
    def unit_price(self, product: ProductInfo, modifiers: Sequence[ChosenModifier]) -> int: ...


class StockRule(Protocol):
    def check(self, product: ProductInfo, quantity: int) -> Check: ...


@dataclass(frozen=True)
class BasePlusDeltas:
    """Unit price = base price + the price delta of every chosen option."""

    def unit_price(self, product: ProductInfo, modifiers: Sequence[ChosenModifier]) -> int:
        total = product.price_cents
        for chosen in modifiers:
            group = product.group(chosen.group)
            option = group.option(chosen.option) if group else None
            if option is not None:
                total += option.price_delta_cents
        return total


@dataclass(frozen=True)
class MustBeInStock:
    """A product can be added while active with stock > 0 (checkout re-checks quantities)."""

    def check(self, product: ProductInfo, quantity: int) -> Check:
        if not product.active or product.stock <= 0:
            return Check.no("out_of_stock", f"Sorry, {product.name} is out of stock.")
        return Check.yes()


DEFAULT_PRICE_RULE: PriceRule = BasePlusDeltas()
DEFAULT_STOCK_RULE: StockRule = MustBeInStock()


def price_line(product: ProductInfo, modifiers: Sequence[ChosenModifier]) -> int:
    return DEFAULT_PRICE_RULE.unit_price(product, modifiers)


def _match_option(group: ModifierGroupInfo, said: str) -> str | None:
    exact = group.option(said)
    if exact is not None:
        return exact.name
    names = [o.name for o in group.options]
    lowered = said.strip().lower()
    contained = [n for n in names if lowered in n.lower().split() or n.lower() in lowered]
    if len(contained) == 1:
        return contained[0]
    found = process.extractOne(lowered, [n.lower() for n in names], scorer=fuzz.ratio,
                               score_cutoff=85)
    return names[found[2]] if found else None


def validate_modifiers(product: ProductInfo,
                       chosen: Sequence[ChosenModifier]) -> list[ChosenModifier]:
    """Check choices against the product's groups; fill defaults; canonical order and names."""
    picked: dict[str, list[ChosenModifier]] = {}
    for choice in chosen:
        group = product.group(choice.group)
        if group is None:
            raise InvalidModifier(choice.group, choice.option,
                                  [g.name for g in product.modifier_groups])
        option = _match_option(group, choice.option)
        if option is None:
            raise InvalidModifier(group.name, choice.option, [o.name for o in group.options])
        amount = choice.amount
        if amount and group.amounts and amount.lower() not in [a.lower() for a in group.amounts]:
            raise InvalidModifier(group.name, f"{amount} {option}", group.amounts)
        entries = picked.setdefault(group.name, [])
        if not group.multi:
            entries.clear()
        if all(e.option != option for e in entries):
            entries.append(ChosenModifier(group.name, option, amount or None))
    result: list[ChosenModifier] = []
    for group in product.modifier_groups:
        entries = picked.get(group.name, [])
        if not entries and group.default:
            entries = [ChosenModifier(group.name, group.default)]
        if not entries and group.required:
            raise MissingModifier(group.name, [o.name for o in group.options])
        result.extend(sorted(entries, key=lambda c: c.option))
    return result


def modifiers_key(modifiers: Sequence[ChosenModifier]) -> str:
    return json.dumps([m.to_json() for m in modifiers], sort_keys=True)


def describe(name: str, modifiers: Sequence[ChosenModifier]) -> str:
    """ "Latte (large, a lot of oat milk)" """
    if not modifiers:
        return name
    parts = [f"{m.amount} {m.option}" if m.amount else m.option for m in modifiers]
    return f"{name} ({', '.join(parts)})"
