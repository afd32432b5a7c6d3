"""In-process Rasa parser: loads the model once (optionally in the background), thread-safe.

Start-up is the expensive part (importing Rasa/TensorFlow, unpacking the archive, building the
graph). Three things keep it short: the archive is unpacked once into a cache directory beside
it and reused; only the NLU part of the prediction graph is built; and ``start()`` loads in a
background thread so that the first ``parse()`` only waits for what is left.
"""

from __future__ import annotations

import os
import shutil
import tarfile
import tempfile
import threading
import time
import warnings
from pathlib import Path
from typing import Any

from nlu.errors import ModelCorrupt, ModelMissing, NluError
from nlu.fastload import eager_weight_building
from nlu.model import TF_THREADS, UNPACKED_DIR, latest_model
from nlu.types import Parse, parse_from_rasa
from nlu.validate import clean_text


def unpacked_dir(archive: Path) -> Path:
    """Unpack ``archive`` once into ``<dir>/.unpacked/<name>/``; later calls reuse it."""
    name = archive.name.removesuffix(".tar.gz")
    target = archive.parent / UNPACKED_DIR / name
    if (target / "metadata.json").is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=target.parent))
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(tmp, filter="data")
        if not (tmp / "metadata.json").is_file():
            raise ModelCorrupt(archive)
        try:
            os.replace(tmp, target)
        except OSError:  # another process won the race: use theirs
            shutil.rmtree(tmp, ignore_errors=True)
    except (tarfile.TarError, OSError, EOFError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise ModelCorrupt(archive) from exc
    return target


class _Loaded:
    """A built NLU graph and what is needed to run it."""

    def __init__(self, model_dir: Path) -> None:
        for key, value in TF_THREADS.items():
            os.environ.setdefault(key, value)
        with warnings.catch_warnings():  # Rasa's dependencies warn about their own deprecations
            warnings.simplefilter("ignore")
            self._build(model_dir)

    def _build(self, model_dir: Path) -> None:
        import rasa.shared.utils.io
        from rasa.engine.graph import ExecutionContext
        from rasa.engine.runner.dask import DaskGraphRunner
        from rasa.engine.storage.local_model_storage import LocalModelStorage
        from rasa.engine.storage.storage import ModelMetadata

        meta = ModelMetadata.from_dict(rasa.shared.utils.io.read_json_file(model_dir / "metadata.json"))
        self.language = meta.language or "en"
        schema = meta.predict_schema.minimal_graph_schema([meta.nlu_target])
        self.target = meta.nlu_target
        with eager_weight_building():
            self.runner = DaskGraphRunner.create(
                graph_schema=schema,
                model_storage=LocalModelStorage(model_dir / "components"),
                execution_context=ExecutionContext(graph_schema=schema, model_id=meta.model_id),
            )

    def parse(self, text: str) -> dict[str, Any]:
        from rasa.core.channels.channel import UserMessage
        from rasa.engine.constants import PLACEHOLDER_MESSAGE

        results = self.runner.run(
            inputs={PLACEHOLDER_MESSAGE: [UserMessage(text)]}, targets=[self.target]
        )
        message = results[self.target][0]
        return dict(message.as_dict(only_output_properties=True))


class LocalParser:
    """``LocalParser(model_path).parse(text) -> Parse``; ``model_path`` is an archive or a dir."""

    def __init__(self, model_path: Path) -> None:
        self.model_path = Path(model_path)
        self._loaded: _Loaded | None = None
        self._error: BaseException | None = None
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None
        self.load_seconds: float | None = None

    def start(self) -> LocalParser:
        """Begin loading in a background thread; ``parse()`` waits for it."""
        with self._lock:
            if self._thread is None and not self._ready.is_set():
                self._thread = threading.Thread(target=self._load, name="nlu-load", daemon=True)
                self._thread.start()
        return self

    def wait(self, timeout: float | None = None) -> LocalParser:
        """Load (or wait for the background load) and raise its error, if any."""
        self.start()
        if not self._ready.wait(timeout):
            raise NluError("The language model is still loading.", code="nlu_not_ready")
        if self._error is not None:
            raise self._error
        return self

    def _load(self) -> None:
        started = time.perf_counter()
        try:
            archive = latest_model(self.model_path) if self.model_path.is_dir() else self.model_path
            if not archive.exists():
                raise ModelMissing()
            self._loaded = _Loaded(unpacked_dir(archive))
        except NluError as exc:
            self._error = exc
        except Exception as exc:  # noqa: BLE001 - any other load failure means a bad model
            err = ModelCorrupt(self.model_path)
            err.__cause__ = exc
            self._error = err
        finally:
            self.load_seconds = time.perf_counter() - started
            self._ready.set()

    def parse(self, text: str) -> Parse:
        self.wait()
        assert self._loaded is not None
        cleaned = clean_text(text, self._loaded.language)
        if cleaned is None:
            return Parse.fallback(text)
        with self._lock:
            data = self._loaded.parse(cleaned)
        return parse_from_rasa(text, data)
