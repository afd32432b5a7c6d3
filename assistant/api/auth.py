"""Who is calling: the ``X-API-Key`` header's key, and what its role may do."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session

from commerce.apikeys import ApiKeyInfo, authenticate
from commerce.errors import NotPermitted

READ, MOVE_ORDERS, EDIT_CATALOG = "read", "move orders", "change the catalog"
MANAGE_CUSTOMERS = "export or erase a customer's data"
ALLOWED = {"staff": {READ, MOVE_ORDERS, EDIT_CATALOG, MANAGE_CUSTOMERS}, "reporting": {READ}}


def session(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as db:
        yield db


def caller(x_api_key: str | None = Header(None), db: Session = Depends(session)) -> ApiKeyInfo:
    return authenticate(db, x_api_key)


def may(action: str) -> Callable[..., ApiKeyInfo]:
    """A dependency: the caller, when their role may do ``action``; else 403."""

    def check(key: ApiKeyInfo = Depends(caller)) -> ApiKeyInfo:
        if action not in ALLOWED.get(key.role, set()):
            raise NotPermitted(key.role, action)
        return key

    return check
