"""``voicecart customer export ID`` and ``voicecart customer erase ID``."""

from __future__ import annotations

import json

import click

from assistant.settings import Settings
from commerce.db import shop_sessions


@click.group()
def customer() -> None:
    """A customer's data: export it, or erase it (orders kept anonymised)."""


@customer.command("export")
@click.argument("customer_id")
@click.pass_obj
def export(settings: Settings, customer_id: str) -> None:
    """Every row about CUSTOMER_ID as JSON, on stdout."""
    from commerce.customers.privacy import export_customer

    with shop_sessions(settings.db_url)() as session:
        click.echo(json.dumps(export_customer(session, customer_id), indent=1))


@customer.command("erase")
@click.argument("customer_id")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def erase(settings: Settings, customer_id: str, yes: bool) -> None:
    """Erase CUSTOMER_ID's personal data (asks first); their orders stay, anonymised."""
    from commerce.customers.privacy import erase_customer

    if not yes:
        click.confirm(f"Erase {customer_id}'s data for good?", abort=True)
    with shop_sessions(settings.db_url)() as session:
        kept = erase_customer(session, customer_id)
    click.echo(f"{customer_id} is erased; {kept} orders kept, anonymised.")
