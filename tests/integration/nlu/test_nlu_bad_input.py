"""Bad input never crashes: a fallback parse or one clear error line."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.cli import main
from nlu.local import LocalParser
from nlu.types import FALLBACK_INTENT

pytestmark = pytest.mark.slow

BAD = {
    "empty": "",
    "blank": "   \n\t ",
    "very long": "add bananas " * 900,  # ~10,000 characters
    "emoji": "🙂🍌🛒",
    "chinese": "我想买两根香蕉",
    "french": "où est la gare",
    "sql": "SELECT * FROM users; DROP TABLE orders;--",
    "gibberish": "xqzt blorf vrrp",
    "control chars": "\x00\x01\x02",
}


@pytest.mark.parametrize("text", list(BAD.values()), ids=list(BAD))
def test_bad_input_is_a_fallback(parser: LocalParser, text: str) -> None:
    parse = parser.parse(text)
    assert parse.intent == FALLBACK_INTENT, parse
    assert parse.text == text


def test_latin_script_foreign_language_is_not_understood(parser: LocalParser) -> None:
    """German/French in Latin script reach the model: it says nlu_fallback, or is too unsure
    for the dialogue to act (below its low-confidence bar, 0.45)."""
    for text in ("ich möchte bitte bezahlen", "où est la gare"):
        parse = parser.parse(text)
        assert parse.text == text
        assert parse.intent == FALLBACK_INTENT or parse.confidence < 0.45, parse


def test_missing_model_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOICECART_MODELS_DIR", str(tmp_path))
    monkeypatch.delenv("VOICECART_NLU_SEED", raising=False)  # this folder, not a seed's
    with pytest.raises(SystemExit) as exit_info:
        main(["nlu", "parse", "add two bananas"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["Error: No NLU model found. Train one with: make models"]


def test_corrupt_model_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "nlu").mkdir()
    (tmp_path / "nlu" / "nlu-broken.tar.gz").write_bytes(b"\x1f\x8b garbage")
    monkeypatch.setenv("VOICECART_MODELS_DIR", str(tmp_path))
    monkeypatch.delenv("VOICECART_NLU_SEED", raising=False)  # this folder, not a seed's
    with pytest.raises(SystemExit) as exit_info:
        main(["nlu", "parse", "hello"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Retrain it with: make models" in err[0]
