"""The pipeline's one error family: each stage's own typed errors, wrapped with their stage.

``PipelineError`` keeps the wrapped error's ``code`` and ``message`` (a sentence fit to be
spoken), so the CLI and the kiosk loop treat every stage's failure the same way.
"""

from __future__ import annotations

from assistant.pipeline.stages import Stage


class PipelineError(Exception):
    stage: Stage | None = None

    def __init__(self, code: str, message: str, stage: Stage | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        if stage is not None:
            self.stage = stage

    def __str__(self) -> str:
        return self.message

    @classmethod
    def wrap(cls, exc: BaseException) -> PipelineError:
        """The pipeline error for a stage's own typed error (it keeps code and message)."""
        code = getattr(exc, "code", None)
        message = getattr(exc, "message", None)
        if not isinstance(code, str) or not isinstance(message, str):
            raise TypeError(f"not an expected error: {exc!r}") from exc
        error = cls(code, message)
        error.__cause__ = exc
        return error


class WakeError(PipelineError):
    stage = Stage.WAKE


class SpeechToTextError(PipelineError):
    stage = Stage.STT


class IntentError(PipelineError):
    stage = Stage.INTENT


class HandleError(PipelineError):
    stage = Stage.HANDLE


class TextToSpeechError(PipelineError):
    stage = Stage.TTS


class NothingHeard(SpeechToTextError):
    """The recognizer heard no words: a value the loop answers, not a crash."""

    def __init__(self) -> None:
        super().__init__("nothing_heard", "Sorry, I did not hear anything. Please say it again.")


STAGE_ERRORS: dict[Stage, type[PipelineError]] = {
    Stage.WAKE: WakeError, Stage.STT: SpeechToTextError, Stage.INTENT: IntentError,
    Stage.HANDLE: HandleError, Stage.TTS: TextToSpeechError,
}


def is_expected(exc: BaseException) -> bool:
    """A stage's own typed error: it has a str ``code`` and a str ``message``."""
    return isinstance(getattr(exc, "code", None), str) and isinstance(
        getattr(exc, "message", None), str
    )
