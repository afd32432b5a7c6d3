"""Conversation control: repeat, cancel, stop, goodbye, speech rate, a stray yes or no."""

from __future__ import annotations

from typing import get_args

from assistant.dialogue.context import Context
from assistant.dialogue.handlers.fallback import not_understood
from assistant.dialogue.replies import Reply
from assistant.dialogue.types import SpeechRate
from nlu.types import Parse

_RATE_WORDS: dict[str, SpeechRate] = {
    "slow": "slower", "slower": "slower", "slowly": "slower",
    "fast": "faster", "faster": "faster", "quicker": "faster", "quickly": "faster",
    "loud": "louder", "louder": "louder", "up": "louder",
    "quiet": "quieter", "quieter": "quieter", "softer": "quieter", "down": "quieter",
}


def handle_repeat(ctx: Context, parse: Parse) -> Reply:
    if not ctx.state.last_reply:
        return ctx.say("nothing_to_repeat")
    return Reply(text=ctx.state.last_reply, key="repeat")


def handle_cancel(ctx: Context, parse: Parse) -> Reply:
    """Abandon the current step; nothing that was asked about happens."""
    had_pending = ctx.state.confirm is not None or ctx.state.question is not None
    ctx.state.clear_pending()
    return ctx.say("cancelled" if had_pending else "nothing_to_cancel")


def handle_goodbye(ctx: Context, parse: Parse) -> Reply:
    ctx.state.clear_pending()
    ctx.ended = True
    return ctx.say("goodbye")


def rate_of(parse: Parse) -> SpeechRate | None:
    said = parse.first("rate")
    words = (said.value if said else parse.text).lower().split()
    for word in reversed(words):
        rate = _RATE_WORDS.get(word.strip(".,!?"))
        if rate is not None:
            return rate
    value = said.value.lower() if said else ""
    return value if value in get_args(SpeechRate) else None  # type: ignore[return-value]


def handle_speech_rate(ctx: Context, parse: Parse) -> Reply:
    rate = rate_of(parse)
    if rate is None:  # no rate word at all: this was not about speech
        return not_understood(ctx)
    ctx.speech_rate = rate
    return ctx.say(f"rate_{rate}")


def handle_stray_answer(ctx: Context, parse: Parse) -> Reply:
    """A yes or no with nothing pending."""
    return ctx.say("nothing_to_confirm")
