"""`voicecart bench wer`: word error rate of each engine, with and without domain adaptation,
on cafe orders made from the menu and spoken by the TTS (references known)."""

from __future__ import annotations

from pathlib import Path

import click
from tqdm import tqdm

from assistant.app import engine_choice
from assistant.bench.output import emit, machine
from assistant.bench.wer import WerResult, measure, order_sentences, synthesize
from assistant.settings import Settings
from nlu.menu.menu import Menu
from voice.errors import VoiceError
from voice.select import choose_engine
from voice.tts import Speaker


@click.command("wer")
@click.option("--sentences", type=int, default=40, show_default=True,
              help="How many orders to generate and speak.")
@click.option("--engine", "engines", multiple=True, default=("whisper", "pocketsphinx"),
              show_default=True, help="Engines to measure (each adapted and open).")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Also write the numbers to this JSON file.")
@click.pass_obj
def wer(settings: Settings, sentences: int, engines: tuple[str, ...], out: Path | None) -> None:
    """Word error rate against known references (synthetic speech: a comparison of engines
    and of adaptation; `bench speech` measures real speech)."""
    settings = settings.replace(store="cafe")
    menu = Menu.load(settings.data_dir / "stores" / "cafe.json")
    references = order_sentences(menu, sentences)
    speaker = Speaker(rate=settings.tts_rate, voice=settings.tts_voice, echo=lambda _: None)
    wavs = synthesize(references, settings.models_dir / "cache" / "tts-orders",
                      speaker.save, f"{settings.tts_voice}/{settings.tts_rate}")
    results: list[WerResult] = []
    runs = [(e, o) for e in engines for o in (False, True)]
    for engine, open_vocabulary in tqdm(runs, unit="run", desc="wer"):
        choice = engine_choice(settings.replace(engine=engine, open_vocabulary=open_vocabulary),
                               whisper_words=False)
        try:
            recognizer, _ = choose_engine(choice)
        except VoiceError as exc:
            click.echo(f"{engine}: skipped, {exc.message}", err=True)
            continue
        results.append(measure(recognizer, references, wavs))
    rows = [r.as_dict() for r in results]
    emit({"sentences": references, "results": rows, "machine": machine()}, out,
         show=settings.json_output)
    if settings.json_output:
        return
    click.echo(f"{'engine':<14} {'adaptation':<10} {'WER':>7} {'RTF':>6}   "
               f"({sentences} TTS-spoken cafe orders)")
    for r in results:
        click.echo(f"{r.engine:<14} {'on' if r.adapted else 'off':<10} "
                   f"{100 * r.wer:6.1f}% {r.real_time_factor:6.3f}")
