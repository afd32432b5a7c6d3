"""What a handler gets for one turn: the db session, the state, the wording, and the outputs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from assistant.dialogue.replies import Replies, Reply
from assistant.dialogue.state import SessionState
from assistant.dialogue.types import DialogueOptions, OrderInfo, SpeechRate
from nlu.types import Parse

PURCHASE_INTENTS = frozenset({"add_to_cart", "order_drink"})


@dataclass
class Context:
    session: Session
    state: SessionState
    replies: Replies
    customer_id: str
    store: str
    options: DialogueOptions
    confidence: float = 1.0
    order: OrderInfo | None = None
    ended: bool = False
    speech_rate: SpeechRate | None = None
    notes: list[str] = field(default_factory=list)

    def say(self, key: str, **fields: object) -> Reply:
        return self.replies.render(key, **fields)

    @property
    def unsure(self) -> bool:
        """The NLU was not sure enough to act on a purchase without asking."""
        return self.confidence < self.options.confirm_below


Handler = Callable[[Context, Parse], Reply]
