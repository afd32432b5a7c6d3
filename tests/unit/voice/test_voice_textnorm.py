"""Spoken-form normalisation and tolerant phrase spotting, on hand-worked examples."""

from __future__ import annotations

import pytest

from voice.textnorm import phrase_found, spoken_form


def test_spoken_form() -> None:
    assert spoken_form("Can I have a 12-ounce coffee?") == "can i have a 12 ounce coffee"
    assert spoken_form("twelve ounce") == "12 ounce"
    assert spoken_form("") == ""


@pytest.mark.parametrize(
    ("phrase", "transcript", "expected"),
    [
        ("twelve ounce", "a 12-ounce latte", True),
        ("iced mocha", "an ice mocha please", True),
        ("a lot of soy milk", "with a lot of soy milk", True),
        ("mocha", "a latte", False),
        ("soy milk", "some milk", False),
        ("latte", "lots of cream", False),
        ("large", "", False),
    ],
)
def test_phrase_found(phrase: str, transcript: str, expected: bool) -> None:
    assert phrase_found(phrase, transcript) is expected
