"""Speculative decoding for engines that decode whole utterances (Whisper, pocketsphinx).

The endpointer waits ``end_silence_ms`` of silence before it calls the utterance over; the
shopper has usually finished by the time that silence begins. ``SpeculativeStream`` starts
decoding, in a background thread, the utterance as it stands when a pause begins
(``speculate``, wired to ``Endpointer(on_pause=...)``). When the endpointer ends the
utterance, ``finish`` takes that result if the audio is the same (the pause was the end),
waiting for it when it is not ready yet; if speech resumed, the guess is dropped and a later
pause (or ``finish`` itself) decodes the longer audio. The transcript is the one a plain
decode of the same audio gives: only the time it is ready changes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from voice.recognizer import BufferedStream, Transcript

Decode = Callable[[np.ndarray], Transcript]


@dataclass
class _Job:
    audio: np.ndarray
    done: threading.Event = field(default_factory=threading.Event)
    result: Transcript | None = None
    failed: bool = False
    started: bool = False


class SpeculativeStream(BufferedStream):
    """A ``BufferedStream`` that may already hold the transcript when ``finish`` is called.

    ``outcome`` says how the last ``finish`` went: "hit" (the guess was the utterance),
    "miss" (speech resumed after the last guess, or the guess failed: decoded at the end)
    or "none" (no pause was seen before the end).
    """

    def __init__(self, decode: Decode) -> None:
        super().__init__(decode)
        self._lock = threading.Lock()
        self._latest: _Job | None = None  # the newest guess (the only one worth decoding)
        self._worker: threading.Thread | None = None
        self.outcome = "none"
        self.guesses = 0

    def speculate(self, audio: np.ndarray) -> None:
        """Start decoding ``audio`` (the utterance if it ends here) in the background.

        One decode runs at a time: a guess made while another runs waits for it, and a
        newer guess replaces a waiting one (two cores are not enough for both)."""
        job = _Job(np.array(audio, dtype=np.float32, copy=True))
        with self._lock:
            self.guesses += 1
            self._latest = job
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._work, name="speculative-decode",
                                                daemon=True)
                self._worker.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                job = self._latest
                if job is None or job.done.is_set():
                    self._worker = None
                    return
                job.started = True
            try:
                job.result = self._decode(job.audio)
            except Exception:  # noqa: BLE001 - finish() decodes again and reports the error
                job.failed = True
            job.done.set()

    def finish(self) -> Transcript:
        audio = np.concatenate(self._parts) if self._parts else np.zeros(0, np.float32)
        self._parts = []
        with self._lock:
            job = self._latest
            same = job is not None and np.array_equal(job.audio, audio)
            if job is not None and not same and not job.started:
                self._latest = None  # a stale guess not begun: never decode it
        if job is None:
            self.outcome = "none"
            return self._decode(audio)
        if same:
            job.done.wait()  # the worker is on it, or takes it next
            if job.result is not None and not job.failed:
                self.outcome = "hit"
                return job.result
        self.outcome = "miss"
        return self._decode(audio)
