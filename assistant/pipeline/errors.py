"""The pipeline's one error family: each stage's own typed errors, wrapped with their stage.

``PipelineError`` keeps the wrapped error's ``code`` and ``message`` (a sentence fit to be
spoken), so the CLI and the kiosk loop treat every stage's failure the same way.
"""

from __future__ import annotations

from assistant.pipeline.stages import Stage
from storedata.errors import ExpectedError, is_expected


class PipelineError(ExpectedError):
    stage: Stage | None = None

    def __init__(self, code: str, message: str, stage: Stage | None = None) -> None:
        super().__init__(message, code)
        if stage is not None:
            self.stage = stage

    @classmethod
    def wrap(cls, exc: BaseException) -> PipelineError:
        """The pipeline error for a stage's own typed error (it keeps code and message)."""
        if not isinstance(exc, ExpectedError):
            raise TypeError(f"not an expected error: {exc!r}") from exc
        error = cls(exc.code, exc.message)
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


class NoRecognizer(SpeechToTextError):
    """The pipeline has no speech recognizer (a typed session, or none could be built)."""

    def __init__(self) -> None:
        super().__init__("no_recognizer", "Speech recognition is not set up.")


STAGE_ERRORS: dict[Stage, type[PipelineError]] = {
    Stage.WAKE: WakeError, Stage.STT: SpeechToTextError, Stage.INTENT: IntentError,
    Stage.HANDLE: HandleError, Stage.TTS: TextToSpeechError,
}


__all__ = ["STAGE_ERRORS", "PipelineError", "is_expected"]
