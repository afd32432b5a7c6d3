"""Audio messages and sources: every source is a generator of ``AudioChunk``.

Recorded files are decoded with soundfile (WAV 8/16/24/32-bit int and float, FLAC, OGG),
mixed down to mono and resampled to 16 kHz with soxr, so that engines see one format only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf
import soxr

from voice.errors import (
    AudioEmpty,
    AudioNotFound,
    AudioSilent,
    AudioTooLong,
    AudioUnreadable,
)

RATE = 16000
WIDTH = 2
CHANNELS = 1
MAX_SECONDS = 60.0
SILENCE_PEAK_DBFS = -55.0


@dataclass(frozen=True)
class AudioFormat:
    rate: int = RATE
    width: int = WIDTH
    channels: int = CHANNELS


@dataclass(frozen=True)
class AudioChunk:
    """A block of signed little-endian PCM, as the microphone or a file gives it."""

    audio: bytes
    rate: int = RATE
    width: int = WIDTH
    channels: int = CHANNELS

    @property
    def format(self) -> AudioFormat:
        return AudioFormat(self.rate, self.width, self.channels)

    @property
    def frames(self) -> int:
        return len(self.audio) // (self.width * self.channels)

    @property
    def seconds(self) -> float:
        return self.frames / self.rate


def read_audio(path: str | Path, max_seconds: float = MAX_SECONDS) -> np.ndarray:
    """Decode an audio file to a float32 mono 16 kHz array, or raise an ``AudioError``."""
    file = Path(path)
    if not file.is_file():
        raise AudioNotFound(f"I cannot find the audio file {file.name}.")
    if file.stat().st_size == 0:
        raise AudioEmpty(f"The audio file {file.name} is empty.")
    try:
        info = sf.info(str(file))
        if info.frames > 0 and info.duration > max_seconds:
            raise AudioTooLong(
                f"The recording {file.name} is {info.duration:.0f} seconds long; "
                f"I can take at most {max_seconds:.0f} seconds."
            )
        data, rate = sf.read(str(file), dtype="float32", always_2d=True)
    except (sf.LibsndfileError, RuntimeError, ValueError, EOFError) as exc:
        raise AudioUnreadable(
            f"I cannot read {file.name}: it is not audio, or it is damaged or cut short."
        ) from exc
    if data.shape[0] == 0:
        raise AudioEmpty(f"The audio file {file.name} holds no sound at all.")
    return prepare(data, rate, name=file.name)


def prepare(data: np.ndarray, rate: int, name: str = "the recording") -> np.ndarray:
    """Mix (frames, channels) or (frames,) float audio to mono and resample it to 16 kHz."""
    mono = data.mean(axis=1) if data.ndim == 2 else data
    mono = np.asarray(mono, dtype=np.float32)
    if rate != RATE:
        mono = soxr.resample(mono, rate, RATE, quality="HQ").astype(np.float32)
    if not np.all(np.isfinite(mono)):
        raise AudioUnreadable(f"I cannot read {name}: it holds invalid samples.")
    peak = float(np.max(np.abs(mono))) if mono.size else 0.0
    if peak <= 10 ** (SILENCE_PEAK_DBFS / 20):
        raise AudioSilent(f"I heard only silence in {name}.")
    return mono


def write_wav(path: str | Path, samples: np.ndarray, rate: int = RATE) -> Path:
    """Float samples as a 16-bit PCM WAV file."""
    import soundfile as sf

    sf.write(str(path), np.clip(samples, -1, 1), rate, subtype="PCM_16")
    return Path(path)


def to_pcm16(samples: np.ndarray) -> bytes:
    """Float samples in [-1, 1] to 16-bit little-endian PCM bytes (clipped, rounded)."""
    clipped = np.clip(samples, -1.0, 1.0)
    return np.round(clipped * 32767.0).astype("<i2").tobytes()


def chunk_to_array(chunk: AudioChunk) -> np.ndarray:
    """Any PCM chunk (8/16/32-bit int, any rate and channels) to float32 mono 16 kHz."""
    kinds = {1: "u1", 2: "<i2", 4: "<i4"}
    if chunk.width not in kinds:
        raise AudioUnreadable(f"I cannot use {chunk.width * 8}-bit audio blocks.")
    raw = np.frombuffer(chunk.audio, dtype=kinds[chunk.width]).astype(np.float32)
    if chunk.width == 1:
        raw = (raw - 128.0) / 128.0
    else:
        raw = raw / float(2 ** (8 * chunk.width - 1))
    frames = raw.reshape(-1, chunk.channels).mean(axis=1)
    if chunk.rate != RATE and frames.size:
        frames = soxr.resample(frames, chunk.rate, RATE, quality="HQ")
    return np.asarray(frames, dtype=np.float32)


def chunk_samples(samples: np.ndarray, ms: int = 30, rate: int = RATE) -> Iterator[AudioChunk]:
    """Cut float mono samples into 16-bit chunks of ``ms`` milliseconds (the last may be short)."""
    step = max(1, rate * ms // 1000)
    for start in range(0, len(samples), step):
        yield AudioChunk(to_pcm16(samples[start : start + step]), rate, WIDTH, CHANNELS)


def file_chunks(
    path: str | Path, ms: int = 30, max_seconds: float = MAX_SECONDS
) -> Iterator[AudioChunk]:
    """A recorded file as the microphone would give it: 16 kHz mono 16-bit chunks."""
    yield from chunk_samples(read_audio(path, max_seconds=max_seconds), ms)


def join_chunks(chunks: Iterable[AudioChunk]) -> np.ndarray:
    """Collect chunks back into one float32 mono 16 kHz array."""
    parts = [chunk_to_array(c) for c in chunks]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)
