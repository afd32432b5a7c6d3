from __future__ import annotations

import pytest

from nlu.validate import MAX_CHARS, clean_text


@pytest.mark.parametrize("text", ["", "   ", "🙂🙂", "?!...", "x" * (MAX_CHARS + 1), "我想买牛奶", "Хочу кофе"])
def test_not_a_request_gives_none(text: str) -> None:
    assert clean_text(text) is None


@pytest.mark.parametrize("text", ["Add TWO bananas", "I'd like a 12-ounce latte.", "crème brûlée"])
def test_requests_are_lowercased_keeping_offsets(text: str) -> None:
    cleaned = clean_text(text)
    assert cleaned == text.lower()
    assert cleaned is not None and len(cleaned) == len(text)


def test_lowercase_changing_length_keeps_the_original() -> None:
    text = "İstanbul coffee"  # 'İ'.lower() is two characters
    assert clean_text(text) == text
