"""``voicecart bench startup | pipeline | search | nlu | nlu-http``: the speed and memory figures, each
printed as JSON and saved with ``--out`` (``assistant.bench.output``)."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path

import click

from assistant.bench.output import emit, machine
from assistant.settings import Settings

OUT = click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
                   help="Also save the JSON to this file.")


@click.command("startup")
@click.option("--runs", default=3, show_default=True,
              help="Start-ups to time (the first is the coldest this machine allows).")
@click.option("--timeout", default=120.0, show_default=True)
@OUT
def startup(runs: int, timeout: float, out: Path | None) -> None:
    """Cold start of `voicecart listen`: process launch to ready, and resident memory."""
    from assistant.bench.startup import measure

    emit(measure(runs, timeout), out)


@click.command("pipeline")
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="A corpus folder (default: the settings' corpus_dir).")
@click.option("--limit", default=50, show_default=True, help="Only the first N files.")
@click.option("--engine", default=None, help="auto (default), whisper, pocketsphinx…")
@click.option("--beam", type=int, default=None, help="Whisper beam size.")
@click.option("--no-whisper-vad", is_flag=True,
              help="The endpointer already trimmed the silence: skip Whisper's VAD.")
@click.option("--no-speculation", is_flag=True,
              help="Decode only once the endpointer has ended the utterance.")
@click.option("--compare", type=click.Choice(["speculation", "beam1"]), default=None,
              help="Alternate, file by file, with speculation off / beam size 1.")
@click.option("--speed", default=1.0, show_default=True,
              help="Play the recordings this many times faster than real time.")
@OUT
@click.pass_obj
def pipeline(settings: Settings, corpus_dir: Path | None, limit: int, engine: str | None,
             beam: int | None, no_whisper_vad: bool, no_speculation: bool,
             compare: str | None, speed: float, out: Path | None) -> None:
    """End of speech to reply, by stage, through the real kiosk loop (recordings played as
    the microphone)."""
    from assistant.bench.pipeline import MeasureOptions, measure

    options = MeasureOptions(engine=engine, beam=beam, whisper_vad=not no_whisper_vad,
                             speculation=not no_speculation, compare=compare, speed=speed)
    folder = Path(tempfile.mkdtemp(prefix="voicecart-measure-"))
    try:
        result = measure(corpus_dir or settings.corpus_dir, limit, options, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    emit(result, out)


@click.command("search")
@click.option("--seeded", is_flag=True, help="Time the catalog of --db instead of a generated one.")
@click.option("--products", default=100_000, show_default=True, help="Generated catalog size.")
@click.option("--repeat", default=5, show_default=True, help="Rounds of the query set.")
@OUT
@click.pass_obj
def search(settings: Settings, seeded: bool, products: int, repeat: int,
           out: Path | None) -> None:
    """Catalog search latency p50/p95: the seeded catalog, or a generated large one."""
    from commerce.bench import bench_generated, bench_search
    from commerce.db import open_shop, session_factory

    if seeded:
        engine = open_shop(settings.db_url)
        with session_factory(engine)() as session:
            report = bench_search(session, repeat=repeat)
        engine.dispose()
    else:
        report = bench_generated(products, repeat=repeat)
    click.echo(report.line(), err=True)
    emit({**asdict(report), "machine": machine()}, out)


@click.command("nlu")
@click.option("-n", "count", default=1000, show_default=True, help="Number of parses.")
@OUT
@click.pass_obj
def nlu(settings: Settings, count: int, out: Path | None) -> None:
    """NLU load time and parse latency p50/p95 (in process, or over HTTP with --nlu-url)."""
    from nlu.bench import run_bench

    result = run_bench(settings.nlu_model or settings.nlu_models_dir, count, url=settings.nlu_url)
    click.echo(f"load {result.load_seconds:.2f} s, first parse {result.first_parse_ms:.1f} ms, "
               f"p50 / p95 / max {result.p50_ms:.1f} / {result.p95_ms:.1f} / "
               f"{result.max_ms:.1f} ms over {result.count} parses", err=True)
    emit({**asdict(result), "machine": machine()}, out)


@click.command("nlu-http")
@click.option("--kiosks", default=8, show_default=True,
              help="Kiosk processes parsing on the one server at once.")
@click.option("--requests", "per_kiosk", default=50, show_default=True,
              help="Parses per kiosk (the grocery benchmark's requests, in turn).")
@click.option("--local-processes", default=0, show_default=True,
              help="Also time this many processes parsing in-process at once, each with its "
                   "own model (about 1.2 GB each); one sequential process is always timed.")
@OUT
@click.pass_obj
def nlu_http(settings: Settings, kiosks: int, per_kiosk: int, local_processes: int,
             out: Path | None) -> None:
    """Parse latency p50/p95/p99 of KIOSKS processes on one NLU server (started here, or the
    one at --nlu-url), and of in-process parsing, in the same run."""
    from assistant.bench.nlu_http import NluHttpOptions, measure
    from assistant.bench.shop.requests import load_requests
    from nlu.model import latest_model

    if kiosks < 1 or per_kiosk < 1 or local_processes < 0:
        raise click.UsageError("--kiosks and --requests must be at least 1, --local-processes 0.")
    texts = [r.say for r in load_requests(settings.data_dir / "bench" / "shop" / "requests.yml")]
    model = latest_model(settings.nlu_model or settings.nlu_models_dir)
    options = NluHttpOptions(kiosks, per_kiosk, local_processes, settings.verbose)
    result = measure(model, texts, options, url=settings.nlu_url)
    http, local = result["http"], result["in_process"]
    click.echo(f"{kiosks} kiosks over HTTP: p50 / p95 / p99 {http['p50_ms']} / {http['p95_ms']}"
               f" / {http['p99_ms']} ms; in process: p50 / p95 {local['p50_ms']} / "
               f"{local['p95_ms']} ms", err=True)
    emit({**result, "machine": machine()}, out)


@click.command("grounding")
@click.option("--products", type=int, default=0, show_default=True,
              help="A generated catalog of this many products (0: the seeded grocery store).")
@click.option("--repeat", type=int, default=20, show_default=True)
@OUT
@click.pass_obj
def grounding(settings: Settings, products: int, repeat: int, out: Path | None) -> None:
    """The catalog spotter, the recognizer's shortlist and a dialogue turn, p50/p95."""
    from assistant.bench.grounding import bench_grounding

    result = bench_grounding(settings.data_dir, products, repeat)
    click.echo(f"{result['products']} products: lexicon {result['lexicon_build_seconds']} s; "
               f"spot {result['spot_and_merge_ms']}, shortlist "
               f"{result['second_pass_shortlist_ms']}, turn {result['dialogue_turn_ms']} ms",
               err=True)
    emit({**result, "machine": machine()}, out)
