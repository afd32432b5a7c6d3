"""Which handler answers a parse: pending yes/no first, then a pending question, then the intent."""

from __future__ import annotations

from assistant.dialogue import actions
from assistant.dialogue.catalog_words import grounded
from assistant.dialogue.context import PURCHASE_INTENTS, Context, Handler
from assistant.dialogue.handlers import (
    add,
    answers,
    cafe,
    cart,
    checkout,
    control,
    fallback,
    feedback,
    info,
    orders,
    reorder,
    search,
    swap,
)
from assistant.dialogue.language import (
    bare_quantity,
    is_question,
    pin_digits,
    said_first,
    yes_or_no,
)
from assistant.dialogue.localize import in_store_terms
from assistant.dialogue.replies import Reply
from assistant.dialogue.said import (
    GET_NEIGHBOURS,
    about_the_cart,
    asks_cart_total,
    dismissed,
    names_products,
    out_of_the_cart,
    points_at,
    reminded,
    sets_count,
    taken_from_cart,
    wants_to_get,
    whole_order,
)
from assistant.dialogue.state import Action
from assistant.dialogue.understand import NLU_UNREACHABLE
from nlu.products import SPOTTER
from nlu.types import FALLBACK_INTENT, Parse

HANDLERS: dict[str, Handler] = {
    "greet": info.handle_greet,
    "goodbye": control.handle_goodbye,
    "help": info.handle_help,
    "affirm": control.handle_stray_answer,
    "deny": control.handle_stray_answer,
    "cancel": control.handle_cancel,
    "stop": control.handle_cancel,
    "repeat": control.handle_repeat,
    "more": search.handle_more,
    "search_product": search.handle,
    "product_info": info.handle_product_info,
    "add_to_cart": add.handle,
    "remove_from_cart": cart.handle_remove,
    "change_quantity": cart.handle_change,
    "view_cart": cart.handle_view,
    "clear_cart": cart.handle_clear,
    "checkout": checkout.handle,
    "reorder": reorder.handle,
    "order_status": orders.handle_status,
    "cancel_order": orders.handle_cancel,
    "recommend": info.handle_recommend,
    "faq": info.handle_faq,
    "order_drink": cafe.handle,
    "speech_rate": control.handle_speech_rate,
    "provide_pin": checkout.handle_unasked_pin,
}
YES_NO_INTENTS = frozenset({"affirm", "deny"})
# Intents "make it one gallon", "double the bananas" are heard as, with the line in the cart.
SET_INTENTS = frozenset({"add_to_cart", "change_quantity", "reorder", "search_product",
                         "product_info", "order_drink", FALLBACK_INTENT})
# Intents that would ask "what?" of a sentence naming nothing: a store question's words
# there are the question ("is there a way to shop if i'm blind", "is this thing recording").
ASKS_WHAT = frozenset({"product_info", "search_product", "add_to_cart", "help", "order_drink"})
# Intents a price, stock or size question is near to: which of them a model ranks first (or
# leaves too close to call) must not decide whether the shopper hears the facts.
QUESTION_NEIGHBOURS = frozenset({"product_info", "search_product", "add_to_cart", "order_drink"})
ABANDON_INTENTS = frozenset({"cancel", "stop"})


def yes_no(ctx: Context, parse: Parse) -> bool | None:
    """A natural yes or no; None when the shopper said something else (a new request).

    Short answers ("not now", "actually no", "go ahead") are read by the word list whatever
    intent the NLU gave them; longer sentences only count when the NLU heard a yes or no.
    """
    pack = ctx.replies.wording.pack
    answered = pack.answer(parse.text) if pack is not None else None
    if answered is not None:  # "네, 취소해 주세요"
        return answered
    if reminded(parse):
        return None  # "don't forget the bread": a request, no "don't"
    said = yes_or_no(parse.text)
    names_something = any(e.entity in ("product", "drink") for e in parse.entities)
    if said is not None and len(parse.text.split()) <= 3 and not names_something:
        return said
    if parse.intent in YES_NO_INTENTS:
        return said if said is not None else parse.intent == "affirm"
    if parse.intent in ABANDON_INTENTS and parse.confidence >= ctx.options.low_confidence \
            and not names_something:  # "never mind the salmon" is about the salmon
        return False
    unsure = parse.intent == FALLBACK_INTENT or parse.confidence < ctx.options.confirm_below
    if unsure and len(parse.text.split()) <= 4 and not (names_something and not said_first(
            parse.text)):  # "some clementines please" is a request, "yes please" a yes
        return said
    return None


def run_confirmed(ctx: Context, action: Action) -> Reply:
    if action.kind == "checkout":
        return checkout.confirmed(ctx, action)
    return actions.run(ctx, action)


def decide(ctx: Context, parse: Parse, below: bool = False) -> Reply:
    """The reply to ``parse``. ``below``: the line is a hypothesis the recognizer ranked
    below its best (``dialogue.hearing``): it may be a new request, never the answer to a
    pending confirmation (a yes that pays or deletes is heard as the best or not at all)."""
    state = ctx.state
    if parse.intent == NLU_UNREACHABLE:  # the NLU server failed: say so, change nothing
        return ctx.say("nlu_unreachable")
    if not parse.text.strip():
        return ctx.say("empty")
    pack = ctx.replies.wording.pack
    if pack is not None and not pack.spotter:  # another language: its names, as canonical
        parse = in_store_terms(parse, pack)
    elif ctx.store != "cafe":  # the cafe's drinks have their own spotter (nlu.menu)
        parse = grounded(ctx.session, ctx.store, parse)
    if state.confirm is not None:
        decision = yes_no(ctx, parse)
        if below and decision is not None:
            return ctx.say("empty")  # places nothing: this hypothesis is not taken
        action, state.confirm = state.confirm, None
        if decision is True:
            return run_confirmed(ctx, action)
        if decision is False:
            if parse.intent in ABANDON_INTENTS:
                return ctx.say("cancelled")
            return ctx.say("declined_suggestion" if action.note in ("suggestion", "offer")
                           else "declined")
        # Anything else is a new request, handled as such below.
    question = state.question
    if question is not None and question.kind in feedback.KINDS:
        reply = feedback.answer(ctx, question, parse)
        if reply is not None:
            return reply
        state.question = question = None  # a new request instead
    if question is not None:
        sure = parse.confidence >= ctx.options.low_confidence  # "two" heard as stop at 0.35
        if sure and (parse.intent in ABANDON_INTENTS or parse.intent == "deny") and \
                not reminded(parse):  # "don't forget the bread" is a request
            return control.handle_cancel(ctx, parse)
        if state.expects_pin:  # "my code is two four six eight", heard with words around it
            pin = parse.first("pin")
            digits = pin_digits(pin.value if pin else parse.text)
            if digits or parse.intent == "provide_pin":
                return checkout.handle_pin(ctx, digits)
        else:
            reply = answers.answer(ctx, question, parse)
            if reply is not None:
                return reply
        state.question = None
    other, state.alternative = state.alternative, None  # a swap is only the very next turn
    if other is not None and swap.asked(parse, other):
        return swap.handle(ctx, other)
    return by_intent(ctx, parse)


def product_question(parse: Parse, store: str) -> bool:
    """A question about a product's price, stock, size or label, put as a question, heard as
    any intent near product_info: "how much are the bananas", "is the oat milk in stock"."""
    if not is_question(parse.text) or info.info_aspect(parse) is None:
        return False
    if parse.intent == "order_drink" and store == "cafe":
        return False  # "can I have a latte" in the cafe is an order
    if parse.intent in QUESTION_NEIGHBOURS:
        return True
    if names_products(parse, exactly=True) and not about_the_cart(parse.text):
        return True  # "how many ounces is a chobani yogurt", whatever the model thought
    if parse.intent != FALLBACK_INTENT:
        return False
    names_one = any(parse.first(name) for name in info.TARGET_ENTITIES)
    close = [a.intent for a in parse.alternatives if a.intent != FALLBACK_INTENT][:2]
    return names_one and bool(QUESTION_NEIGHBOURS.intersection(close))


# A count said alone after an add is a new count for that line, whichever of these the model
# ranks first ("six" is change_quantity on one model, add_to_cart on another).
COUNT_INTENTS = frozenset({"change_quantity", "add_to_cart", "nlu_fallback"})


def new_count(ctx: Context, parse: Parse) -> bool:
    return (parse.intent in COUNT_INTENTS and ctx.state.last_sku is not None
            and bare_quantity(parse.text) is not None)


def by_intent(ctx: Context, parse: Parse) -> Reply:
    state = ctx.state
    handler = HANDLERS.get(parse.intent)
    if parse.intent == "order_drink" and ctx.store != "cafe":
        handler = add.handle  # a grocery product heard as a drink order: add it as such
    understood = parse.intent != FALLBACK_INTENT and parse.confidence >= ctx.options.low_confidence
    names_one = any(parse.first(name) for name in info.TARGET_ENTITIES) if ctx.store == "cafe" \
        else any(e.role == SPOTTER for e in parse.entities)  # what the catalog has
    if parse.intent in ASKS_WHAT and not names_one and not points_at(ctx, parse.text) and \
            info.faq_heard(ctx, parse):
        handler = info.handle_faq  # "what happens if something i order is out of stock"
    elif asks_cart_total(parse.text):
        handler, understood = cart.handle_view, True  # "how much is my total so far"
    elif product_question(parse, ctx.store):
        handler, understood = info.handle_product_info, True
    elif new_count(ctx, parse):
        handler, understood = cart.handle_change, True
    elif reminded(parse):
        handler, understood = add.handle, True  # "don't forget the bread": not a cancel
    elif dismissed(parse.text) and taken_from_cart(ctx, parse, strongly=True):
        handler, understood = cart.handle_remove, True  # "um, forget the bread", any intent
    elif parse.intent in SET_INTENTS and sets_count(ctx, parse):
        handler, understood = cart.handle_change, True  # "let's do ten packs of ramen"
    elif (not understood and names_products(parse)) or wants_to_get(ctx, parse):
        handler, understood = add.handle, True  # "goldfish crackers for the kids"
    elif parse.intent == "add_to_cart" and whole_order(parse.text) and not names_products(parse):
        handler = reorder.handle  # "put my last order back in the cart"
    elif parse.intent in ABANDON_INTENTS and names_products(parse, exactly=True):
        handler = cart.handle_remove  # nothing pending: "never mind the salmon" drops it
    elif not understood and names_products(parse, exactly=True) and \
            out_of_the_cart(parse.text):
        handler, understood = cart.handle_remove, True  # "get the cheddar out of my cart"
    elif (not understood or parse.intent in GET_NEIGHBOURS) and taken_from_cart(
            ctx, parse, strongly=understood):
        handler, understood = cart.handle_remove, True  # "scratch the ice cream", unsure
    elif parse.intent == "more" and not ctx.state.listed and names_products(parse, exactly=True):
        handler = add.handle  # "can i get two more yogurts": nothing was listed to go on with
    if (handler is None or not understood) and info.faq_heard(ctx, parse):
        handler, understood = info.handle_faq, True  # the store question's own words
    if handler is None or not understood:
        return fallback.not_understood(ctx)
    if parse.intent != "more":
        state.rest = []  # "more" only continues the list just read
    if parse.intent in PURCHASE_INTENTS or handler is add.handle:
        ctx.confidence = parse.confidence
        if names_products(parse, exactly=True):  # every product as the catalog names it
            ctx.confidence = max(ctx.confidence, ctx.options.confirm_below)
    reply = handler(ctx, parse)
    if reply.key not in fallback.NOT_UNDERSTOOD:
        state.failures = 0
    return reply
