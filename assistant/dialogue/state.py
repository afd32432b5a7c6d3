"""Explicit session state: plain dataclasses that round-trip through JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

STATE_VERSION = 1

ActionKind = Literal["add_lines", "clear_cart", "checkout", "cancel_order"]
QuestionKind = Literal["choose", "quantity", "modifier", "pin", "rating", "comment"]


@dataclass
class Modifier:
    """A chosen drink option: ``{"group": "milk", "option": "soy milk", "amount": "lots of"}``."""

    group: str
    option: str
    amount: str | None = None
    raw: str | None = None  # the words said, when the NLU normalised them to something else
    unknown: bool = False  # said, but on no menu: the shopper is told the choices


@dataclass
class Item:
    """A product as read out to the shopper (kept for "the second one", "more")."""

    sku: str
    name: str
    price_cents: int
    size: str | None = None
    brand: str | None = None
    popularity: int = 0  # units sold in a typical week (the store's usual pick sells most)
    organic: bool = False
    tags: tuple[str, ...] = ()  # what the store files it as ("pasta", "fish food"), folded

    def __post_init__(self) -> None:
        self.tags = tuple(self.tags)  # read back from JSON as a list


@dataclass
class Line:
    """One cart line an action will add: exactly what will be added on "yes"."""

    sku: str
    name: str
    quantity: int
    unit_price_cents: int
    modifiers: list[Modifier] = field(default_factory=list)

    @property
    def total_cents(self) -> int:
        return self.quantity * self.unit_price_cents


@dataclass
class Request:
    """Something the shopper asked for that is not yet a product: "the oat milk", 2."""

    query: str
    quantity: int | None = None
    brand: str | None = None
    size: str | None = None
    modifiers: list[Modifier] = field(default_factory=list)
    quantity_words: str = ""  # as said: "a dozen" (a dozen eggs is one carton of a dozen)
    category: str | None = None  # "some fruit": any product of this category
    unit: str | None = None  # the packaging said: "four ears of corn" (fresh, by the ear)
    purpose: str = ""  # what it is for: "treats for the dog" (the dog treats)


@dataclass
class Alternative:
    """The other product worth knowing after a pick: said, it replaces the one added."""

    sku: str  # the product picked
    item: Item  # the alternative
    words: str  # what tells it apart ("pasture raised")
    quantity: int = 1  # how many of the pick were just added


@dataclass
class Action:
    """The exact action to run on "yes". ``idempotency_key`` makes a repeated yes harmless."""

    kind: ActionKind
    lines: list[Line] = field(default_factory=list)
    order_id: int | None = None
    total_cents: int | None = None
    idempotency_key: str | None = None
    note: str = ""


@dataclass
class Question:
    """A pending question that is not a plain yes/no."""

    kind: QuestionKind
    request: Request | None = None
    choices: list[Item] = field(default_factory=list)
    group: str | None = None  # modifier group being asked for
    options: list[str] = field(default_factory=list)
    line: Line | None = None  # the drink or product chosen so far
    batch: list[Line] = field(default_factory=list)  # resolved lines of a multi-item request
    remaining: list[Request] = field(default_factory=list)  # still to resolve after this one
    then: Action | None = None  # for a PIN: the action it unlocks
    order_id: int | None = None  # for a rating: the order it is about
    feedback_id: int | None = None  # for a comment: the rating it goes with


@dataclass
class SessionState:
    """Everything the conversation remembers between turns."""

    customer_id: str
    store_code: str
    confirm: Action | None = None
    question: Question | None = None
    listed: list[Item] = field(default_factory=list)
    listed_offset: int = 0
    rest: list[str] = field(default_factory=list)  # phrases still to read on "more" (the cart)
    last_reply: str = ""
    last_sku: str | None = None
    failures: int = 0
    suggestion_given: bool = False
    reminded: bool = False
    alternative: Alternative | None = None
    updated_at: float = 0.0  # epoch seconds of the last turn
    version: int = STATE_VERSION

    @property
    def expects_pin(self) -> bool:
        """A PIN was asked for: the next answer's digits are a secret, not a request."""
        return self.question is not None and self.question.kind == "pin"

    def clear_pending(self) -> None:
        self.confirm = None
        self.question = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SessionState:
        return cls(
            customer_id=str(data["customer_id"]),
            store_code=str(data["store_code"]),
            confirm=_action(data.get("confirm")),
            question=_question(data.get("question")),
            listed=[Item(**i) for i in data.get("listed") or []],
            listed_offset=int(data.get("listed_offset", 0)),
            rest=[str(x) for x in data.get("rest") or []],
            last_reply=str(data.get("last_reply", "")),
            last_sku=data.get("last_sku"),
            failures=int(data.get("failures", 0)),
            suggestion_given=bool(data.get("suggestion_given", False)),
            reminded=bool(data.get("reminded", False)),
            alternative=_alternative(data.get("alternative")),
            updated_at=float(data.get("updated_at", 0.0)),
            version=int(data.get("version", STATE_VERSION)),
        )


def _line(data: dict[str, Any]) -> Line:
    mods = [Modifier(**m) for m in data.get("modifiers") or []]
    return Line(**{**data, "modifiers": mods})


def _request(data: dict[str, Any] | None) -> Request | None:
    if data is None:
        return None
    mods = [Modifier(**m) for m in data.get("modifiers") or []]
    return Request(**{**data, "modifiers": mods})


def _alternative(data: dict[str, Any] | None) -> Alternative | None:
    if not data:
        return None
    return Alternative(sku=str(data["sku"]), item=Item(**data["item"]), words=str(data["words"]),
                       quantity=int(data.get("quantity", 1)))


def _action(data: dict[str, Any] | None) -> Action | None:
    if data is None:
        return None
    return Action(**{**data, "lines": [_line(x) for x in data.get("lines") or []]})


def _question(data: dict[str, Any] | None) -> Question | None:
    if data is None:
        return None
    return Question(
        kind=data["kind"],
        request=_request(data.get("request")),
        choices=[Item(**i) for i in data.get("choices") or []],
        group=data.get("group"),
        options=list(data.get("options") or []),
        line=_line(data["line"]) if data.get("line") else None,
        batch=[_line(x) for x in data.get("batch") or []],
        remaining=[r for r in (_request(x) for x in data.get("remaining") or []) if r],
        then=_action(data.get("then")),
        order_id=data.get("order_id"),
        feedback_id=data.get("feedback_id"),
    )
