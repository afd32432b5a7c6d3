"""``voicecart chat``: a typed shopping session, interactive or from a script of lines."""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import TextIO

import click

from assistant import app
from assistant.commands.options import nlu_client
from assistant.dialogue.manager import DialogueManager
from assistant.dialogue.types import Turn
from assistant.settings import Settings


def _print_turn(turn: Turn, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(turn.to_json(), ensure_ascii=False))
    else:
        click.echo(f"assistant: {turn.reply}")


def _run_script(manager: DialogueManager, lines: TextIO, as_json: bool) -> None:
    for raw in lines:
        text = raw.rstrip("\n")
        turn = manager.handle_text(text)
        _print_turn(turn, as_json)
        if turn.ended:
            break


def _ask(label: str, *, hidden: bool) -> str | None:
    """One line from the shopper; None at the end of input (Ctrl-D, a closed pipe, a service
    manager's /dev/null), which ends the session as a goodbye does."""
    try:
        return getpass.getpass(f"{label}: ") if hidden else input(f"{label}> ")
    except EOFError:
        return None


def _run_interactive(manager: DialogueManager) -> None:
    expects_pin = False
    while True:
        text = _ask("code" if expects_pin else "you", hidden=expects_pin)
        if text is None:
            click.echo(f"\nassistant: {manager.replies.text('goodbye')}")
            return
        if expects_pin and any(ch.isdigit() for ch in text):
            turn = manager.handle_pin_keypad(text)
        else:
            turn = manager.handle_text(text)
        click.echo(f"assistant: {turn.reply}")
        expects_pin = turn.expects_pin
        if turn.ended:
            return


@click.command("chat")
@click.option("--script", "script", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read one user line per line of FILE instead of asking.")
@click.option("--json", "as_json", is_flag=True, default=False,
              help="Print one JSON object per turn.")
@click.option("--customer", default=None, help="Customer id (overrides the root option).")
@click.option("--store", default=None,
              help="Store (overrides the root option).")
@nlu_client
@click.pass_obj
def chat(settings: Settings, script: Path | None, as_json: bool, customer: str | None,
         store: str | None, nlu_url: str | None, nlu_timeout: float | None) -> None:
    """Talk to the assistant by typing (the PIN is asked with hidden input)."""
    settings = settings.replace(customer=customer, store=store, nlu_url=nlu_url,
                                nlu_timeout=nlu_timeout)
    as_json = as_json or settings.json_output
    manager = app.build_dialogue(settings)  # fails fast, before loading a model
    manager.parser = app.build_parser(settings)
    greeting = manager.start()
    if script is not None:
        if not as_json:
            click.echo(f"assistant: {greeting.text}")
        with script.open(encoding="utf-8") as lines:
            _run_script(manager, lines, as_json)
        return
    click.echo(f"assistant: {greeting.text}")
    _run_interactive(manager)
