"""The ``voicecart`` command line. Subcommands live in ``assistant/commands/``."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import click

from assistant.errors import report_error
from assistant.quiet import quiet_third_party
from assistant.settings import Settings

# name -> (module, attribute): imported only when the subcommand runs, so that
# `voicecart catalog search` never pays for importing Rasa or a speech engine.
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "db": ("assistant.commands.db", "db"),
    "catalog": ("assistant.commands.shop", "catalog"),
    "cart": ("assistant.commands.shop", "cart"),
    "orders": ("assistant.commands.shop", "orders"),
    "reorder": ("assistant.commands.shop", "reorder"),
    "nlu": ("assistant.commands.nlu", "nlu"),
    "chat": ("assistant.commands.chat", "chat"),
    "transcribe": ("assistant.commands.voice", "transcribe"),
    "run": ("assistant.commands.listen", "run"),
    "listen": ("assistant.commands.listen", "listen"),
    "models": ("assistant.commands.voice", "models"),
    "bench": ("assistant.commands.bench", "bench"),
    "serve": ("assistant.commands.serve", "serve"),
    "apikey": ("assistant.commands.serve", "apikey"),
    "webhooks": ("assistant.commands.webhooks", "webhooks"),
    "customer": ("assistant.commands.customer", "customer"),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = SUBCOMMANDS.get(cmd_name)
        if target is None:
            return None
        try:
            module = importlib.import_module(target[0])
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("assistant.commands"):
                return None  # not built yet
            raise
        command = getattr(module, target[1], None)
        return command if isinstance(command, click.Command) else None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db_url", envvar="VOICECART_DB_URL", help="Database URL (SQLAlchemy).")
@click.option("--customer", default=None, help="Customer id (default: guest).")
@click.option("--kiosk", default=None,
              help="This kiosk's name (VOICECART_KIOSK): its guest is guest-NAME.")
@click.option("--store", default=None, help="Store: one of data/stores/ (grocery, cafe).")
@click.option("--json", "as_json", is_flag=True, default=None, help="Machine-readable output.")
@click.option("--nlu-url", default=None,
              help="Parse on a shared NLU server (voicecart nlu serve; any rasa run --enable-api).")
@click.option("--nlu-timeout", type=float, default=None,
              help="Seconds a parse over HTTP may take, retries included (default 3).")
@click.option("--engine", default=None,
              help="Speech recognizer: auto (default), vosk, whisper or pocketsphinx.")
@click.option("--lang", default=None, help="Language pack: en, ko, ja (data/lang/; default en).")
@click.option("--vosk-model", type=click.Path(), default=None, help="A vosk model directory.")
@click.option(
    "--open-vocabulary", is_flag=True, default=None, help="Turn off domain adaptation."
)
@click.option(
    "--no-suggestions", "no_suggestions", is_flag=True, default=None,
    help="Never suggest other products.",
)
@click.option("--verbose", "-v", is_flag=True, default=None,
              help="Also show the libraries' own warnings and log lines.")
@click.pass_context
def cli(
    ctx: click.Context,
    db_url: str | None,
    customer: str | None,
    kiosk: str | None,
    store: str | None,
    as_json: bool | None,
    nlu_url: str | None,
    nlu_timeout: float | None,
    engine: str | None,
    lang: str | None,
    vosk_model: str | None,
    open_vocabulary: bool | None,
    no_suggestions: bool | None,
    verbose: bool | None,
) -> None:
    """voicecart: an offline voice shopping assistant."""
    settings = Settings.load(
        db_url=db_url,
        customer=customer,
        kiosk=kiosk,
        store=store,
        json_output=as_json,
        nlu_url=nlu_url,
        nlu_timeout=nlu_timeout,
        engine=engine,
        lang=lang,
        vosk_model=Path(vosk_model) if vosk_model else None,
        open_vocabulary=open_vocabulary,
        suggestions=False if no_suggestions else None,
        verbose=verbose,
    )
    quiet_third_party(settings.verbose)
    ctx.obj = settings


def main(argv: list[str] | None = None) -> Any:
    """Entry point: every expected error becomes one clear line and a non-zero exit."""
    try:
        return cli.main(args=argv, prog_name="voicecart", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Stopped.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - the one place errors are caught
        code = report_error(exc)
        if code is None:
            raise
        sys.exit(code)


if __name__ == "__main__":
    main()
