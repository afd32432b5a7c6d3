"""voicecart NLU: Rasa 3.6 intents and entities behind one small interface.

``parser(...).parse(text) -> Parse``. Nothing here imports Rasa until a model is loaded or
trained, so importing :mod:`nlu` is cheap.
"""

from __future__ import annotations

from pathlib import Path

from nlu.errors import (
    ModelCorrupt,
    ModelMissing,
    NluError,
    NluServerError,
    ServerUnavailable,
    TrainingDataError,
)
from nlu.evaluation import EvalReport, evaluate
from nlu.http import DEFAULT_RETRIES, DEFAULT_TIMEOUT, HttpParser
from nlu.local import LocalParser
from nlu.model import TrainResult, latest_model, train
from nlu.types import FALLBACK_INTENT, Entity, IntentScore, NluParser, Parse, parse_from_rasa


def make_parser(models_dir: Path, url: str | None = None, model: Path | None = None, *,
                timeout: float = DEFAULT_TIMEOUT, retries: int = DEFAULT_RETRIES,
                token: str | None = None, language: str = "en") -> NluParser:
    """An HTTP parser when ``url`` is given (its server checked now: it answers and has a
    model), else a local one (loading starts in the background)."""
    if url:
        return HttpParser(url, timeout=timeout, retries=retries, token=token,
                          language=language).check()
    return LocalParser(model or models_dir).start()


__all__ = [
    "FALLBACK_INTENT", "Entity", "EvalReport", "HttpParser", "IntentScore", "LocalParser", "ModelCorrupt",
    "ModelMissing", "NluError", "NluParser", "NluServerError", "Parse", "ServerUnavailable", "TrainResult",
    "TrainingDataError", "evaluate", "latest_model", "make_parser", "parse_from_rasa", "train",
]
