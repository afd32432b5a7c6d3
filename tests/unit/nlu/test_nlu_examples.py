from __future__ import annotations

from pathlib import Path

import pytest

from nlu.errors import TrainingDataError
from nlu.examples import Span, load_examples, parse_markup


def test_markup_gives_text_and_spans() -> None:
    ex = parse_markup('add [two](quantity) [oj]{"entity": "product", "value": "Orange Juice"} '
                      'under [5 dollars]{"entity": "price_bound", "role": "max"}', "add_to_cart")
    assert ex.text == "add two oj under 5 dollars"
    assert ex.entities == [Span("quantity", "two", 4, 7), Span("product", "Orange Juice", 8, 10),
                           Span("price_bound", "5 dollars", 17, 26, "max")]


def test_heldout_file_loads_and_is_big_enough(repo_data: Path) -> None:
    examples = load_examples(repo_data / "lang" / "en" / "nlu" / "test" / "heldout.yml")
    assert len(examples) >= 320
    for ex in examples:
        for span in ex.entities:
            assert ex.text[span.start : span.end].strip() == ex.text[span.start : span.end]


def test_file_without_examples_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.yml"
    path.write_text('version: "3.1"\nnlu: []\n')
    with pytest.raises(TrainingDataError):
        load_examples(path)
