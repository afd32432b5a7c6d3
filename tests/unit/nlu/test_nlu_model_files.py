from __future__ import annotations

import os
import tarfile
from pathlib import Path

import pytest

from nlu.errors import ModelCorrupt, ModelMissing, TrainingDataError
from nlu.local import LocalParser, unpacked_dir
from nlu.model import hash_file, inputs_hash, latest_model, train, training_files


def _data(tmp_path: Path, config: str = "pipeline: []\n") -> Path:
    (tmp_path / "nlu" / "generated").mkdir(parents=True)
    (tmp_path / "nlu" / "config.yml").write_text(config)
    (tmp_path / "nlu" / "generated" / "nlu.yml").write_text("nlu: []\n")
    return tmp_path


def test_hash_is_stable_and_follows_content(tmp_path: Path) -> None:
    data = _data(tmp_path)
    first = inputs_hash(training_files(data))
    assert first == inputs_hash(training_files(data))
    (data / "nlu" / "config.yml").write_text("pipeline: [x]\n")
    assert inputs_hash(training_files(data)) != first


def test_no_generated_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TrainingDataError, match="nlu data"):
        training_files(tmp_path)


def test_latest_model_picks_newest_and_missing_is_clear(tmp_path: Path) -> None:
    with pytest.raises(ModelMissing, match="make models"):
        latest_model(tmp_path / "nothing")
    old, new = tmp_path / "nlu-1.tar.gz", tmp_path / "nlu-2.tar.gz"
    old.write_bytes(b"x")
    new.write_bytes(b"x")
    os.utime(old, (1, 1))
    assert latest_model(tmp_path) == new


def test_train_skips_when_the_hash_is_unchanged(tmp_path: Path) -> None:
    data = _data(tmp_path / "data")
    models = tmp_path / "models"
    models.mkdir()
    archive = models / "nlu-old.tar.gz"
    archive.write_bytes(b"model")
    hash_file(archive).write_text(inputs_hash(training_files(data)) + "\n")
    result = train(data, models)
    assert result.trained is False and result.model == archive


def test_corrupt_archive_is_reported_with_how_to_retrain(tmp_path: Path) -> None:
    bad = tmp_path / "nlu-bad.tar.gz"
    bad.write_bytes(b"not a tarball")
    with pytest.raises(ModelCorrupt, match="make models"):
        unpacked_dir(bad)
    with pytest.raises(ModelCorrupt):
        LocalParser(tmp_path).parse("hello")


def test_archive_without_metadata_is_corrupt(tmp_path: Path) -> None:
    archive = tmp_path / "nlu-empty.tar.gz"
    (tmp_path / "f.txt").write_text("x")
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(tmp_path / "f.txt", arcname="f.txt")
    with pytest.raises(ModelCorrupt):
        unpacked_dir(archive)


def test_missing_model_dir_raises_model_missing(tmp_path: Path) -> None:
    with pytest.raises(ModelMissing):
        LocalParser(tmp_path).parse("hello")


def test_each_seed_is_its_own_model_and_the_config_gets_it(tmp_path: Path) -> None:
    import yaml

    from nlu.model import seeded_config

    config = "pipeline:\n  - name: WhitespaceTokenizer\n  - name: DIETClassifier\n    random_seed: 7\n"
    data = _data(tmp_path / "data", config)
    files = training_files(data)
    assert len({inputs_hash(files), inputs_hash(files, 1), inputs_hash(files, 2)}) == 3
    seeded = seeded_config(files[0], 11, tmp_path / "models")
    pipeline = yaml.safe_load(seeded.read_text())["pipeline"]
    assert pipeline[1] == {"name": "DIETClassifier", "random_seed": 11}
    assert "random_seed: 7" in files[0].read_text()  # the committed config is left alone


def test_a_config_with_no_seed_to_set_is_a_clear_error(tmp_path: Path) -> None:
    from nlu.model import seeded_config

    data = _data(tmp_path / "data", "pipeline:\n  - name: WhitespaceTokenizer\n")
    with pytest.raises(TrainingDataError, match="random_seed"):
        seeded_config(training_files(data)[0], 3, tmp_path / "models")


def test_the_seed_picks_its_models_folder() -> None:
    from assistant.settings import Settings

    assert Settings.load({}).nlu_models_dir.name == "nlu"
    seeded = Settings.load({"VOICECART_NLU_SEED": "3"})
    assert seeded.nlu_seed == 3 and seeded.nlu_models_dir.parts[-2:] == ("nlu", "seed-3")
