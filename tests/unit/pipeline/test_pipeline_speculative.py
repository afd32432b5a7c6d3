"""Speculative decoding's own logic: which result ``finish`` returns, and when it decodes.
The decoder is a recording stand-in here (the integration tests use Whisper)."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from voice.recognizer import Transcript
from voice.speculative import SpeculativeStream


class Decoder:
    def __init__(self, delay: float = 0.0, fail_first: bool = False) -> None:
        self.calls: list[int] = []
        self.delay, self.fail_first = delay, fail_first
        self.threads: list[str] = []

    def __call__(self, audio: np.ndarray) -> Transcript:
        self.threads.append(threading.current_thread().name)
        self.calls.append(len(audio))
        threading.Event().wait(self.delay)
        if self.fail_first and len(self.calls) == 1:
            raise ValueError("the first decode fails")
        return Transcript(f"{len(audio)} samples")


def audio(n: int) -> np.ndarray:
    return np.linspace(-0.5, 0.5, n, dtype=np.float32)


def test_a_guess_that_was_the_utterance_is_used_without_decoding_again() -> None:
    decode = Decoder(delay=0.05)
    stream = SpeculativeStream(decode)
    stream.speculate(audio(1600))
    stream.add(audio(1600))
    assert stream.finish().text == "1600 samples"
    assert (decode.calls, stream.outcome) == ([1600], "hit")
    assert decode.threads == ["speculative-decode"]


def test_speech_after_the_guess_means_decoding_the_whole_utterance() -> None:
    decode = Decoder()
    stream = SpeculativeStream(decode)
    stream.speculate(audio(1600))
    stream.add(audio(3200))
    assert stream.finish().text == "3200 samples"
    assert stream.outcome == "miss" and decode.calls[-1] == 3200


def test_the_newest_guess_wins_and_no_pause_means_a_plain_decode() -> None:
    decode = Decoder(delay=0.1)
    stream = SpeculativeStream(decode)
    stream.speculate(audio(1000))
    stream.speculate(audio(2000))  # queued behind the first, which is now stale
    stream.speculate(audio(3000))  # replaces the queued one
    stream.add(audio(3000))
    assert stream.finish().text == "3000 samples"
    assert stream.outcome == "hit" and 2000 not in decode.calls

    plain = SpeculativeStream(decode)
    plain.add(audio(500))
    assert plain.finish().text == "500 samples" and plain.outcome == "none"


def test_a_failed_guess_is_decoded_again_where_errors_are_reported() -> None:
    decode = Decoder(fail_first=True)
    stream = SpeculativeStream(decode)
    stream.speculate(audio(800))
    stream.add(audio(800))
    assert stream.finish().text == "800 samples" and stream.outcome == "miss"

    always = SpeculativeStream(lambda a: (_ for _ in ()).throw(ValueError("bad audio")))
    always.speculate(audio(800))
    always.add(audio(800))
    with pytest.raises(ValueError, match="bad audio"):
        always.finish()
