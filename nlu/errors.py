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


class NluServerError(NluError):
    """The shared NLU server (``voicecart nlu serve``) failed a request: down, too slow, or
    answering something else. Mid-session the dialogue says so and changes nothing."""

    code = "nlu_server"


class ServerUnavailable(NluServerError):
    code = "nlu_server_unavailable"

    def __init__(self, url: str, reason: str, hint: str = "") -> None:
        self.url, self.reason = url, reason
        then = f"; {hint}" if hint else ""
        super().__init__(f"The NLU server at {url} did not answer ({reason}){then}.")


class BadServerReply(NluServerError):
    code = "nlu_bad_reply"

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"The NLU server at {url} sent a reply I cannot read: {reason}.")


class ServerHasNoModel(NluServerError):
    code = "nlu_server_no_model"

    def __init__(self, url: str) -> None:
        super().__init__(f"The NLU server at {url} has no model loaded; start it with: "
                         "voicecart nlu serve.")


class ServerStartFailed(NluError):
    """``rasa run`` could not be started, or did not become ready in time."""

    code = "nlu_server_start"


class PortInUse(ServerStartFailed):
    code = "port_in_use"

    def __init__(self, host: str, port: int) -> None:
        super().__init__(f"Port {port} on {host} is already in use; stop what listens there or "
                         "choose another with --port.")
