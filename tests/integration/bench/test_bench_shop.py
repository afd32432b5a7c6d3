"""`voicecart bench shop` end to end: the real Rasa model and a seeded SQLite shop per
request, typed and spoken (a real offline voice, real Whisper)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.bench.voices import build_corpus
from assistant.cli import cli

pytestmark = pytest.mark.slow

REQUESTS = """
- {id: a1, say: add two bananas, kind: add, expect: {added: [{product: banana, quantity: 2}]}}
- {id: a2, say: put three avocados in my cart, kind: add,
   expect: {added: [{product: avocado, quantity: 3}]}}
- {id: m1, say: add two bananas and a dozen eggs, kind: add_multi,
   expect: {added: [{product: banana, quantity: 2}, {product: egg, quantity: 1}]}}
- {id: r1, say: remove the eggs, kind: remove, given_cart: [{product: large white eggs}],
   expect: {removed: {product: egg}}}
- {id: x1, say: what's in my cart, kind: cart, customer: guest, expect: {intent: view_cart}}
"""


def _run(*args: str) -> dict:
    result = CliRunner().invoke(cli, ["--json", "bench", "shop", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout[result.stdout.index("{"):])


def test_typed_requests_are_judged_by_their_first_turn(tmp_path: Path) -> None:
    path = tmp_path / "requests.yml"
    path.write_text(REQUESTS, encoding="utf-8")
    summary = _run("--requests", str(path), "--typed-only")
    assert summary["overall"]["typed"]["n"] == 5
    assert summary["overall"]["typed"]["right"] == 5, summary["failures"]
    assert set(summary["by_kind"]) == {f"{k} typed" for k in ("add", "add_multi", "remove",
                                                               "cart")}


def test_spoken_requests_go_through_the_recognizer(tmp_path: Path) -> None:
    path = tmp_path / "requests.yml"
    path.write_text(REQUESTS, encoding="utf-8")
    corpus = tmp_path / "corpus"
    build_corpus([("a1", "add two bananas"), ("a2", "put three avocados in my cart")], corpus,
                 ["piper-joe"])
    summary = _run("--requests", str(path), "--corpus", str(corpus), "--engine", "whisper")
    clean = summary["by_voice"]["piper-joe clean"]
    assert clean["n"] == 2 and clean["right"] >= 1, summary["failures"]
    assert summary["meta"]["voices"] == ["piper-joe"]
    heard = summary["transcripts"]
    assert {h["id"] for h in heard} == {"a1", "a2"}
    assert all(isinstance(h["alternatives"], list) for h in heard)


def test_a_hypothesis_below_the_best_answers_when_the_best_places_nothing(
        tmp_path: Path) -> None:
    """Saved transcripts judged again: the best hypothesis names nothing the store has, the
    next does (``dialogue.hearing``); the same transcripts judged on the best alone fail."""
    path = tmp_path / "requests.yml"
    path.write_text(REQUESTS, encoding="utf-8")
    saved = tmp_path / "heard.json"
    rows = [{"id": "a1", "voice": "v", "condition": "clean", "heard": "add two glorbnix",
             "alternatives": ["add two glorbnix.", "add two bananas"]},
            {"id": "a2", "voice": "v", "condition": "12dB", "heard": "put three glorbnix in",
             "alternatives": [], "second": ["put three avocados in my cart"]}]
    saved.write_text(json.dumps({"transcripts": rows}), encoding="utf-8")
    both = _run("--requests", str(path), "--transcripts", str(saved))
    assert both["by_voice"]["v clean"]["right"] == 1, both["failures"]
    assert both["by_voice"]["v 12dB"]["right"] == 1, both["failures"]  # the second opinion
    best = _run("--requests", str(path), "--transcripts", str(saved), "--best-only")
    assert best["by_voice"]["v clean"]["right"] == 0
    assert best["by_voice"]["v 12dB"]["right"] == 0
