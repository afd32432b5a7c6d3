"""One pipeline run: audio -> transcript -> parse -> reply (-> speech), every stage timed.

Each stage's own typed errors are turned into that stage's ``PipelineError`` in one place
(``_stage``), reported as an ERROR event, and raised to the caller, which says the message
and goes on. Timings are measured from the end of speech, as the shopper waits.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant.dialogue.manager import DialogueManager
from assistant.dialogue.types import Turn
from assistant.dialogue.understand import understand
from assistant.pipeline.checks import check_all
from assistant.pipeline.errors import (
    STAGE_ERRORS,
    NoRecognizer,
    PipelineError,
    TextToSpeechError,
    is_expected,
)
from assistant.pipeline.events import EventCallback, EventType, PipelineEvent, ignore
from assistant.pipeline.stages import Stage
from assistant.pipeline.voicecontrol import apply_speech_rate
from nlu.types import Parse
from voice.audio import chunk_samples
from voice.recognizer import Recognizer, RecognizerStream, Transcript
from voice.tts import Speaker

CHUNK_MS = 30


@dataclass(frozen=True)
class PipelineTurn:
    """What one run produced: the transcript (None for typed text), the turn, the timings."""

    turn: Turn
    transcript: Transcript | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)
    spoken: bool = False
    saved: Path | None = None
    tts_error: str | None = None  # the reply stands (it is printed) even when speech failed


class Pipeline:
    def __init__(
        self,
        recognizer: Recognizer | None,
        dialogue: DialogueManager,
        speaker: Speaker | None = None,
        on_event: EventCallback = ignore,
    ) -> None:
        self.recognizer = recognizer
        self.dialogue = dialogue
        self.speaker = speaker
        self.on_event = on_event

    # -- start-up -------------------------------------------------------------------------
    def check(self, device: int | str | None = None, listening: bool = False) -> None:
        """Everything a run needs, checked before it starts; raises a ``PipelineError``."""
        check_all(self, device=device, listening=listening)

    def ready(self) -> None:
        """Wait for what loads in the background (the NLU model); raise its error. Then the
        READY event: the first reply can be made."""
        wait = getattr(self.dialogue.parser, "wait", None)
        if callable(wait):
            with self._stage(Stage.INTENT):
                wait()
        self._emit(EventType.READY, None)

    # -- runs -----------------------------------------------------------------------------
    def run_audio(self, samples: np.ndarray, reply_to: Path | None = None,
                  speak: bool = False) -> Turn:
        return self.process_audio(samples, reply_to=reply_to, speak=speak).turn

    def run_text(self, text: str, speak: bool = False) -> Turn:
        return self.process_text(text, speak=speak).turn

    def process_audio(self, samples: np.ndarray, reply_to: Path | None = None,
                      speak: bool = False) -> PipelineTurn:
        """A whole utterance, fed to the recognizer in chunks as the microphone would."""
        if self.recognizer is None:
            raise NoRecognizer()
        stream = self.recognizer.stream()
        self._emit(EventType.RUN_START, None, input="audio", seconds=len(samples) / 16000)
        self._emit(EventType.STAGE_START, Stage.STT)
        with self._stage(Stage.STT):
            for chunk in chunk_samples(samples, CHUNK_MS):
                stream.accept(chunk)
        return self._after_speech(stream, time.perf_counter(), reply_to, speak)

    def process_stream(self, stream: RecognizerStream, speech_ended: float,
                       reply_to: Path | None = None, speak: bool = False) -> PipelineTurn:
        """An utterance already fed to ``stream`` while the shopper spoke (the mic loop)."""
        self._emit(EventType.RUN_START, None, input="microphone")
        self._emit(EventType.STAGE_START, Stage.STT)
        return self._after_speech(stream, speech_ended, reply_to, speak)

    def process_text(self, text: str, speak: bool = False) -> PipelineTurn:
        self._emit(EventType.RUN_START, None, input="text")
        return self._understand(text, None, time.perf_counter(), {}, None, speak)

    def _after_speech(self, stream: RecognizerStream, ended: float, reply_to: Path | None,
                      speak: bool) -> PipelineTurn:
        transcript, timings = self.finish_speech(stream, ended)
        return self.respond(transcript.text, transcript, ended, timings, reply_to, speak)

    def finish_speech(self, stream: RecognizerStream,
                      ended: float) -> tuple[Transcript, dict[str, float]]:
        """The end of the STT stage: the final transcript, timed from the end of speech."""
        with self._stage(Stage.STT):
            transcript = stream.finish()
        timings = {"transcript": _ms_since(ended)}
        self._emit(EventType.STAGE_END, Stage.STT, ms=timings["transcript"],
                   text=transcript.text, engine=transcript.engine)
        return transcript, timings

    def respond(self, text: str, transcript: Transcript | None, ended: float,
                timings: dict[str, float], reply_to: Path | None = None,
                speak: bool = False) -> PipelineTurn:
        """INTENT, HANDLE and TTS for a line (``text`` may differ from the transcript, e.g.
        with the wake phrase taken off)."""
        return self._understand(text, transcript, ended, timings, reply_to, speak)

    def _understand(self, text: str, transcript: Transcript | None, ended: float,
                    timings: dict[str, float], reply_to: Path | None,
                    speak: bool) -> PipelineTurn:
        parse = self._parse(text)
        if parse is not None:
            timings["parse"] = _ms_since(ended)
        self._emit(EventType.STAGE_START, Stage.HANDLE)
        with self._stage(Stage.HANDLE):
            # the recognizer's other hypotheses, when the line is the transcript as heard
            # (not with a wake phrase taken off): the dialogue may answer one (``hearing``)
            heard = transcript is not None and text == transcript.text
            others = transcript.alternatives if transcript is not None and heard else []
            turn = (self.dialogue.handle_parse(parse, others) if parse
                    else self.dialogue.handle_text(text, others))
        timings["reply"] = _ms_since(ended)
        self._emit(EventType.STAGE_END, Stage.HANDLE, ms=timings["reply"], reply=turn.reply,
                   intent=turn.intent)
        if self.speaker is not None and turn.speech_rate is not None:
            apply_speech_rate(self.speaker, turn.speech_rate)
        spoken, saved, tts_error = False, None, None
        try:
            spoken, saved = self._speak(turn.reply, reply_to, speak)
        except TextToSpeechError as exc:  # the cart changed already: report, do not lose it
            tts_error = exc.message
        self._emit(EventType.RUN_END, None, **{f"{k}_ms": v for k, v in timings.items()})
        return PipelineTurn(turn, transcript, timings, spoken, saved, tts_error)

    def _parse(self, text: str) -> Parse | None:
        """The INTENT stage; None when the dialogue must see the raw text (an empty line,
        or a PIN answer, which never reaches the NLU)."""
        parser = self.dialogue.parser
        if not text.strip() or parser is None or self.dialogue.pin_answer(text) is not None:
            return None
        self._emit(EventType.STAGE_START, Stage.INTENT)
        started = time.perf_counter()
        with self._stage(Stage.INTENT):  # a shared NLU server's failure is a value
            parse = understand(parser, text)
        self._emit(EventType.STAGE_END, Stage.INTENT, ms=_ms_since(started),
                   intent=parse.intent, confidence=round(parse.confidence, 3))
        return parse

    def _speak(self, text: str, reply_to: Path | None, speak: bool) -> tuple[bool, Path | None]:
        if self.speaker is None or not (speak or reply_to):
            return False, None
        self._emit(EventType.STAGE_START, Stage.TTS)
        started = time.perf_counter()
        spoken, saved = False, None
        with self._stage(Stage.TTS):
            if reply_to is not None:
                saved = self.speaker.save(text, reply_to)
            if speak:
                spoken = self.speaker.say(text)
        self._emit(EventType.STAGE_END, Stage.TTS, ms=_ms_since(started), spoken=spoken,
                   saved=str(saved) if saved else None)
        return spoken, saved

    def say(self, text: str) -> bool:
        """Speak a message outside a run (greeting, an error); False when only printed."""
        if self.speaker is None:
            return False
        with self._stage(Stage.TTS):
            return self.speaker.say(text)

    # -- the one place stage errors are caught ----------------------------------------------
    @contextmanager
    def _stage(self, stage: Stage) -> Iterator[None]:
        try:
            yield
        except PipelineError as exc:
            self._emit(EventType.ERROR, exc.stage or stage, code=exc.code, message=exc.message)
            raise
        except Exception as exc:
            if not is_expected(exc):
                raise  # a bug: let it show
            error = STAGE_ERRORS[stage].wrap(exc)
            self._emit(EventType.ERROR, stage, code=error.code, message=error.message)
            raise error from exc

    def _emit(self, kind: EventType, stage: Stage | None, **data: Any) -> None:
        self.on_event(PipelineEvent(kind, stage, data))


def _ms_since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)
