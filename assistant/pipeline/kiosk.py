"""The kiosk loop: greet, listen, find the end of the utterance, answer, speak; again.

Push-to-talk (Enter opens the microphone for one utterance), an optional wake phrase (not
needed to answer a question just asked), barge-in (speech or a key press stops a long reply),
and a microphone that fails mid-session: said once, reopened, the conversation goes on.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from assistant.pipeline.bargein import speak_interruptibly
from assistant.pipeline.errors import PipelineError
from assistant.pipeline.run import CHUNK_MS, Pipeline, PipelineTurn
from assistant.pipeline.wake import strip_wake_phrase
from voice.audio import AudioChunk, chunk_samples
from voice.endpoint import EndpointConfig, Endpointer, Utterance
from voice.mic import DeviceLost
from voice.recognizer import BufferedStream, RecognizerStream

MicSource = Callable[[], Iterator[AudioChunk]]
WAKE_ONLY_REPLY = "Yes? What can I get you?"


@dataclass
class KioskOptions:
    push_to_talk: bool = False
    wake_phrase: str | None = None
    endpoint: EndpointConfig = field(default_factory=EndpointConfig)
    reconnect_seconds: float = 2.0
    max_reconnects: int = 30


class Kiosk:
    """``keys`` receives a line per Enter press (None at end of input), from a stdin thread
    in real use; push-to-talk waits on it and barge-in looks at it."""

    def __init__(self, pipeline: Pipeline, mic: MicSource, options: KioskOptions | None = None,
                 keys: queue.Queue[str | None] | None = None,
                 echo: Callable[[str], None] = print) -> None:
        self.pipeline = pipeline
        self.mic = mic
        self.options = options or KioskOptions()
        self.keys: queue.Queue[str | None] = keys or queue.Queue()
        self.echo = echo
        self.turns: list[PipelineTurn] = []
        self.ignored: list[str] = []  # heard without the wake phrase
        self._chunks: Iterator[AudioChunk] | None = None
        self._replay: list[AudioChunk] = []
        self.awake = self.options.wake_phrase is None

    # -- the loop -------------------------------------------------------------------------
    def run(self, max_turns: int | None = None) -> list[PipelineTurn]:
        greeting = self.pipeline.dialogue.start()
        self._say(greeting.text)  # the NLU model goes on loading meanwhile
        self.pipeline.ready()
        reconnects = 0
        while max_turns is None or len(self.turns) < max_turns:
            if self.options.push_to_talk and not self._wait_for_enter():
                break
            try:
                utterance, stream = self._listen()
            except DeviceLost as exc:
                reconnects += 1
                if reconnects > self.options.max_reconnects:
                    raise
                self._say(exc.message)  # the cart is in the database: nothing is lost
                self._chunks = None
                time.sleep(self.options.reconnect_seconds)
                continue
            if utterance is None:
                break  # the source ended
            if not utterance.heard:
                continue
            if self._answer(utterance, stream):
                break
        return self.turns

    def _answer(self, utterance: Utterance, stream: RecognizerStream | None) -> bool:
        """One utterance through the pipeline; True when the conversation ended."""
        pipeline = self.pipeline
        try:
            if stream is None:
                raise PipelineError("no_recognizer", "Speech recognition is not set up.")
            transcript, timings = pipeline.finish_speech(stream, utterance.ended_at)
            text = transcript.text
            if not text.strip():
                return False  # a noise, not words: say nothing
            if not self.awake:
                text = strip_wake_phrase(self.options.wake_phrase or "", text) or ""
                if strip_wake_phrase(self.options.wake_phrase or "", transcript.text) is None:
                    self.ignored.append(transcript.text)
                    return False  # not talking to us
                if not text:
                    self.awake = True
                    self._say(WAKE_ONLY_REPLY)
                    return False
            done = pipeline.respond(text, transcript, utterance.ended_at, timings)
        except PipelineError as exc:
            self._say(exc.message)
            return False
        self.turns.append(done)
        self._say(done.turn.reply)
        state = pipeline.dialogue.state
        asked = state.question is not None or state.confirm is not None
        self.awake = self.options.wake_phrase is None or asked or done.turn.reply.endswith("?")
        return done.turn.ended

    # -- input ----------------------------------------------------------------------------
    def _wait_for_enter(self) -> bool:
        self.echo("Press Enter and speak (Ctrl-D to quit).")
        line = self.keys.get()
        self._chunks = None  # a fresh stream for each press: no stale audio
        return line is not None

    def _source(self) -> Iterator[AudioChunk]:
        if self._chunks is None:
            self._chunks = self.mic()
        return self._chunks

    def _listen(self) -> tuple[Utterance | None, RecognizerStream | None]:
        """Chunks until an utterance ends. A streaming engine (vosk) decodes as they come;
        an engine that decodes whole utterances (Whisper) gets the VAD-trimmed utterance."""
        recognizer = self.pipeline.recognizer
        stream = recognizer.stream() if recognizer is not None else None
        streaming = stream is not None and not isinstance(stream, BufferedStream)
        endpointer = Endpointer(self.options.endpoint,
                                sink=stream.accept if streaming and stream else None)
        found = self._next_utterance(endpointer)
        if found is not None and stream is not None and not streaming:
            for chunk in chunk_samples(found.audio, CHUNK_MS):
                stream.accept(chunk)
        return found, stream

    def _next_utterance(self, endpointer: Endpointer) -> Utterance | None:
        pending, self._replay = self._replay, []
        for chunk in pending:
            found = endpointer.feed(chunk)
            if found is not None:
                return found
        for chunk in self._source():
            found = endpointer.feed(chunk)
            if found is not None:
                return found
        self._chunks = None
        return endpointer.flush()

    # -- output ---------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        speaker = self.pipeline.speaker
        if speaker is None or speaker.device is None:
            self.echo(f"assistant: {text}")
            if speaker is not None:
                speaker.last = text
            return
        source = None if self.options.push_to_talk else self._source()
        heard = speak_interruptibly(speaker, text, source, self.keys)
        self._replay.extend(heard)
