"""UTC time helpers: the database stores naive UTC datetimes."""

from __future__ import annotations

from datetime import datetime, timezone


def utc(now: datetime | None = None) -> datetime:
    """``now`` (aware or naive UTC) as a naive UTC datetime; None means the current time."""
    if now is None:
        return datetime.now(timezone.utc).replace(tzinfo=None)
    if now.tzinfo is not None:
        return now.astimezone(timezone.utc).replace(tzinfo=None)
    return now
