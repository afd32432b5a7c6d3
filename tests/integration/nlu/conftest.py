"""NLU integration fixtures: the real model, trained (or reused when unchanged) once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.settings import DATA_DIR, MODELS_DIR
from nlu.local import LocalParser
from nlu.model import TrainResult, train


@pytest.fixture(scope="session")
def trained_model() -> TrainResult:
    """`train()` into models/nlu: a no-op when data and config are unchanged."""
    return train(DATA_DIR, MODELS_DIR / "nlu")


@pytest.fixture(scope="session")
def model_path(trained_model: TrainResult) -> Path:
    return trained_model.model


@pytest.fixture(scope="session")
def parser(model_path: Path) -> LocalParser:
    """One real in-process parser for the whole session."""
    return LocalParser(model_path).start().wait()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA_DIR
