"""Barge-in: a reply plays in a thread while the microphone and the keyboard are watched;
speech or a key press stops it, and the audio that interrupted is handed back to be heard."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator

from voice.audio import AudioChunk, chunk_to_array
from voice.endpoint import SileroVad
from voice.tts import Speaker

# The loudspeaker's own voice reaches the microphone: without echo cancellation only
# clear, sustained speech counts as an interruption.
BARGE_IN_THRESHOLD = 0.8
BARGE_IN_WINDOWS = 10  # ~320 ms


def speak_interruptibly(speaker: Speaker, text: str, mic: Iterator[AudioChunk] | None,
                        keys: queue.Queue[str | None], vad: SileroVad | None = None
                        ) -> list[AudioChunk]:
    """Say ``text``; return the chunks heard while it played when speech cut it off."""
    done = threading.Event()

    def play() -> None:
        try:
            speaker.say(text)
        finally:
            done.set()

    player = threading.Thread(target=play, daemon=True)
    player.start()
    heard: list[AudioChunk] = []
    run = 0
    detector = (vad or SileroVad()) if mic is not None else None
    while not done.is_set():
        if not keys.empty():
            keys.get_nowait()
            speaker.stop()
            break
        if mic is None or detector is None:
            done.wait(0.05)
            continue
        chunk = next(mic, None)
        if chunk is None:
            done.wait(0.05)
            continue
        heard.append(chunk)
        for prob in detector.probabilities(chunk_to_array(chunk)):
            run = run + 1 if prob >= BARGE_IN_THRESHOLD else 0
        if run >= BARGE_IN_WINDOWS:
            speaker.stop()
            player.join(timeout=2)
            return heard[-(BARGE_IN_WINDOWS * 2 + 10):]  # the start of what was said
    player.join(timeout=2)
    return []
