"""Numbers, money, counts and names in Korean and Japanese (storedata.cjk, dialogue.wording)."""

from __future__ import annotations

import pytest

from assistant.dialogue.speech_format import join_words, money_words, number_words, quantity_words
from assistant.dialogue.wording import ENGLISH, JapaneseWording, KoreanWording, speaking
from storedata.cjk import native_korean, read_digits, read_number, sino_korean


@pytest.mark.parametrize(("n", "said"), [(1, "일"), (10, "십"), (12, "십이"), (100, "백"),
                                         (3500, "삼천오백"), (10000, "만"), (15000, "만오천"),
                                         (120450, "십이만사백오십")])
def test_sino_korean(n: int, said: str) -> None:
    assert sino_korean(n) == said


@pytest.mark.parametrize(("n", "said"), [(1, "한"), (2, "두"), (3, "세"), (12, "열두"), (20, "스무"),
                                         (21, "스물한"), (99, "아흔아홉"), (150, "백오십")])
def test_native_korean_before_a_counter(n: int, said: str) -> None:
    assert native_korean(n) == said


@pytest.mark.parametrize(("said", "n"), [
    ("두 개", 2), ("열두", 12), ("스물네", 24), ("하나", 1), ("셋", 3), ("삼천오백", 3500),
    ("백만", 1_000_000), ("十二", 12), ("二千五百", 2500), ("一万二千", 12000), ("ふたつ", 2),
    ("3つ", 3), ("２", 2), ("12개입", 12)])
def test_numbers_read_back(said: str, n: int) -> None:
    assert read_number(said) == n


@pytest.mark.parametrize(("said", "digits"), [
    ("이 사 육 팔", "2468"), ("2468이요", "2468"), ("일 삼 오 칠", "1357"), ("に よん ろく はち", "2468"),
    ("にーよんろくはち", "2468"), ("２４６８", "2468"), ("四五六七です", "4567")])
def test_a_pin_said_as_digits(said: str, digits: str) -> None:
    assert read_digits(said) == digits


def test_what_is_no_pin() -> None:
    assert read_digits("바나나 두 개") is None and read_digits("いちごをください") is None


def test_words_that_are_no_number() -> None:
    assert read_number("바나나") is None and read_number("ください") is None


def test_korean_replies_count_natively_and_say_dollars_in_sino_korean() -> None:
    wording = KoreanWording(code="ko", names={"Bananas": "바나나", "Organic Bananas": "유기농 바나나"})
    with speaking(wording):
        assert quantity_words(3, "Bananas") == "Bananas 세 개"
        assert money_words(299) == "이 달러 구십구 센트"
        assert money_words(5) == "오 센트"
        assert number_words(7) == "일곱"  # a count, before its counter
        assert join_words(["a", "b", "c"]) == "a, b 그리고 c"
        assert join_words(["a", "b"], "or") == "a 또는 b"
    assert wording.name("Bananas 세 개, Organic Bananas") == "바나나 세 개, 유기농 바나나"
    assert wording.name("Bananasを3個") == "바나나を3個"  # no space needed after a name


def test_japanese_replies_in_digits_and_counters() -> None:
    with speaking(JapaneseWording(code="ja")):
        assert quantity_words(3, "バナナ") == "バナナ3個"
        assert money_words(1050) == "10ドル50セント"
        assert join_words(["a", "b"], "or") == "aかb"


def test_english_is_unchanged_outside_and_inside_its_own_wording() -> None:
    with speaking(ENGLISH):
        assert money_words(299) == "two dollars and ninety nine cents"
    assert quantity_words(3, "Bananas") == "three Bananas"
