"""`voicecart nlu parse|evaluate|train` and `voicecart bench nlu` through the real CLI entry
and model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main
from nlu.model import TrainResult

pytestmark = pytest.mark.slow


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    try:
        main(args)
    except SystemExit as exc:
        assert exc.code in (0, None), capsys.readouterr()
    captured = capsys.readouterr()
    return captured.out, captured.err


def test_parse_stdin_one_json_object_per_line(trained_model: TrainResult, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("add two bananas\n\nspeak slower\n"))
    out, _ = _run(["--json", "nlu", "parse", "-"], capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["intent"] for r in rows] == ["add_to_cart", "nlu_fallback", "speech_rate"]
    assert rows[0]["entities"][0]["raw"] == "two"


def test_parse_human_output(trained_model: TrainResult, capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = _run(["nlu", "parse", "medium latte with skim milk"], capsys)
    assert "-> order_drink" in out and "milk = 'skim milk'" in out


def test_train_reuses_unchanged_model(trained_model: TrainResult, capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = _run(["nlu", "train"], capsys)
    assert out.startswith("Model up to date:") and str(trained_model.model) in out


def test_evaluate_writes_json(trained_model: TrainResult, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "eval.json"
    out, _ = _run(["nlu", "evaluate", "--json", str(report), "--misses", "0"], capsys)
    numbers = json.loads(report.read_text())
    assert numbers["examples"] >= 320
    assert f"{numbers['intent_accuracy']:.4f}" in out
    assert "per entity:" in out and "order_drink" in json.dumps(numbers["intents"])


def test_bench_reports_latency(trained_model: TrainResult, capsys: pytest.CaptureFixture[str],
                               tmp_path: Path) -> None:
    out, _ = _run(["bench", "nlu", "-n", "50", "--out", str(tmp_path / "nlu.json")], capsys)
    result = json.loads(out)
    assert json.loads((tmp_path / "nlu.json").read_text()) == result and result["machine"]
    assert result["count"] == 50
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]
