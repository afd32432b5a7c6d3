"""The recognizer's other hypotheses: the dialogue answers the first that places something
when the best places nothing (``assistant.dialogue.hearing``). The parser here is a table of
hand-made parses: the test is about our own choice between hypotheses, not the NLU."""

from __future__ import annotations

from typing import Any

from assistant.dialogue.manager import DialogueManager
from nlu.types import FALLBACK_INTENT, Parse
from tests.unit.dialogue.conftest import parse

Shop = Any  # the ``shop`` fixture (conftest.py)


class TableParser:
    """Each line's parse from a table; any other line is not understood."""

    def __init__(self, **parses: Parse) -> None:
        self.parses = {p.text: p for p in parses.values()}
        self.asked: list[str] = []

    def parse(self, text: str) -> Parse:
        self.asked.append(text)
        return self.parses.get(text, Parse(text=text, intent=FALLBACK_INTENT, confidence=0.0))


def manager(shop: Shop, parser: TableParser) -> DialogueManager:
    m = shop.manager()
    m.parser = parser
    return m


def lines(shop: Shop) -> list[tuple[str, int]]:
    return [(ln.name, ln.quantity) for ln in shop.cart().lines]


ADD_BANANAS = parse("add two bananas", "add_to_cart", product="bananas", quantity="two")
ADD_NOTHING = parse("add two glorbnix", "add_to_cart", product="glorbnix", quantity="two")


def test_when_the_best_hypothesis_finds_nothing_the_next_that_does_answers(shop: Shop) -> None:
    table = TableParser(a=ADD_NOTHING, b=ADD_BANANAS)
    m = manager(shop, table)
    t = m.handle_text("add two glorbnix", ["add two glorbnix.", "add two bananas"])
    assert t.reply_key == "added_one" and t.user == "add two bananas"
    assert lines(shop) == [("Bananas", 2)]
    assert table.asked == ["add two glorbnix", "add two bananas"]  # the same line once
    assert m.state.failures == 0


def test_a_best_hypothesis_that_places_something_answers_alone(shop: Shop) -> None:
    table = TableParser(a=ADD_BANANAS, b=ADD_NOTHING)
    t = manager(shop, table).handle_text("add two bananas", ["add two glorbnix"])
    assert t.reply_key == "added_one" and table.asked == ["add two bananas"]


def test_when_no_hypothesis_places_anything_the_best_ones_turn_stands(shop: Shop) -> None:
    m = manager(shop, TableParser(a=ADD_NOTHING))
    t = m.handle_text("add two glorbnix", ["hmm", "uh huh"])
    assert t.reply_key in ("not_found", "not_found_suggest") and "glorbnix" in t.reply
    assert lines(shop) == []
    again = m.handle_text("blah", ["blah blah"])
    assert again.reply_key == "reprompt"  # the tries counted as one failure, not three
    assert m.handle_text("blah").reply_key == "offer_help"


def test_a_pending_confirmation_is_never_answered_by_a_lower_hypothesis(shop: Shop) -> None:
    table = TableParser(a=ADD_BANANAS, b=parse("yes", "affirm"),
                        c=parse("check out", "checkout"))
    m = manager(shop, table)
    m.handle_text("add two bananas")
    asked = m.handle_text("check out")
    assert m.state.confirm is not None, asked.reply
    t = m.handle_text("pass the hat", ["yes"])
    assert t.reply_key == "reprompt" and t.order is None
    assert lines(shop) == [("Bananas", 2)]  # nothing paid, nothing emptied


def test_with_a_confirmation_pending_a_lower_hypothesis_may_be_a_new_request(
        shop: Shop) -> None:
    table = TableParser(a=ADD_BANANAS, b=ADD_NOTHING, c=parse("check out", "checkout"))
    m = manager(shop, table)
    m.handle_text("add two bananas")
    m.handle_text("check out")
    assert m.state.confirm is not None
    t = m.handle_text("add two glorbnix", ["add two bananas"])
    assert t.reply_key == "added_one" and lines(shop) == [("Bananas", 4)]


def test_a_second_opinion_is_asked_for_only_when_no_hypothesis_places_anything(
        shop: Shop) -> None:
    asked: list[str] = []

    def second_opinion() -> list[str]:
        asked.append("asked")
        return ["add two glorbnix", "add two bananas"]

    m = manager(shop, TableParser(a=ADD_NOTHING, b=ADD_BANANAS))
    t = m.handle_text("add two glorbnix", ["hmm"], second_opinion)
    assert t.user == "add two bananas" and lines(shop) == [("Bananas", 2)]
    assert asked == ["asked"]
    placed = m.handle_text("add two bananas", [], second_opinion)
    assert placed.reply_key == "added_one" and asked == ["asked"]  # not asked again
