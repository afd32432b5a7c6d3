"""Project-wide test settings: never touch the user's real database or data directory."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from databases import BACKENDS, TemplateDatabases

if TYPE_CHECKING:
    from nlu.types import NluParser

_SCRATCH = Path(tempfile.mkdtemp(prefix="voicecart-tests-"))
os.environ.setdefault("VOICECART_DB_URL", f"sqlite:///{_SCRATCH / 'default.sqlite'}")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("XDG_DATA_HOME", str(_SCRATCH / "xdg-data"))

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared coffee-orders corpus (``VOICECART_CORPUS_DIR`` overrides)."""
    from assistant.settings import Settings

    path = Settings.load().corpus_dir
    if not (path / "labels.json").exists():
        pytest.fail(f"The coffee-orders corpus is missing at {path}")
    return path


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def nlu_model_path() -> Path:
    """The real trained model that every NLU test shares.

    ``VOICECART_NLU_MODEL`` names one; else the newest in the models folder of
    ``VOICECART_NLU_SEED`` (``models/nlu/seed-N``; ``models/nlu`` without a seed).
    """
    from assistant.settings import Settings
    from nlu import ModelMissing, latest_model

    settings = Settings.load()
    try:
        return latest_model(settings.nlu_model or settings.nlu_models_dir)
    except ModelMissing:
        pytest.fail(f"No trained NLU model in {settings.nlu_models_dir}: run `make models` first.")


@pytest.fixture(scope="session")
def nlu_parser(nlu_model_path: Path) -> NluParser:
    """One real in-process Rasa parser for the whole test session."""
    from nlu import LocalParser

    return LocalParser(nlu_model_path).start().wait()


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TemplateDatabases]:
    """Template databases, and the throwaway PostgreSQL cluster (stopped at the end)."""
    templates = TemplateDatabases(tmp_path_factory.mktemp("templates"))
    yield templates
    templates.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Every test that uses a shop database runs on SQLite and on a real PostgreSQL."""
    return str(request.param)


def _seed(url: str) -> None:
    from assistant.settings import DATA_DIR
    from commerce.seed import seed_database

    seed_database(url, DATA_DIR)


@pytest.fixture()
def seeded_url(backend: str, databases: TemplateDatabases, tmp_path: Path) -> Iterator[str]:
    """A fresh copy, for this test, of a shop seeded from data/ by the commerce seeding code."""
    url = databases.copy(backend, "seeded", tmp_path, build=_seed)
    yield url
    databases.drop(url)
