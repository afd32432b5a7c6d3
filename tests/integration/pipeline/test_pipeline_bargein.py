"""Barge-in with real TTS (pyttsx3 / espeak-ng), the real Silero VAD, the real pipeline, and
the microphone fed block by block in real time as the stream would (no sound card here:
a ``TimedPlayer`` plays the reply's samples against the clock and can be stopped)."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from assistant.pipeline.bargein import speak_interruptibly
from assistant.pipeline.kiosk import Kiosk, KioskOptions
from assistant.pipeline.run import Pipeline
from voice.audio import AudioChunk, read_audio
from voice.mic import recording
from voice.tts import Speaker

LONG_REPLY = ("We have coffee, latte, cappuccino, americano, espresso, mocha, iced mocha, "
              "and hot chocolate, in small, medium, large and twelve ounce sizes, with any "
              "milk you like.")


class TimedPlayer:
    """Plays samples as a sound card does: 30 ms blocks against the clock, until stopped."""

    def __init__(self) -> None:
        self.played = 0  # samples
        self.total = 0
        self.rate = 0
        self._stop = threading.Event()

    def play(self, audio: np.ndarray, rate: int) -> None:
        self._stop.clear()
        self.total, self.rate, self.played = len(audio), rate, 0
        block = rate * 30 // 1000
        started = time.perf_counter()
        while self.played < len(audio) and not self._stop.is_set():
            self.played = min(len(audio), self.played + block)
            due = started + self.played / rate
            self._stop.wait(max(0.0, due - time.perf_counter()))

    def stop(self) -> None:
        self._stop.set()


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(16000 * seconds), np.float32)


def mic(audio: np.ndarray) -> Iterator[AudioChunk]:
    return recording(audio)  # real time: the reply plays while the shopper talks


def test_speech_over_a_long_reply_stops_it(synth: Callable[[str], Path]) -> None:
    player = TimedPlayer()
    said = read_audio(synth("stop please"))
    spoken = speak_interruptibly(Speaker(), LONG_REPLY, player,
                                 mic(np.concatenate([silence(1.5), said, silence(3.0)])),
                                 queue.Queue())
    assert spoken.interrupted_by == "speech"
    assert spoken.seconds > 8  # the reply really was long
    assert 1.0 < player.played / player.rate < 4.0  # cut during "stop please", not played out
    assert player.played < player.total
    heard = np.concatenate([np.frombuffer(c.audio, "<i2") for c in spoken.hand_back])
    assert np.abs(heard).max() > 1000  # the words that interrupted are handed back


def test_a_key_press_stops_it_and_silence_does_not(synth: Callable[[str], Path]) -> None:
    keys: queue.Queue[str | None] = queue.Queue()
    threading.Timer(1.0, keys.put, args=("\n",)).start()
    player = TimedPlayer()
    spoken = speak_interruptibly(Speaker(), LONG_REPLY, player, mic(silence(20.0)), keys)
    assert spoken.interrupted_by == "key"
    assert player.played / player.rate < 3.0

    short = TimedPlayer()
    quiet = speak_interruptibly(Speaker(), "Anything else?", short, mic(silence(5.0)),
                                queue.Queue())
    assert quiet.interrupted_by is None and quiet.hand_back == []
    assert short.played == short.total  # played to the end


def test_stop_said_over_the_greeting_cuts_it_off_and_is_the_next_turn(
    pipeline: Pipeline, synth: Callable[[str], Path],
) -> None:
    pipeline.speaker = Speaker(echo=lambda _t: None)
    player = TimedPlayer()
    # the microphone opens as the greeting starts; "stop" comes half a second into it
    audio = np.concatenate([silence(0.5), read_audio(synth("stop")), silence(2.0)])
    kiosk = Kiosk(pipeline, lambda: mic(audio), KioskOptions(max_reconnects=0),
                  echo=lambda _s: None, player=player)
    turns = kiosk.run(max_turns=1)
    greeting = kiosk.spoken[0]
    assert greeting.interrupted_by == "speech"
    assert greeting.played_seconds < greeting.seconds - 0.5
    assert [t.turn.intent for t in turns] == ["stop"]
    assert turns[0].transcript is not None and "stop" in turns[0].transcript.text.lower()
