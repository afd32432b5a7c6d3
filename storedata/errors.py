"""Expected errors: what a stage raises on purpose, with a short ``code`` and a ``message`` fit
to be read aloud. Each stage extends :class:`ExpectedError` (``voice.errors.VoiceError``,
``nlu.errors.NluError``, ``commerce.errors.CommerceError``, the pipeline's stage errors); the
command line and the pipeline catch it in one place each. Anything else is a bug.
"""

from __future__ import annotations


class ExpectedError(Exception):
    """Base of every expected failure: ``code`` for programs, ``message`` for people."""

    code: str = "error"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


def is_expected(exc: BaseException) -> bool:
    """An error a stage raised on purpose, as opposed to a bug."""
    return isinstance(exc, ExpectedError)
