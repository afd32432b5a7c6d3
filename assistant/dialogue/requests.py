"""Turn a parse into what the shopper asked for: products with quantities, brands and sizes."""

from __future__ import annotations

import re

from text_to_num import alpha2digit

from assistant.dialogue.language import parse_quantity
from assistant.dialogue.state import Modifier, Request
from nlu.menu.menu import Menu
from nlu.menu.resolve import resolve_order
from nlu.menu.unknown import unknown_modifiers
from nlu.types import Entity, Parse
from storedata.numbers import COUNT_WORDS, NUMBER_WORDS, PACKAGING_WORDS, number_pattern

_SINGLE = frozenset({"a", "an", "the", "one", "another", "some", "my"})


def _words_before(text: str, start: int, stop: int) -> list[str]:
    return re.findall(r"[a-z']+|\d+", text[start:stop].lower())


def _quantity_of(entity: Entity) -> int | None:
    return parse_quantity(entity.value) or parse_quantity(entity.raw)


# Packaging, and the words that join it to the product ("two bags of", "one more").
_PACKAGING = PACKAGING_WORDS | {"of", "more"}
_QUANTITY_WORDS = frozenset("half dozen couple pair few single just".split())
_JOINERS = frozenset({"and", "or", "plus", "also"})


def _brand_like(entity: Entity) -> bool:
    """A "unit" the NLU heard that is no unit at all ("the bounty paper towels")."""
    words = entity.raw.lower().split()
    return bool(words) and not any(w in _PACKAGING or w.isdigit() for w in words)


_NUMBER_WORDS = NUMBER_WORDS | COUNT_WORDS


_FILLER = frozenset(
    "of the a an some those these them that this it my more please and also".split()
)


def _left_out(before: list[str], *, after_quantity: bool) -> str:
    """Words said just before a product that the NLU left out of it ("unicorn" steaks).

    After a quantity every word counts; otherwise only words after an article ("add the
    organic bananas"), so that verbs ("add", "i'll take") never become part of a name.
    """
    if not after_quantity:
        marks = [i for i, w in enumerate(before) if w in _SINGLE]
        if not marks:
            return ""
        before = before[marks[-1] + 1 :]
    words = [w for w in before if w not in _FILLER and w not in _NUMBER_WORDS
             and not w.isdigit() and w not in _PACKAGING]
    return " ".join(words)


def _leading_quantity(raw: str) -> tuple[int | None, str]:
    """"two bananas" -> (2, "bananas"); "million bananas" -> (1000000, "bananas")."""
    words = raw.lower().split()
    count = 0
    while count < len(words) and (words[count] in _NUMBER_WORDS or words[count].isdigit()
                                  or (count == 0 and words[count] in ("a", "an"))
                                  or (count > 0 and words[count] in ("a", "and", "of"))):
        count += 1
    while count > 0 and words[count - 1] in ("a", "an", "and", "of"):
        count -= 1
    if count == 0 or count == len(words) or words[count] in ("percent", "%"):
        return None, raw
    head = " ".join(words[:count])
    quantity = parse_quantity(head if head.split()[0] not in ("a", "an") or count > 1 else "")
    if quantity is None:
        return None, raw
    return quantity, " ".join(raw.split()[count:])


def _words_after_number(raw: str) -> tuple[str, bool]:
    """Words a quantity span took beyond its number: ("eggs", True) for "a dozen eggs and".

    The flag says the span ended with "and"/"or" (so the words name a product of their own);
    otherwise they qualify the product that follows ("four bounty" paper towels).
    """
    spoken = alpha2digit(raw.lower().replace(",", " , "), "en", threshold=0)
    words = [w for w in re.findall(r"[a-z']+|\d+|,", spoken)]
    while words and (words[0].isdigit() or words[0] in _SINGLE or words[0] in _PACKAGING
                     or words[0] in _QUANTITY_WORDS):
        words.pop(0)
    separate = False
    while words and (words[-1] in _JOINERS or words[-1] == ","):
        words.pop()
        separate = True
    words = [w for w in words if w != ","]
    if not words or all(w in _PACKAGING for w in words):
        return "", False
    return " ".join(words), separate


def without_overlaps(entities: list[Entity], text: str = "") -> list[Entity]:
    """Sorted by position; of two overlapping entities the longer one stays, and two products
    said side by side ("cage free" "large eggs") are one product."""
    kept: list[Entity] = []
    for ent in sorted(entities, key=lambda e: (e.start, -(e.end - e.start))):
        last = kept[-1] if kept else None
        if last is not None and ent.start < last.end:
            if ent.end - ent.start > last.end - last.start:
                kept[-1] = ent
            continue
        if (last is not None and text and ent.entity == last.entity == "product"
                and not text[last.end : ent.start].strip()
                and "catalog" not in (ent.role, last.role)):  # else the spotter decided
            raw = text[last.start : ent.end]
            value = ent.value if last.raw.lower() in ent.value.lower() else raw
            kept[-1] = Entity(entity="product", value=value, start=last.start, end=ent.end,
                              confidence=ent.confidence, role=ent.role, raw=raw)
            continue
        kept.append(ent)
    return kept


_NUMBER = rf"(?:(?:{number_pattern()})(?:[\s-]+(?:{number_pattern()}))*|\d+)"
_PACK = re.compile(rf"\b(?P<nums>{_NUMBER})[\s-]+(?:(?P<what>rolls?|cans?|bottles?)[\s-]+)?"
                   rf"(?P<word>packs?|pk|count|ct|liters?|litres?|pounds?|lbs?|ounces?|oz|"
                   rf"gallons?|quarts?)\b", re.IGNORECASE)
# "a twelve bag of coke" (a twelve pack, misheard), "a 24 case of water": after "a", a number
# before a container is how many the one container holds, not a count of containers.
_A_PACK = re.compile(rf"\ban?\s+(?P<nums>{_NUMBER})[\s-]+(?P<word>bag|box|case|carton|crate|tray)\b",
                     re.IGNORECASE)
# A measure said as the size of one thing ("a two liter of coke", "a five pound bag"); said
# in the plural it counts ("two pounds of bananas": two of the one pound).
_MEASURES = frozenset("liter litre pound lb ounce oz gallon quart".split())
_PACK_WORD = "pack"


def _count_and_size(nums: str) -> tuple[str, int] | None:
    """"two twelve" -> ("two", 12); "twenty four" -> ("", 24): the longest number said last
    is the pack's size, what comes before it the count."""
    words = nums.split()
    for k in range(len(words)):
        size_words, count_words = " ".join(words[k:]), " ".join(words[:k])
        size = alpha2digit(size_words, "en", threshold=0).split()
        count = alpha2digit(count_words, "en", threshold=0).split() if count_words else [""]
        if len(size) == 1 and size[0].isdigit() and len(count) == 1:
            return count_words, int(size[0])
    return None


def with_pack_sizes(entities: list[Entity], text: str) -> list[Entity]:
    """"two twelve packs of coke": the twelve is the pack's size, the two the count;
    "two packs of buns" is a count of packs.

    Entities the NLU put on such a phrase (a quantity "two twelve", a unit or product
    "pack") give way to a size "12 pack" and, when one was said, the count before it.
    """
    found = []
    for m in _PACK.finditer(text):
        split = _count_and_size(m.group("nums"))
        word = m.group("word").lower()
        plural = word.endswith("s")
        if word.rstrip("s") in _MEASURES and (plural or split is None or split[0]):
            continue  # "two pounds of bananas", "two five pound bags": counts
        if split is not None and (split[0] or not plural):
            found.append((m, *split))
    for m in _A_PACK.finditer(text):
        split = _count_and_size(m.group("nums"))
        if split is not None and not split[0] and not any(m.start() < f.end() and f.start() < m.end()
                                                          for f, _, _ in found):
            found.append((m, *split))
    if not found:
        return entities
    kept = [e for e in entities if e.entity not in ("quantity", "unit", "product", "size")
            or not any(e.start < m.end() and m.start() < e.end for m, _, _ in found)]
    for m, count, size in found:
        what = (m.groupdict().get("what") or "").lower().rstrip("s")
        measure = m.group("word").lower()
        start = m.start() + len(count) if count else m.start()  # the count is its own
        if m.re is _A_PACK:
            start = m.start("nums")
        start += len(text[start : m.end()]) - len(text[start : m.end()].lstrip())
        name = measure if measure in _MEASURES else f"{what}s" if what else _PACK_WORD
        kept.append(Entity("size", f"{size} {name}", start, m.end(), raw=text[start : m.end()]))
        if count:
            kept.append(Entity("quantity", count, m.start(), m.start() + len(count), raw=count))
    return sorted(kept, key=lambda e: (e.start, e.end))


_SIZE_NUMBER = re.compile(rf"\bsize\s+(?P<n>{_NUMBER})\b", re.IGNORECASE)


_PURPOSE_AFTER = re.compile(r"^\s*for\s+(?:the\s+|a\s+|an\s+|my\s+|our\s+|your\s+)?"
                            r"([a-z' ]+?)\s*(?:[,;.!?]|\band\b|$)", re.IGNORECASE)


def _purpose_after(text: str, end: int) -> str:
    """What the product just said is for: "treats for the dog" -> "dog"."""
    found = _PURPOSE_AFTER.match(text[end:])
    return found.group(1).lower() if found else ""


def product_requests(parse: Parse, product_entity: str = "product") -> list[Request]:
    """Products in the order said, each with the quantity said before (or after) it.

    "add two bananas, a dozen eggs and the oat milk" ->
    [Request("bananas", 2), Request("eggs", 12), Request("oat milk", 1)].
    A product with no quantity word stays ``quantity=None`` (the dialogue adds one).
    """
    text = parse.text
    requests: list[Request] = []
    pending_qty: int | None = None
    pending_words = ""
    pending_brand: str | None = None
    pending_size: str | None = None
    boundary = 0
    qualifier_start = len(text)  # where a brand or size said before the product begins
    # "size four diapers": the four names the product ("Diapers Size 4"), it counts nothing.
    name_sizes = [(m.start(), m.end(), parse_quantity(m.group("n")))
                  for m in _SIZE_NUMBER.finditer(text)]
    said = text
    for start, end, _ in name_sizes:
        text = text[:start] + " " * (end - start) + text[end:]
    spans: list[tuple[int, int]] = []
    entities = [e for e in with_pack_sizes(parse.entities, text)
                if not (e.entity == "quantity" and any(e.start < end and start < e.end
                                                       for start, end, _ in name_sizes))]
    entities = without_overlaps(entities, said)
    for index, ent in enumerate(entities):
        if ent.entity == "quantity":
            pending_qty = _quantity_of(ent)
            pending_words = f"{ent.raw} {ent.value}"
            boundary = ent.end
            extra, separate = _words_after_number(ent.raw)
            following = entities[index + 1] if index + 1 < len(entities) else None
            joined = following is not None and following.entity == product_entity and \
                not text[ent.end : following.start].strip()
            if extra and (separate or not joined):  # "a dozen eggs and": the eggs are a product of their own
                requests.append(Request(query=extra, quantity=pending_qty,
                                        quantity_words=pending_words))
                pending_qty, pending_words = None, ""
            elif extra and pending_brand is None:  # "four bounty": says which one
                pending_brand = extra
        elif ent.entity == "brand" or (ent.entity == "unit" and _brand_like(ent)):
            pending_brand = ent.value
            qualifier_start = min(qualifier_start, ent.start)
        elif ent.entity == "size" and product_entity == "product":
            pending_size = ent.value
            qualifier_start = min(qualifier_start, ent.start)
        elif ent.entity == product_entity or (ent.entity == "category" and ent.role == "catalog"):
            quantity, words = pending_qty, pending_words
            before = _words_before(text, boundary, min(qualifier_start, ent.start))
            left_out = _left_out(before, after_quantity=quantity is not None)
            if quantity is None:
                words = " ".join(before)
                quantity = parse_quantity(words) if before else None
                if quantity is None and before and before[-1] in _SINGLE:
                    quantity = 1
            query = ent.raw if ent.entity == "category" and ent.raw else ent.value
            grounded = ent.role == "catalog"  # the spotter's span already holds the name
            if left_out and ent.entity == "product" and not grounded:  # "two unicorn steaks"
                query = f"{left_out} {ent.raw or ent.value}"
            said_qty, rest = _leading_quantity(ent.raw or ent.value)
            unnormalised = ent.value.lower() == (ent.raw or ent.value).lower()
            if said_qty is not None and rest and unnormalised:  # "two bananas" as one product
                quantity, words, query = said_qty, ent.raw, rest
            # A need or an aisle the catalog's spotter heard ("some fruit", "something for a
            # headache"): searched within that category.
            category = ent.value if ent.entity == "category" and grounded else None
            unit = next((w for w in reversed(before) if w in PACKAGING_WORDS), None)
            requests.append(Request(query=query, quantity=quantity, brand=pending_brand,
                                    size=pending_size, quantity_words=words,
                                    category=category, unit=unit,
                                    purpose=_purpose_after(text, ent.end)))
            spans.append((ent.start, ent.end))
            pending_qty, pending_words, pending_brand, pending_size = None, "", None, None
            qualifier_start = len(text)
            boundary = ent.end
    for start, end, number in name_sizes:
        if requests and number is not None:
            nearest = min(range(len(requests)), key=lambda i: min(abs(spans[i][0] - end),
                                                                  abs(start - spans[i][1])))
            requests[nearest].query += f" size {number}"
    if requests:
        last = requests[-1]
        if pending_qty is not None and last.quantity is None:
            last.quantity = pending_qty
        last.brand = last.brand or pending_brand
        last.size = last.size or pending_size
    elif pending_brand:
        requests.append(Request(query=pending_brand, quantity=pending_qty, brand=pending_brand))
    return requests


def drink_request(parse: Parse, menu: Menu) -> Request | None:
    """A cafe order: the drink and every modifier said with it, resolved against the menu.

    This is the line the speech benchmark scores (``nlu.menu.resolve``): Rasa's
    entities and the menu spotter combined. A modifier Rasa heard that names nothing on the
    menu is marked unknown, so that the shopper hears which choices there are.
    """
    order = resolve_order(parse, menu).order
    said = parse.first("drink") or parse.first("product")
    query = order.drink or (said.value if said else None)
    if query is None:
        return None
    chosen, amounts = order.modifiers or {}, order.amounts or {}
    modifiers = [Modifier(group=group, option=option, amount=amounts.get(group))
                 for group, option in chosen.items()]
    # Something the menu does not have ("hemp milk") is kept as said, so that the shopper
    # hears the choices rather than quietly getting the nearest option.
    for unknown in unknown_modifiers(parse.text, menu):
        modifiers = [m for m in modifiers if m.group != unknown.group]
        modifiers.append(Modifier(group=unknown.group, option=unknown.said, unknown=True))
    quantity_entity = parse.first("quantity")
    quantity = _quantity_of(quantity_entity) if quantity_entity else 1
    return Request(query=query, quantity=quantity, modifiers=modifiers)


def first_quantity(parse: Parse) -> int | None:
    """The quantity said in this turn: the entity, else any number in the text."""
    entity = parse.first("quantity")
    if entity is not None:
        found = _quantity_of(entity)
        if found is not None:
            return found
    return parse_quantity(parse.text)
