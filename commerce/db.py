"""Engine, sessions, declarative base and programmatic Alembic migrations."""

from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.engine.url import URL
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, declarative_base, sessionmaker
from sqlalchemy.pool import QueuePool, StaticPool

from commerce.errors import DatabaseMissing, DatabaseUnavailable, SchemaMissing

log = logging.getLogger(__name__)
T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])
Base: Any = declarative_base()
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_S = 10.0


def _sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database)


def make_engine(url: str | URL) -> Engine:
    """Create an engine; for SQLite also the parent directory, FKs on, WAL and busy timeout.

    Transactions start with ``BEGIN`` (deferred: readers never block writers under WAL);
    a session that is about to write calls ``begin_write`` to start ``BEGIN IMMEDIATE``, so two
    writers never fail on a read-to-write lock upgrade: the second one waits instead.
    """
    from sqlalchemy import create_engine

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, future=True)
    path = _sqlite_path(parsed)
    kwargs: dict[str, Any] = {"connect_args": {"timeout": BUSY_TIMEOUT_S,
                                               "check_same_thread": False}}
    if path is None:
        kwargs["poolclass"] = StaticPool
    else:  # SQLAlchemy 1.4 defaults to NullPool for SQLite files: a new connection per use
        path.parent.mkdir(parents=True, exist_ok=True)
        kwargs.update(poolclass=QueuePool, pool_size=5, max_overflow=10)
    engine = create_engine(parsed, future=True, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        if path is not None:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def unreachable(engine: Engine, exc: DBAPIError) -> DatabaseUnavailable:
    """The one sentence for a database that cannot be reached (no password in it)."""
    where = engine.url.render_as_string(hide_password=True)
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
    return DatabaseUnavailable(where, reason.rstrip(".") + ".")


def check_reachable(engine: Engine) -> None:
    """Raise :class:`DatabaseUnavailable` unless a connection can be made now."""
    try:
        with engine.connect():
            pass
    except OperationalError as exc:
        raise unreachable(engine, exc) from exc


def session_factory(engine_or_url: Engine | str) -> sessionmaker:
    """A 2.0-style session factory (``future=True``)."""
    engine = make_engine(engine_or_url) if isinstance(engine_or_url, str) else engine_or_url
    return sessionmaker(bind=engine, future=True)


_WRITING = "commerce_writing"


def begin_write(session: Session) -> None:
    """Start a fresh write transaction (SQLite: BEGIN IMMEDIATE, waits for other writers).

    An open read transaction is ended first, so the write sees the latest committed data.
    """
    if session.in_transaction():
        session.commit()
    session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})


def writing(session: Session) -> bool:
    """True inside :func:`unit_of_work`: reads that lead to a write should lock their rows."""
    return bool(session.info.get(_WRITING))


def fresh_read(session: Session) -> None:
    """End a lingering read transaction so a read sees the latest committed data (under WAL a
    transaction keeps its snapshot). Inside a unit of work this does nothing."""
    if session.in_transaction() and not session.info.get(_WRITING):
        session.commit()


def reads(func: F) -> F:
    """Decorator for public read services whose first argument is the session."""

    @functools.wraps(func)
    def wrapper(session: Session, *args: Any, **kwargs: Any) -> Any:
        fresh_read(session)
        return func(session, *args, **kwargs)

    return cast(F, wrapper)


# PostgreSQL's "could not serialize" and "deadlock detected": the transaction may simply be
# run again. SQLite's equivalent is a lock still held after the busy timeout.
RETRY_PGCODES = frozenset({"40001", "40P01"})
RETRIES = 4
RETRY_BASE_S = 0.02


def transient(exc: DBAPIError) -> bool:
    """True for a conflict with another transaction that a retry can resolve."""
    pgcode = getattr(exc.orig, "pgcode", None)
    if pgcode in RETRY_PGCODES:
        return True
    return isinstance(exc, OperationalError) and "database is locked" in str(exc.orig)


def unit_of_work(session: Session, action: Callable[[], T], retries: int = RETRIES) -> T:
    """Run ``action`` in one write transaction: commit on success, roll back on any error.

    A transaction that lost a conflict with another one (deadlock, serialization failure,
    lock timeout) is rolled back and run again, at most ``retries`` more times with a short
    randomised backoff; ``action`` must therefore read what it needs inside the transaction.
    """
    if session.info.get(_WRITING):  # nested call: part of the caller's unit of work
        return action()
    for attempt in range(retries + 1):
        begin_write(session)
        session.info[_WRITING] = True
        try:
            result = action()
            session.commit()
            return result
        except DBAPIError as exc:
            session.rollback()
            if attempt == retries or not transient(exc):
                if isinstance(exc, OperationalError) and exc.connection_invalidated:
                    raise unreachable(session.get_bind(), exc) from exc  # type: ignore[arg-type]
                raise
            log.info("transaction conflict (%s), retry %d", type(exc.orig).__name__, attempt + 1)
            time.sleep(RETRY_BASE_S * (2 ** attempt) * (0.5 + random.random()))
        except BaseException:
            session.rollback()
            raise
        finally:
            session.info.pop(_WRITING, None)
    raise AssertionError("unreachable")


def _alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", str(engine.url).replace("%", "%%"))
    return config


def upgrade(url: str | Engine, revision: str = "head") -> None:
    """Bring the schema up to ``revision`` with the migrations shipped in the package."""
    from alembic import command

    engine = make_engine(url) if not isinstance(url, Engine) else url
    config = _alembic_config(engine)
    try:
        check_reachable(engine)
        with engine.connect() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            connection.commit()
    finally:
        if engine is not url:  # ours: no connection left open (a template database needs none)
            engine.dispose()


def head_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    head = ScriptDirectory.from_config(config).get_current_head()
    return head or ""


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    if not inspect(engine).has_table("alembic_version"):
        return None
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def schema_ready(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()


def sqlite_file(db_url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases and in-memory SQLite)."""
    url = make_url(db_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database).expanduser()


def open_shop(db_url: str) -> Engine:
    """An engine on an existing, migrated shop database. Never creates one (a missing SQLite
    file stays missing): :class:`DatabaseMissing` says how to make it."""
    path = sqlite_file(db_url)
    if path is not None and not path.exists():
        raise DatabaseMissing(str(path))
    engine = make_engine(db_url)
    check_reachable(engine)
    if not schema_ready(engine):
        engine.dispose()
        raise DatabaseMissing(str(path or db_url))
    return engine


def shop_sessions(db_url: str) -> sessionmaker:
    """Sessions on an existing, migrated shop database (:func:`open_shop`'s checks)."""
    return session_factory(open_shop(db_url))


def require_schema(engine: Engine) -> None:
    """Raise SchemaMissing (with how to create it) unless the schema is at head."""
    revision = current_revision(engine)
    if revision is None:
        raise SchemaMissing(str(engine.url))
    if revision != head_revision():
        raise SchemaMissing(str(engine.url))
