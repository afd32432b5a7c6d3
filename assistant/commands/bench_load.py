"""``voicecart bench load``: many kiosk processes checking out against one database."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from assistant.bench.output import emit
from commerce.errors import InvalidData

SCRATCH = "voicecart_loadbench"


@contextmanager
def scratch_database(db: str | None, backend: str) -> Iterator[str]:
    """An empty database for the run: a new SQLite file; on a PostgreSQL server, a database
    ``voicecart_loadbench`` made afresh; without ``--db`` a throwaway local cluster."""
    folder = Path(tempfile.mkdtemp(prefix="voicecart-load-"))
    server = None
    try:
        if db is None and backend == "sqlite":
            yield f"sqlite:///{folder / 'load.sqlite'}"
            return
        if db is None:
            from commerce.pgserver import LocalPostgres, free_port

            server = LocalPostgres(Path(tempfile.mkdtemp(prefix="vcpg-")), free_port())
            server.start()  # PostgreSQL's durable defaults: fsync on
            db = server.url()
        url = make_url(db)
        if url.get_backend_name() == "sqlite":
            if url.database and Path(url.database).exists():
                raise InvalidData(f"The load bench fills a new database; {url.database} exists.",
                                  code="bench_db_exists")
            yield db
            return
        admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT",
                              future=True)
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{SCRATCH}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{SCRATCH}"'))
        admin.dispose()
        yield url.set(database=SCRATCH).render_as_string(hide_password=False)
    finally:
        if server is not None:
            server.stop()
            shutil.rmtree(server.directory, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)


@click.command("load")
@click.option("--kiosks", default=8, show_default=True, help="Kiosk processes at once.")
@click.option("--orders", default=2000, show_default=True, help="Checkouts, all kiosks together.")
@click.option("--db", "db", default=None,
              help="A database URL to load (SQLite: a new file; PostgreSQL: a server, on which "
                   f"the database {SCRATCH} is made afresh). Default: see --backend.")
@click.option("--backend", type=click.Choice(["sqlite", "postgresql"]), default="sqlite",
              show_default=True, help="Without --db: a temp SQLite file, or a throwaway local "
                                      "PostgreSQL cluster (initdb + pg_ctl).")
@click.option("--hot-stock", default=0, help="Units of each hot product (0: a third of demand).")
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Save the latency and throughput plot here (PNG).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also save the JSON to this file.")
def load(kiosks: int, orders: int, db: str | None, backend: str, hot_stock: int,
         plot: Path | None, out: Path | None) -> None:
    """Checkout under contention: orders/s, latency p50/p95/p99, oversells and double orders
    (both must be 0), errors by kind."""
    from assistant.bench.load import LoadOptions
    from assistant.bench.load_report import measure

    if kiosks < 1 or orders < kiosks:
        raise click.BadParameter("needs at least one kiosk and one order per kiosk")
    options = LoadOptions(kiosks=kiosks, orders=orders, hot_stock=hot_stock)
    with scratch_database(db, backend) as url:
        result = measure(url, options, plot)
    ms = result["checkout_ms"]
    click.echo(f"{result['backend']}: {result['orders_placed']} orders by {kiosks} kiosks, "
               f"{result['orders_per_second']} orders/s, checkout p50 {ms['p50']} / p95 "
               f"{ms['p95']} / p99 {ms['p99']} ms; oversells {result['oversells']}, double "
               f"orders {result['double_orders']}, errors {result['errors'] or 0}", err=True)
    emit(result, out)
