"""Commerce integration fixtures: a migrated database per test (SQLite and PostgreSQL), seeded
by factories."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from commerce_factories import (
    cafe_products,
    customer,
    grocery_products,
    seed_store,
)
from databases import TemplateDatabases
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from commerce.db import make_engine, session_factory


@pytest.fixture
def db_url(backend: str, databases: TemplateDatabases, tmp_path: Path) -> Iterator[str]:
    """A migrated, empty database of this test's backend."""
    url = databases.copy(backend, "migrated", tmp_path)
    yield url
    databases.drop(url)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def factory(engine: Engine) -> sessionmaker:
    return session_factory(engine)


@pytest.fixture
def session(factory: sessionmaker) -> Iterator[Session]:
    with factory() as session:
        yield session


@pytest.fixture
def shop(session: Session) -> Session:
    """A session on a database with the test grocery, the test cafe and customer alice."""
    seed_store(session, grocery_products())
    seed_store(session, cafe_products(), code="cafe")
    customer(session, "alice", pin="2468", limit=50_000)
    return session
