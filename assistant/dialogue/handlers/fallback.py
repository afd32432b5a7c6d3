"""Not understood: one re-prompt with an example, then an offer of help."""

from __future__ import annotations

from assistant.dialogue.context import Context
from assistant.dialogue.replies import Reply

EXAMPLES = {
    "grocery": "do you have oat milk, or add two bananas",
    "cafe": "can I get a large latte with oat milk",
}
NOT_UNDERSTOOD = frozenset({"reprompt", "offer_help"})


def not_understood(ctx: Context) -> Reply:
    ctx.state.failures += 1
    if ctx.state.failures >= 2:
        return ctx.say("offer_help")
    return ctx.say("reprompt", example=EXAMPLES.get(ctx.store, EXAMPLES["grocery"]))
