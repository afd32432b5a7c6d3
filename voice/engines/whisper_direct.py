"""One Whisper window decoded straight through CTranslate2, with the beam's n-best.

faster-whisper's ``transcribe`` returns one hypothesis per segment and runs its own voice
activity detection, timestamp tokens and temperature fallback around it. For a short command
(one window, at most 30 s) this decoder does what Whisper itself does, once: log-mel
features, the encoder over the padded 30 s window, and a beam search after the prompt, with
timestamps off. CTranslate2's ``generate`` then hands back the beam's best hypotheses with
their scores, so a caller can re-rank them (see ``voice.rescore``).

Measured on the first 40 coffee-corpus files (tiny.en int8, 2 threads, a shared machine at
load 2-3): faster-whisper with VAD and word timestamps took about 1.0-1.1 s per file, this
decoder about 0.45 s, with the same commands heard (clean and kitchen noise at 6 dB).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np

SAMPLE_RATE = 16000
WINDOW_SECONDS = 30.0
MAX_COMPRESSION = 2.4  # Whisper's own threshold for "this text repeats itself"
# Whisper's own rule for "nothing was said": a likely no-speech token and a doubtful text.
NO_SPEECH_PROB = 0.6
NO_SPEECH_LOGPROB = -1.0


@dataclass(frozen=True)
class Hypothesis:
    text: str
    score: float  # log-probability per token, as CTranslate2 scores it (higher is better)


def nothing_said(hypotheses: list[Hypothesis], no_speech_prob: float) -> bool:
    """Whisper's own silence test; a text of punctuation alone ("...") is nothing too."""
    if not any(any(ch.isalnum() for ch in h.text) for h in hypotheses[:1]):
        return True
    return no_speech_prob > NO_SPEECH_PROB and hypotheses[0].score < NO_SPEECH_LOGPROB


def compression_ratio(text: str) -> float:
    """How much ``text`` compresses: a looping hypothesis compresses far better than speech."""
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data)) if data else 0.0


def fits_window(audio: np.ndarray) -> bool:
    return len(audio) <= int(WINDOW_SECONDS * SAMPLE_RATE)


class DirectDecoder:
    """Beam search over one window of a loaded ``faster_whisper.WhisperModel``."""

    def __init__(self, model: Any, language: str = "en") -> None:
        from faster_whisper.tokenizer import Tokenizer
        from faster_whisper.transcribe import get_suppressed_tokens

        self._model = model
        self._tokenizer = Tokenizer(
            model.hf_tokenizer, model.model.is_multilingual, task="transcribe",
            language=language,
        )
        self._suppress = list(get_suppressed_tokens(self._tokenizer, (-1,)))
        self._prompts: dict[str | None, list[int]] = {}

    def prompt_tokens(self, prompt: str | None) -> list[int]:
        """Whisper's decoder prompt: the previous text (our domain prompt), then the task."""
        if prompt not in self._prompts:
            tok = self._tokenizer
            tokens: list[int] = []
            if prompt:
                limit = self._model.max_length // 2 - 1  # as faster-whisper keeps it
                tokens = [tok.sot_prev, *tok.encode(" " + prompt.strip())[-limit:]]
            self._prompts[prompt] = [*tokens, *tok.sot_sequence, tok.no_timestamps]
        return self._prompts[prompt]

    def decode(
        self, audio: np.ndarray, prompt: str | None, beam_size: int = 5, n: int = 5,
        max_new_tokens: int = 64,
    ) -> tuple[list[Hypothesis], float]:
        """The beam's ``n`` best hypotheses for ``audio`` (at most one window), best first,
        and Whisper's probability that nothing was said."""
        return self.generate(self.encode(audio), prompt, beam_size, n, max_new_tokens)

    def encode(self, audio: np.ndarray) -> Any:
        """The encoder's output for one window: decoded once per prompt by ``generate``."""
        import ctranslate2
        from faster_whisper.audio import pad_or_trim

        if not fits_window(audio):
            raise ValueError("the direct decoder takes at most one 30 s window")
        features = pad_or_trim(self._model.feature_extractor(audio)[..., :-1])
        batch = np.ascontiguousarray(features[np.newaxis], dtype=np.float32)
        return self._model.model.encode(ctranslate2.StorageView.from_array(batch))

    def generate(
        self, encoded: Any, prompt: str | None, beam_size: int = 5, n: int = 5,
        max_new_tokens: int = 64,
    ) -> tuple[list[Hypothesis], float]:
        """The beam's ``n`` best hypotheses of encoded audio under ``prompt``."""
        prompt_ids = self.prompt_tokens(prompt)
        result = self._model.model.generate(
            encoded, [prompt_ids], beam_size=beam_size, num_hypotheses=min(n, beam_size),
            length_penalty=1.0, max_length=len(prompt_ids) + max_new_tokens,
            return_scores=True, return_no_speech_prob=True, suppress_blank=True, suppress_tokens=self._suppress,
        )[0]
        hypotheses: list[Hypothesis] = []
        for ids, score in zip(result.sequences_ids, result.scores, strict=True):
            text = self._tokenizer.decode(ids).strip()
            if text:
                hypotheses.append(Hypothesis(text, float(score)))
        return hypotheses, float(result.no_speech_prob)
