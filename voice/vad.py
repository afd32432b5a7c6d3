"""Silero VAD (the v6 ONNX model shipped by faster-whisper), streamed.

faster-whisper's model scores each 512-sample window (32 ms) from that window, the 64
samples before it and its recurrent state; carrying the state and the context from window
to window as the audio arrives gives faster-whisper's offline probabilities (a unit test
checks it).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from voice.audio import RATE

WINDOW, CONTEXT = 512, 64
WINDOW_SECONDS = WINDOW / RATE


class SileroVad:
    """Speech probability of each 32 ms window, fed audio of any block size."""

    def __init__(self) -> None:
        from faster_whisper.vad import get_vad_model

        self._session: Any = get_vad_model().session
        self.reset()

    def reset(self) -> None:
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(CONTEXT, dtype=np.float32)
        self._pending = np.zeros(0, dtype=np.float32)

    def probabilities(self, samples: np.ndarray) -> list[float]:
        self._pending = np.concatenate([self._pending, samples.astype(np.float32)])
        probs: list[float] = []
        while len(self._pending) >= WINDOW:
            window, self._pending = self._pending[:WINDOW], self._pending[WINDOW:]
            batch = np.concatenate([self._context, window])[None, :]
            out = self._session.run(None, {"input": batch, "h": self._h, "c": self._c})
            probs.append(float(out[0].reshape(-1)[0]))
            self._h, self._c = out[1], out[2]
            self._context = window[-CONTEXT:]
        return probs
