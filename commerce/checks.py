"""``Check``: the answer of a rule that may say no, with a reason."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Check:
    ok: bool
    reason: str = ""
    message: str = ""

    def __bool__(self) -> bool:
        return self.ok

    @classmethod
    def yes(cls) -> Check:
        return cls(True)

    @classmethod
    def no(cls, reason: str, message: str) -> Check:
        return cls(False, reason, message)
