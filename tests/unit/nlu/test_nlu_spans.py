"""Quantity spans repaired by the number grammar (our own logic: entities built by hand)."""

from __future__ import annotations

import pytest

from nlu.spans import number_phrase, repair_quantities
from nlu.types import Entity, parse_from_rasa


def _ents(text: str, *spans: tuple[str, str]) -> list[Entity]:
    out, pos = [], 0
    for entity, said in spans:
        start = text.index(said, pos)
        out.append(Entity(entity, said, start, start + len(said), 0.9, None, said))
        pos = start + len(said)
    return out


def _view(entities: list[Entity]) -> list[tuple[str, str]]:
    return [(e.entity, e.raw) for e in entities]


@pytest.mark.parametrize(("text", "length"), [
    ("four limes", 4), ("3 avocados", 1), ("a dozen eggs", 7), ("half a dozen bagels", 12),
    ("a couple of lemons", 11), ("twenty four cans", 11), ("one hundred and fifty", 21),
    ("a million bananas", 9), ("an apple", 0), ("limes", 0), ("fourteen", 8), ("fourth one", 0),
])
def test_number_phrase(text: str, length: int) -> None:
    assert number_phrase(text) == length


def test_a_quantity_over_the_product_is_cut_at_the_number() -> None:
    text = "can you add four limes to my basket"
    got = repair_quantities(text, _ents(text, ("quantity", "four limes")))
    assert _view(got) == [("quantity", "four"), ("product", "limes")]
    assert (got[1].start, got[1].end) == (17, 22) and got[1].confidence == 0.9


def test_a_synonym_value_is_kept_when_the_span_is_cut() -> None:
    text = "add a dozen eggs"
    ents = [Entity("quantity", "twelve", 4, 16, 0.8, None, "a dozen eggs")]
    got = repair_quantities(text, ents)
    assert [(e.entity, e.raw) for e in got] == [("quantity", "a dozen"), ("product", "eggs")]
    assert got[0].value == "twelve"


def test_words_before_another_entity_are_left_out() -> None:
    text = "put a couple chobani greek yogurt in there"
    got = repair_quantities(text, _ents(text, ("quantity", "a couple chobani"), ("product", "greek yogurt")))
    assert _view(got) == [("quantity", "a couple"), ("product", "greek yogurt")]


def test_half_and_a_dozen_are_one_quantity() -> None:
    text = "add half a dozen bagels"
    got = repair_quantities(text, _ents(text, ("quantity", "half"), ("quantity", "a dozen"), ("product", "bagels")))
    assert _view(got) == [("quantity", "half a dozen"), ("product", "bagels")]


def test_good_spans_are_unchanged() -> None:
    text = "add two bananas and three limes"
    ents = _ents(text, ("quantity", "two"), ("product", "bananas"), ("quantity", "three"), ("product", "limes"))
    assert repair_quantities(text, ents) == ents
    text = "two large lattes"  # two quantities apart are not joined
    ents = _ents(text, ("quantity", "two"), ("size", "large"), ("drink", "lattes"))
    assert repair_quantities(text, ents) == ents


def test_rasa_parses_are_repaired() -> None:
    text = "remove two limes"
    parse = parse_from_rasa(text, {"intent": {"name": "remove_from_cart", "confidence": 0.9},
                                   "entities": [{"entity": "quantity", "start": 7, "end": 16,
                                                 "value": "two limes"}]})
    assert [(e.entity, e.value) for e in parse.entities] == [("quantity", "two"), ("product", "limes")]


def test_a_product_that_starts_with_a_number_is_split_unless_it_is_a_catalog_name() -> None:
    text = "add 1 cheddar cheese"
    got = repair_quantities(text, _ents(text, ("product", "1 cheddar cheese")))
    assert _view(got) == [("quantity", "1"), ("product", "cheddar cheese")]
    text = "add two percent milk"  # the store's alias of 2% Reduced Fat Milk
    ents = [Entity("product", "2% Reduced Fat Milk", 4, 20, 0.9, None, "two percent milk")]
    assert repair_quantities(text, ents) == ents


def test_unit_words_are_not_short_product_names() -> None:
    from pathlib import Path

    from nlu.catalog import grocery_banks, load_sources

    banks = grocery_banks(load_sources(Path(__file__).resolve().parents[3] / "data")[0])
    shorts = {f for forms in banks["product"].values() for f in forms}
    assert not {"box", "boxes", "bag", "bags", "pack", "packs"} & shorts


def test_a_number_too_short_for_a_pin_takes_the_next_intent() -> None:
    ranking = [{"name": "provide_pin", "confidence": 0.8}, {"name": "change_quantity", "confidence": 0.1}]
    parse = parse_from_rasa("six", {"intent": ranking[0], "intent_ranking": ranking,
                                    "entities": [{"entity": "pin", "start": 0, "end": 3, "value": "six"}]})
    assert (parse.intent, parse.confidence) == ("change_quantity", 0.1)
    assert [(e.entity, e.value) for e in parse.entities] == [("quantity", "six")]
    for text in ("one two three four", "my pin is 2468", "4 8 1 5"):
        kept = parse_from_rasa(text, {"intent": ranking[0], "intent_ranking": ranking})
        assert kept.intent == "provide_pin", text


def test_a_quantity_without_a_number_is_dropped_and_the_product_kept() -> None:
    text = "add two bananas a dozen eggs and the oat milk"
    got = repair_quantities(text, _ents(text, ("quantity", "two bananas"), ("quantity", "a dozen eggs"),
                                        ("quantity", "and"), ("product", "oat milk")))
    assert _view(got) == [("quantity", "two"), ("product", "bananas"), ("quantity", "a dozen"),
                          ("product", "eggs"), ("product", "oat milk")]
    known = [Entity("quantity", "two", 4, 11, 0.9, None, "a brace")]  # a synonym: kept as said
    assert repair_quantities("add a brace of ducks", known) == known
