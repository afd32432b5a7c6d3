"""What every recognizer returns, and the one interface the rest of the project sees."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Protocol, runtime_checkable

import numpy as np

from voice.audio import AudioChunk, chunk_to_array


@dataclass(frozen=True)
class Word:
    text: str
    start: float  # seconds from the start of the utterance
    end: float
    confidence: float  # 0..1


@dataclass(frozen=True)
class Partial:
    """An interim hypothesis while the shopper is still speaking."""

    text: str


@dataclass(frozen=True)
class Transcript:
    text: str
    words: list[Word] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    engine: str = ""
    model: str = ""
    decode_seconds: float = 0.0  # from the end of the audio to this final result
    audio_seconds: float = 0.0

    @property
    def confidence(self) -> float:
        """Mean word confidence (0 when nothing was heard)."""
        if not self.words:
            return 0.0
        return sum(w.confidence for w in self.words) / len(self.words)

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "words": [
                {"text": w.text, "start": round(w.start, 3), "end": round(w.end, 3),
                 "confidence": round(w.confidence, 3)}
                for w in self.words
            ],
            "alternatives": list(self.alternatives),
            "engine": self.engine,
            "model": self.model,
            "decode_seconds": round(self.decode_seconds, 4),
            "audio_seconds": round(self.audio_seconds, 3),
        }


@runtime_checkable
class RecognizerStream(Protocol):
    def accept(self, chunk: AudioChunk) -> Partial | None: ...

    def finish(self) -> Transcript: ...


@runtime_checkable
class EndpointingStream(Protocol):
    """A streaming engine that hears the end of an utterance itself (vosk's endpointer):
    ``endpointed()`` turns True once it has; ``voice.endpoint.Endpointer`` asks it."""

    def accept(self, chunk: AudioChunk) -> Partial | None: ...

    def finish(self) -> Transcript: ...

    def endpointed(self) -> bool: ...


@runtime_checkable
class Recognizer(Protocol):
    engine: str
    model: str
    adapted: bool  # domain vocabulary in use

    def transcribe(self, audio: np.ndarray) -> Transcript: ...

    def stream(self) -> RecognizerStream: ...


class BufferedStream:
    """The stream of an engine that decodes whole utterances: collect, then decode at the end."""

    def __init__(self, decode: Callable[[np.ndarray], Transcript]) -> None:
        self._decode = decode
        self._parts: list[np.ndarray] = []

    def accept(self, chunk: AudioChunk) -> Partial | None:
        self._parts.append(chunk_to_array(chunk))
        return None

    def add(self, samples: np.ndarray) -> None:
        """Float samples as they are (an utterance the endpointer already cut out)."""
        self._parts.append(samples.astype(np.float32, copy=False))

    def finish(self) -> Transcript:
        audio = np.concatenate(self._parts) if self._parts else np.zeros(0, np.float32)
        self._parts = []
        return self._decode(audio)


def timed(started: float, transcript: Transcript, audio_seconds: float) -> Transcript:
    """Stamp a transcript with the time since ``started`` and the audio length."""
    return replace(
        transcript, decode_seconds=time.perf_counter() - started, audio_seconds=audio_seconds
    )
