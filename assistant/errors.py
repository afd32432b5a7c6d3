"""The one place where expected errors of every stage become a clear message.

Each stage raises its own typed errors (``commerce.errors.CommerceError``,
``nlu.errors.NluError``, ``voice.errors.VoiceError``), all ``storedata.errors.ExpectedError``
with a ``code`` and a ``message``.
"""

from __future__ import annotations

import click

from storedata.errors import ExpectedError

EXIT_USER_ERROR = 2


def report_error(exc: BaseException) -> int | None:
    """Print one line for an expected error and return the exit code; None for a bug."""
    if not isinstance(exc, ExpectedError):
        return None
    click.echo(f"Error: {exc.message}", err=True)
    return EXIT_USER_ERROR
