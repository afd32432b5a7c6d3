"""Signed deliveries, the scheme payment providers use: HMAC-SHA256 over "<timestamp>.<body>"
in one header, ``Voicecart-Signature: t=<unix seconds>,v1=<hex>``; a receiver recomputes it
and refuses a timestamp outside its tolerance (a replayed delivery)."""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE_HEADER = "Voicecart-Signature"
EVENT_HEADER = "Voicecart-Event-Id"
TOLERANCE_S = 300


def sign(secret: str, body: bytes, timestamp: int | None = None) -> str:
    """The header value for ``body`` signed now (or at ``timestamp``)."""
    moment = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{moment}.".encode() + body, hashlib.sha256)
    return f"t={moment},v1={digest.hexdigest()}"


def verify(secret: str, body: bytes, header: str, *, tolerance: int = TOLERANCE_S,
           now: int | None = None) -> tuple[bool, str]:
    """(ok, reason): the signature matches and its timestamp is within ``tolerance``."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        moment = int(parts["t"])
        given = parts["v1"]
    except (KeyError, ValueError):
        return False, "the signature header is malformed"
    if abs((int(time.time()) if now is None else now) - moment) > tolerance:
        return False, "the timestamp is outside the tolerance (a replay?)"
    expected = sign(secret, body, moment).split("v1=", 1)[1]
    if not hmac.compare_digest(expected, given):
        return False, "the signature does not match"
    return True, ""
