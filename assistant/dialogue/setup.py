"""Building a dialogue manager from settings: the database, the state store, the wording."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url

from assistant.dialogue.manager import DialogueManager
from assistant.dialogue.replies import Replies
from assistant.dialogue.store import StateStore
from assistant.dialogue.types import DialogueOptions
from assistant.settings import Settings
from commerce.db import make_engine, schema_ready, session_factory
from commerce.errors import DatabaseMissing
from nlu.types import NluParser


def _sqlite_file(db_url: str) -> Path | None:
    url = make_url(db_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database).expanduser()


def build_manager(
    settings: Settings,
    parser: NluParser | None,
    *,
    replies: Replies | None = None,
    sessions_dir: Path | None = None,
) -> DialogueManager:
    """A manager for ``settings.customer`` in ``settings.store``; never creates a database."""
    path = _sqlite_file(settings.db_url)
    if path is not None and not path.exists():
        raise DatabaseMissing(str(path))
    engine = make_engine(settings.db_url)
    if not schema_ready(engine):
        raise DatabaseMissing(str(path or settings.db_url))
    store = StateStore(sessions_dir) if sessions_dir else StateStore.for_db(settings.db_url)
    return DialogueManager(
        session_factory(engine),
        parser,
        settings.customer,
        settings.store,
        replies or Replies.load(settings.data_dir / "replies.yml"),
        DialogueOptions(suggestions=settings.suggestions, faq_path=settings.data_dir / "faq.yml"),
        state_store=store,
    )
