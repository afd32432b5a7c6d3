"""Speculative decoding in the kiosk loop with real Whisper, the microphone in real time:
the transcript is the one the plain decode gives, and it was decoded during the pause."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from assistant.pipeline.kiosk import Kiosk, KioskOptions
from assistant.pipeline.run import Pipeline
from voice.mic import recording

Pad = Callable[..., np.ndarray]


def one_turn(pipeline: Pipeline, audio: np.ndarray, speculative: bool) -> Kiosk:
    kiosk = Kiosk(pipeline, lambda: recording(audio), KioskOptions(speculative=speculative),
                  echo=lambda _s: None)
    kiosk.run(max_turns=1)
    return kiosk


def test_the_guess_made_at_the_pause_is_the_transcript(
    pipeline: Pipeline, padded: Pad, order_wav: Path,
) -> None:
    audio = padded(order_wav, 0.5, 1.5)
    ahead = one_turn(pipeline, audio, speculative=True)
    plain = one_turn(pipeline, audio, speculative=False)
    assert ahead.stt_outcomes == ["hit"] and plain.stt_outcomes == []
    first, second = ahead.turns[0], plain.turns[0]
    assert first.transcript is not None and second.transcript is not None
    assert first.transcript.text == second.transcript.text
    assert "light roast" in first.transcript.text.lower()
    # the shopper's wait counts from the last speech heard: it includes the endpointer's
    # silence, which the decision itself does not
    for done in (first, second):
        t = done.timings_ms
        assert t["reply_since_last_speech"] > t["reply"] >= t["transcript"]
