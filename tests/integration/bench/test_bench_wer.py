"""`voicecart bench wer`: real TTS speaks menu orders, real engines transcribe them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import cli

pytestmark = pytest.mark.slow


def test_bench_wer_scores_each_engine_with_and_without_adaptation(tmp_path: Path) -> None:
    out = tmp_path / "wer.json"
    result = CliRunner().invoke(cli, [
        "bench", "wer", "--sentences", "4", "--engine", "whisper", "--out", str(out),
    ], catch_exceptions=False, env={"VOICECART_MODELS_DIR": str(tmp_path / "models")})
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert len(data["sentences"]) == 4
    runs = {r["adapted"]: r for r in data["results"]}
    assert set(runs) == {True, False}
    # Whisper given the menu hears espeak's clear speech of menu orders well.
    assert runs[True]["wer"] <= 0.3, runs[True]
    assert 0.0 < runs[True]["real_time_factor"] < 2.0
    assert (tmp_path / "models" / "cache" / "tts-orders").is_dir()
