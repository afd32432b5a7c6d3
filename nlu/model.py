"""Model files: input hashing, finding the latest model, training (skipped when unchanged)."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from nlu.errors import ModelMissing, TrainingDataError, TrainingFailed

MODEL_PREFIX = "nlu-"
ARCHIVE_SUFFIX = ".tar.gz"
HASH_SUFFIX = ".inputs.sha256"
UNPACKED_DIR = ".unpacked"  # unpacked copies of archives, for fast loading (nlu.local)
TF_THREADS = {"TF_INTRA_OP_PARALLELISM_THREADS": "2", "TF_INTER_OP_PARALLELISM_THREADS": "1",
              "TF_CPP_MIN_LOG_LEVEL": "2"}


@dataclass(frozen=True)
class TrainResult:
    model: Path
    trained: bool  # False when an up-to-date model was reused
    seconds: float
    inputs_hash: str


def training_files(data_dir: Path) -> list[Path]:
    """The inputs of training: the pipeline config and the generated training data of the
    language pack in ``data_dir`` (``data/lang/<code>``)."""
    generated = sorted((data_dir / "nlu" / "generated").glob("*.yml"))
    if not generated:
        raise TrainingDataError("No NLU training data. Generate it with: voicecart nlu data")
    return [data_dir / "nlu" / "config.yml", *generated]


def inputs_hash(files: list[Path], seed: int | None = None) -> str:
    """SHA-256 over the names and contents of the files, the Rasa version and the seed."""
    digest = hashlib.sha256()
    if seed is not None:
        digest.update(f"random_seed={seed}\0".encode())
    try:
        from importlib.metadata import version

        digest.update(version("rasa").encode())
    except Exception:  # noqa: BLE001 - the version only strengthens the hash
        pass
    for path in files:
        digest.update(path.name.encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError as exc:
            raise TrainingDataError(f"Cannot read {path.name}: {exc.strerror}.") from exc
        digest.update(b"\0")
    return digest.hexdigest()


def hash_file(model: Path) -> Path:
    return model.with_name(model.name[: -len(ARCHIVE_SUFFIX)] + HASH_SUFFIX)


def latest_model(models_dir: Path) -> Path:
    """The newest ``nlu-*.tar.gz`` in ``models_dir``; :class:`ModelMissing` when there is none."""
    if models_dir.is_file():
        return models_dir
    candidates = sorted(models_dir.glob(f"{MODEL_PREFIX}*{ARCHIVE_SUFFIX}")) if models_dir.is_dir() else []
    if not candidates:
        raise ModelMissing()
    return max(candidates, key=lambda p: (p.stat().st_mtime, p.name))


def model_for_hash(models_dir: Path, digest: str) -> Path | None:
    if not models_dir.is_dir():
        return None
    for archive in sorted(models_dir.glob(f"{MODEL_PREFIX}*{ARCHIVE_SUFFIX}"), reverse=True):
        stored = hash_file(archive)
        if stored.is_file() and stored.read_text().strip() == digest:
            return archive
    return None


def seeded_config(config: Path, seed: int, out_dir: Path) -> Path:
    """A copy of the pipeline config with every component's ``random_seed`` set to ``seed``."""
    import yaml

    try:
        doc = yaml.safe_load(config.read_text()) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise TrainingDataError(f"Cannot read {config.name}: {exc}") from exc
    seeded = 0
    for component in doc.get("pipeline") or []:
        if isinstance(component, dict) and "random_seed" in component:
            component["random_seed"] = seed
            seeded += 1
    if not seeded:
        raise TrainingDataError(f"{config.name} has no component with a random_seed to set.")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"config.seed-{seed}.yml"
    target.write_text(yaml.safe_dump(doc, sort_keys=False))
    return target


def train(data_dir: Path, models_dir: Path, force: bool = False, keep: int = 2,
          seed: int | None = None) -> TrainResult:
    """Train the NLU model into ``models_dir`` unless one with the same input hash exists.

    ``seed`` overrides the config's ``random_seed`` (the model then differs, and so does its
    hash); the committed config's seed is used when it is None.
    """
    started = time.perf_counter()
    files = training_files(data_dir)
    digest = inputs_hash(files, seed)
    existing = None if force else model_for_hash(models_dir, digest)
    if existing is not None:
        return TrainResult(existing, False, time.perf_counter() - started, digest)
    for key, value in TF_THREADS.items():
        os.environ.setdefault(key, value)
    models_dir.mkdir(parents=True, exist_ok=True)
    name = f"{MODEL_PREFIX}{time.strftime('%Y%m%d-%H%M%S')}-{digest[:8]}"
    config = files[0] if seed is None else seeded_config(files[0], seed, models_dir)
    try:
        with warnings.catch_warnings():  # Rasa's dependencies warn about their own deprecations
            warnings.simplefilter("ignore")
            from rasa.model_training import train_nlu  # heavy: imported only when training

            result = train_nlu(
                config=str(config),
                nlu_data=str(data_dir / "nlu" / "generated"),
                output=str(models_dir),
                fixed_model_name=name,
            )
    except Exception as exc:  # Rasa raises many types for bad data/config
        raise TrainingFailed(f"NLU training failed: {exc}") from exc
    if not result:
        raise TrainingFailed("NLU training produced no model.")
    model = Path(result)
    hash_file(model).write_text(digest + "\n")
    _prune(models_dir, keep, model)
    return TrainResult(model, True, time.perf_counter() - started, digest)


def _prune(models_dir: Path, keep: int, newest: Path) -> None:
    archives = sorted(models_dir.glob(f"{MODEL_PREFIX}*{ARCHIVE_SUFFIX}"),
                      key=lambda p: p.stat().st_mtime, reverse=True)
    for old in archives[keep:]:
        if old != newest:
            old.unlink(missing_ok=True)
            hash_file(old).unlink(missing_ok=True)
            shutil.rmtree(models_dir / UNPACKED_DIR / old.name[: -len(ARCHIVE_SUFFIX)], ignore_errors=True)
