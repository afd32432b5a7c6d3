"""A parse in another language, its entities put in the store's canonical terms.

The NLU of a language pack maps every form it was trained on to the canonical value (Rasa's
synonyms), so "바나나" arrives as "Bananas". A form it never saw arrives as said: here it is
grounded in the pack's own words, tolerantly and in this order:

1. a form of the pack's ``names.yml`` (or, for quantities, ordinals, FAQ topics and the
   like, of its templates' banks) said exactly, or nearly (rapidfuzz ratio);
2. a brand said before a name ("지프 땅콩버터", "チョバニのヨーグルト") is the brand, and the
   rest is matched again;
3. words every form of several products holds ("땅콩버터" of two peanut butters) stand for
   what those products' canonical names share ("peanut butter"), which the search finds.

DIET may tag a catalog word with the wrong entity ("계란" as the dairy aisle): the bank the
form belongs to decides. Models trained with other seeds cut the same request differently,
and each cut ends the same:

- a number said before one of the pack's counters ("두 통", "3袋") is the quantity even when
  the model missed it, or tagged it inside a product's span ("계란 한 팩": the product is what
  is left, the counter its unit; "12캔짜리" is a pack's size, no count);
- spans side by side that together are one name ("케이지프리" "계란") are that name;
- a span that names nothing whole, but whose parts between the pack's "and" words each name
  something ("卵とオーツミルク"), is those items.

Numbers, ordinals and prices said in the language become digits. What matches nothing stays
as said, and the search says it found nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz, process

from nlu.types import AMOUNT_TARGETS, Entity, Parse
from storedata.cjk import read_number
from storedata.lang import LanguagePack, load_pack, shared_words

MIN_SCORE = 75  # rapidfuzz ratio of what was said against a form of a bank
NUMERALS = set("0123456789０１２３４５６７８９〇一二三四五六七八九十百千")  # said glued to a word
_KANA = re.compile(r"[\u3040-\u30ff]+")
ONE_NAME = 90  # a span this near one form is that name, never items joined by "and"
LAST_WORDS = ("마지막", "最後", "ラスト")
NUMERIC = ("quantity", "ordinal", "price_bound")
# The pack's templates define these banks (canonical -> forms), its names.yml the others.
TEMPLATE_BANKS = ("ordinal", "faq_topic", "info_type", "reorder_target", "rate")
# Catalog entities are looked up in every catalog bank, and take the entity of the one matched.
CATALOG = {"product": "product", "item_word": "product", "brand": "brand",
           "category": "category", "keyword": "category"}
BANKS = {**{name: tuple(CATALOG) for name in set(CATALOG.values())},
         **{name: (name,) for name in ("unit", "drink", "size", "roast", "shots", "milk",
                                        "sweetener", "amount", *TEMPLATE_BANKS)}}
Forms = dict[str, list[tuple[str, str]]]  # form -> (entity, canonical value) pairs


def _forms(pack: LanguagePack, entity: str) -> Forms:
    return _forms_of(pack.dir, entity, id(pack.names()), id(pack.template_banks()))


@lru_cache(maxsize=64)
def _forms_of(pack_dir: Path, entity: str, names_id: int, banks_id: int) -> Forms:
    """Per version of the pack's files (the ids change when a file does)."""
    pack = load_pack(pack_dir.parent.parent, pack_dir.name)
    banks = {**pack.names(), **{k: v for k, v in pack.template_banks().items() if k in TEMPLATE_BANKS}}
    forms: Forms = {}
    for bank in BANKS.get(entity, ()):
        for value, said in banks.get(bank, {}).items():
            for form in [value, *said]:
                forms.setdefault(form.lower(), []).append((CATALOG.get(bank, bank), value))
    return forms


def _pick(pairs: list[tuple[str, str]]) -> tuple[str, str]:
    kinds = [k for k, _ in pairs]
    kind = next((k for k in kinds if k == "product"), kinds[0])  # an item said: the search finds it
    values = list(dict.fromkeys(v for k, v in pairs if k == kind))
    return kind, values[0] if len(values) == 1 else shared_words(values) or values[0]


def _match(forms: Forms, said: str) -> tuple[str, str] | None:
    """Steps 1 and 3 of the module docstring."""
    said = said.lower().strip()
    if said in forms:
        return _pick(forms[said])
    best = process.extractOne(said, list(forms), scorer=fuzz.ratio, score_cutoff=MIN_SCORE)
    if best is not None:
        return _pick(forms[best[0]])
    bare = said.replace(" ", "")
    holding = [pair for form, pairs in forms.items() if len(bare) >= 2
               and bare in form.replace(" ", "") for pair in pairs if pair[0] == "product"]
    return _pick(holding) if holding else None


def _brand_first(forms: Forms, said: str) -> tuple[tuple[str, str], str] | None:
    """Step 2: the longest brand form the words start with, and the rest after it."""
    brands = sorted((f for f, pairs in forms.items() if any(k == "brand" for k, _ in pairs)),
                    key=len, reverse=True)
    lowered = said.lower()
    for form in brands:
        rest = lowered[len(form):].strip().removeprefix("の").removeprefix("의").strip()
        if lowered.startswith(form) and rest:
            return next((k, v) for k, v in forms[form] if k == "brand"), rest
    return None


def _one_name(forms: Forms, said: str) -> bool:
    """``said`` is (nearly) one form: a name, never items said side by side."""
    return process.extractOne(said.lower().strip(), list(forms), scorer=fuzz.ratio,
                              score_cutoff=ONE_NAME) is not None


def _unit_of(pack: LanguagePack, counter: str) -> str | None:
    """The canonical unit a counter is ("팩": pack), or None ("개")."""
    units = _forms(pack, "unit")
    found = _match(units, counter) if counter.strip().lower() in units else None
    return found[1] if found else None


def _joined(pack: LanguagePack, forms: Forms, entity: Entity, said: str) -> list[Entity] | None:
    """The items of a span joined by the pack's "and" words, when it is not (nearly) one name
    itself ("チキンと玄米のドッグフード") and every part names something; None otherwise."""
    if not pack.and_words or _one_name(forms, said):
        return None
    joiner = "|".join(re.escape(w) for w in sorted(pack.and_words, key=len, reverse=True))
    bounds = [0, *(i for m in re.finditer(joiner, said) for i in m.span()), len(said)]
    pieces = [(a, said[a:b]) for a, b in zip(bounds[::2], bounds[1::2], strict=True)]
    parts = [(start + len(p) - len(p.lstrip()), p.strip()) for start, p in pieces if p.strip()]
    if len(parts) < 2 or any(_match(forms, p) is None for _, p in parts):
        return None
    out: list[Entity] = []
    for offset, part in parts:
        start = entity.start + offset
        piece = replace(entity, value=part, raw=part, start=start, end=start + len(part))
        out += grounded_entities(pack, piece)
    return out


def grounded_entities(pack: LanguagePack, entity: Entity) -> list[Entity]:
    """``entity`` in the store's terms: one entity, a brand and a product, or the items a
    span joined by "and" holds."""
    said = entity.raw or entity.value
    if entity.entity == "quantity" and said.strip() in pack.counters:  # "캔" of "세 캔"
        unit = _unit_of(pack, said)
        return [replace(entity, entity="unit", value=unit, raw=unit)] if unit else []
    if entity.entity in NUMERIC:
        value = _number_value(pack, entity, said)
        return [replace(entity, value=value, raw=value)]
    forms = _forms(pack, entity.entity)
    if not forms or (said.isascii() and entity.value.isascii()):
        return [entity]
    if entity.entity in CATALOG:
        joined = _joined(pack, forms, entity, said)
        if joined is not None:
            return joined
    found = _match(forms, said)
    if found is None and entity.entity in CATALOG:
        split = _brand_first(forms, said)
        if split is not None:
            (_, brand), rest = split
            product = _match(forms, rest)
            brand_entity = replace(entity, entity="brand", value=brand, raw=brand)
            if product is None:
                return [brand_entity]
            return [brand_entity, replace(entity, entity=product[0], value=product[1], raw=product[1])]
    if found is None:
        return [entity] if entity.value.isascii() else [replace(entity, raw=entity.value)]
    return [replace(entity, entity=found[0], value=found[1], raw=found[1])]


def _number_value(pack: LanguagePack, entity: Entity, said: str) -> str:
    if entity.value.isascii() and entity.value.strip():
        return entity.value
    if entity.entity == "ordinal" and any(w in said for w in LAST_WORDS):
        return "last"
    number = read_number(said)
    if number is None:
        return entity.value
    return f"{number} dollars" if entity.entity == "price_bound" else str(number)


@lru_cache(maxsize=8)
def _counter_pattern(counters: tuple[str, ...]) -> re.Pattern[str]:
    """A word before one of the pack's counters, longest counter first (compiled once)."""
    alternation = "|".join(re.escape(c) for c in sorted(counters, key=len, reverse=True))
    return re.compile(rf"(\S+?)\s*({alternation})")


class Counted(NamedTuple):
    """A number said before a counter: the quantity (its offsets the number's), where the
    counter ends, and whether it is the size of one pack rather than a count (a pack-size
    word follows: "12캔짜리", "12缶入り"; ``end`` is then that word's)."""

    quantity: Entity
    end: int
    size: bool


def _counted(pack: LanguagePack, text: str) -> list[Counted]:
    """Quantities said before a counter ("두 통", "3袋")."""
    if not pack.counters:
        return []
    found = []
    for m in _counter_pattern(tuple(pack.counters)).finditer(text):
        said = _number_before(m.group(1), m.group(2))
        if said is not None:
            offset, number = said
            start = m.start(1) + offset
            quantity = Entity("quantity", str(number), start, m.start(1) + len(m.group(1)),
                              raw=str(number))
            after = text[m.end():]
            size = next((w for w in pack.pack_size_words if after.startswith(w)), None)
            found.append(Counted(quantity, m.end() + len(size or ""), size is not None))
    return found


def _number_before(word: str, counter: str) -> tuple[int, int] | None:
    """Where in ``word`` (the text before a counter) its number starts, and the number: the
    whole word ("두 개"), or its end when no space parts them ("卵を2", "バナナを二", "ふた" of
    "ふたつ")."""
    number = read_number(word)
    if number is not None and read_number(word[-2:] if len(word) > 2 else word) is not None:
        return 0, number
    for i in range(1, len(word)):
        tail = word[i:]
        if set(tail) <= NUMERALS:
            number = read_number(tail)
        else:  # a counting word the counter ends ("ふた" + "つ"), in kana
            number = read_number(tail + counter) if _KANA.fullmatch(tail) else None
        if number is not None:
            return i, number
    return None


def _count_cut(entities: list[Entity], counted: list[Counted], text: str,
               pack: LanguagePack) -> list[Entity]:
    """A catalog span holding a count and its counter ("계란 한 팩") cut into what is left of
    it, and the counter as the unit when it is one of the pack's units. A pack's size said
    inside it ("12캔짜리") is cut out too."""
    out: list[Entity] = []
    for e in entities:
        inside = [c for c in counted if e.start <= c.quantity.start and c.end <= e.end]
        if e.entity not in CATALOG or not inside:
            out.append(e)
            continue
        position = e.start
        for c in [*inside, None]:
            piece = text[position:c.quantity.start if c is not None else e.end]
            lead = len(piece) - len(piece.lstrip())
            piece = _unglued(pack, piece.strip(), _forms(pack, e.entity))
            if piece:
                start = position + lead
                out.append(replace(e, value=piece, raw=piece, start=start, end=start + len(piece)))
            if c is None:
                break
            counter = text[c.quantity.end:c.end].strip()
            unit = None if c.size else _unit_of(pack, counter)
            if unit is not None:
                out.append(Entity("unit", unit, c.end - len(counter), c.end, raw=unit))
            position = c.end
    return out


def _unglued(pack: LanguagePack, piece: str, forms: Forms) -> str:
    """``piece`` without a particle glued to its end ("卵を" of "卵を1パック"), unless the
    piece is a form itself ("오이")."""
    if piece.lower() in forms:
        return piece
    glued = next((p for p in pack.particles if piece.endswith(p) and len(piece) > len(p)), "")
    return piece[:len(piece) - len(glued)].rstrip()


def _neighbours_joined(pack: LanguagePack, entities: list[Entity], text: str) -> list[Entity]:
    """Catalog spans side by side ("케이지프리" "계란") that together are (nearly) one name
    ("케이지프리 계란") are that one span."""
    out: list[Entity] = []
    for e in entities:
        before = out[-1] if out else None
        if before is not None and before.entity in CATALOG and e.entity in CATALOG and \
                before.end <= e.start and not text[before.end:e.start].strip():
            together = text[before.start:e.end]
            if _one_name(_forms(pack, e.entity), together):
                out[-1] = replace(before, value=together, raw=together, end=e.end)
                continue
        out.append(e)
    return out


def in_store_terms(parse: Parse, pack: LanguagePack) -> Parse:
    """``parse`` with each entity and value canonical, said as its value (the dialogue reads
    what was said of a name in the store's language), and the counted quantities it missed."""
    counts = _counted(pack, parse.text)
    entities: list[Entity] = []
    spans = _neighbours_joined(pack, list(parse.entities), parse.text)
    for e in _count_cut(spans, counts, parse.text, pack):
        entities += grounded_entities(pack, e)
    entities = [e for e in entities  # "12캔짜리" is no count nor unit, whatever the model tagged
                if not any(c.size and c.quantity.start <= e.start and e.end <= c.end
                           for c in counts)]
    counted = [c.quantity for c in counts if not c.size and not any(
        e.entity == "quantity" and e.start <= c.quantity.start < e.end for e in entities)]
    if counted:  # a span the model took for something else is the count
        entities = [e for e in entities
                    if not any(e.start <= q.start and q.end <= e.end for q in counted)] + counted
        entities.sort(key=lambda e: (e.start, e.end))
    entities = _amounts_after(entities)
    if entities == parse.entities:
        return parse
    return replace(parse, entities=entities)


def _amounts_after(entities: list[Entity]) -> list[Entity]:
    """An amount said after the milk or sweetener it measures ("クリームをたっぷり", "크림
    많이") takes that one's role when none follows it (nlu.types links the next one)."""
    out: list[Entity] = []
    for i, e in enumerate(entities):
        if e.entity == "amount" and e.role is None:
            before = next((p.entity for p in reversed(entities[:i]) if p.entity in AMOUNT_TARGETS), None)
            if before is not None:
                e = replace(e, role=before)
        out.append(e)
    return out
