"""End-of-utterance detection with the real Silero VAD on real recordings."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from voice.audio import chunk_samples, read_audio
from voice.endpoint import EndpointConfig, Endpointer, SileroVad, utterances

ORDER = "0075d273-51bb-47cb-b323-4437bd0de029.wav"


@pytest.fixture(scope="module")
def speech(corpus_dir: Path) -> np.ndarray:
    """The spoken part of a corpus order (1.1 s - 3.8 s of the file)."""
    return read_audio(corpus_dir / "audio" / ORDER)[int(1.1 * 16000):int(3.8 * 16000)]


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(16000 * seconds), dtype=np.float32)


def test_leading_and_trailing_silence_are_trimmed(speech: np.ndarray) -> None:
    audio = np.concatenate([silence(2.0), speech, silence(2.0)])
    found = list(utterances(chunk_samples(audio, 30)))
    assert [u.reason for u in found] == ["silence"]
    u = found[0]
    assert 1.8 <= u.start_s <= 2.3  # speech begins at 2.0 s
    assert 4.3 <= u.end_s <= 4.8  # and ends by 4.7 s
    cfg = EndpointConfig()
    longest = len(speech) / 16000 + (cfg.pre_roll_ms + cfg.tail_ms) / 1000 + 0.2
    assert len(speech) / 16000 - 0.4 <= len(u.audio) / 16000 <= longest


def test_the_same_for_any_block_size(speech: np.ndarray) -> None:
    audio = np.concatenate([silence(1.0), speech, silence(1.5)])
    ends = {round(next(utterances(chunk_samples(audio, ms))).end_s, 2) for ms in (10, 30, 100)}
    assert max(ends) - min(ends) <= 0.07  # within about two 32 ms windows


def test_streaming_vad_matches_faster_whispers_offline_probabilities(speech: np.ndarray
                                                                     ) -> None:
    from faster_whisper.vad import get_vad_model

    audio = np.concatenate([silence(0.5), speech])[: 512 * 80]
    offline = get_vad_model()(audio.copy()).reshape(-1)
    vad = SileroVad()
    streamed = [p for start in range(0, len(audio), 300)
                for p in vad.probabilities(audio[start:start + 300])]
    assert len(streamed) == len(offline) == 80
    # the offline batch gives its last window a slightly different context: compare the rest
    assert np.allclose(offline[:-1], streamed[:-1], atol=1e-4)
    assert abs(offline[-1] - streamed[-1]) < 0.01


def test_two_utterances_with_a_pause(speech: np.ndarray) -> None:
    audio = np.concatenate([silence(0.5), speech, silence(1.5), speech, silence(1.0)])
    assert [u.reason for u in utterances(chunk_samples(audio, 30))] == ["silence", "silence"]


def test_pure_silence_times_out_without_an_utterance() -> None:
    config = EndpointConfig(no_speech_timeout_s=2.0)
    found = list(utterances(chunk_samples(silence(5.0), 30), config))
    assert [u.reason for u in found] == ["timeout", "timeout"]
    assert not any(u.has_speech for u in found)


def test_a_monologue_is_cut_at_the_maximum_length(speech: np.ndarray) -> None:
    config = EndpointConfig(max_utterance_s=4.0, end_silence_ms=2000)
    talk = np.concatenate([speech] * 4)  # about 11 s of talking with no long pause
    first = next(utterances(chunk_samples(np.concatenate([silence(0.5), talk]), 30), config))
    assert first.reason == "max_length"
    assert 3.5 <= len(first.audio) / 16000 <= 4.6


def test_speech_running_into_the_end_of_the_stream(speech: np.ndarray) -> None:
    found = list(utterances(chunk_samples(np.concatenate([silence(0.5), speech]), 30)))
    assert [u.reason for u in found] == ["end_of_stream"]


def test_a_click_does_not_start_an_utterance() -> None:
    click = np.concatenate([silence(1.0), np.full(160, 0.9, np.float32), silence(1.0)])
    assert [u.reason for u in utterances(chunk_samples(click, 30))] == []


def test_the_sink_gets_the_utterance_and_the_recognizer_can_end_it(speech: np.ndarray
                                                                   ) -> None:
    got: list[int] = []
    endpointer = Endpointer(sink=lambda c: got.append(c.frames),
                            recognizer_endpoint=lambda: sum(got) > 16000)
    audio = np.concatenate([silence(1.0), speech, silence(1.0)])
    ended = None
    for chunk in chunk_samples(audio, 30):
        ended = endpointer.feed(chunk)
        if ended is not None:
            break
    assert ended is not None and ended.reason == "recognizer"
    assert 16000 < sum(got) < 16000 + 480 * 2


def test_on_pause_gives_the_utterance_the_pause_would_end(speech: np.ndarray) -> None:
    paused: list[np.ndarray] = []
    endpointer = Endpointer(on_pause=paused.append)
    audio = np.concatenate([silence(1.0), speech, silence(1.5)])
    ended = None
    for chunk in chunk_samples(audio, 30):
        ended = endpointer.feed(chunk) or ended
    assert ended is not None and ended.reason == "silence"
    assert len(paused) >= 1
    assert np.array_equal(paused[-1], ended.audio)  # the guess was the utterance
    assert 0 < ended.speech_ended_at < ended.ended_at  # the last word, then the decision


def test_speech_after_a_pause_supersedes_the_guess(speech: np.ndarray) -> None:
    paused: list[np.ndarray] = []
    endpointer = Endpointer(EndpointConfig(end_silence_ms=900), on_pause=paused.append)
    audio = np.concatenate([silence(0.5), speech, silence(0.45), speech, silence(1.5)])
    found = [u for u in (endpointer.feed(c) for c in chunk_samples(audio, 30)) if u]
    assert [u.reason for u in found] == ["silence"]  # one utterance across the pause
    assert len(paused) >= 2
    assert len(paused[0]) < len(found[0].audio) - len(speech) // 2  # the first half only
    assert np.array_equal(paused[-1], found[0].audio)
