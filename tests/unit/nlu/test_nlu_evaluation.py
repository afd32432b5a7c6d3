from __future__ import annotations

from nlu.evaluation import score
from nlu.examples import parse_markup
from nlu.types import Entity, Parse


def test_scores_intents_entities_and_confusions() -> None:
    gold = [
        parse_markup("add [two](quantity) [bananas](product)", "add_to_cart"),
        parse_markup("[large](size) [latte](drink)", "order_drink"),
        parse_markup("under [5 dollars]{\"entity\": \"price_bound\", \"role\": \"max\"}", "search_product"),
    ]
    parses = [
        Parse(gold[0].text, "add_to_cart", 0.9, [Entity("quantity", "two", 4, 7), Entity("product", "bananas", 8, 15)]),
        Parse(gold[1].text, "search_product", 0.6, [Entity("size", "large", 0, 5), Entity("drink", "latte", 5, 12)]),
        Parse(gold[2].text, "search_product", 0.9, [Entity("price_bound", "5 dollars", 6, 15, role="min")]),
    ]
    report = score(zip(gold, parses, strict=True))
    assert report.examples == 3
    assert report.intent_accuracy == round(2 / 3, 4)
    assert report.confusions == [("order_drink", "search_product", 1)]
    # 3 of 5 predicted spans right (drink offsets and price role wrong), 3 of 5 gold found.
    assert report.entity_precision == 0.6 and report.entity_recall == 0.6
    assert report.entities["price_bound"].f1 == 0.0
    assert report.entities["quantity"].f1 == 1.0
    assert report.entity_value_accuracy == 1.0
    assert len(report.misses) == 2
