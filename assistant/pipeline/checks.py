"""Start-up checks: everything a run needs is verified before the first shopper speaks, so a
missing model, database or microphone shows at once, as one clear line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import text

from assistant.pipeline.errors import STAGE_ERRORS, NoRecognizer
from assistant.pipeline.stages import Stage
from commerce.customers import get_customer
from commerce.errors import CommerceError
from nlu import LocalParser, NluError, latest_model
from voice.errors import VoiceError
from voice.mic import input_device

if TYPE_CHECKING:
    from assistant.pipeline.run import Pipeline


def check_recognizer(pipeline: Pipeline) -> None:
    if pipeline.recognizer is None:
        raise NoRecognizer()


def check_nlu(pipeline: Pipeline) -> None:
    """The NLU model exists (its loading may still go on in the background)."""
    parser = pipeline.dialogue.parser
    if parser is None:
        raise STAGE_ERRORS[Stage.INTENT]("nlu_missing", "Language understanding is not set up.")
    if isinstance(parser, LocalParser):
        try:
            path = parser.model_path
            if path.is_dir():
                latest_model(path)
            elif not path.is_file():
                raise NluError(f"There is no NLU model at {path}. Train one with: make models",
                               code="model_missing")
        except NluError as exc:
            raise STAGE_ERRORS[Stage.INTENT].wrap(exc) from exc


def check_database(pipeline: Pipeline) -> None:
    """The shop database answers and knows the shopper."""
    dialogue = pipeline.dialogue
    try:
        with dialogue.session_factory() as session:
            session.execute(text("SELECT 1"))
            get_customer(session, dialogue.customer_id)
    except CommerceError as exc:
        raise STAGE_ERRORS[Stage.HANDLE].wrap(exc) from exc


def check_microphone(device: int | str | None) -> None:
    try:
        input_device(device)
    except VoiceError as exc:
        raise STAGE_ERRORS[Stage.WAKE].wrap(exc) from exc


def check_all(pipeline: Pipeline, device: int | str | None = None,
              listening: bool = False) -> None:
    """Raise the first problem found, as a ``PipelineError`` of the stage it would stop."""
    checks = [lambda: check_recognizer(pipeline), lambda: check_database(pipeline),
              lambda: check_nlu(pipeline)]
    if listening:
        checks.insert(0, lambda: check_microphone(device))
    for check in checks:
        check()
