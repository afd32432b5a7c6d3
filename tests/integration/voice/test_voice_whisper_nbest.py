"""Whisper's direct n-best decoding, on real recordings, clean and in real kitchen noise."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.bench.noise import NoiseMixer
from voice.audio import read_audio
from voice.engines.whisper import WhisperRecognizer
from voice.engines.whisper_direct import DirectDecoder
from voice.textnorm import phrase_found, spoken_form
from voice.vocabulary import DomainVocabulary

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def whisper_nbest(cafe_vocabulary: DomainVocabulary) -> WhisperRecognizer:
    return WhisperRecognizer(vocabulary=cafe_vocabulary, word_timestamps=False, nbest=5)


def test_the_beam_s_hypotheses_come_best_first(
    whisper_nbest: WhisperRecognizer, drink_samples: list[tuple[Path, str]],
    cafe_vocabulary: DomainVocabulary,
) -> None:
    decoder = DirectDecoder(whisper_nbest._model)
    path, drink = drink_samples[0]
    hypotheses, no_speech = decoder.decode(read_audio(path), cafe_vocabulary.prompt, 5, 5)
    assert 0.0 <= no_speech < 0.5
    assert 2 <= len(hypotheses) <= 5
    scores = [h.score for h in hypotheses]
    assert scores == sorted(scores, reverse=True) and all(s < 0 for s in scores)
    assert phrase_found(drink, hypotheses[0].text)
    with pytest.raises(ValueError):
        decoder.decode(np.zeros(31 * 16000, np.float32), None)


def test_direct_decoding_hears_the_drinks_clean_and_at_12_db(
    whisper_nbest: WhisperRecognizer, drink_samples: list[tuple[Path, str]],
    corpus_dir: Path, tmp_path: Path,
) -> None:
    mixer = NoiseMixer(corpus_dir / "noise-kitchen.wav", tmp_path)
    missed = []
    for path, drink in drink_samples:
        for source in (path, mixer.mixed(path, 12)):
            transcript = whisper_nbest.transcribe(read_audio(source))
            assert transcript.engine == "whisper" and transcript.words == []
            assert transcript.decode_seconds > 0 and transcript.audio_seconds > 0
            # alternatives are other wordings, never the text again with other punctuation
            forms = [spoken_form(t) for t in [transcript.text, *transcript.alternatives]]
            assert len(forms) == len(set(forms))
            if not phrase_found(drink, transcript.text):
                missed.append(f"{source}: said {drink!r}, heard {transcript.text!r}")
    assert len(missed) <= 1, missed


def test_silence_and_faint_noise_are_nothing_said(whisper_nbest: WhisperRecognizer) -> None:
    assert whisper_nbest.transcribe(np.zeros(0, np.float32)).text == ""
    assert whisper_nbest.transcribe(np.zeros(16000, np.float32)).text == ""
    hiss = np.random.default_rng(7).normal(0, 0.002, 16000).astype(np.float32)
    assert whisper_nbest.transcribe(hiss).text == ""
