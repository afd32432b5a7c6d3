"""Real components for the pipeline: a seeded SQLite file per test, the real trained Rasa
model, real Whisper tiny.en with the cafe's domain adaptation, real corpus recordings."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from assistant.app import build_dialogue
from assistant.dialogue.manager import DialogueManager
from assistant.pipeline.events import EventLog
from assistant.pipeline.run import Pipeline
from assistant.settings import Settings
from assistant.vocabulary import load_vocabulary
from nlu.types import NluParser
from voice.audio import AudioChunk, read_audio
from voice.engines.whisper import WhisperRecognizer
from voice.mic import microphone
from voice.tts import Speaker

ORDER_FILE = "0075d273-51bb-47cb-b323-4437bd0de029.wav"  # "a light roast twelve ounce coffee"


@pytest.fixture()
def backend() -> str:
    """Audio tests are about hearing: one backend is enough (the dialogue runs on both)."""
    return "sqlite"


@pytest.fixture()
def db_url(seeded_url: str) -> str:
    """A fresh copy of the seeded shop for each test."""
    return seeded_url


@pytest.fixture()
def cafe_settings(db_url: str, tmp_path: Path) -> Settings:
    return Settings.load(db_url=db_url, store="cafe", customer="guest")


@pytest.fixture(scope="session")
def whisper() -> WhisperRecognizer:
    vocabulary = load_vocabulary(Settings.load(store="cafe"))
    return WhisperRecognizer(vocabulary=vocabulary, word_timestamps=False)


@pytest.fixture()
def manager(cafe_settings: Settings, nlu_parser: NluParser, tmp_path: Path) -> DialogueManager:
    return build_dialogue(cafe_settings, nlu_parser)


@pytest.fixture()
def events() -> EventLog:
    return EventLog()


@pytest.fixture()
def pipeline(whisper: WhisperRecognizer, manager: DialogueManager,
             events: EventLog) -> Pipeline:
    return Pipeline(whisper, manager, None, events)


@pytest.fixture(scope="session")
def order_wav(corpus_dir: Path) -> Path:
    return corpus_dir / "audio" / ORDER_FILE


@pytest.fixture(scope="session")
def synth(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Speech made by pyttsx3/espeak-ng into a WAV file (cached per text)."""
    folder = tmp_path_factory.mktemp("synth")

    def make(text: str) -> Path:
        target = folder / (text.replace(" ", "_") + ".wav")
        return target if target.exists() else Speaker().save(text, target)

    return make


def padded(path: Path, before: float = 1.0, after: float = 1.5) -> np.ndarray:
    """A recording with silence before and after, as the microphone hears a shopper."""
    audio = read_audio(path)
    return np.concatenate([np.zeros(int(16000 * before), np.float32), audio,
                           np.zeros(int(16000 * after), np.float32)])


class FileInputStream:
    """Stands in for ``sounddevice.RawInputStream``: the same constructor arguments, and a
    thread that calls ``callback(indata, frames, time, status)`` with int16 blocks of
    ``blocksize`` frames, paced like a real device (``speed`` x real time)."""

    def __init__(self, audio: np.ndarray, samplerate: int, blocksize: int,
                 device: Any = None, callback: Any = None, speed: float = 20.0,
                 stop_after: int | None = None) -> None:
        self.pcm = np.round(np.clip(audio, -1, 1) * 32767).astype("<i2")
        self.samplerate, self.blocksize, self.callback = samplerate, blocksize, callback
        self.speed, self.stop_after = speed, stop_after
        self.closed = False
        self._thread = threading.Thread(target=self._play, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _play(self) -> None:
        for number, begin in enumerate(range(0, len(self.pcm), self.blocksize)):
            if self.closed or (self.stop_after is not None and number >= self.stop_after):
                return  # unplugged: the callback is simply never called again
            block = self.pcm[begin:begin + self.blocksize]
            if len(block) < self.blocksize:
                block = np.concatenate([block, np.zeros(self.blocksize - len(block), "<i2")])
            self.callback(memoryview(block.tobytes()), self.blocksize, None, None)
            time.sleep(self.blocksize / self.samplerate / self.speed)

    def stop(self) -> None:
        self.closed = True

    def close(self) -> None:
        self.closed = True


MicFactory = Callable[..., Callable[[], Iterator[AudioChunk]]]


@pytest.fixture()
def mic_from() -> MicFactory:
    """``mic_from(audio, rate=16000, **stream)``: a microphone source (as the kiosk opens it)
    whose sounddevice stream is a ``FileInputStream`` playing ``audio``."""

    def make(audio: np.ndarray, rate: int = 16000,
             **stream: Any) -> Callable[[], Iterator[AudioChunk]]:
        def open_mic() -> Iterator[AudioChunk]:
            def factory(**kwargs: Any) -> FileInputStream:
                return FileInputStream(audio, **kwargs, **stream)
            return microphone(stream_factory=factory, rate=rate, stall_seconds=3.0)
        return open_mic

    return make


@pytest.fixture(name="padded")
def padded_fixture() -> Callable[..., np.ndarray]:
    """``padded(path, before=1.0, after=1.5)``: a recording with silence around it."""
    return padded


@pytest.fixture()
def wav_writer(tmp_path: Path) -> Callable[[str, np.ndarray], Path]:
    def write(name: str, audio: np.ndarray) -> Path:
        target = tmp_path / name
        sf.write(str(target), audio, 16000, subtype="PCM_16")
        return target
    return write
