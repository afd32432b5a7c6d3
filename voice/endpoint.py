"""End of utterance over a stream of chunks: Silero VAD (``voice.vad``), a silence timeout
and a maximum utterance length; a recognizer's own endpointing may end it too."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np

from voice.audio import RATE, AudioChunk, chunk_to_array
from voice.vad import WINDOW, WINDOW_SECONDS, SileroVad

__all__ = ["EndpointConfig", "Endpointer", "SileroVad", "Utterance", "utterances"]


@dataclass(frozen=True)
class EndpointConfig:
    threshold: float = 0.5  # speech when the probability reaches this
    neg_threshold: float = 0.35  # silence when it falls below this
    min_speech_ms: int = 150  # shorter bursts (a cough, a click) do not start an utterance
    end_silence_ms: int = 600  # this much silence after speech ends the utterance
    pre_roll_ms: int = 300  # audio kept from before the detected start
    tail_ms: int = 150  # silence kept after the end (the rest is trimmed)
    no_speech_timeout_s: float | None = 8.0  # nobody spoke: give up waiting
    max_utterance_s: float = 15.0  # cut off a monologue (or a noise that never stops)


@dataclass(frozen=True)
class Utterance:
    """One detected utterance; ``reason`` says what ended it."""

    audio: np.ndarray  # float32 mono 16 kHz, leading/trailing silence trimmed
    reason: str  # silence | max_length | recognizer | end_of_stream | timeout
    start_s: float = 0.0  # speech start, seconds from the start of listening
    end_s: float = 0.0  # speech end (last speech window)
    ended_at: float = field(default_factory=time.perf_counter)  # when the end was detected
    speech_ended_at: float = 0.0  # when the last speech window was heard (perf_counter)

    @property
    def has_speech(self) -> bool:
        return self.reason != "timeout" and len(self.audio) > 0


class Endpointer:
    """Feed chunks; ``feed`` returns an ``Utterance`` once one ends, else None.

    ``sink`` (e.g. a recognizer stream's ``accept``) receives the utterance's chunks as they
    arrive, pre-roll included, so a streaming engine decodes while the shopper speaks.
    ``recognizer_endpoint`` (optional) is asked after each chunk whether the engine itself
    heard the end. ``on_pause`` (optional) gets, once per pause, the utterance exactly as it
    would be returned if this pause ends it, as soon as ``tail_ms`` of silence followed the
    speech: an engine that decodes whole utterances can start on it while the endpointer
    waits out ``end_silence_ms`` (speculative decoding; if speech resumes, a later pause
    supersedes it).
    """

    def __init__(
        self,
        config: EndpointConfig | None = None,
        vad: SileroVad | None = None,
        sink: Callable[[AudioChunk], object] | None = None,
        recognizer_endpoint: Callable[[], bool] | None = None,
        on_pause: Callable[[np.ndarray], object] | None = None,
    ) -> None:
        self.config = config or EndpointConfig()
        self.vad = vad or SileroVad()
        self.sink = sink
        self.recognizer_endpoint = recognizer_endpoint
        self.on_pause = on_pause
        self.reset()

    @property
    def speaking(self) -> bool:
        """Inside an utterance: someone is talking (nothing else should be said now)."""
        return self._speaking

    def reset(self) -> None:
        self.vad.reset()
        self._pre: deque[np.ndarray] = deque()
        self._pre_chunks: deque[AudioChunk] = deque()
        self._pre_samples = 0
        self._audio: list[np.ndarray] = []
        self._run = 0  # consecutive speech windows before the start
        self._silence = 0  # consecutive silent windows after speech
        self._windows = 0  # windows seen since listening began
        self._speaking = False
        self._start_window = 0
        self._last_speech = 0
        self._last_speech_at = 0.0
        self._paused = False  # on_pause was called for the current pause
        self._speech_samples = 0
        self._samples = 0

    def _ms(self, windows: int) -> float:
        return windows * WINDOW_SECONDS * 1000

    def feed(self, chunk: AudioChunk) -> Utterance | None:
        samples = chunk_to_array(chunk)
        self._samples += len(samples)
        if self._speaking:
            self._audio.append(samples)
            self._speech_samples += len(samples)
            if self.sink is not None:
                self.sink(chunk)
        else:
            self._keep_pre_roll(samples, chunk)
        for prob in self.vad.probabilities(samples):
            self._windows += 1
            ended = self._step(prob)
            if ended is not None:
                return ended
        if self._speaking and self.recognizer_endpoint is not None and self.recognizer_endpoint():
            return self._finish("recognizer")
        return self._timeouts()

    def _keep_pre_roll(self, samples: np.ndarray, chunk: AudioChunk) -> None:
        self._pre.append(samples)
        self._pre_samples += len(samples)
        self._pre_chunks.append(chunk)
        keep = RATE * (self.config.pre_roll_ms + self.config.min_speech_ms + 100) // 1000
        while self._pre_samples - len(self._pre[0]) >= keep:
            self._pre_samples -= len(self._pre.popleft())
            self._pre_chunks.popleft()

    def _step(self, prob: float) -> Utterance | None:
        cfg = self.config
        if not self._speaking:
            # hysteresis, as Silero's own segmentation: a run starts at ``threshold`` and
            # goes on while the probability stays above ``neg_threshold``
            keep = prob >= (cfg.neg_threshold if self._run else cfg.threshold)
            self._run = self._run + 1 if keep else 0
            if self._ms(self._run) >= cfg.min_speech_ms:
                self._begin()
            return None
        if prob >= cfg.threshold:
            self._silence = 0
            self._last_speech = self._windows
            self._last_speech_at = time.perf_counter()
            self._paused = False
        elif prob < cfg.neg_threshold:
            self._silence += 1
            if self._ms(self._silence) >= cfg.end_silence_ms:
                return self._finish("silence")
            # after tail_ms of silence the trimmed utterance is all there (the audio of a
            # window is kept before the window is scored)
            if (self.on_pause is not None and not self._paused
                    and self._ms(self._silence) >= cfg.tail_ms):
                self._paused = True
                self.on_pause(self._trimmed("silence"))
        if self._speech_samples / RATE >= cfg.max_utterance_s:
            return self._finish("max_length")
        return None

    def _begin(self) -> None:
        self._speaking = True
        self._start_window = self._windows - self._run + 1
        self._last_speech = self._windows
        self._last_speech_at = time.perf_counter()
        self._paused = False
        self._silence = 0
        self._audio = list(self._pre)
        self._speech_samples = self._pre_samples
        if self.sink is not None:
            for chunk in self._pre_chunks:
                self.sink(chunk)
        self._pre.clear()
        self._pre_chunks.clear()
        self._pre_samples = 0

    def _timeouts(self) -> Utterance | None:
        limit = self.config.no_speech_timeout_s
        if not self._speaking and limit is not None and self._samples / RATE >= limit:
            return self._finish("timeout")
        return None

    def _trimmed(self, reason: str) -> np.ndarray:
        """The utterance's audio from ``pre_roll_ms`` before the speech started to
        ``tail_ms`` after the last speech window."""
        cfg = self.config
        audio = np.concatenate(self._audio) if self._audio else np.zeros(0, np.float32)
        if reason == "timeout":
            return audio[:0]
        # the audio ends at the last chunk seen; the speech ended at the last speech window
        speech_end = self._last_speech * WINDOW
        speech_start = max(0, (self._start_window - 1) * WINDOW)
        audio_start = self._samples - len(audio)
        head = max(0, speech_start - RATE * cfg.pre_roll_ms // 1000 - audio_start)
        stop = min(len(audio), speech_end + RATE * cfg.tail_ms // 1000 - audio_start)
        return audio[head:stop]

    def _finish(self, reason: str) -> Utterance:
        trimmed = self._trimmed(reason)
        speech_end = self._last_speech * WINDOW
        speech_start = max(0, (self._start_window - 1) * WINDOW)
        utterance = Utterance(trimmed, reason, speech_start / RATE, speech_end / RATE,
                              time.perf_counter(), self._last_speech_at)
        self.reset()
        return utterance

    def flush(self) -> Utterance | None:
        """The stream ended: an utterance in progress ends with it."""
        if not self._speaking:
            self.reset()
            return None
        return self._finish("end_of_stream")


def utterances(
    chunks: Iterable[AudioChunk], config: EndpointConfig | None = None,
    vad: SileroVad | None = None,
) -> Iterator[Utterance]:
    """Every utterance in a stream of chunks (timeouts included), then the trailing one."""
    endpointer = Endpointer(config, vad)
    for chunk in chunks:
        found = endpointer.feed(chunk)
        if found is not None:
            yield found
    last = endpointer.flush()
    if last is not None:
        yield last
