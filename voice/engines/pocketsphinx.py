"""pocketsphinx 5: the smallest engine; its US English model ships inside its wheel.

With a domain vocabulary it decodes with a small n-gram LM trained (pocketsphinx's own
``ArpaBoLM``) on the store's phrases and command words; ``to_jsgf`` builds the equivalent
JSGF loop grammar, but pocketsphinx 5.1's FSG search stalls on a loop over more than ~50
phrases (measured: minutes per utterance), so the LM is the default. Without a vocabulary:
the wheel's open-vocabulary US English LM.
"""

from __future__ import annotations

import io
import itertools
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from voice.audio import AudioChunk, chunk_to_array, to_pcm16
from voice.errors import EngineUnavailable
from voice.recognizer import Partial, Transcript, Word, timed
from voice.vocabulary import DomainVocabulary, cached, to_jsgf, to_sentences

ENGINE = "pocketsphinx"
FRAMES_PER_SECOND = 100
_FILLERS = re.compile(r"^(<s>|</s>|<sil>|\[.*\]|\+\+.*\+\+)$")


def domain_lm(vocabulary: DomainVocabulary, known: Callable[[str], bool]) -> str:
    """An ARPA back-off LM of the vocabulary's phrases, built by pocketsphinx itself."""
    from pocketsphinx.lm import ArpaBoLM

    lm = ArpaBoLM(text=to_sentences(vocabulary, known), add_start=True)
    lm.compute()
    out = io.StringIO()
    lm.write(out)
    return out.getvalue()


def available() -> bool:
    try:
        import pocketsphinx  # noqa: F401
    except ImportError:
        return False
    return True


class PocketsphinxRecognizer:
    engine = ENGINE

    def __init__(
        self,
        vocabulary: DomainVocabulary | None = None,
        cache_dir: Path | None = None,
        grammar: bool = False,
        nbest: int | None = None,
    ) -> None:
        """``nbest`` alternatives default to 5 with a vocabulary and none without: on the
        wheel's open LM the n-best search ran for minutes on one utterance (measured)."""
        try:
            from pocketsphinx import Decoder
        except ImportError as exc:
            raise EngineUnavailable("The pocketsphinx engine is not installed.") from exc
        # With a vocabulary, skip loading the wheel's big open LM: the domain LM replaces it.
        open_lm: dict[str, Any] = {} if vocabulary is None else {"lm": None}
        self._decoder = Decoder(samprate=16000, loglevel="FATAL", **open_lm)
        self.model = "en-us (pocketsphinx wheel)"
        self.grammar: Path | None = None
        self.nbest = nbest if nbest is not None else (5 if vocabulary is not None else 0)
        self.adapted = vocabulary is not None
        if vocabulary is not None:
            decoder = self._decoder

            def known(word: str) -> bool:
                return decoder.lookup_word(word) is not None

            if grammar:
                build = lambda: to_jsgf(vocabulary, known)  # noqa: E731
                suffix, add = ".pocketsphinx-en-us.jsgf", self._decoder.add_jsgf_file
            else:
                build = lambda: domain_lm(vocabulary, known)  # noqa: E731
                suffix, add = ".pocketsphinx-en-us.lm", self._decoder.add_lm_file
            self.grammar = cached(cache_dir or Path(tempfile.gettempdir()), vocabulary,
                                  suffix, build)
            add("domain", str(self.grammar))
            self._decoder.activate_search("domain")
            self.model += " + domain " + ("grammar" if grammar else "LM")

    def transcribe(self, audio: np.ndarray) -> Transcript:
        """Decode a whole utterance; ``decode_seconds`` is then the whole decoding time."""
        started = time.perf_counter()
        stream = self.stream()
        stream.accept(AudioChunk(to_pcm16(audio)))
        return timed(started, stream.finish(), len(audio) / 16000)

    def stream(self) -> PocketsphinxStream:
        return PocketsphinxStream(self)

    def result(self, started: float, seconds: float) -> Transcript:
        decoder: Any = self._decoder
        hyp = decoder.hyp()
        words: list[Word] = []
        for seg in decoder.seg():
            token = re.sub(r"\(\d+\)$", "", seg.word)
            if _FILLERS.match(token):
                continue
            confidence = min(1.0, max(0.0, float(seg.prob)))  # the wrapper gives a posterior
            words.append(Word(token, seg.start_frame / FRAMES_PER_SECOND,
                              (seg.end_frame + 1) / FRAMES_PER_SECOND, confidence))
        text = " ".join(w.text for w in words) if words else (hyp.hypstr if hyp else "")
        alternatives: list[str] = []
        try:
            for best in itertools.islice(decoder.nbest(), self.nbest):
                said = getattr(best, "hypstr", None)  # the wrapper may yield None entries
                if said and said != text and said not in alternatives:
                    alternatives.append(said)
        except (RuntimeError, ValueError):
            alternatives = []
        return timed(started, Transcript(text, words, alternatives, ENGINE, self.model), seconds)


class PocketsphinxStream:
    def __init__(self, owner: PocketsphinxRecognizer) -> None:
        self._owner = owner
        self._decoder: Any = owner._decoder
        self._samples = 0
        self._last = ""
        try:
            self._decoder.start_utt()
        except RuntimeError:  # an earlier stream was abandoned mid-utterance
            self._decoder.end_utt()
            self._decoder.start_utt()

    def accept(self, chunk: AudioChunk) -> Partial | None:
        if (chunk.rate, chunk.width, chunk.channels) != (16000, 2, 1):
            chunk = AudioChunk(to_pcm16(chunk_to_array(chunk)))
        self._samples += chunk.frames
        self._decoder.process_raw(chunk.audio, False, False)
        hyp = self._decoder.hyp()
        text = hyp.hypstr if hyp is not None else ""
        if text and text != self._last:
            self._last = text
            return Partial(text)
        return None

    def finish(self) -> Transcript:
        started = time.perf_counter()
        self._decoder.end_utt()
        return self._owner.result(started, self._samples / 16000)
