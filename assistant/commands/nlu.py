"""``voicecart nlu``: generate data, train, parse, evaluate and serve the NLU model."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from assistant.commands.nlu_serve import serve
from assistant.settings import Settings

if TYPE_CHECKING:
    from nlu.types import NluParser


def _settings(ctx: click.Context) -> Settings:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings.load()


@click.group()
@click.option("--nlu-url", default=None, help="Use a `rasa run --enable-api` server at this URL.")
@click.pass_context
def nlu(ctx: click.Context, nlu_url: str | None) -> None:
    """Train, run and measure the NLU model."""
    settings = _settings(ctx)
    ctx.obj = settings.replace(nlu_url=nlu_url)


nlu.add_command(serve)


@nlu.command("data")
@click.pass_obj
def data_cmd(settings: Settings) -> None:
    """Regenerate the language pack's nlu/generated/ from its templates and the store data."""
    from nlu.datagen import generate
    from nlu.rasa_yaml import write

    gen = generate(settings.data_dir, lang=settings.lang)
    paths = write(gen, settings.pack.nlu_dir / "generated")
    if settings.json_output:
        click.echo(json.dumps({"examples": gen.total, "per_intent": {k: len(v) for k, v in gen.examples.items()},
                               "files": [str(p) for p in paths]}))
        return
    click.echo(f"{gen.total} examples in {len(gen.examples)} intents, "
               f"{len(gen.synonyms)} synonyms, {len(gen.lookups)} lookup tables")
    for path in paths:
        click.echo(f"  wrote {path}")


@nlu.command("train")
@click.option("--force", is_flag=True, help="Train even if data and config are unchanged.")
@click.pass_obj
def train_cmd(settings: Settings, force: bool) -> None:
    """Train the model (skipped when data and config are unchanged)."""
    from nlu.model import train

    if not settings.json_output:
        click.echo("Training the NLU model (skipped if nothing changed)...", err=True)
    result = train(settings.pack.dir, settings.nlu_models_dir, force=force, seed=settings.nlu_seed)
    if settings.json_output:
        click.echo(json.dumps({"model": str(result.model), "trained": result.trained,
                               "seconds": round(result.seconds, 1), "hash": result.inputs_hash}))
    elif result.trained:
        click.echo(f"Trained {result.model} in {result.seconds:.1f} s")
    else:
        click.echo(f"Model up to date: {result.model} (inputs unchanged)")


def _parser(settings: Settings) -> NluParser:
    from assistant.app import build_parser

    return build_parser(settings)


@nlu.command("parse")
@click.argument("texts", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, default=False, help="One JSON object per line.")
@click.pass_obj
def parse_cmd(settings: Settings, texts: tuple[str, ...], as_json: bool) -> None:
    """Parse TEXT... (or `-`: one text per line from standard input)."""
    parser = _parser(settings)
    lines = (line.rstrip("\n") for line in sys.stdin) if texts == ("-",) else iter(texts)
    for text in lines:
        parse = parser.parse(text)
        if as_json or settings.json_output:
            click.echo(json.dumps(parse.to_dict(), ensure_ascii=False))
            continue
        click.echo(f"{parse.text!r} -> {parse.intent} ({parse.confidence:.2f})")
        for ent in parse.entities:
            role = f"#{ent.role}" if ent.role else ""
            click.echo(f"    {ent.entity}{role} = {ent.value!r}  (said {ent.raw!r})")


@nlu.command("evaluate")
@click.option("--json", "json_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the numbers to this JSON file.")
@click.option("--test", "test_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Held-out file (default data/lang/<lang>/nlu/test/heldout.yml).")
@click.option("--misses", default=10, show_default=True, help="How many misparsed examples to show.")
@click.pass_obj
def evaluate_cmd(settings: Settings, json_file: Path | None, test_file: Path | None, misses: int) -> None:
    """Score the model on the held-out set."""
    from nlu.evaluation import evaluate

    report = evaluate(_parser(settings), test_file or settings.pack.heldout)
    if json_file is not None:
        json_file.write_text(json.dumps(report.to_dict(), indent=2))
    if settings.json_output:
        click.echo(json.dumps(report.to_dict()))
        return
    click.echo(f"examples          {report.examples}")
    click.echo(f"intent accuracy   {report.intent_accuracy:.4f}")
    click.echo(f"intent macro F1   {report.intent_macro_f1:.4f}")
    click.echo(f"entity P/R/F1     {report.entity_precision:.4f} / {report.entity_recall:.4f} / "
               f"{report.entity_f1:.4f}   (value accuracy {report.entity_value_accuracy:.4f})")
    click.echo("per entity:")
    for name, s in report.entities.items():
        click.echo(f"  {name:15} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  n={s.support}")
    click.echo("top confusions (expected -> got):")
    for gold, got, count in report.confusions:
        click.echo(f"  {count:3}  {gold} -> {got}")
    for miss in report.misses[:misses]:
        click.echo(f"  miss: {miss.text!r}\n        want {miss.expected}\n        got  {miss.got}")
