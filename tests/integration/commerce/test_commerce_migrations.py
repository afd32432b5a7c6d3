"""The Alembic migration builds exactly the schema of the models."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from databases import TemplateDatabases
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

import commerce.models  # noqa: F401 - registers the tables
from commerce.db import (
    Base,
    current_revision,
    head_revision,
    make_engine,
    require_schema,
    schema_ready,
    upgrade,
)
from commerce.errors import SchemaMissing


def test_migration_matches_models(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    tables = set(inspect(engine).get_table_names()) - {"alembic_version"}
    assert tables == set(Base.metadata.tables)
    for name, table in Base.metadata.tables.items():
        columns = {c["name"] for c in inspect(engine).get_columns(name)}
        assert columns == {c.name for c in table.columns}, name


def test_upgrade_is_idempotent_and_at_head(db_url: str, engine: Engine) -> None:
    upgrade(db_url)
    assert schema_ready(engine)
    assert head_revision() == "0008"


@pytest.mark.parametrize("backend", ["sqlite"])
def test_sqlite_pragmas(engine: Engine) -> None:
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_missing_schema_says_how_to_create_it(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'new' / 'dir' / 'empty.sqlite'}")
    assert (tmp_path / "new" / "dir").is_dir()  # the parent directory is created
    with pytest.raises(SchemaMissing) as err:
        require_schema(engine)
    assert "voicecart db init" in err.value.message
    engine.dispose()


def test_a_database_that_does_not_answer_is_one_sentence() -> None:
    from commerce.db import open_shop
    from commerce.errors import DatabaseUnavailable
    from commerce.pgserver import free_port

    url = f"postgresql+psycopg2://kiosk:secret@127.0.0.1:{free_port()}/voicecart"
    for attempt in (open_shop, upgrade):
        with pytest.raises(DatabaseUnavailable) as err:
            attempt(url)
        assert "can't reach the shop database" in err.value.message
        assert "secret" not in err.value.message and "\n" not in err.value.message


def _empty(url: str) -> None:
    engine = make_engine(url)
    with engine.connect():  # SQLite: the file exists from now on
        pass
    engine.dispose()


def test_an_older_schema_is_upgraded_in_place(backend: str, databases: TemplateDatabases,
                                              tmp_path: Path) -> None:
    """Each backend: an empty database to 0001, a row written, then up to head; the row kept."""
    url = databases.copy(backend, "empty", tmp_path, build=_empty)
    try:
        upgrade(url, "0001")
        engine = make_engine(url)
        assert current_revision(engine) == "0001"
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO stores (code, name, currency, tax_rate_bp, "
                                    "catalog_version) VALUES ('old', 'Old', 'USD', 0, 1)"))
        upgrade(url)
        assert schema_ready(engine)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT name FROM stores")).scalar_one() == "Old"
        engine.dispose()
    finally:
        databases.drop(url)
