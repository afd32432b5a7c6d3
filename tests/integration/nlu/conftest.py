"""NLU integration fixtures: the real model, trained (or reused when unchanged) once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.settings import DATA_DIR, Settings
from nlu.model import TrainResult, train
from nlu.types import NluParser


@pytest.fixture(scope="session")
def trained_model() -> TrainResult:
    """`train()` into the models folder of the seed in use: a no-op when nothing changed."""
    settings = Settings.load()
    return train(DATA_DIR, settings.nlu_models_dir, seed=settings.nlu_seed)


@pytest.fixture(scope="session")
def model_path(trained_model: TrainResult) -> Path:
    return trained_model.model


@pytest.fixture(scope="session")
def parser(trained_model: TrainResult, nlu_parser: NluParser) -> NluParser:
    """The session's one real parser, after training made sure the model is current."""
    return nlu_parser


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA_DIR
