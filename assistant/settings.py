"""The one settings object: defaults < ``VOICECART_*`` environment variables < CLI options.

Built on pydantic's ``BaseSettings`` (pydantic 1, which Rasa pins): every value is checked
when the settings are made, and each bad one is named in one clear line (which variable or
option, what was given, what is wanted) before anything starts.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import BaseSettings, Field, ValidationError, validator

from storedata.errors import ExpectedError
from storedata.lang import DEFAULT_LANG, LanguagePack, available, load_pack

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
MODELS_DIR = PROJECT_ROOT / "models"
# The shared speech corpus, beside the repository (its recordings are not committed here).
CORPUS_DIR = PROJECT_ROOT.parent / "shared" / "speech" / "coffee-orders"
ENV_PREFIX = "VOICECART_"


class SettingsError(ExpectedError):
    code = "bad_setting"


def default_db_url() -> str:
    data_dir = Path(platformdirs.user_data_dir("voicecart"))
    return f"sqlite:///{data_dir / 'voicecart.sqlite'}"


def store_codes(data_dir: Path) -> list[str]:
    """The stores there are: one ``data/stores/<code>.json`` each."""
    return sorted(p.stem for p in (Path(data_dir) / "stores").glob("*.json"))


class Settings(BaseSettings):
    """Everything a run needs to know, in one place.

    Each field can be set by the environment variable ``VOICECART_<FIELD>`` (upper case),
    and overridden by the matching command-line option.
    """

    db_url: str = Field(default_factory=default_db_url)
    data_dir: Path = DATA_DIR  # before store: the stores are the files in data/stores/
    models_dir: Path = MODELS_DIR
    corpus_dir: Path = CORPUS_DIR  # recordings, labels.json and menu.json of the benchmarks
    store: str = "grocery"
    customer: str = "guest"
    kiosk: str | None = None  # this kiosk's name: a shopper not signed in is guest-<kiosk>
    json_output: bool = False  # machine-readable output (--json, VOICECART_JSON_OUTPUT)
    # NLU
    nlu_url: str | None = None  # a shared `voicecart nlu serve` (rasa run --enable-api)
    nlu_timeout: float = Field(3.0, gt=0, le=120)  # seconds a parse over HTTP may take
    nlu_retries: int = Field(2, ge=0, le=10)  # retries of a failed connection, within that
    # The NLU server's shared secret (VOICECART_NLU_TOKEN only: never on a command line).
    nlu_token: str | None = Field(None, repr=False)
    nlu_model: Path | None = None
    nlu_seed: int | None = None  # train/use the model of this random_seed (models/nlu/seed-N/)
    # Voice
    engine: str = "auto"  # checked where engines are known: voice.select.ENGINES
    lang: str = "en"
    vosk_model: Path | None = None
    whisper_model: str | None = None
    open_vocabulary: bool = False
    tts_rate: int = Field(175, ge=60, le=400)  # words per minute
    tts_volume: float = Field(1.0, ge=0.0, le=1.0)
    tts_voice: str | None = None
    # Dialogue
    suggestions: bool = True
    # Output: third-party warnings and log lines are shown only when verbose
    verbose: bool = False

    class Config:
        frozen = True
        validate_assignment = True

        @classmethod
        def customise_sources(cls, init_settings: Any, env_settings: Any,
                              file_secret_settings: Any) -> tuple[Any, ...]:
            return (init_settings,)  # the environment is read by ``Settings.load``, once

    @validator("store")
    def _known_store(cls, value: str, values: dict[str, Any]) -> str:
        data_dir = values.get("data_dir", DATA_DIR)
        codes = store_codes(data_dir)
        if codes and value not in codes:
            raise ValueError(f"choose one of {', '.join(codes)}")
        return value

    @validator("lang")
    def _a_language_pack(cls, value: str, values: dict[str, Any]) -> str:
        known = available(values.get("data_dir", DATA_DIR))
        if known and value not in known:
            raise ValueError(f"choose one of {', '.join(known)} (the packs in data/lang/)")
        return value

    @validator("db_url")
    def _a_database_url(cls, value: str) -> str:
        if "://" not in value:
            raise ValueError("a database URL looks like sqlite:///path/shop.sqlite")
        return value

    @validator("kiosk")
    def _a_kiosk_name(cls, value: str | None) -> str | None:
        if value and not re.fullmatch(r"[A-Za-z0-9_-]{1,40}", value):
            raise ValueError("a kiosk name is letters, digits, - and _ (at most 40)")
        return value or None

    @property
    def shopper(self) -> str:
        """Who is shopping: the customer, or the guest of this kiosk (each kiosk's guest has
        a cart and a conversation of its own)."""
        from commerce.seed import GUEST_ID

        if self.kiosk and self.customer == GUEST_ID:
            return f"{GUEST_ID}-{self.kiosk}"
        return self.customer

    @validator("nlu_url")
    def _an_http_url(cls, value: str | None) -> str | None:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("an NLU server URL looks like http://127.0.0.1:5005")
        return value or None

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from the environment, then the explicit (non-None) overrides, checked."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        sources: dict[str, str] = {}
        for name in cls.__fields__:
            raw = env.get(f"{ENV_PREFIX}{name.upper()}")
            if raw is not None and raw != "":
                values[name], sources[name] = raw, f"{ENV_PREFIX}{name.upper()}"
        for name, value in overrides.items():
            if value is not None:
                values[name], sources[name] = value, OPTION_NAMES.get(name, _option(name))
        return cls.checked(values, sources)

    @classmethod
    def checked(cls, values: dict[str, Any], sources: Mapping[str, str] | None = None
                ) -> Settings:
        try:
            return cls(**values)
        except ValidationError as exc:
            raise SettingsError(_explain(exc, values, sources or {})) from None

    @property
    def nlu_models_dir(self) -> Path:
        """Where the NLU models live: ``models/nlu`` (``models/nlu-<lang>`` for another
        language), or its ``seed-N`` for a seed."""
        return nlu_models_dir(self.models_dir, self.nlu_seed, self.lang)

    @property
    def pack(self) -> LanguagePack:
        """The language pack of ``lang`` (data/lang/<lang>/)."""
        return load_pack(self.data_dir, self.lang)

    def replace(self, **changes: Any) -> Settings:
        """A copy with the non-None changes, checked like the original."""
        given = {k: v for k, v in changes.items() if v is not None}
        return type(self).checked({**self.dict(), **given},
                                  {k: OPTION_NAMES.get(k, _option(k)) for k in given})


OPTION_NAMES = {"db_url": "--db", "json_output": "--json", "suggestions": "--no-suggestions"}


def _option(name: str) -> str:
    return f"--{name.replace('_', '-')}"


def _explain(exc: ValidationError, values: Mapping[str, Any], sources: Mapping[str, str]) -> str:
    """One line per bad value: where it came from, what it was, what is wanted."""
    lines = []
    for error in exc.errors():
        name = str(error["loc"][0])
        where = sources.get(name, name)
        lines.append(f"{where}: {values.get(name)!r} is not usable ({error['msg']}).")
    return "\n".join(lines)


def nlu_models_dir(models_dir: Path, seed: int | None, lang: str = DEFAULT_LANG) -> Path:
    root = models_dir / ("nlu" if lang == DEFAULT_LANG else f"nlu-{lang}")
    return root if seed is None else root / f"seed-{seed}"
