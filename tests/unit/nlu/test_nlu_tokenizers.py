"""The Korean and Japanese tokenizers: real kiwi and MeCab/UniDic, offsets in the original."""

from __future__ import annotations

import pytest

pytest.importorskip("kiwipiepy")
pytest.importorskip("fugashi")

from nlu.tokenizers import JapaneseTokenizer, KoreanTokenizer, merge_spans  # noqa: E402


def _words(tokenizer: KoreanTokenizer | JapaneseTokenizer, text: str) -> list[str]:
    return [text[a:b] for a, b in merge_spans(tokenizer.spans(text), text)]


def test_korean_particles_and_the_copula_come_off_nouns_and_nothing_else() -> None:
    ko = KoreanTokenizer(KoreanTokenizer.get_default_config())
    assert _words(ko, "바나나를 두 개 담아줘") == ["바나나", "를", "두", "개", "담아줘"]
    assert _words(ko, "유기농이에요?") == ["유기농", "이에요"]
    assert _words(ko, "오트 밀크 있어요") == ["오트", "밀크", "있어요"]  # kiwi cuts 오트: we don't
    assert _words(ko, "코카콜라 12개입") == ["코카콜라", "12", "개입"]


def test_japanese_words_particles_and_counters() -> None:
    ja = JapaneseTokenizer(JapaneseTokenizer.get_default_config())
    assert _words(ja, "卵を1ダースください") == ["卵", "を", "1", "ダース", "ください"]
    assert _words(ja, "バナナを3つ") == ["バナナ", "を", "3", "つ"]


def test_overlapping_pieces_merge_and_punctuation_is_dropped() -> None:
    assert merge_spans([(0, 2), (1, 3), (4, 5)], "abc d?") == [(0, 3), (4, 5)]
    assert merge_spans([(0, 3)], "ab?") == [(0, 2)]
