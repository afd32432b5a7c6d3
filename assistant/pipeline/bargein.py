"""Barge-in: a reply plays in a thread while the microphone and the keyboard are watched;
speech or a key press stops it, and the audio that interrupted is handed back to be heard
(so "stop", or a new order, said over the reply is the next turn).

The reply is synthesised to a WAV file by the real TTS and played by a ``Player``: the
sound card through sounddevice in the kiosk, anything that plays samples in real time and
can be stopped elsewhere (tests on a machine without a sound card).
"""

from __future__ import annotations

import queue
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np
import soundfile as sf

from voice.audio import AudioChunk, chunk_to_array
from voice.endpoint import SileroVad
from voice.mic import DeviceLost
from voice.tts import Speaker

# The loudspeaker's own voice reaches the microphone: without echo cancellation only
# clear, sustained speech counts as an interruption: a run of windows that starts with a
# clearly spoken one and stays speech for about a short word ("stop" lasts 250-400 ms).
BARGE_IN_START = 0.8
BARGE_IN_KEEP = 0.5
BARGE_IN_WINDOWS = 7  # ~220 ms
HAND_BACK_CHUNKS = BARGE_IN_WINDOWS * 2 + 10  # ~900 ms of 30 ms chunks: the start of it


class Player(Protocol):
    def play(self, audio: np.ndarray, rate: int) -> None:
        """Play ``audio``; return when it has played or ``stop`` was called."""

    def stop(self) -> None: ...


class SoundDevicePlayer:
    """The loudspeaker (sounddevice / PortAudio)."""

    def __init__(self, device: int | None) -> None:
        self.device = device

    def play(self, audio: np.ndarray, rate: int) -> None:
        import sounddevice as sd

        sd.play(audio, rate, device=self.device)
        sd.wait()

    def stop(self) -> None:
        import sounddevice as sd

        sd.stop()


@dataclass
class Spoken:
    """How a reply went: ``interrupted_by`` is "speech", "key" or None (played to the end);
    ``hand_back`` is the microphone audio to hear next (what interrupted, or speech that had
    begun when the reply ended)."""

    seconds: float  # the reply's length
    played_seconds: float
    interrupted_by: str | None = None
    hand_back: list[AudioChunk] = field(default_factory=list)
    microphone_lost: bool = False


def synthesise(speaker: Speaker, text: str) -> tuple[np.ndarray, int]:
    """The reply as samples, from the real TTS (pyttsx3 / espeak-ng) through a WAV file."""
    with tempfile.TemporaryDirectory() as tmp:
        wav = speaker.save(text, Path(tmp) / "reply.wav")
        audio, rate = sf.read(str(wav), dtype="float32")
    return audio, int(rate)


def speak_interruptibly(speaker: Speaker, text: str, player: Player,
                        mic: Iterator[AudioChunk] | None, keys: queue.Queue[str | None],
                        vad: SileroVad | None = None) -> Spoken:
    """Say ``text`` through ``player`` while watching ``mic`` and ``keys``."""
    speaker.last = text
    audio, rate = synthesise(speaker, text)
    spoken = Spoken(seconds=len(audio) / rate, played_seconds=0.0)
    done = threading.Event()

    def play() -> None:
        try:
            player.play(audio, rate)
        finally:
            done.set()

    started = time.perf_counter()
    threading.Thread(target=play, name="reply", daemon=True).start()
    detector = vad or SileroVad()
    detector.reset()
    recent: list[AudioChunk] = []
    run = 0
    while not done.is_set():
        if not keys.empty():
            keys.get_nowait()
            spoken.interrupted_by = "key"
            break
        if mic is None:
            done.wait(0.03)
            continue
        try:
            chunk = next(mic, None)
        except DeviceLost:
            mic, spoken.microphone_lost = None, True
            continue
        if chunk is None:
            mic = None
            continue
        recent.append(chunk)
        for prob in detector.probabilities(chunk_to_array(chunk)):
            run = run + 1 if prob >= (BARGE_IN_KEEP if run else BARGE_IN_START) else 0
        if run >= BARGE_IN_WINDOWS:
            spoken.interrupted_by = "speech"
            break
    if spoken.interrupted_by is not None:
        player.stop()
    done.wait(timeout=2)
    spoken.played_seconds = min(spoken.seconds, time.perf_counter() - started)
    if spoken.interrupted_by == "speech" or run:
        spoken.hand_back = recent[-HAND_BACK_CHUNKS:]
    return spoken
