"""`voicecart transcribe` end to end through the real CLI entry."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from assistant.cli import main

pytestmark = pytest.mark.slow


def test_transcribe_json_with_pocketsphinx(
    drink_samples: list[tuple[Path, str]], capsys: pytest.CaptureFixture[str],
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("VOICECART_MODELS_DIR", str(tmp_path))
    path, _drink = drink_samples[0]
    main(["--json", "transcribe", "--engine", "pocketsphinx", str(path)])
    captured = capsys.readouterr()
    [result] = json.loads(captured.out)
    assert result["file"] == str(path) and result["engine"] == "pocketsphinx"
    assert result["text"] and result["words"] and result["decode_seconds"] > 0
    assert "Speech engine: pocketsphinx" in captured.err
    assert "with domain adaptation" in captured.err


def test_bad_files_get_one_line_each_and_exit_2(
    drink_samples: list[tuple[Path, str]], capsys: pytest.CaptureFixture[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("VOICECART_MODELS_DIR", str(tmp_path))
    silent = tmp_path / "silent.wav"
    sf.write(str(silent), np.zeros(16000, np.float32), 16000)
    text = tmp_path / "notes.wav"
    text.write_text("not audio")
    good = drink_samples[0][0]
    with pytest.raises(SystemExit) as exit_info:
        main(["transcribe", "--engine", "pocketsphinx", "--open-vocabulary",
              str(silent), str(good), str(text)])
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert "Error: I heard only silence in silent.wav." in captured.err
    assert "Error: I cannot read notes.wav" in captured.err
    assert "Error: 2 of 3 recordings could not be used." in captured.err
    assert "Traceback" not in captured.err
    assert f"{good}:" in captured.out and "without domain adaptation" in captured.err
