"""The one place where expected errors of every stage become a clear message.

Each stage raises its own typed errors (``commerce.errors.CommerceError``,
``nlu.errors.NluError``, ``voice.errors.VoiceError``); all carry ``code`` and ``message``.
"""

from __future__ import annotations

import click

EXIT_USER_ERROR = 2


def is_expected(exc: BaseException) -> bool:
    """An expected error is one a stage raised on purpose: it has a code and a message."""
    return isinstance(getattr(exc, "code", None), str) and isinstance(
        getattr(exc, "message", None), str
    )


def report_error(exc: BaseException) -> int | None:
    """Print one line for an expected error and return the exit code; None for a bug."""
    if not is_expected(exc):
        return None
    click.echo(f"Error: {exc.message}", err=True)  # type: ignore[attr-defined]
    return EXIT_USER_ERROR
