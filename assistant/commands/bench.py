"""`voicecart bench`: speech-to-intent quality on a recorded corpus, and performance figures."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import click
import yaml

from assistant.app import build_parser, build_recognizer
from assistant.bench.corpus import Corpus
from assistant.bench.noise import NoiseMixer
from assistant.bench.output import emit, machine
from assistant.bench.report import write_report
from assistant.bench.speech import make_understand, predictions, run
from assistant.bench.summary import summarize
from assistant.commands import bench_perf
from assistant.commands.bench_load import load
from assistant.commands.bench_shop import shop
from assistant.commands.bench_wer import wer
from assistant.settings import PROJECT_ROOT, Settings
from nlu.menu.menu import Menu
from voice.select import ENGINES

DEFAULT_CORPUS = Settings.load().corpus_dir


@click.group()
def bench() -> None:
    """Benchmarks: speech-to-intent quality and performance."""


bench.add_command(wer)
bench.add_command(shop)
bench.add_command(load)
for _command in (bench_perf.startup, bench_perf.pipeline, bench_perf.search, bench_perf.nlu,
                 bench_perf.nlu_http, bench_perf.grounding):
    bench.add_command(_command)


@bench.command(
    "speech", context_settings={"allow_extra_args": True, "ignore_unknown_options": True}
)
@click.option("--corpus", "corpus_dir", type=click.Path(path_type=Path), default=DEFAULT_CORPUS,
              show_default=True, help="A folder with audio/*.wav and labels.json.")
@click.option("--noise", type=click.Path(path_type=Path), default=None,
              help="Background noise to mix in (e.g. the corpus's noise-kitchen.wav).")
@click.option("--snr", type=float, multiple=True,
              help="SNRs in dB: --snr 24 21 18 15 12 9 6 (needs --noise).")
@click.option("--engine", type=click.Choice(ENGINES), default=None)
@click.option("--open-vocabulary", is_flag=True, default=None, help="No domain adaptation.")
@click.option("--predictions", "predictions_file", type=click.Path(path_type=Path), default=None,
              help="Write the clean-condition predictions in the labels.json format.")
@click.option("--report", "report_dir", type=click.Path(path_type=Path), default=None,
              help="Write summary.md, results.json and PNG plots here.")
@click.option("--limit", type=int, default=None, help="Only the first N files.")
@click.pass_context
def speech(
    ctx: click.Context, corpus_dir: Path, noise: Path | None, snr: tuple[float, ...],
    engine: str | None, open_vocabulary: bool | None, predictions_file: Path | None,
    report_dir: Path | None, limit: int | None,
) -> None:
    """Command acceptance from audio alone: recognizer → NLU → cafe order line."""
    settings: Settings = ctx.obj
    snrs = [*snr, *_extra_numbers(ctx.args)]
    if snrs and noise is None:
        raise click.UsageError("--snr needs --noise FILE.")
    settings = settings.replace(store="cafe", engine=engine, open_vocabulary=open_vocabulary)
    # Everything the run needs is checked before the first file is decoded.
    corpus = Corpus.load(corpus_dir, limit)
    if noise is not None and not noise.is_file():
        raise click.UsageError(f"The noise file {noise} does not exist.")
    menu = Menu.load(settings.data_dir / "stores" / "cafe.json")
    parser = build_parser(settings)
    # No word timings: the benchmark scores text, and Whisper then decodes its n-best directly.
    recognizer, reason = build_recognizer(settings, whisper_words=False, whisper_threads=1,
                                          whisper_workers=2)
    click.echo(reason, err=True)
    understand = make_understand(parser, menu)
    understand("warm up")  # waits for the NLU model to finish loading
    mixer = NoiseMixer(noise, settings.models_dir / "cache" / "noisy") if noise else None
    outcomes = run(corpus, recognizer, understand, [None, *snrs], mixer)
    summary = summarize(outcomes, corpus.labels)
    meta: dict[str, Any] = {
        "corpus": str(corpus.root), "files": len(corpus.labels),
        "engine": recognizer.engine, "model": recognizer.model,
        "adaptation": not settings.open_vocabulary, "machine": machine(),
        "parallel_decodes": int(getattr(recognizer, "workers", 1)),
        "noise": str(noise) if noise else None,
    }
    if predictions_file is not None:
        predictions_file.parent.mkdir(parents=True, exist_ok=True)
        predictions_file.write_text(json.dumps(predictions(outcomes), indent=1), "utf-8")
    if report_dir is not None:
        for path in write_report(summary, meta, report_dir):
            click.echo(f"wrote {path}", err=True)
    if settings.json_output:
        click.echo(json.dumps({"meta": meta, **_without_latencies(summary)}, indent=1))
    else:
        click.echo(_table(summary, meta))


@bench.command("seeds")
@click.argument("seeds", nargs=-1, type=int, required=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=PROJECT_ROOT / "models" / "bench", show_default=True,
              help="Where seeds.json, seeds.md and the per-seed test reports go.")
@click.option("--no-tests", is_flag=True, help="Only train and score; run no tests.")
@click.pass_obj
def seeds_cmd(settings: Settings, seeds: tuple[int, ...], out_dir: Path, no_tests: bool) -> None:
    """Train one model per seed; score each and run the NLU and journey tests against it."""
    from assistant.bench.seeds import run_seed, table

    results = []
    for seed in seeds:
        click.echo(f"seed {seed}: training (skipped when unchanged), scoring, testing", err=True)
        results.append(run_seed(settings, seed, out_dir, run_tests=not no_tests))
    emit({"machine": machine(), "seeds": [r.to_dict() for r in results]},
         out_dir / "seeds.json", show=settings.json_output)
    text = table(results)
    (out_dir / "seeds.md").write_text(text + "\n")
    if not settings.json_output:
        click.echo(text)
    failed = [r.seed for r in results if r.failed]
    if failed:
        raise click.ClickException(f"tests failed for seed(s) {failed}; see {out_dir}")


@bench.command("tokenizers")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the table as JSON here.")
@click.pass_obj
def tokenizers_cmd(settings: Settings, out: Path | None) -> None:
    """The language's tokenizer against char n-grams alone (WhitespaceTokenizer), held out."""
    from assistant.bench.output import emit, machine
    from assistant.bench.tokenizers import VARIANTS, score_variant

    root = settings.models_dir / "bench" / f"tokenizers-{settings.lang}"
    scores = [score_variant(settings.pack, v, root, settings.nlu_models_dir) for v in VARIANTS]
    emit({"lang": settings.lang, "machine": machine(), "variants": [s.to_dict() for s in scores]},
         out, show=settings.json_output)
    if not settings.json_output:
        click.echo(f"{settings.lang}, held out ({settings.pack.heldout.name}), {machine()}")
        for s in scores:
            click.echo(f"  {s.variant:>10} ({s.tokenizer}): intent {s.intent_accuracy:.3f}, "
                       f"entity F1 {s.entity_f1:.3f}, product F1 {s.product_f1:.3f}, "
                       f"trained in {s.train_seconds:.0f} s")


@bench.command("synth")
@click.option("--requests", "requests_file", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="A YAML list of {id, say} (default: data/bench/shop/requests.yml; "
              "another language: its pack's bench/requests.yml).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Where <voice>/<id>.wav and manifest.json go (default: "
              "models/bench/shop-corpus, or shop-corpus-<lang>).")
@click.option("--voice", "voice_names", multiple=True,
              help="A voice to speak with (repeatable; default: every installed voice).")
@click.pass_obj
def synth(settings: Settings, requests_file: Path | None, out_dir: Path | None,
          voice_names: tuple[str, ...]) -> None:
    """Speak the benchmark requests with several offline voices (16 kHz WAV, cached)."""
    from assistant.bench.shop.requests import shop_corpus, shop_requests
    from assistant.bench.voices import VOICES, VoiceSummary, build_corpus

    requests_file = requests_file or shop_requests(settings)
    out_dir = out_dir or shop_corpus(settings)
    requests = _say_requests(requests_file)
    names = list(voice_names)
    if not names:
        for voice in (v for v in VOICES.values() if v.lang == settings.lang):
            if voice.missing():
                click.echo(f"{voice.name}: skipped, {voice.missing()}", err=True)
            else:
                names.append(voice.name)
    summaries: list[VoiceSummary] = []

    def show(s: VoiceSummary) -> None:
        summaries.append(s)
        if not settings.json_output:
            speed = s.audio_seconds / max(s.compute_seconds, 1e-6)
            made = (f"; {s.audio_seconds:.1f} s of audio in {s.compute_seconds:.1f} s, "
                    f"{speed:.1f}x realtime") if s.made else ""
            click.echo(f"{s.voice}: {s.files} files in {out_dir / s.voice}, {s.made} made, "
                       f"{s.files - s.made} unchanged{made}")

    build_corpus(requests, out_dir, names, on_voice=show)
    if settings.json_output:
        click.echo(json.dumps([s.__dict__ for s in summaries], indent=1))


def _say_requests(path: Path) -> list[tuple[str, str]]:
    """(id, say) of each request in a YAML list; ids unique and fit for a file name."""
    if not path.is_file():
        raise click.UsageError(f"No requests file at {path}.")
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(raw, list) or not all(
            isinstance(r, dict) and r.get("id") and r.get("say") for r in raw):
        raise click.UsageError(f"{path}: expected a list of objects with `id` and `say`.")
    out = [(str(r["id"]), str(r["say"])) for r in raw]
    ids = [i for i, _ in out]
    bad = [i for i in ids if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", i)]
    if bad or len(set(ids)) != len(ids):
        raise click.UsageError(f"{path}: ids must be unique file names; not {bad or 'repeats'}")
    return out


def _extra_numbers(args: list[str]) -> list[float]:
    try:
        return [float(a) for a in args]
    except ValueError as exc:
        raise click.UsageError(f"Unexpected arguments: {' '.join(args)}") from exc


def _without_latencies(summary: dict[str, Any]) -> dict[str, Any]:
    conds = {k: {kk: vv for kk, vv in v.items() if kk != "latency_ms"}
             for k, v in summary["conditions"].items()}
    return {**summary, "conditions": conds}


def _table(summary: dict[str, Any], meta: dict[str, Any]) -> str:
    lines = [f"{meta['engine']} ({meta['model']}), adaptation "
             f"{'on' if meta['adaptation'] else 'off'}, {meta['files']} files, {meta['machine']}",
             f"{'condition':>9}  {'accept':>7}  {'alone':>7}  {'RTF':>6}  {'p95 ms':>7}"]
    for name, c in summary["conditions"].items():
        lines.append(f"{name:>9}  {100 * c['acceptance']:6.1f}%  "
                     f"{100 * c['transcript_alone']['acceptance']:6.1f}%  "
                     f"{c['real_time_factor']:6.3f}  {c['decode_ms']['p95']:7.0f}")
    if summary.get("mean_acceptance_noisy") is not None:
        lines.append(f"mean over noisy conditions: {100 * summary['mean_acceptance_noisy']:.1f}%")
    return "\n".join(lines)
