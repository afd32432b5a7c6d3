"""The one settings object: defaults < ``VOICECART_*`` environment variables < CLI options."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
MODELS_DIR = PROJECT_ROOT / "models"
# The shared speech corpus, beside the repository (its recordings are not committed here).
CORPUS_DIR = PROJECT_ROOT.parent / "shared" / "speech" / "coffee-orders"


def default_db_url() -> str:
    data_dir = Path(platformdirs.user_data_dir("voicecart"))
    return f"sqlite:///{data_dir / 'voicecart.sqlite'}"


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know, in one place.

    Each field can be set by the environment variable ``VOICECART_<FIELD>`` (upper case),
    and overridden by the matching command-line option.
    """

    db_url: str = field(default_factory=default_db_url)
    store: str = "grocery"
    customer: str = "guest"
    json: bool = False
    data_dir: Path = DATA_DIR
    models_dir: Path = MODELS_DIR
    corpus_dir: Path = CORPUS_DIR  # recordings, labels.json and menu.json of the benchmarks
    # NLU
    nlu_url: str | None = None
    nlu_model: Path | None = None
    nlu_seed: int | None = None  # train/use the model of this random_seed (models/nlu/seed-N/)
    # Voice
    engine: str = "auto"
    lang: str = "en"
    vosk_model: Path | None = None
    whisper_model: str | None = None
    open_vocabulary: bool = False
    tts_rate: int = 175
    tts_volume: float = 1.0
    tts_voice: str | None = None
    # Dialogue
    suggestions: bool = True
    # Output: third-party warnings and log lines are shown only when verbose
    verbose: bool = False

    @classmethod
    def load(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Build settings from the environment, then apply explicit (non-None) overrides."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = env.get(f"VOICECART_{f.name.upper()}")
            if raw is not None and raw != "":
                values[f.name] = _coerce(f.type, raw)
        # VOICECART_DB_URL is the documented name; keep it working whatever the field name.
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def nlu_models_dir(self) -> Path:
        """Where the NLU models live: ``models/nlu``, or ``models/nlu/seed-N`` for a seed."""
        return nlu_models_dir(self.models_dir, self.nlu_seed)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def nlu_models_dir(models_dir: Path, seed: int | None) -> Path:
    root = models_dir / "nlu"
    return root if seed is None else root / f"seed-{seed}"


def _coerce(type_name: Any, raw: str) -> Any:
    text = str(type_name)
    if "bool" in text:
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if "int" in text and "Path" not in text:
        return int(raw)
    if "float" in text:
        return float(raw)
    if "Path" in text:
        return Path(raw)
    return raw
