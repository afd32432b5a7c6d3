"""Fixtures for NLU unit tests (factories live in tests/factories/nlu_factories.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def repo_data() -> Path:
    return REPO / "data"


@pytest.fixture
def sample_data_dir(tmp_path: Path) -> Path:
    """A data dir with the real templates and the bundled sample catalog (no store files)."""
    nlu = tmp_path / "data" / "lang" / "en" / "nlu"
    nlu.mkdir(parents=True)
    for name in ("templates.yml", "fallback_catalog.json", "config.yml"):
        shutil.copy(REPO / "data" / "lang" / "en" / "nlu" / name, nlu / name)
    shutil.copy(REPO / "data" / "lang" / "en" / "pack.yml", nlu.parent / "pack.yml")
    return tmp_path / "data"

