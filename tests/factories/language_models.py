"""The real NLU model of each language pack, trained (or reused when its data is unchanged)
and loaded once per test session."""

from __future__ import annotations

from assistant.settings import Settings
from nlu.local import LocalParser
from nlu.model import train

_PARSERS: dict[str, LocalParser] = {}


def language_parser(code: str) -> LocalParser:
    if code not in _PARSERS:
        settings = Settings.load(lang=code)
        trained = train(settings.pack.dir, settings.nlu_models_dir, seed=settings.nlu_seed)
        _PARSERS[code] = LocalParser(trained.model).start().wait()
    return _PARSERS[code]
