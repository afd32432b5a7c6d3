"""The one reader of a speech corpus's ``menu.json`` and the one map of its slot names.

The shared coffee-orders corpus names its slots in camel case: ``menu.json`` lists
``coffeeDrink``, ``size``, ``roast``, ``numberOfShots``, ``milk``, ``sugar`` and ``amount``;
``labels.json`` labels an order with ``milkAmount`` and ``sugarAmount`` ("a lot of whole
milk"). The design's names are the store's modifier groups: drink, size, roast, shots, milk,
sweetener, amount.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storedata.storefile import StoreDataError, StoreFile, parse_store

# menu.json slot -> the design's group (or "drink", "amount")
MENU_SLOTS = {"coffeeDrink": "drink", "size": "size", "roast": "roast",
              "numberOfShots": "shots", "milk": "milk", "sugar": "sweetener", "amount": "amount"}
# labels.json slot -> the modifier group it labels (its value may lead with an amount)
LABEL_SLOTS = {"size": "size", "roast": "roast", "numberOfShots": "shots",
               "milkAmount": "milk", "sugarAmount": "sweetener"}
DRINK_SLOT = "coffeeDrink"


@dataclass(frozen=True)
class CorpusMenu:
    drinks: tuple[str, ...]
    groups: dict[str, tuple[str, ...]]  # modifier group -> options
    amounts: tuple[str, ...]
    order: tuple[str, ...] = ()  # the design's names in the file's order

    def slots(self) -> dict[str, list[str]]:
        """By the design's names, in the file's order: {"size": [...], "drink": [...], ...}."""
        values = {"drink": list(self.drinks), **{g: list(o) for g, o in self.groups.items()},
                  "amount": list(self.amounts)}
        order = self.order or tuple(values)
        return {name: values[name] for name in order if name in values}


def _load(path: Path) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreDataError(f"I couldn't read the menu {Path(path).name}: {exc}.") from exc


def read_corpus_menu(path: Path) -> CorpusMenu:
    return parse_corpus_menu(_load(path))


def read_menu_file(path: Path) -> StoreFile | CorpusMenu:
    """A cafe store file or a corpus ``menu.json``, told apart by what they hold."""
    raw = _load(path)
    if isinstance(raw, Mapping) and "products" in raw:
        return parse_store(raw, source=Path(path).name)
    return parse_corpus_menu(raw)


def parse_corpus_menu(raw: Any) -> CorpusMenu:
    if not isinstance(raw, Mapping) or DRINK_SLOT not in raw:
        raise StoreDataError(f"A corpus menu needs a {DRINK_SLOT} list.")
    groups = {MENU_SLOTS[k]: tuple(str(v) for v in values) for k, values in raw.items()
              if MENU_SLOTS.get(k) not in (None, "drink", "amount")}
    return CorpusMenu(tuple(str(d) for d in raw[DRINK_SLOT]), groups,
                      tuple(str(a) for a in raw.get("amount", ())),
                      tuple(MENU_SLOTS[k] for k in raw if k in MENU_SLOTS))
