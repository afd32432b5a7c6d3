"""Messages that leave the NLU package: plain dataclasses, built from Rasa's parse dicts."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any, Protocol

from nlu.spans import repair_quantities, too_short_for_a_pin

FALLBACK_INTENT = "nlu_fallback"
# Entities whose amount phrase belongs to the next one ("lots of cream"): role = that group.
AMOUNT_TARGETS = ("milk", "sweetener")
# Cafe values are the menu's phrases in lower case ("skim milk", never the grocery "Skim Milk").
LOWER_CASE_VALUES = ("drink", "size", "roast", "shots", "milk", "sweetener", "amount")
# Words before a price ("under ten dollars") that make it a maximum or a minimum.
PRICE_MAX_WORDS = ("under", "less than", "below", "cheaper than", "no more than", "at most", "max",
                   "up to", "within", "maximum", "not more than", "beneath", "lower than")
PRICE_MIN_WORDS = ("over", "more than", "above", "at least", "pricier than", "upwards of",
                   "minimum", "no less than", "higher than", "starting at", "from")


@dataclass(frozen=True)
class Entity:
    entity: str
    value: str
    start: int
    end: int
    confidence: float | None = None
    role: str | None = None
    raw: str = ""


@dataclass(frozen=True)
class IntentScore:
    intent: str
    confidence: float


@dataclass(frozen=True)
class Parse:
    text: str
    intent: str
    confidence: float
    entities: list[Entity] = field(default_factory=list)
    alternatives: list[IntentScore] = field(default_factory=list)

    def first(self, entity: str) -> Entity | None:
        """The first entity of that type, or None."""
        return next((e for e in self.entities if e.entity == entity), None)

    def values(self, entity: str) -> list[str]:
        return [e.value for e in self.entities if e.entity == entity]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def fallback(cls, text: str) -> Parse:
        return cls(text=text, intent=FALLBACK_INTENT, confidence=1.0)


class NluParser(Protocol):
    def parse(self, text: str) -> Parse: ...


def parse_from_rasa(text: str, data: dict[str, Any]) -> Parse:
    """Convert Rasa's parse dict (in-process or ``POST /model/parse``) to a :class:`Parse`."""
    intent = data.get("intent") or {}
    entities = [_entity(text, e) for e in data.get("entities") or []]
    entities.sort(key=lambda e: (e.start, e.end))
    alternatives = [
        IntentScore(str(r.get("name")), float(r.get("confidence") or 0.0))
        for r in data.get("intent_ranking") or []
        if r.get("name")
    ]
    name, confidence = str(intent.get("name") or FALLBACK_INTENT), float(intent.get("confidence") or 0.0)
    entities = _price_roles(text, _link_amounts(repair_quantities(text, entities)))
    if name == "provide_pin" and too_short_for_a_pin(text, entities):
        other = next((a for a in alternatives if a.intent != name), IntentScore(FALLBACK_INTENT, 0.0))
        name, confidence = other.intent, other.confidence
        entities = [replace(e, entity="quantity", value=e.raw) if e.entity == "pin" else e
                    for e in entities]  # a number, but not a PIN
    return Parse(text=text, intent=name, confidence=confidence, entities=entities,
                 alternatives=alternatives)


def _entity(text: str, e: dict[str, Any]) -> Entity:
    start, end = int(e.get("start", 0)), int(e.get("end", 0))
    raw = text[start:end] if 0 <= start <= end <= len(text) else str(e.get("value", ""))
    conf = e.get("confidence_entity")
    entity = str(e.get("entity"))
    value = str(e.get("value", raw))
    return Entity(
        entity=entity,
        value=value.lower() if entity in LOWER_CASE_VALUES else value,
        start=start,
        end=end,
        confidence=None if conf is None else float(conf),
        role=e.get("role"),
        raw=raw,
    )


def _link_amounts(entities: list[Entity]) -> list[Entity]:
    """Give each ``amount`` the role of the milk/sweetener it qualifies (the next one)."""
    out: list[Entity] = []
    for i, ent in enumerate(entities):
        if ent.entity == "amount" and ent.role is None:
            target = next((n.entity for n in entities[i + 1 :] if n.entity in AMOUNT_TARGETS), None)
            if target is not None:
                ent = Entity(**{**asdict(ent), "role": target})
        out.append(ent)
    return out


def _price_roles(text: str, entities: list[Entity]) -> list[Entity]:
    """``price_bound`` role "max" or "min" from the words just before the amount."""
    out: list[Entity] = []
    for ent in entities:
        if ent.entity == "price_bound" and ent.role is None:
            before = " ".join(text[: ent.start].lower().replace("$", " ").split()[-3:])
            role = _price_role(before)
            if role is not None:
                ent = Entity(**{**asdict(ent), "role": role})
        out.append(ent)
    return out


def _price_role(before: str) -> str | None:
    padded = f" {before} "
    best: tuple[int, str] | None = None
    for words, role in ((PRICE_MAX_WORDS, "max"), (PRICE_MIN_WORDS, "min")):
        for phrase in words:
            pos = padded.rfind(f" {phrase} ")
            if pos >= 0 and (best is None or pos > best[0]):
                best = (pos, role)
    return None if best is None else best[1]
