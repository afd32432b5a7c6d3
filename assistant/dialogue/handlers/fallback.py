"""Not understood: one re-prompt with an example, then an offer of help."""

from __future__ import annotations

from assistant.dialogue.context import Context
from assistant.dialogue.replies import Reply

NOT_UNDERSTOOD = frozenset({"reprompt", "offer_help"})


def not_understood(ctx: Context) -> Reply:
    ctx.state.failures += 1
    if ctx.state.failures >= 2:
        return ctx.say("offer_help")
    store = ctx.store if ctx.store in ("grocery", "cafe") else "grocery"
    example = ctx.replies.text(f"example_{store}")  # what to say, in the store's language
    return ctx.say("reprompt", example=example)
