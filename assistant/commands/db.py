"""`voicecart db init|upgrade`: create or migrate the schema and load the demo stores."""

from __future__ import annotations

import json
from pathlib import Path

import click

from assistant.settings import Settings
from commerce.db import (
    check_reachable,
    make_engine,
    schema_ready,
    session_factory,
    unit_of_work,
    upgrade,
)
from commerce.errors import InvalidData
from commerce.pgserver import LocalPostgres
from commerce.seed import apply_customers, ensure_guest, load_store

STORES = ("grocery", "cafe")


def _store_files(data_dir: Path, store: str) -> list[Path]:
    codes = STORES if store == "all" else (store,)
    files = [data_dir / "stores" / f"{code}.json" for code in codes]
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        raise InvalidData(f"The store data is missing: {', '.join(missing)}.",
                          code="missing_store_data")
    return files


@click.group()
def db() -> None:
    """Create, migrate and seed the shop database."""


@db.command()
@click.option("--store", type=click.Choice(["grocery", "cafe", "all"]), default="all",
              show_default=True, help="Which store(s) to load with --seed.")
@click.option("--seed", is_flag=True, help="Load store data and demo customers.")
@click.option("--if-missing", is_flag=True, help="Do nothing when the schema already exists.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def init(settings: Settings, store: str, seed: bool, if_missing: bool, as_json: bool) -> None:
    """Create the schema (Alembic migrations) and optionally seed it."""
    engine = make_engine(settings.db_url)
    check_reachable(engine)
    report: dict[str, object] = {"db_url": settings.db_url, "created": False, "seeded": {}}
    if if_missing and schema_ready(engine):
        _out(settings.json_output or as_json, report, f"The database is ready: {settings.db_url}")
        return
    upgrade(engine)
    report["created"] = True
    lines = [f"Database ready: {settings.db_url}"]
    if seed:
        session = session_factory(engine)()
        loaded: list[str] = []
        seeded: dict[str, object] = {}
        for path in _store_files(settings.data_dir, store):
            result = load_store(session, path)
            loaded.append(path.stem)
            seeded[path.stem] = {"created": result.created, "updated": result.updated}
            lines.append(f"{path.stem}: {result.created} products added, "
                         f"{result.updated} updated")
        customers_file = settings.data_dir / "customers.json"
        if customers_file.exists():
            people = [c for c in json.loads(customers_file.read_text(encoding="utf-8"))
                      if c.get("store") in loaded or c.get("store") is None]
            result = unit_of_work(session, lambda: apply_customers(session, people))
            seeded["customers"] = {"created": result.created, "updated": result.updated}
            lines.append(f"customers: {result.created} added, {result.updated} updated")
        ensure_guest(session, loaded[0] if loaded else None)
        session.close()
        report["seeded"] = seeded
    _out(settings.json_output or as_json, report, "\n".join(lines))


@db.command(name="upgrade")
@click.pass_obj
def upgrade_cmd(settings: Settings) -> None:
    """Apply pending schema migrations."""
    upgrade(make_engine(settings.db_url))
    click.echo(f"Database schema is up to date: {settings.db_url}")


@db.group()
def server() -> None:
    """A local PostgreSQL cluster for development (initdb + pg_ctl, no Docker)."""


def _cluster(settings: Settings, port: int) -> LocalPostgres:
    return LocalPostgres(settings.models_dir / "pg", port)


PORT = click.option("--port", default=5433, show_default=True, help="Its TCP port on 127.0.0.1.")


@server.command("start")
@PORT
@click.pass_obj
def server_start(settings: Settings, port: int) -> None:
    """Create (first time) and start the cluster in models/pg; print its database URL."""
    cluster = _cluster(settings, port).start()
    click.echo(f"PostgreSQL is running in {cluster.directory}. Use it with:\n"
               f"  voicecart --db {cluster.url()} db init --seed --if-missing")


@server.command("stop")
@PORT
@click.pass_obj
def server_stop(settings: Settings, port: int) -> None:
    """Stop the cluster (its data stays in models/pg)."""
    _cluster(settings, port).stop()
    click.echo("PostgreSQL is stopped.")


@server.command("url")
@PORT
@click.pass_obj
def server_url(settings: Settings, port: int) -> None:
    """The cluster's database URL, for --db or VOICECART_DB_URL."""
    click.echo(_cluster(settings, port).url())


def _out(as_json: bool, data: dict[str, object], text: str) -> None:
    click.echo(json.dumps(data, indent=2) if as_json else text)
