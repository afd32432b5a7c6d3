"""Options several commands share: the kiosk's link to the store's NLU server."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def nlu_client(command: F) -> F:
    """``--nlu-url`` and ``--nlu-timeout`` (also root options, and ``VOICECART_NLU_URL``,
    ``VOICECART_NLU_TIMEOUT``): parse on a shared ``voicecart nlu serve``."""
    command = click.option(
        "--nlu-timeout", type=float, default=None,
        help="Seconds a parse over HTTP may take, retries included (default 3).")(command)
    return click.option(
        "--nlu-url", default=None,
        help="Parse on the store's NLU server (voicecart nlu serve), e.g. "
             "http://127.0.0.1:5005.")(command)
