"""Grounding a parse in another language: spans a model of any seed may give.

Models trained from the same data with other seeds tag the same request differently ("계란 한
팩" as one product span, or product, quantity and unit). The grounding must end the same.
"""

from __future__ import annotations

import pytest

from assistant.dialogue.localize import grounded_entities, in_store_terms
from assistant.settings import PROJECT_ROOT
from nlu.types import Entity, Parse
from storedata.lang import load_pack


def _pack(code: str):
    return load_pack(PROJECT_ROOT / "data", code)


def _parse(text: str, *spans: tuple[str, str]) -> Parse:
    entities = []
    for entity, said in spans:
        start = text.index(said)
        entities.append(Entity(entity, said, start, start + len(said), raw=said))
    return Parse(text=text, intent="add_to_cart", confidence=1.0, entities=entities)


def _terms(parse: Parse) -> list[tuple[str, str, str]]:
    return [(e.entity, e.value, parse.text[e.start:e.end]) for e in parse.entities]


@pytest.mark.parametrize(("code", "text", "span", "expected"), [
    ("ko", "계란 한 팩 담아 주세요", "계란 한 팩", ["계란", "한", "팩"]),
    ("ko", "케이지프리 계란 한 팩도 담아 주세요", "케이지프리 계란 한 팩", ["케이지프리 계란", "한", "팩"]),
    ("ja", "卵1パックください", "卵1パック", ["卵", "1", "パック"]),
    ("ja", "卵を一パックください", "卵を一パック", ["卵", "一", "パック"]),
])
def test_a_count_and_counter_inside_a_product_span_are_cut_out(code: str, text: str, span: str,
                                                              expected: list[str]) -> None:
    terms = _terms(in_store_terms(_parse(text, ("product", span)), _pack(code)))
    assert [said for _, _, said in terms] == expected
    assert [kind for kind, _, _ in terms] == ["product", "quantity", "unit"]
    assert terms[1][1] == "1" and terms[0][1].isascii() and terms[2][1].isascii()


@pytest.mark.parametrize(("code", "text", "count", "said"), [
    ("ja", "バナナを2本ください", "2", "2"),
    ("ja", "りんごを三個ください", "3", "三"),
    ("ja", "バナナをふたつください", "2", "ふた"),
    ("ko", "바나나 두 개 담아 주세요", "2", "두"),
    ("ko", "사과 3개 주세요", "3", "3"),
])
def test_a_number_before_a_counter_is_the_count_when_the_model_missed_it(
        code: str, text: str, count: str, said: str) -> None:
    parse = in_store_terms(_parse(text), _pack(code))
    assert [(kind, value, s) for kind, value, s in _terms(parse)] == [("quantity", count, said)]


@pytest.mark.parametrize("tagged", [
    [("brand", "코카콜라"), ("product", "12캔짜리"), ("quantity", "한"), ("unit", "팩")],
    [("brand", "코카콜라"), ("quantity", "12"), ("quantity", "한"), ("unit", "팩")],
    [("brand", "코카콜라"), ("quantity", "12"), ("unit", "캔짜리"), ("quantity", "한"), ("unit", "팩")],
])
def test_a_pack_size_is_no_count_nor_a_product(tagged: list[tuple[str, str]]) -> None:
    text = "코카콜라 12캔짜리 한 팩 넣어줘"
    parse = in_store_terms(_parse(text, *tagged), _pack("ko"))
    assert [(kind, value) for kind, value, _ in _terms(parse)] == [
        ("brand", "Coca-Cola"), ("quantity", "1"), ("unit", "pack")]


def test_a_number_word_inside_a_word_is_no_count() -> None:
    assert in_store_terms(_parse("一番安い卵はどれ"), _pack("ja")).entities == []


def test_the_same_request_tagged_apart_ends_the_same() -> None:
    text = "계란 한 팩 담아 주세요"
    whole = in_store_terms(_parse(text, ("product", "계란 한 팩")), _pack("ko"))
    apart = in_store_terms(_parse(text, ("product", "계란"), ("quantity", "한"), ("unit", "팩")),
                           _pack("ko"))
    assert [(e.entity, e.value) for e in whole.entities] == \
        [(e.entity, e.value) for e in apart.entities]


@pytest.mark.parametrize(("code", "text", "tagged"), [
    ("ko", "케이지프리 계란 한 팩도 담아 주세요", ["케이지프리", "계란"]),
    ("ja", "白玉卵Lサイズを1パックください", ["白玉卵", "Lサイズ"]),
])
def test_spans_side_by_side_that_are_one_name_are_one_product(code: str, text: str,
                                                               tagged: list[str]) -> None:
    parse = in_store_terms(_parse(text, *(("product", t) for t in tagged)), _pack(code))
    products = [e for e in parse.entities if e.entity == "product"]
    assert len(products) == 1 and products[0].value.isascii()
    assert [e.value for e in parse.entities if e.entity == "quantity"] == ["1"]


def test_two_items_side_by_side_stay_two() -> None:
    parse = in_store_terms(_parse("바나나 사과 주세요", ("product", "바나나"), ("product", "사과")),
                           _pack("ko"))
    assert [e.value for e in parse.entities] == ["Bananas", "apple"]


@pytest.mark.parametrize(("code", "said", "products"), [
    ("ja", "卵とオーツミルク", ["卵", "オーツミルク"]),
    ("ja", "バナナ、りんご", ["バナナ", "りんご"]),
    ("ko", "계란하고 우유", ["계란", "우유"]),
    ("ko", "바나나랑 사과", ["바나나", "사과"]),
])
def test_items_joined_by_and_in_one_span_are_each_grounded(code: str, said: str,
                                                           products: list[str]) -> None:
    entities = grounded_entities(_pack(code), Entity("product", said, 0, len(said), raw=said))
    assert [said[e.start:e.end] for e in entities] == products
    assert all(e.entity == "product" and e.value.isascii() for e in entities)


@pytest.mark.parametrize("said", ["豆とチーズのブリトー", "チキンと玄米ドッグフード", "とうもろこし",
                                  "やわらかめの歯ブラシ"])
def test_a_name_holding_an_and_word_stays_one_product(said: str) -> None:
    entities = grounded_entities(_pack("ja"), Entity("product", said, 0, len(said), raw=said))
    assert len(entities) == 1 and entities[0].value.isascii()


@pytest.mark.parametrize(("code", "text", "answer"), [
    ("ko", "아 잠깐만요, 역시 안 할래요", False),
    ("ko", "네, 담아 주세요", True),
    ("ko", "바나나 두 개 주세요", None),
    ("ja", "うーん、やっぱりやめておきます", False),
])
def test_a_no_phrase_anywhere_in_an_answer_is_a_no(code: str, text: str, answer: bool | None) -> None:
    assert _pack(code).answer(text) is answer


def test_a_counter_tagged_as_a_quantity_is_the_unit() -> None:
    text = "캠벨 토마토 수프 세 캔 넣어줘"
    parse = in_store_terms(_parse(text, ("product", "캠벨 토마토 수프"), ("quantity", "세"),
                                  ("quantity", "캔")), _pack("ko"))
    assert [e.value for e in parse.entities if e.entity == "quantity"] == ["3"]
    assert [e.entity for e in parse.entities].count("quantity") == 1
