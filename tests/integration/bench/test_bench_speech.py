"""`voicecart bench speech` end to end: real Whisper, the real Rasa model, real recordings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import cli, main

pytestmark = pytest.mark.slow


def test_bench_speech_writes_predictions_and_report(tmp_path: Path, corpus_dir: Path) -> None:
    preds, report = tmp_path / "pred.json", tmp_path / "report"
    result = CliRunner().invoke(cli, [
        "--json", "bench", "speech", "--corpus", str(corpus_dir), "--limit", "4",
        "--engine", "whisper", "--noise", str(corpus_dir / "noise-kitchen.wav"), "--snr", "12",
        "--predictions", str(preds), "--report", str(report),
    ], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout[result.stdout.index("{"):])
    assert set(summary["conditions"]) == {"clean", "12dB"}
    clean = summary["conditions"]["clean"]
    assert clean["total"] == 4
    # the recognizer heard these clean recordings: most commands must be accepted
    assert clean["acceptance"] >= 0.75
    assert "transcript_alone" in clean and "lost_by_nlu_or_menu" in clean
    labels = json.loads((corpus_dir / "labels.json").read_text())
    written = json.loads(preds.read_text())
    assert set(written) == set(sorted(labels)[:4])
    for name, pred in written.items():
        assert pred["intent"] == "orderDrink"
        assert set(pred["slots"]) <= {"coffeeDrink", "size", "roast", "numberOfShots",
                                      "milkAmount", "sugarAmount"}
        assert pred["slots"].get("coffeeDrink") == labels[name]["slots"]["coffeeDrink"]
    for name in ("summary.md", "results.json", "acceptance_vs_snr.png", "slot_accuracy.png",
                 "latency.png"):
        assert (report / name).stat().st_size > 0


def test_bench_speech_refuses_a_folder_that_is_not_a_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["bench", "speech", "--corpus", str(tmp_path)])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.strip() == f"Error: {tmp_path} is not a corpus: it needs audio/ and labels.json."
