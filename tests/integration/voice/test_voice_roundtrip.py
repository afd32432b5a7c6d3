"""pyttsx3 speaks a reply to a WAV file; Whisper transcribes it back."""

from __future__ import annotations

from pathlib import Path

import pytest
import soundfile as sf

from voice.audio import read_audio
from voice.engines.whisper import WhisperRecognizer
from voice.textnorm import phrase_found
from voice.tts import Speaker

pytestmark = pytest.mark.slow


def test_spoken_reply_is_heard_back(tmp_path: Path, whisper_adapted: WhisperRecognizer) -> None:
    speaker = Speaker(rate=150, echo=lambda text: None)
    wav = speaker.save("One large iced mocha with a lot of soy milk.", tmp_path / "reply.wav")
    info = sf.info(str(wav))
    assert info.frames > 0 and info.duration > 1.0
    transcript = whisper_adapted.transcribe(read_audio(wav))
    for phrase in ("large", "iced mocha", "soy milk"):
        assert phrase_found(phrase, transcript.text), transcript.text


def test_slower_speech_is_longer(tmp_path: Path) -> None:
    speaker = Speaker(rate=200, echo=lambda text: None)
    fast = sf.info(str(speaker.save("Your order is ready.", tmp_path / "fast.wav"))).duration
    speaker.slower()
    speaker.slower()
    slow = sf.info(str(speaker.save("Your order is ready.", tmp_path / "slow.wav"))).duration
    assert slow > fast
