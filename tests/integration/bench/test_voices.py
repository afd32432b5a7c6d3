"""The offline voices of the spoken grocery corpus, and its cached build (real engines)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import soundfile
from click.testing import CliRunner

from assistant.bench.voices import (
    PAD_SECONDS,
    RATE,
    VOICES,
    Voice,
    VoiceUnavailable,
    build_corpus,
)
from assistant.cli import cli

pytestmark = pytest.mark.slow

SENTENCE = "two bananas please"


@pytest.mark.parametrize("name", list(VOICES))
def test_every_voice_speaks_16khz_int16_deterministically(name: str) -> None:
    voice = VOICES[name]
    assert voice.missing() is None, voice.missing()
    audio = voice.synthesize(SENTENCE)
    assert audio.dtype == np.int16 and audio.ndim == 1
    assert 0.5 <= len(audio) / RATE <= 10.0
    pad = round(PAD_SECONDS * RATE)
    assert not audio[:pad].any() and not audio[-pad:].any()  # the added silence
    speech = audio[pad:-pad].astype(np.float64)
    assert np.abs(speech).max() > 2000 and np.sqrt(np.mean(speech ** 2)) > 300  # not silent
    assert np.array_equal(audio, voice.synthesize(SENTENCE))


def test_a_missing_package_is_one_typed_error() -> None:
    voice = Voice("nowhere", "x", lambda text: (np.zeros(10), RATE), modules=("no_such_tts_mod",))
    with pytest.raises(VoiceUnavailable, match="no_such_tts_mod"):
        voice.synthesize("hello")
    with pytest.raises(VoiceUnavailable, match="no voice 'nowhere'"):
        build_corpus([("a", "hello")], Path("/nonexistent"), ["nowhere"])


def _state(root: Path) -> dict[str, tuple[int, bytes]]:
    return {str(p.relative_to(root)): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_build_corpus_writes_only_what_changed(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    voices = ["hibari", "espeak-us"]
    requests = [("add-001", "add two bananas"), ("cart-001", "what is in my cart")]
    manifest = build_corpus(requests, tmp_path, voices)
    for name in voices:
        assert set(manifest[name]) == {"add-001", "cart-001"}
        entry = manifest[name]["add-001"]
        audio, rate = soundfile.read(tmp_path / entry["file"], dtype="int16")
        assert rate == RATE and audio.ndim == 1
        assert entry["text"] == "add two bananas"
        assert entry["seconds"] == pytest.approx(len(audio) / RATE, abs=1e-3)
    assert json.loads((tmp_path / "manifest.json").read_text()) == manifest
    before = _state(tmp_path)

    def refuse(self: Voice, text: str) -> np.ndarray:
        raise AssertionError(f"{self.name} spoke {text!r} again")

    with monkeypatch.context() as patch:
        patch.setattr(Voice, "synthesize", refuse)
        assert build_corpus(requests, tmp_path, voices) == manifest
    assert _state(tmp_path) == before  # nothing written, not even the manifest

    # A changed text is spoken again; a request no longer listed goes; other voices stay.
    old_espeak = manifest["espeak-us"]
    manifest = build_corpus([("add-001", "add three bananas")], tmp_path, ["hibari"])
    after = _state(tmp_path)
    assert after["hibari/add-001.wav"] != before["hibari/add-001.wav"]
    assert "hibari/cart-001.wav" not in after and set(manifest["hibari"]) == {"add-001"}
    assert manifest["espeak-us"] == old_espeak
    assert after["espeak-us/add-001.wav"] == before["espeak-us/add-001.wav"]


def test_bench_synth_command(tmp_path: Path) -> None:
    requests = tmp_path / "requests.yml"
    requests.write_text("- id: add-001\n  say: add a dozen eggs\n")
    args = ["bench", "synth", "--requests", str(requests), "--out", str(tmp_path / "out"),
            "--voice", "espeak-us", "--voice", "espeak-rp"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "espeak-us: 1 files" in result.output and "1 made" in result.output
    again = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert "espeak-rp: 1 files" in again.output and "0 made, 1 unchanged" in again.output
    assert (tmp_path / "out" / "espeak-rp" / "add-001.wav").is_file()
