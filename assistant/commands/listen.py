"""``voicecart run`` (recorded turns through the whole pipeline) and ``voicecart listen``
(the kiosk loop with the microphone)."""

from __future__ import annotations

import json
import queue
import sys
import threading
from pathlib import Path
from typing import Any

import click

from assistant import app
from assistant.commands.options import nlu_client
from assistant.pipeline.errors import PipelineError
from assistant.pipeline.events import EventCallback, EventType, PipelineEvent, ignore
from assistant.pipeline.kiosk import Kiosk, KioskOptions, MicSource
from assistant.pipeline.report import turn_json, turn_text
from assistant.pipeline.run import Pipeline
from assistant.settings import Settings
from voice.audio import read_audio
from voice.errors import AudioError
from voice.mic import input_device, microphone, recording
from voice.select import ENGINES
from voice.tts import Speaker


def _settings(settings: Settings, **options: Any) -> Settings:
    return settings.replace(**options)


def build_pipeline(settings: Settings, speaker: Speaker | None,
                   on_event: EventCallback = ignore) -> Pipeline:
    """The composition root's pipeline, saying which speech engine it runs."""
    pipeline, reason = app.build_pipeline(settings, speaker, on_event)
    click.echo(reason, err=True)
    return pipeline


def _show(event: PipelineEvent) -> None:
    click.echo(f"  [{event.describe()}]", err=True)


def _speaker(settings: Settings, echo: Any) -> Speaker:
    return app.build_speaker(settings, echo)


@click.command("run")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--say", is_flag=True, help="Speak the replies (printed without a loudspeaker).")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Save each reply as a WAV file here.")
@click.option("--engine", type=click.Choice(ENGINES), default=None, help="Speech engine.")
@click.option("--open-vocabulary", is_flag=True, default=None, help="No domain adaptation.")
@click.option("--customer", default=None, help="Customer id (overrides the root option).")
@click.option("--store", default=None,
              help="Store (overrides the root option).")
@click.option("--events", "verbose", is_flag=True, help="Print the pipeline's events.")
@nlu_client
@click.pass_obj
def run(settings: Settings, files: tuple[Path, ...], as_json: bool, say: bool,
        out_dir: Path | None, engine: str | None, open_vocabulary: bool | None,
        customer: str | None, store: str | None, verbose: bool, nlu_url: str | None,
        nlu_timeout: float | None) -> None:
    """Recorded audio files, one shopper turn each, in order, through the whole pipeline."""
    settings = _settings(settings, engine=engine, open_vocabulary=open_vocabulary,
                         customer=customer, store=store, nlu_url=nlu_url,
                         nlu_timeout=nlu_timeout)
    use_json = settings.json_output or as_json
    speaker = _speaker(settings, lambda _text: None) if (say or out_dir) else None
    pipeline = build_pipeline(settings, speaker, _show if verbose else ignore)
    pipeline.check()
    if say and speaker is not None and speaker.device is None:
        click.echo("No loudspeaker here: the replies are printed.", err=True)
    greeting = pipeline.dialogue.start().text
    if not use_json:
        click.echo(f"assistant: {greeting}")
    pipeline.ready()  # timings below are the shopper's wait, not the model's loading
    results: list[dict[str, Any]] = []
    failed = 0
    for number, path in enumerate(files, 1):
        target = out_dir / f"{number:02d}-{path.stem}.reply.wav" if out_dir else None
        try:
            done = pipeline.process_audio(read_audio(path), reply_to=target, speak=say)
        except (AudioError, PipelineError) as exc:
            failed += 1
            results.append({"file": str(path), "error": {"code": exc.code,
                                                          "message": exc.message}})
            if not use_json:
                click.echo(f"[{number}] {path}\n  Error: {exc.message}")
            if say:
                pipeline.say(exc.message)
            continue
        results.append(turn_json(path, done))
        if not use_json:
            click.echo(turn_text(number, path, done))
        if done.turn.ended:
            break
    if use_json:
        click.echo(json.dumps(results, indent=2, ensure_ascii=False))
    if failed:
        raise AudioError(f"{failed} of {len(files)} recordings could not be used.",
                         code="turns_failed")


def _keyboard() -> queue.Queue[str | None]:
    """A line per Enter press, None at the end of input, read by a daemon thread."""
    keys: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        for line in sys.stdin:
            keys.put(line)
        keys.put(None)

    threading.Thread(target=read, name="keys", daemon=True).start()
    return keys


def _device(value: str | None) -> int | str | None:
    return int(value) if value is not None and value.isdigit() else value


@click.command("listen")
@click.option("--device", default=None, help="Input device number or name.")
@click.option("--push-to-talk", is_flag=True, help="Press Enter to talk (noisy kiosks).")
@click.option("--wake-phrase", default=None, help='Only answer after e.g. "hey cart".')
@click.option("--events", "verbose", is_flag=True, help="Print the pipeline's events.")
@click.option("--input-file", type=click.Path(path_type=Path), default=None,
              help="Play a recording as the microphone, in real time (testing, benchmarks).")
@click.option("--max-turns", type=int, default=None,
              help="Stop after this many answered turns (0: start up, greet, and stop).")
@click.option("--keep-audio", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Save each utterance heard as a WAV file here (nothing is kept otherwise).")
@nlu_client
@click.pass_obj
def listen(settings: Settings, device: str | None, push_to_talk: bool,
           wake_phrase: str | None, verbose: bool, input_file: Path | None,
           max_turns: int | None, keep_audio: Path | None, nlu_url: str | None,
           nlu_timeout: float | None) -> None:
    """The kiosk loop: listen, understand, answer, speak."""
    settings = _settings(settings, nlu_url=nlu_url, nlu_timeout=nlu_timeout)
    where = _device(device)
    if input_file is not None:
        audio = read_audio(input_file)  # bad audio: one clear line before anything loads
        source: MicSource = lambda: recording(audio)  # noqa: E731
    else:
        input_device(where)  # no microphone: one clear line before anything loads
        source = lambda: microphone(where)  # noqa: E731
    speaker = _speaker(settings, click.echo)
    pipeline = build_pipeline(settings, speaker, _ready_line(verbose))
    pipeline.check(device=where, listening=input_file is None)
    options = KioskOptions(push_to_talk=push_to_talk, wake_phrase=wake_phrase,
                           keep_audio=keep_audio)
    kiosk = Kiosk(pipeline, source, options, keys=_keyboard(), echo=click.echo)
    kiosk.start()
    if max_turns != 0:
        kiosk.serve(max_turns)


def _ready_line(verbose: bool) -> EventCallback:
    """Events for ``--verbose``; always one line on standard error when start-up is done
    (the start-up benchmark waits for it)."""

    def show(event: PipelineEvent) -> None:
        if verbose:
            _show(event)
        if event.type is EventType.READY:
            click.echo("Ready: listening.", err=True)

    return show
