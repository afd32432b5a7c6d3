"""Messages the dialogue hands out: a turn, its cart snapshot, the order it touched."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

SpeechRate = Literal["slower", "faster", "louder", "quieter"]


@dataclass(frozen=True)
class DialogueOptions:
    """Knobs of the conversation (from settings)."""

    suggestions: bool = True
    low_confidence: float = 0.45  # below: not understood
    confirm_below: float = 0.7  # purchase intents below this are confirmed before acting
    list_limit: int = 3
    resume_minutes: int = 30  # a restart within this keeps the pending question
    faq_path: Path | None = None  # default: data/lang/en/faq.yml
    kiosk: str | None = None  # this kiosk's name: its orders' "ready" is announced here


@dataclass(frozen=True)
class CartLine:
    name: str
    quantity: int
    line_total_cents: int
    modifiers: list[dict[str, Any]] = field(default_factory=list)
    sku: str = ""


@dataclass(frozen=True)
class OrderInfo:
    id: int
    status: str
    total_cents: int


@dataclass(frozen=True)
class Turn:
    """One exchange: what was said, how it was understood, what changed, what to say."""

    user: str
    intent: str
    confidence: float
    entities: list[dict[str, Any]]
    reply: str
    reply_key: str
    cart: list[CartLine] = field(default_factory=list)
    cart_total_cents: int = 0
    order: OrderInfo | None = None
    ended: bool = False
    speech_rate: SpeechRate | None = None
    expects_pin: bool = False

    def entities_brief(self) -> str:
        """"product=oat milk quantity=two" (for logs of tests and demos)."""
        return " ".join(f"{e.get('entity')}={e.get('value')}" for e in self.entities)

    def to_json(self) -> dict[str, Any]:
        """The machine-readable form printed by ``chat --script --json``."""
        return {
            "user": self.user,
            "intent": self.intent,
            "entities": self.entities,
            "reply": self.reply,
            "cart": [asdict(line) for line in self.cart],
            "order": asdict(self.order) if self.order else None,
        }
