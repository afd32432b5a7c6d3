"""Shared fixtures for the tests of the committed data files (``data/``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

DATA_DIR = Path(__file__).resolve().parents[3] / "data"
STORES_DIR = DATA_DIR / "stores"


def load_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


@pytest.fixture(scope="session")
def grocery() -> dict[str, Any]:
    return load_json(STORES_DIR / "grocery.json")


@pytest.fixture(scope="session")
def cafe() -> dict[str, Any]:
    return load_json(STORES_DIR / "cafe.json")


@pytest.fixture(scope="session")
def stores(grocery: dict[str, Any], cafe: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {"grocery": grocery, "cafe": cafe}


@pytest.fixture(scope="session")
def customers() -> list[dict[str, Any]]:
    return load_json(DATA_DIR / "customers.json")


@pytest.fixture(scope="session")
def faq() -> dict[str, Any]:
    with (DATA_DIR / "lang" / "en" / "faq.yml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="session")
def menu(corpus_dir: Path) -> dict[str, list[str]]:
    """The coffee-order corpus menu: every value each slot can take."""
    return load_json(corpus_dir / "menu.json")
