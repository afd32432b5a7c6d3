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
from pathlib import Path

from assistant.pipeline.bargein import Player, SoundDevicePlayer, Spoken, speak_interruptibly
from assistant.pipeline.errors import NoRecognizer, PipelineError
from assistant.pipeline.run import Pipeline, PipelineTurn
from assistant.pipeline.wake import strip_wake_phrase
from storedata.errors import ExpectedError
from voice.audio import AudioChunk, write_wav
from voice.endpoint import EndpointConfig, Endpointer, SileroVad, Utterance
from voice.errors import VoiceError
from voice.mic import DeviceLost
from voice.recognizer import BufferedStream, EndpointingStream, RecognizerStream
from voice.speculative import SpeculativeStream

MicSource = Callable[[], Iterator[AudioChunk]]
WAKE_ONLY_REPLY = "Yes? What can I get you?"


@dataclass
class KioskOptions:
    push_to_talk: bool = False
    wake_phrase: str | None = None
    endpoint: EndpointConfig = field(default_factory=EndpointConfig)
    reconnect_seconds: float = 2.0
    max_reconnects: int = 30
    # an engine that decodes whole utterances starts on a pause, before the endpointer
    # has waited out its silence (voice/speculative.py)
    speculative: bool = True
    announce_every_s: float = 2.0  # how often to look for orders of this kiosk now ready
    keep_audio: Path | None = None  # save each utterance as a WAV here (else none is kept)


class Kiosk:
    """``keys`` receives a line per Enter press (None at end of input), from a stdin thread
    in real use; push-to-talk waits on it and barge-in looks at it."""

    def __init__(self, pipeline: Pipeline, mic: MicSource, options: KioskOptions | None = None,
                 keys: queue.Queue[str | None] | None = None,
                 echo: Callable[[str], None] = print, player: Player | None = None) -> None:
        """``player`` plays the replies (default: the speaker's sound device, if any)."""
        self.pipeline = pipeline
        self.player = player
        self.mic = mic
        self.options = options or KioskOptions()
        self.keys: queue.Queue[str | None] = keys or queue.Queue()
        self.echo = echo
        self.turns: list[PipelineTurn] = []
        self.ignored: list[str] = []  # heard without the wake phrase
        self._chunks: Iterator[AudioChunk] | None = None
        self._replay: list[AudioChunk] = []
        self._vad: SileroVad | None = None
        self.awake = self.options.wake_phrase is None
        self.stt_outcomes: list[str] = []  # per answered utterance: hit | miss | none
        self.spoken: list[Spoken] = []  # each reply played, and how it went
        self._barge_vad: SileroVad | None = None
        self._announced_at = 0.0

    # -- the loop -------------------------------------------------------------------------
    def run(self, max_turns: int | None = None) -> list[PipelineTurn]:
        self.start()
        return self.serve(max_turns)

    def start(self) -> None:
        """Greet, and wait until the first reply can be made (the READY event)."""
        self._vad = SileroVad()
        greeting = self.pipeline.dialogue.start()
        self._say(greeting.text)  # the NLU model goes on loading meanwhile
        self.pipeline.ready()

    def serve(self, max_turns: int | None = None) -> list[PipelineTurn]:
        """Turns until ``max_turns`` are answered, the conversation ends or the source ends."""
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
            if not utterance.has_speech:
                continue
            if self._answer(utterance, stream):
                break
        return self.turns

    def _answer(self, utterance: Utterance, stream: RecognizerStream | None) -> bool:
        """One utterance through the pipeline; True when the conversation ended."""
        if self.options.keep_audio is not None:
            self._keep(utterance)
        pipeline = self.pipeline
        try:
            if stream is None:
                raise NoRecognizer()
            transcript, timings = pipeline.finish_speech(stream, utterance.ended_at)
            if isinstance(stream, SpeculativeStream):
                self.stt_outcomes.append(stream.outcome)
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
        if utterance.speech_ended_at:  # the shopper's wait, from the last word heard
            waited = (utterance.ended_at - utterance.speech_ended_at) * 1000
            done.timings_ms["reply_since_last_speech"] = round(done.timings_ms["reply"] + waited,
                                                               1)
        self.turns.append(done)
        self._say(done.turn.reply)
        state = pipeline.dialogue.state
        asked = state.question is not None or state.confirm is not None
        self.awake = self.options.wake_phrase is None or asked or done.turn.reply.endswith("?")
        return done.turn.ended

    def _keep(self, utterance: Utterance) -> None:
        """Only with --keep-audio: the utterance as 16 kHz mono WAV, named by the time."""
        folder = self.options.keep_audio
        assert folder is not None
        folder.mkdir(parents=True, exist_ok=True)
        name = time.strftime("%Y%m%d-%H%M%S") + f"-{len(self.turns) + 1:03d}.wav"
        write_wav(folder / name, utterance.audio)

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
        an engine that decodes whole utterances (Whisper) gets the VAD-trimmed utterance,
        and with ``speculative`` starts on it at each pause."""
        recognizer = self.pipeline.recognizer
        stream = recognizer.stream() if recognizer is not None else None
        whole = isinstance(stream, BufferedStream)
        if whole and recognizer is not None and self.options.speculative:
            stream = SpeculativeStream(recognizer.transcribe)
        if self._vad is None:
            self._vad = SileroVad()
        endpointer = Endpointer(
            self.options.endpoint, self._vad,
            sink=stream.accept if stream is not None and not whole else None,
            recognizer_endpoint=(stream.endpointed if isinstance(stream, EndpointingStream)
                                 else None),
            on_pause=stream.speculate if isinstance(stream, SpeculativeStream) else None)
        found = self._next_utterance(endpointer)
        if found is not None and isinstance(stream, BufferedStream):
            stream.add(found.audio)
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
            if not endpointer.speaking:
                self._announce()
        self._chunks = None
        return endpointer.flush()

    def _announce(self) -> None:
        """Say what staff have just made ready here, between shoppers' sentences only."""
        now = time.monotonic()
        if now - self._announced_at < self.options.announce_every_s:
            return
        self._announced_at = now
        try:
            lines = self.pipeline.dialogue.announcements()
        except ExpectedError:  # the database is away: the next look will tell
            return
        for line in lines:
            self._say(line)

    # -- output ---------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        speaker = self.pipeline.speaker
        player = self.player
        if player is None and speaker is not None and speaker.device is not None:
            player = SoundDevicePlayer(speaker.device)
        if speaker is None or player is None:
            self.echo(f"assistant: {text}")
            if speaker is not None:
                speaker.last = text
            return
        source = None if self.options.push_to_talk else self._source()
        self._barge_vad = self._barge_vad or SileroVad()
        try:
            spoken = speak_interruptibly(speaker, text, player, source, self.keys,
                                         self._barge_vad)
        except (VoiceError, OSError, RuntimeError):  # no speech output after all: print
            speaker.device = None
            self.player = None
            self.echo(f"assistant: {text}")
            return
        self.spoken.append(spoken)
        if spoken.microphone_lost:
            self._chunks = None  # reopened (and said) at the next listen
        self._replay.extend(spoken.hand_back)
