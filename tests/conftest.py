"""Project-wide test settings: never touch the user's real database or data directory."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_SCRATCH = Path(tempfile.mkdtemp(prefix="voicecart-tests-"))
os.environ.setdefault("VOICECART_DB_URL", f"sqlite:///{_SCRATCH / 'default.sqlite'}")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("XDG_DATA_HOME", str(_SCRATCH / "xdg-data"))

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO_ROOT.parent / "shared" / "speech" / "coffee-orders"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared coffee-orders corpus (VOICECART_CORPUS overrides)."""
    path = Path(os.environ.get("VOICECART_CORPUS", CORPUS_DIR))
    if not (path / "labels.json").exists():
        pytest.fail(f"The coffee-orders corpus is missing at {path}")
    return path


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT
