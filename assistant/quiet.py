"""People see the assistant's lines and the project's own messages, nothing else.

Rasa, TensorFlow, matplotlib, SQLAlchemy and pkg_resources warn about their own deprecations
on import and while parsing. For a shopper at a kiosk that is noise, so the command line
turns it off unless ``--verbose`` (or ``VOICECART_VERBOSE=1``) asks for it. Tests call the
library directly (or ``main`` inside pytest's per-test warning capture), so they still see
every warning.
"""

from __future__ import annotations

import logging
import os
import warnings
from typing import Any, TextIO

# Environment switches the libraries read for themselves (set before they are imported).
QUIET_ENVIRONMENT = {
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",  # SQLAlchemy 1.4's MovedIn20Warning banner
    "TF_CPP_MIN_LOG_LEVEL": "3",  # TensorFlow's C++ log lines
}


def quiet_third_party(verbose: bool) -> None:
    """Hide third-party warnings and log lines below ERROR, unless ``verbose``."""
    if verbose:
        return
    for key, value in QUIET_ENVIRONMENT.items():
        os.environ.setdefault(key, value)
    warnings.simplefilter("ignore")
    # A library may add its own filters later (Rasa does, on import): drop what still comes.
    warnings.showwarning = _drop
    logging.getLogger().setLevel(logging.ERROR)
    for name in ("rasa", "tensorflow", "absl", "matplotlib", "apscheduler", "sanic", "urllib3"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _drop(message: Warning | str, category: type[Warning], filename: str, lineno: int,
          file: TextIO | None = None, line: str | None = None, **_: Any) -> None:
    """A warning that got past the filters: not shown to people."""
