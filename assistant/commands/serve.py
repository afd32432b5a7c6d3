"""``voicecart serve`` (the store's HTTP API) and ``voicecart apikey create|list|revoke``."""

from __future__ import annotations

import json

import click
from sqlalchemy.orm import Session

from assistant.settings import Settings
from commerce.db import shop_sessions
from commerce.serialize import to_data


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on (0.0.0.0: every interface).")
@click.option("--port", default=8080, show_default=True, type=int)
@click.pass_obj
def serve(settings: Settings, host: str, port: int) -> None:
    """The store's HTTP API on the shop database (OpenAPI at /openapi.json, docs at /docs)."""
    import uvicorn

    from assistant.api.app import create_app

    app = create_app(shop_sessions(settings.db_url))
    click.echo(f"The store API is at http://{host}:{port} (OpenAPI: /openapi.json); "
               "Ctrl-C stops it.")
    uvicorn.run(app, host=host, port=port, ws="none",  # Rasa pins an old websockets
                log_level="debug" if settings.verbose else "warning")


@click.group()
def apikey() -> None:
    """API keys for staff members and store systems (stored hashed; shown once)."""


def _sessions(settings: Settings) -> Session:
    return shop_sessions(settings.db_url)()


@apikey.command("create")
@click.argument("name")
@click.option("--role", type=click.Choice(["staff", "reporting"]), required=True,
              help="staff: read, move orders, change stock and prices; reporting: read only.")
@click.pass_obj
def create(settings: Settings, name: str, role: str) -> None:
    """A new key for NAME; the key is printed once and never stored."""
    from commerce.apikeys import create_key

    with _sessions(settings) as session:
        info, key = create_key(session, name, role)
    if settings.json_output:
        click.echo(json.dumps({**to_data(info), "key": key}))
    else:
        click.echo(f"Key {info.id} for {info.name} ({info.role}): {key}\n"
                   "Keep it now: it is stored only as a hash and cannot be shown again.")


@apikey.command("list")
@click.pass_obj
def list_cmd(settings: Settings) -> None:
    """Every key: id, name, role, revoked or not (never the key)."""
    from commerce.apikeys import list_keys

    with _sessions(settings) as session:
        keys = list_keys(session)
    if settings.json_output:
        click.echo(json.dumps(to_data(keys)))
        return
    for k in keys:
        click.echo(f"{k.id}\t{k.role}\t{'revoked' if k.revoked else 'active'}\t{k.name}")


@apikey.command("revoke")
@click.argument("key_id", type=int)
@click.pass_obj
def revoke(settings: Settings, key_id: int) -> None:
    """Revoke a key at once: its next request is refused (401)."""
    from commerce.apikeys import revoke_key

    with _sessions(settings) as session:
        info = revoke_key(session, key_id)
    click.echo(f"Key {info.id} ({info.name}) is revoked.")
