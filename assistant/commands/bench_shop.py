"""`voicecart bench shop`: the grocery benchmark, typed and spoken, first turn judged."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import click

from assistant.app import build_parser, build_recognizer
from assistant.bench.noise import NoiseMixer
from assistant.bench.output import emit, machine
from assistant.bench.shop.requests import load_requests, shop_corpus, shop_requests
from assistant.bench.shop.run import (
    corpus_voices,
    rejudge,
    run_spoken,
    run_typed,
    summarize,
    transcripts,
)
from assistant.bench.shop.session import STORE, FreshShop
from assistant.settings import Settings
from voice.select import ENGINES


@click.command("shop")
@click.option("--requests", "requests_file", type=click.Path(path_type=Path), default=None,
              help="Default: data/bench/shop/requests.yml, or the language pack's bench/requests.yml.")
@click.option("--corpus", type=click.Path(path_type=Path), default=None,
              help="<voice>/<id>.wav for each voice (make shop-corpus; default "
              "models/bench/shop-corpus, or shop-corpus-<lang>).")
@click.option("--voice", "voices", multiple=True, help="Only these voices (default: all).")
@click.option("--typed-only", is_flag=True, help="Only the typed requests: no audio.")
@click.option("--noise", type=click.Path(path_type=Path), default=None)
@click.option("--snr", type=float, multiple=True, help="SNRs in dB, each needs --noise.")
@click.option("--engine", type=click.Choice(ENGINES), default=None)
@click.option("--kind", "kinds", multiple=True, help="Only requests of these kinds.")
@click.option("--limit", type=int, default=None, help="Only the first N requests.")
@click.option("--second-pass/--no-second-pass", default=True, show_default=True,
              help="Hear again with the likely products as Whisper's prompt.")
@click.option("--others/--best-only", default=True, show_default=True,
              help="Let the dialogue answer another of the recognizer's hypotheses when the "
              "best places nothing (off: the best alone, as before).")
@click.option("--second-opinion", "second_model", default=None, metavar="MODEL",
              help="A second Whisper model (e.g. base) the dialogue may ask to hear a file "
              "again when no hypothesis of the first places anything.")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Write the JSON here.")
@click.option("--transcripts", "heard_file", type=click.Path(exists=True, path_type=Path),
              default=None, help="Judge the transcripts of an earlier --out again (no audio).")
@click.pass_obj
def shop(settings: Settings, requests_file: Path | None, corpus: Path | None, voices: tuple[str, ...],
         typed_only: bool, noise: Path | None, snr: tuple[float, ...], engine: str | None,
         kinds: tuple[str, ...], limit: int | None, second_pass: bool, others: bool,
         second_model: str | None, out: Path | None, heard_file: Path | None) -> None:
    """Grocery requests as the first turn of a fresh session: right or wrong, per voice,
    noise condition and request kind, beside the same requests typed."""
    settings = settings.replace(store=STORE, engine=engine)
    requests_file = requests_file or shop_requests(settings)
    corpus = corpus or shop_corpus(settings)
    requests = [r for r in load_requests(requests_file) if not kinds or r.kind in kinds][:limit]
    if snr and noise is None:
        raise click.UsageError("--snr needs --noise FILE.")
    if noise is not None and not noise.is_file():
        raise click.UsageError(f"The noise file {noise} does not exist.")
    chosen = [] if typed_only else list(voices) or (corpus_voices(corpus) if corpus.is_dir() else [])
    meta: dict[str, Any] = {"requests": len(requests), "machine": machine(), "lang": settings.lang,
                            "second_pass": second_pass, "others": others}
    heard: list[dict[str, Any]] = []
    if heard_file is not None:
        earlier = json.loads(heard_file.read_text(encoding="utf-8"))
        heard = earlier.get("transcripts", [])
        meta.update({k: v for k, v in earlier.get("meta", {}).items()
                     if k in ("engine", "model", "second_pass")})
        heard = [h for h in heard if not voices or h["voice"] in voices]
        chosen = sorted({h["voice"] for h in heard})
    elif not typed_only and not chosen:
        raise click.UsageError(f"No voices under {corpus}: run `make shop-corpus`, or --typed-only.")
    meta["voices"] = chosen
    parser = build_parser(settings)
    with tempfile.TemporaryDirectory() as work:
        shop_ = FreshShop(parser, settings.data_dir, Path(work), settings.lang, others)
        results = run_typed(shop_, requests)
        if heard:
            meta["transcripts_from"] = str(heard_file)
            results += rejudge(shop_, requests, heard)
        elif chosen:
            changes: dict[str, Any] = {} if second_pass else {"second_prompt": None}
            recognizer, reason = build_recognizer(settings, whisper_words=False,
                                                  whisper_threads=1, whisper_workers=2,
                                                  **changes)
            click.echo(reason, err=True)
            meta.update(engine=recognizer.engine, model=recognizer.model)
            second = None
            if second_model:
                second, _ = build_recognizer(settings.replace(whisper_model=second_model),
                                             whisper_words=False, whisper_threads=1, **changes)
                meta["second_opinion"] = second.model
            mixer = NoiseMixer(noise, settings.models_dir / "cache" / "noisy") if noise else None
            results += run_spoken(shop_, requests, corpus, chosen, recognizer, [None, *snr], mixer,
                                  second=second)
    summary = summarize(results)
    emit({"meta": meta, **summary, "transcripts": transcripts(results)}, out,
         show=settings.json_output)
    if not settings.json_output:
        click.echo(_table(summary, meta))


def _table(summary: dict[str, Any], meta: dict[str, Any]) -> str:
    lines = [f"{meta['requests']} requests, {meta['machine']}"
             + (f", {meta.get('engine')} ({meta.get('model')})" if meta["voices"] else "")]
    for name, rate in summary["overall"].items():
        cer = f", character error rate {summary['cer'][name]:.3f}" if name in summary["cer"] else ""
        lines.append(f"  {name:>12}: {rate['percent']:5.1f}% ({rate['right']}/{rate['n']}){cer}")
    if meta["voices"]:
        lines.append("by voice:")
        lines += [f"  {k:>24}: {v['percent']:5.1f}%" for k, v in summary["by_voice"].items()]
    lines.append("by kind:")
    lines += [f"  {k:>24}: {v['percent']:5.1f}% ({v['right']}/{v['n']})"
              for k, v in summary["by_kind"].items()]
    if summary["losses"]:
        lines.append("spoken losses: " + json.dumps(summary["losses"]))
    return "\n".join(lines)
