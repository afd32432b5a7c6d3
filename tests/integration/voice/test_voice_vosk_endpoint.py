"""vosk's own endpointing ends an utterance in the endpointer (the real Korean model)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from voice.audio import chunk_samples, read_audio
from voice.endpoint import EndpointConfig, Endpointer
from voice.engines.vosk import VoskRecognizer


def test_vosk_hears_the_end_before_the_silence_timeout(
    vosk_korean: VoskRecognizer, drink_samples: list[tuple[Path, str]]
) -> None:
    speech = read_audio(drink_samples[0][0])
    audio = np.concatenate([speech, np.zeros(16000 * 4, dtype=np.float32)])
    stream = vosk_korean.stream()
    # The energy endpointer alone would wait 3 s of silence: vosk must end it first.
    endpointer = Endpointer(EndpointConfig(end_silence_ms=3000), sink=stream.accept,
                            recognizer_endpoint=stream.endpointed)
    fed = 0
    utterance = None
    for chunk in chunk_samples(audio, 30):
        fed += chunk.frames
        utterance = endpointer.feed(chunk)
        if utterance is not None:
            break
    assert utterance is not None and utterance.reason == "recognizer"
    assert stream.endpointed()
    # ended after the last speech the VAD heard, and before the 3 s silence timeout
    assert utterance.end_s < fed / 16000 < utterance.end_s + 2.9
    assert stream.finish().text


def test_a_fresh_vosk_stream_has_not_endpointed(vosk_korean: VoskRecognizer) -> None:
    stream = vosk_korean.stream()
    for chunk in chunk_samples(np.zeros(16000, dtype=np.float32), 30):
        stream.accept(chunk)
    assert not stream.endpointed()
