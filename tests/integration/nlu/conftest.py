"""NLU integration fixtures: the real model, trained (or reused when unchanged) once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.settings import DATA_DIR, Settings
from nlu.errors import ServerStartFailed
from nlu.model import TrainResult, train
from nlu.server import NluServer, free_port
from nlu.types import NluParser


@pytest.fixture(scope="session")
def trained_model() -> TrainResult:
    """`train()` into the models folder of the seed in use: a no-op when nothing changed."""
    settings = Settings.load()
    return train(settings.pack.dir, settings.nlu_models_dir, seed=settings.nlu_seed)


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


@pytest.fixture(scope="session")
def nlu_server(model_path: Path) -> Iterator[NluServer]:
    """One real ``rasa run --enable-api`` (``nlu.server``) on a free loopback port, started
    once for the session. A test may stop and start it again (same port): it is running
    whenever a test begins."""
    server = NluServer(model_path, port=free_port())
    try:
        server.start()
    except ServerStartFailed as exc:
        pytest.fail(exc.message)
    yield server
    server.stop()
