"""Rasa's entities merged with the catalog spotter's findings, so that every product said
finds its product whatever the model tagged.

Findings side by side ("tropicana" "orange juice") are one item when one product holds them;
a brand first in such a group qualifies the rest. Words right before a finding that the
catalog does not know at all stay with it ("unicorn" steaks: not just steaks), as do the words
Rasa tagged before it, never packaging or counts ("pack of" coke). "To" between a request's
verb and a product said in the plural is the count "two" misheard ("i want to ribeye
steaks", "get to more yogurts"), as is "to" said last when a line is set ("make the milk
to"). Rasa's items that overlap no finding stay as they were (a product the store lacks is
still heard, and answered). A count Rasa ran into the item is cut at the item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from nlu.products.lexicon import NEVER_ALONE, Lexicon
from nlu.products.spotter import Spot, spot
from nlu.types import Entity, Parse
from storedata.numbers import SIZE_SAID, number_pattern
from storedata.text import key_words, singular

ITEM_ENTITIES = frozenset({"product", "category", "brand", "drink", "milk", "sweetener"})
SPOTTER = "catalog"  # the role of an entity the spotter found
QUALIFIERS = frozenset({"brand", "unit", "size"})  # what may say which of a product
_FOR = re.compile(r"\bfor\b", re.IGNORECASE)


@dataclass
class _Item:
    start: int
    end: int
    spots: list[Spot]
    restates: _Item | None = None  # the item said first, less exactly ("oatmeal, the ...")


def _value(text: str, spots: list[Spot]) -> str:
    """The words as said, except a near miss or a split word ("honey crisp"), which takes
    the catalog's spelling."""
    return " ".join(text[s.char_start : s.char_end] if s.ratio >= 100 and s.end - s.start ==
                    len(s.words) else s.text for s in spots)


# ", the old fashioned oats" after "oatmeal": the same item said again, more exactly.
_RESTATED = re.compile(r"^\s*,\s*(?:i mean\s+|just\s+)?the\s+$", re.IGNORECASE)


def _groups(text: str, spots: list[Spot], lexicon: Lexicon) -> list[_Item]:
    """Findings side by side are one item when one product holds them all ("tropicana"
    "orange juice"), else items of their own ("milk" "bread"). An aisle right before another
    aisle narrows it ("frozen" "veggies"). An item said again after a comma and "the"
    ("pistachios, the roasted salted ones") is that item, as exactly as it was said."""
    items: list[_Item] = []
    for s in spots:
        last = items[-1] if items else None
        if last is None:
            items.append(_Item(s.char_start, s.char_end, [s]))
            continue
        between = text[last.end : s.char_start]
        words = [w for f in (*last.spots, s) if f.kind != "category" for w in f.words]
        one = lexicon.one_product(words)
        aisles = all(f.kind == "category" for f in (*last.spots, s))
        if not between.strip(" -'") and (one or aisles):
            last.end, last.spots = s.char_end, [*last.spots, s]
        elif _RESTATED.match(between) and len(last.spots) == 1 and s.kind != "category":
            if one:  # "pistachios, the roasted salted ones": one product holds both
                last.end, last.spots = s.char_end, [*last.spots, s]
            else:  # "oatmeal, the old fashioned oats": the later words say which
                items[-1] = _Item(s.char_start, s.char_end, [s], restates=last)
        else:
            items.append(_Item(s.char_start, s.char_end, [s]))
    return items


def _widen(text: str, item: _Item, ent: Entity) -> tuple[int, int]:
    """The item's span grown by the words of ``ent`` beyond it that could be part of a name."""
    start, end = item.start, item.end
    left = text[ent.start : item.start].split()
    while left and all(w in NEVER_ALONE or w.isdigit() for w in key_words(left[0]) or ["x"]) \
            and not SIZE_SAID.match(" ".join(left)):  # "size four" diapers: the name's
        left.pop(0)
    if left and ent.start < item.start:
        start = max(ent.start, text.rfind(left[0], ent.start, item.start))
    return start, end  # words after the name are the NLU's overreach ("apples grown")


def _entities(text: str, item: _Item, start: int, end: int, first: bool) -> list[Entity]:
    spots = item.spots
    said = _value(text, spots)
    sure = min(s.ratio for s in spots) / 100.0  # 1.0: every word as the catalog has it
    if not first and len(spots) == 1 and spots[0].kind == "brand" and \
            _WHICH_ONE.match(text[item.end :]):  # "earl grey tea, the twinings one"
        return [Entity("brand", spots[0].text, start, end, 1.0, SPOTTER, text[start:end])]
    value = text[start:item.start] + said + text[item.end:end]
    if spots[0].kind == "brand" and len(spots) > 1:
        brand, rest = spots[0], spots[1:]
        return [Entity("brand", brand.text, brand.char_start, brand.char_end, sure, SPOTTER,
                       text[brand.char_start : brand.char_end]),
                Entity("product", _value(text, rest), rest[0].char_start, end, sure, SPOTTER,
                       text[rest[0].char_start : end])]
    if all(s.kind == "category" for s in spots) and (start, end) == (item.start, item.end):
        # "some fruit", "frozen veggies": the first aisle's products, as said
        return [Entity("category", spots[0].text, start, end, sure, SPOTTER, text[start:end])]
    return [Entity("product", value.strip(), start, end, sure, SPOTTER, text[start:end])]


_PURPOSE = re.compile(r"\bfor\s+(?:the\s+|a\s+|an\s+|my\s+|our\s+|your\s+|his\s+|her\s+)?$",
                      re.IGNORECASE)
_WHICH_ONE = re.compile(r"^\s*ones?\b", re.IGNORECASE)


# "I want to ribeye steaks": "two" heard as "to", between a request's verb and a product
# said in the plural ("I need to cut bacon" is "thick cut bacon" misheard, not two).
_VERBS = "add|get|need|want|buy|grab|take|order|like|have"  # a request's verbs, before its item
_TWO_HEARD = re.compile(rf"\b(?:{_VERBS})\s+(to|too)\s+(?:more\s+)?$", re.IGNORECASE)
# "make the milk to": the count a line is set to, said last, heard as "to" or "too".
_SET_TO = re.compile(r"\b(?:make|set|change|update|bump)\b", re.IGNORECASE)
_TWO_LAST = re.compile(r"^\s+(to|too)\W*$", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([\w']+)\s+$")


def _plural(said: str) -> bool:
    """The item said names more than one: its last word is a plural ("steaks", "tums")."""
    words = said.split()
    return bool(words) and singular(words[-1].strip(".,!?").lower()) is not None


# "2%", "93 percent": a number said with "percent" names a product ("2% milk"), never a count.
_PERCENT = re.compile(r"\d+\s*(?:%|percent\b)", re.IGNORECASE)
_PERCENT_BEFORE = re.compile(r"(\d+\s*(?:%|percent))\s+$", re.IGNORECASE)


def _a_percentage(text: str, ent: Entity) -> bool:
    """A quantity Rasa heard in "2% milk": the number is the name's, not how many."""
    return ent.entity == "quantity" and _PERCENT.match(text, ent.start) is not None


def _percentage_named(parse: Parse) -> Parse:
    """"a gallon of 2%": with no product named, the percentage is the product said, and
    Rasa's count of it is none."""
    said = _PERCENT.search(parse.text)
    if said is None or any(e.entity in ITEM_ENTITIES for e in parse.entities):
        return parse
    value = re.sub(r"\s*%", " percent", said.group())
    kept = [e for e in parse.entities if not _a_percentage(parse.text, e)]
    kept.append(Entity("product", value, said.start(), said.end(), 1.0, SPOTTER, said.group()))
    return replace(parse, entities=sorted(kept, key=lambda e: (e.start, e.end)))


def _unknown_before(text: str, item: _Item, lexicon: Lexicon, alone: bool = False) -> int:
    """Where the item starts once the words right before it that the catalog does not know
    at all are taken in: "two unicorn steaks" is not steaks (the store has no such thing,
    and says so), whatever the NLU tagged."""
    start = item.start
    if alone and all(s.kind == "category" for s in item.spots):
        return start  # a need said with a word of its own ("a splitting headache") is the need
    if (percent := _PERCENT_BEFORE.search(text[:start])) is not None:
        start = percent.start(1)  # "1% milk": the percentage is the name's
    while (m := _WORD_BEFORE.search(text[:start])) is not None:
        words = key_words(m.group(1))
        if not words or any(w in NEVER_ALONE or w.isdigit() or lexicon.near(w) for w in words):
            break
        start = m.start(1)
    return start


def _only_units(ent: Entity) -> bool:
    words = key_words(ent.raw or ent.value)
    return bool(words) and all(w in NEVER_ALONE or w.isdigit() for w in words)


# What an item said as one follows: a list's joint, an article, a count, or a request's verb.
_LISTED = re.compile(rf"(?:^|[,;]|\b(?:and|or|plus|of|some|a|an|the|any|\d+|{_VERBS}|put|"
                     r"throw in|pick up|me|" + number_pattern() + r"))\s*$", re.IGNORECASE)


def _context(text: str, item: _Item) -> bool:
    """A word few names share, said alone and not listed ("i'm making breakfast, i need
    bacon"): context, not an item, when named products are said beside it."""
    if len(item.spots) != 1 or item.spots[0].strength != "rare":
        return False  # a near miss of such a word ("favor" for flavor) is no item beside others
    return item.spots[0].ratio < 100 or not _LISTED.search(text[: item.start])


_JOINT = re.compile(r"[,;]|\b(?:and|or|plus|also|then)\b", re.IGNORECASE)


def _qualifies(text: str, item: _Item, following: _Item | None) -> bool:
    """An aisle said before a product with no list's joint between them is what the product
    is for or about ("my dog needs milk bones", "the baby's in size four diapers"); so is a
    word few names share right before another finding ("real" maple syrup)."""
    if following is None or all(s.kind == "category" for s in following.spots):
        return False
    between = text[item.end : following.start]
    if all(s.kind == "category" for s in item.spots):
        return not _JOINT.search(between)
    return len(item.spots) == 1 and item.spots[0].strength == "rare" and \
        not between.strip(" -'")


_ARTICLE_NEXT = re.compile(r"^\s+(?:a|an|the|some|me|us|in|on)\b", re.IGNORECASE)


def _verb_first(text: str, item: _Item) -> bool:
    """A single word said first and followed by an article is the request's verb ("pop a
    box of eggo waffles in there"), not a product ("Fruit Ice Pops")."""
    return item.start == len(text) - len(text.lstrip()) and len(item.spots) == 1 and \
        len(item.spots[0].words) == 1 and bool(_ARTICLE_NEXT.match(text[item.end :]))


def _purpose(text: str, item: _Item) -> bool:
    """"butter for baking", "dawn for the dishes": what it is for, not another item (a need
    said alone, "something for a headache", is the one item, and stays)."""
    return bool(_PURPOSE.search(text[: item.start]))


def with_catalog(parse: Parse, lexicon: Lexicon) -> Parse:
    """``parse`` with its items as the catalog has them (see the module's docstring)."""
    text = parse.text
    items = _groups(text, spot(text, lexicon), lexicon)
    dropped: list[_Item] = []
    if len(items) > 1:
        # A word few names share, said alone beside named products, is context ("i'm making
        # breakfast"); so is what an item is for ("butter for baking").
        kept_items = [i for i in items if not _purpose(text, i)] or items[:1]
        kept_items = [i for i in kept_items if not _verb_first(text, i)] or kept_items
        kept_items = [i for n, i in enumerate(kept_items) if not _qualifies(
            text, i, kept_items[n + 1] if n + 1 < len(kept_items) else None)]
        if any(not _context(text, i) for i in kept_items):
            kept_items = [i for i in kept_items if not _context(text, i)]
        dropped = [i for i in items if i not in kept_items]
        items = kept_items
    dropped += [i.restates for i in items if i.restates is not None]
    if not items:
        return _percentage_named(parse)
    kept: list[Entity] = []
    spans = [(item, _unknown_before(text, item, lexicon, len(items) == 1), item.end)
             for item in items]
    for ent in parse.entities:
        if _a_percentage(text, ent):
            continue
        touching = [i for i, (_, start, end) in enumerate(spans)
                    if ent.start < end and start < ent.end]
        if ent.entity in ITEM_ENTITIES and _only_units(ent):
            continue  # "a six pack" tagged a product: packaging is a unit, never a product
        if ent.entity in ITEM_ENTITIES and any(ent.start < d.end and d.start < ent.end
                                               for d in dropped):
            continue
        if not touching:
            aside = _PURPOSE.search(text[: ent.start]) or not _LISTED.search(text[: ent.start])
            before = [end for _, _, end in spans if end <= ent.start]
            for_it = bool(before) and _FOR.search(text[max(before) : ent.start]) is not None
            if ent.entity in QUALIFIERS and for_it:
                continue  # "apple juice boxes for the kids' lunches": no brand, no unit
            if not (ent.entity in ITEM_ENTITIES and aside):
                kept.append(ent)  # "snacks for the kids", "my kids want ...": no items
        elif ent.entity in ITEM_ENTITIES:
            if len(touching) == 1:
                item, start, end = spans[touching[0]]
                wide = _widen(text, item, ent)
                spans[touching[0]] = (item, min(start, wide[0]), max(end, wide[1]))
        elif ent.entity == "quantity" and ent.start < spans[touching[0]][0].start:
            cut = text[ent.start : spans[touching[0]][0].start].rstrip()
            if cut:
                kept.append(replace(ent, end=ent.start + len(cut), value=cut, raw=cut))
    for index, (item, start, end) in enumerate(spans):
        kept += _entities(text, item, start, end, first=index == 0)
        two = _TWO_HEARD.search(text[:start])
        if two and _plural(text[start:end]) and not any(e.entity == "quantity" and e.start < start and two.start(1) < e.end
                           for e in kept):
            kept.append(Entity("quantity", "two", two.start(1), two.end(1), 1.0, SPOTTER, "two"))
        last = _TWO_LAST.match(text[end:]) if _SET_TO.search(text[:start]) else None
        if last and not any(e.entity == "quantity" for e in kept):
            at = end + last.start(1)
            kept.append(Entity("quantity", "two", at, at + len(last.group(1)), 1.0, SPOTTER,
                               "two"))
    kept.sort(key=lambda e: (e.start, e.end))
    return replace(parse, entities=kept)
