"""A line to a parse, and the one place a shared NLU server's failure is caught.

When the store's NLU server (``voicecart nlu serve``) is down, too slow or answers nonsense
mid-session, that is no error for the shopper: the parse is a value of intent
``NLU_UNREACHABLE``, and its turn (``policy.decide``) says so in one sentence and changes
nothing: the cart is in the database, the pending confirmation or question stays pending, and
``last_reply`` stays what was asked (so "repeat" and a resumed session still have it). Typed
(``chat``), recorded (``run``) and spoken (``listen``) turns all parse through here.
"""

from __future__ import annotations

from nlu.errors import NluServerError
from nlu.types import FALLBACK_INTENT, NluParser, Parse

NLU_UNREACHABLE = "nlu_unreachable"  # the turn's intent, and its reply's key
# Replies that ask for the line again: "repeat" must still find what was asked before.
UNREMEMBERED = frozenset({"empty", NLU_UNREACHABLE})


def understand(parser: NluParser | None, text: str) -> Parse:
    """The parser's parse of ``text``; without a parser or words, "not understood"."""
    if parser is None or not text.strip():
        return Parse(text=text, intent=FALLBACK_INTENT, confidence=0.0)
    try:
        return parser.parse(text)
    except NluServerError:
        return Parse(text=text, intent=NLU_UNREACHABLE, confidence=0.0)
