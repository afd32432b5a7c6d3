"""The store's lexicon for the catalog spotter, built once per catalog version."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy.orm import Session

from commerce.catalog import catalog_names, catalog_version
from nlu.products import Lexicon, with_catalog
from nlu.types import Parse

_CACHE: dict[tuple[Any, str], tuple[tuple[int, int], Lexicon]] = {}
_LOCK = threading.Lock()


def store_lexicon(session: Session, store: str) -> Lexicon:
    bind: Any = session.get_bind()
    key = (getattr(bind, "engine", bind), store)
    version = catalog_version(session)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == version:
        return cached[1]
    with _LOCK:
        products, categories = catalog_names(session, store)
        lexicon = Lexicon.from_catalog(products, categories)
        _CACHE[key] = (version, lexicon)
    return lexicon


def grounded(session: Session, store: str, parse: Parse) -> Parse:
    """``parse`` with its products found in the store's catalog (``nlu.products``)."""
    return with_catalog(parse, store_lexicon(session, store))
