"""``voicecart webhooks add|list|remove|work``: store systems' subscriptions and the worker."""

from __future__ import annotations

import json
import threading

import click

from assistant.settings import Settings
from commerce.db import shop_sessions
from commerce.serialize import to_data
from commerce.webhooks import EVENTS


@click.group()
def webhooks() -> None:
    """Webhooks: subscribe a URL to events; the worker delivers them, signed."""


@webhooks.command("add")
@click.argument("url")
@click.option("--event", "events", type=click.Choice(EVENTS), multiple=True, required=True,
              help="An event to send (repeat the option for several).")
@click.pass_obj
def add(settings: Settings, url: str, events: tuple[str, ...]) -> None:
    """Subscribe URL; prints the signing secret once."""
    from commerce.webhooks import add_subscription

    with shop_sessions(settings.db_url)() as session:
        info, secret = add_subscription(session, url, list(events))
    if settings.json_output:
        click.echo(json.dumps({**to_data(info), "secret": secret}))
    else:
        click.echo(f"Subscription {info.id}: {', '.join(info.events)} to {info.url}\n"
                   f"Signing secret (shown once): {secret}")


@webhooks.command("list")
@click.pass_obj
def list_cmd(settings: Settings) -> None:
    from commerce.webhooks import list_subscriptions

    with shop_sessions(settings.db_url)() as session:
        subscriptions = list_subscriptions(session)
    for s in subscriptions:
        click.echo(f"{s.id}\t{'active' if s.active else 'removed'}\t{','.join(s.events)}\t{s.url}")


@webhooks.command("remove")
@click.argument("subscription_id", type=int)
@click.pass_obj
def remove(settings: Settings, subscription_id: int) -> None:
    from commerce.webhooks import remove_subscription

    with shop_sessions(settings.db_url)() as session:
        remove_subscription(session, subscription_id)
    click.echo(f"Subscription {subscription_id} is removed.")


@webhooks.command("work")
@click.option("--poll", default=1.0, show_default=True, help="Seconds between looks.")
@click.option("--backoff", default=2.0, show_default=True,
              help="Seconds before the first retry; doubled for each next one.")
@click.option("--abandoned-after", default=30.0, show_default=True,
              help="Minutes a cart with items may stay untouched before cart.abandoned.")
@click.option("--once", is_flag=True, help="Deliver what is due now, then stop.")
@click.pass_obj
def work(settings: Settings, poll: float, backoff: float, abandoned_after: float,
         once: bool) -> None:
    """Deliver the outbox's events until Ctrl-C."""
    from datetime import timedelta

    from assistant.webhooks.worker import deliver_due, run
    from commerce.cart.abandoned import report_abandoned

    sessions = shop_sessions(settings.db_url)
    idle = timedelta(minutes=abandoned_after)
    if once:
        with sessions() as session:
            report_abandoned(session, idle)
        click.echo(f"{deliver_due(sessions, backoff)} deliveries attempted.")
        return
    click.echo("Delivering webhooks; Ctrl-C stops.")
    try:
        run(sessions, threading.Event(), poll_s=poll, backoff_s=backoff, abandoned_after=idle)
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)
