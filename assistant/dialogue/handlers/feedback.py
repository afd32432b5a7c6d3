"""After an order: "How did we do, from one to five?", then "Anything you'd like to tell us?".
"No thanks" ends it; anything that is plainly a new request is handled as one instead."""

from __future__ import annotations

from assistant.dialogue.context import Context
from assistant.dialogue.language import parse_quantity, yes_or_no
from assistant.dialogue.replies import Reply
from assistant.dialogue.speech_format import number_words
from assistant.dialogue.state import Question
from commerce.feedback import add_comment, give_feedback
from nlu.types import FALLBACK_INTENT, Parse

KINDS = frozenset({"rating", "comment"})
# Said after "anything to tell us?", these are requests, not comments, when the NLU is sure.
REQUESTS = frozenset({"add_to_cart", "order_drink", "remove_from_cart", "change_quantity",
                      "view_cart", "clear_cart", "checkout", "reorder", "order_status",
                      "cancel_order", "search_product", "product_info", "recommend", "faq",
                      "help", "repeat", "speech_rate"})
SURE = 0.7


def ask(ctx: Context, order_id: int) -> Reply:
    ctx.state.question = Question(kind="rating", order_id=order_id)
    return ctx.say("ask_rating")


def answer(ctx: Context, question: Question, parse: Parse) -> Reply | None:
    """The reply to a rating or a comment; None when the shopper asked for something else."""
    declined = yes_or_no(parse.text) is False or parse.intent in ("deny", "cancel", "stop")
    if question.kind == "rating":
        if declined:
            ctx.state.question = None
            return ctx.say("feedback_declined")
        rating = parse_quantity(parse.text)
        if rating is None:
            return None
        if not 1 <= rating <= 5:
            return ctx.say("rating_range")  # the question stays
        given = give_feedback(ctx.session, ctx.customer_id, rating, question.order_id)
        ctx.state.question = Question(kind="comment", feedback_id=given.id)
        return ctx.say("ask_comment", rating=number_words(rating))
    if parse.intent in REQUESTS and parse.confidence >= SURE and parse.intent != FALLBACK_INTENT:
        return None
    ctx.state.question = None
    if not declined and question.feedback_id is not None:
        add_comment(ctx.session, question.feedback_id, parse.text)
    return ctx.say("feedback_thanks")
