"""Find the menu's phrases in what was heard, tolerantly, resolving overlaps.

Every menu phrase (drinks, modifier options, amount phrases and their spoken variants) is
compared with the spans of the transcript by rapidfuzz similarity. Overlapping candidates are
resolved by choosing the set of non-overlapping spans with the greatest total weight, where a
span weighs its length discounted steeply by how inexact it is: "medium roast" beats "medium",
"iced mocha" beats "mocha" when "ice mocha" was heard, and exact "some milk" beats a fuzzy
"soy milk".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from text_to_num import alpha2digit

from nlu.cover import best_cover
from nlu.menu.menu import AMOUNT_GROUPS, Menu
from storedata.corpus import DRINK_SLOT, LABEL_SLOTS
from storedata.numbers import ONES
from storedata.text import fold
from storedata.words import FUNCTION_WORDS

SMALL_NUMBERS = {w: str(i) for i, w in enumerate(ONES[:11])}  # "two" -> "2"
UNIT_SPELLINGS = {"ounces": "ounce", "oz": "ounce", "shots": "shot"}
MIN_RATIO = 80.0      # below this a span is not that phrase
FUZZ_PENALTY = 4      # weight = chars * (ratio/100) ** FUZZ_PENALTY
MAX_AMOUNT_GAP = 1    # tokens allowed between an amount phrase and its milk / sweetener


def normalize(text: str) -> list[str]:
    """The one normaliser's form (``storedata.text.fold``) as tokens, numbers as digits,
    units in one spelling."""
    text = fold(text)
    text = alpha2digit(text, "en") if text else text
    return [UNIT_SPELLINGS.get(t, SMALL_NUMBERS.get(t, t)) for t in text.split()]


@dataclass(frozen=True)
class Match:
    start: int
    end: int  # exclusive token index
    group: str  # "drink", "amount", or a modifier group
    option: str
    ratio: float

    @property
    def weight(self) -> float:
        return len(self.option) * (self.ratio / 100.0) ** FUZZ_PENALTY


@dataclass
class DrinkOrder:
    drink: str | None = None
    modifiers: dict[str, str] | None = None  # group -> option
    amounts: dict[str, str] | None = None  # group (milk / sweetener) -> amount phrase

    def to_slots(self) -> dict[str, str]:
        """Slots in the corpus's label format, using the menu's own phrases."""
        slots: dict[str, str] = {}
        if self.drink:
            slots[DRINK_SLOT] = self.drink
        mods, amounts = self.modifiers or {}, self.amounts or {}
        for slot, group in LABEL_SLOTS.items():
            if group in mods:
                amount = amounts.get(group)
                slots[slot] = f"{amount} {mods[group]}" if amount else mods[group]
        return slots


@lru_cache(maxsize=8)
def _phrase_table(menu: Menu) -> tuple[tuple[tuple[str, ...], str, str], ...]:
    table = {(tuple(normalize(p)), g, o) for p, g, o in menu.phrases()}
    return tuple(sorted(t for t in table if t[0]))


def find_matches(tokens: list[str], menu: Menu) -> list[Match]:
    """Every span of the transcript that is close enough to a menu phrase."""
    found: list[Match] = []
    for phrase, group, option in _phrase_table(menu):
        target = " ".join(phrase)
        for width in {max(1, len(phrase) - 1), len(phrase), len(phrase) + 1}:
            for start in range(0, len(tokens) - width + 1):
                span = " ".join(tokens[start : start + width])
                ratio = 100.0 if span == target else _similarity(span, target)
                if ratio >= MIN_RATIO:
                    found.append(Match(start, start + width, group, option, ratio))
    return found


def _similarity(span: str, target: str) -> float:
    if len(target) <= 4:  # short words must be heard exactly
        return 0.0
    wanted = set(target.split())
    if any(w in FUNCTION_WORDS and w not in wanted for w in span.split()):
        return 0.0
    return float(fuzz.ratio(span, target))


def spot(text: str, menu: Menu) -> DrinkOrder:
    """The drink order heard in ``text``: the strongest drink, each group's option, amounts."""
    tokens = normalize(text)
    chosen = best_cover(find_matches(tokens, menu), len(tokens))
    order = DrinkOrder(modifiers={}, amounts={})
    assert order.modifiers is not None and order.amounts is not None
    drinks = [m for m in chosen if m.group == "drink"]
    if drinks:
        order.drink = max(drinks, key=lambda m: (m.weight, m.start)).option
    for i, m in enumerate(chosen):
        if m.group in ("drink", "amount"):
            continue
        order.modifiers.setdefault(m.group, m.option)
        if m.group in AMOUNT_GROUPS and i > 0:
            prev = chosen[i - 1]
            if prev.group == "amount" and m.start - prev.end <= MAX_AMOUNT_GAP:
                order.amounts.setdefault(m.group, prev.option)
    return order
