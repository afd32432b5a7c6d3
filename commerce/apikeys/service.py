"""Create, list, revoke and check API keys. The plain key is shown once, at creation."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from commerce.apikeys.models import ApiKey
from commerce.db import reads, unit_of_work
from commerce.errors import ApiKeyNotFound, InvalidData, NotAuthenticated

# staff: read everything, move orders along, change stock and prices. reporting: read only.
ROLES = ("staff", "reporting")
PREFIX = "vck_"


@dataclass(frozen=True)
class ApiKeyInfo:
    id: int
    name: str
    role: str
    created_at: datetime
    revoked: bool


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _info(row: ApiKey) -> ApiKeyInfo:
    return ApiKeyInfo(row.id, row.name, row.role, row.created_at, row.revoked_at is not None)


def create_key(session: Session, name: str, role: str) -> tuple[ApiKeyInfo, str]:
    """A new key for ``name`` with ``role``: its record and the plain key (never stored)."""
    if role not in ROLES:
        raise InvalidData(f"A key's role is one of {', '.join(ROLES)}.", code="invalid_role")
    if not name.strip():
        raise InvalidData("A key needs the name of who or what uses it.", code="invalid_name")
    key = PREFIX + secrets.token_urlsafe(32)

    def create() -> ApiKeyInfo:
        row = ApiKey(name=name.strip()[:100], role=role, key_hash=_digest(key),
                     created_at=datetime.utcnow())
        session.add(row)
        session.flush()
        return _info(row)

    return unit_of_work(session, create), key


@reads
def list_keys(session: Session) -> list[ApiKeyInfo]:
    return [_info(row) for row in session.execute(select(ApiKey).order_by(ApiKey.id)).scalars()]


def revoke_key(session: Session, key_id: int) -> ApiKeyInfo:
    def revoke() -> ApiKeyInfo:
        row = session.get(ApiKey, key_id)
        if row is None:
            raise ApiKeyNotFound(key_id)
        row.revoked_at = row.revoked_at or datetime.utcnow()
        return _info(row)

    return unit_of_work(session, revoke)


@reads
def authenticate(session: Session, key: str | None) -> ApiKeyInfo:
    """The key's record; :class:`NotAuthenticated` for no key, an unknown or a revoked one."""
    if not key:
        raise NotAuthenticated("An API key is needed (header X-API-Key).")
    row = session.execute(select(ApiKey).where(ApiKey.key_hash == _digest(key))
                          ).scalar_one_or_none()
    if row is None or row.revoked_at is not None:
        raise NotAuthenticated("That API key is not valid.")
    return _info(row)
