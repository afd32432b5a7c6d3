"""Salted PIN hashes with hashlib.scrypt; the PIN itself is never stored."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from commerce.errors import InvalidData

N, R, P = 2**14, 8, 1


def validate_pin(pin: str) -> str:
    cleaned = pin.strip().replace(" ", "")
    if not cleaned.isdigit() or not 4 <= len(cleaned) <= 8:
        raise InvalidData("A PIN is 4 to 8 digits.", code="invalid_pin")
    return cleaned


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(validate_pin(pin).encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    cleaned = pin.strip().replace(" ", "")
    digest = hashlib.scrypt(cleaned.encode(), salt=bytes.fromhex(salt_hex), n=int(n), r=int(r),
                            p=int(p), dklen=len(digest_hex) // 2)
    return hmac.compare_digest(digest.hex(), digest_hex)
