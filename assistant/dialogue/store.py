"""Session state persisted per customer: one JSON file each, written atomically."""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

from assistant.dialogue.state import SessionState
from storedata.errors import ExpectedError

SESSIONS_DIRNAME = "sessions"


class StateStoreError(ExpectedError):
    """The sessions directory cannot be used."""

    code = "session_store"


def sessions_dir_for(db_url: str) -> Path:
    """The sessions directory beside a SQLite database file (a temp dir for other databases)."""
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).expanduser().resolve().parent / SESSIONS_DIRNAME
    return Path(tempfile.gettempdir()) / "voicecart" / SESSIONS_DIRNAME


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name) or "_"


class StateStore:
    """Loads and saves :class:`SessionState` as ``<dir>/<customer>.<store>.json``."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    @classmethod
    def for_db(cls, db_url: str) -> StateStore:
        return cls(sessions_dir_for(db_url))

    def path(self, customer_id: str, store_code: str) -> Path:
        return self.directory / f"{_safe(customer_id)}.{_safe(store_code)}.json"

    def load(self, customer_id: str, store_code: str) -> SessionState:
        """The saved state, or a fresh one when there is none or it cannot be read."""
        path = self.path(customer_id, store_code)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            state = SessionState.from_dict(data)
        except FileNotFoundError:
            return SessionState(customer_id=customer_id, store_code=store_code)
        except (ValueError, KeyError, TypeError):
            # A damaged file must not stop the shopper; start afresh (the cart is in the db).
            return SessionState(customer_id=customer_id, store_code=store_code)
        if state.customer_id != customer_id or state.store_code != store_code:
            return SessionState(customer_id=customer_id, store_code=store_code)
        return state

    def save(self, state: SessionState) -> None:
        """Write atomically: a temp file in the same directory, then ``os.replace``."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StateStoreError(f"I cannot save the session in {self.directory}.") from exc
        path = self.path(state.customer_id, state.store_code)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=self.directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(state.to_dict(), handle, indent=1, sort_keys=True)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def delete(self, customer_id: str, store_code: str) -> None:
        self.path(customer_id, store_code).unlink(missing_ok=True)
