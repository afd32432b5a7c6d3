"""Expected NLU failures: each has a short ``code`` and a ``message`` fit to be read aloud."""

from __future__ import annotations

from storedata.errors import ExpectedError

TRAIN_HINT = "Train one with: make models"


class NluError(ExpectedError):
    """Base class of every expected NLU error."""

    code: str = "nlu_error"


class ModelMissing(NluError):
    code = "model_missing"

    def __init__(self, message: str = f"No NLU model found. {TRAIN_HINT}") -> None:
        super().__init__(message)


class ModelCorrupt(NluError):
    code = "model_corrupt"

    def __init__(self, path: object) -> None:
        super().__init__(f"The NLU model at {path} cannot be loaded. Retrain it with: make models")


class TrainingDataError(NluError):
    code = "training_data"


class TrainingFailed(NluError):
    code = "training_failed"


class ServerUnavailable(NluError):
    code = "nlu_server_unavailable"

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"The NLU server at {url} did not answer: {reason}.")


class BadServerReply(NluError):
    code = "nlu_bad_reply"

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"The NLU server at {url} sent a reply I cannot read: {reason}.")
