"""The cafe menu: drinks, modifier groups, amount phrases and spoken variants.

Read from the cafe store file (``data/stores/cafe.json``, see docs/DESIGN.md) or from a corpus
``menu.json`` ({"coffeeDrink": [...], "size": [...], ..., "amount": [...]}).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from storedata.corpus import CorpusMenu, read_menu_file

AMOUNT_GROUPS = ("milk", "sweetener")


class _Option(Protocol):
    @property
    def name(self) -> str: ...


class _Group(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def options(self) -> Sequence[_Option]: ...
    @property
    def amounts(self) -> Sequence[str]: ...


class MenuProduct(Protocol):
    """A product as the store file or the catalog gives it (``ProductRecord``,
    ``commerce.catalog.ProductInfo``): its name, aliases and modifier groups."""

    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> Sequence[str]: ...
    @property
    def modifier_groups(self) -> Sequence[_Group]: ...


@dataclass(frozen=True, eq=False)  # hashed by identity: spotting caches per menu
class Menu:
    drinks: tuple[str, ...]
    groups: dict[str, tuple[str, ...]]
    amounts: tuple[str, ...]
    # spoken variant -> (group or "drink", canonical option)
    variants: dict[str, tuple[str, str]] = field(default_factory=dict)

    def phrases(self) -> list[tuple[str, str, str]]:
        """Every (spoken phrase, group, canonical option), variants included."""
        out = [(d, "drink", d) for d in self.drinks]
        out += [(o, g, o) for g, opts in self.groups.items() for o in opts]
        out += [(a, "amount", a) for a in self.amounts]
        out += [(v, g, c) for v, (g, c) in self.variants.items()]
        return out

    @classmethod
    def load(cls, path: Path) -> Menu:
        """From a store file (``data/stores/cafe.json``) or a corpus ``menu.json``."""
        source = read_menu_file(path)
        if isinstance(source, CorpusMenu):
            return cls.from_corpus(source)
        return cls.from_products(source.active_products)

    @classmethod
    def from_corpus(cls, menu: CorpusMenu) -> Menu:
        return cls(menu.drinks, dict(menu.groups), menu.amounts, default_variants(menu.groups))

    @classmethod
    def from_products(cls, products: Sequence[MenuProduct]) -> Menu:
        """The drinks (products with modifier groups), their options, amounts and aliases."""
        drinks: list[str] = []
        groups: dict[str, list[str]] = {}
        amounts: list[str] = []
        variants: dict[str, tuple[str, str]] = {}
        for product in products:
            if not product.modifier_groups:
                continue
            drinks.append(product.name.lower())
            for alias in product.aliases:
                variants[alias.lower()] = ("drink", product.name.lower())
            for group in product.modifier_groups:
                names = groups.setdefault(group.name, [])
                names += [o.name for o in group.options if o.name not in names]
                amounts += [a for a in group.amounts if a not in amounts]
        frozen = {g: tuple(v) for g, v in groups.items()}
        variants = {**default_variants(frozen), **variants}
        return cls(tuple(drinks), frozen, tuple(amounts), variants)


# Other names a barista accepts for a menu option (used only when the menu has that option).
SYNONYMS = {
    "whole milk": ("full milk", "full fat milk", "full cream milk"),
    "skim milk": ("skimmed milk", "non fat milk", "fat free milk"),
    "soy milk": ("soya milk",),
}


def default_variants(groups: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, str]]:
    """Ordinary spoken variants of menu options: "double" for "double shot", "12 oz" …"""
    out: dict[str, tuple[str, str]] = {}
    for option in groups.get("shots", ()):
        word = option.split()[0]  # single / double / triple
        out[word] = ("shots", option)
        out[f"{word} shots"] = ("shots", option)
        count = {"single": "one", "double": "two", "triple": "three"}.get(word)
        if count:
            out[f"{count} shot" if count == "one" else f"{count} shots"] = ("shots", option)
    for option, names in SYNONYMS.items():
        group = next((g for g, opts in groups.items() if option in opts), None)
        if group is not None:
            out.update({name: (group, option) for name in names})
    for option in groups.get("size", ()):
        if option.endswith(" ounce"):
            head = option[: -len(" ounce")]
            out[f"{head} ounces"] = ("size", option)
            out[f"{head} oz"] = ("size", option)
    return out
