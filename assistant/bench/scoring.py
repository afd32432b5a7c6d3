"""Command acceptance scoring in the format of the coffee-orders corpus ``labels.json``.

A command is accepted only when the intent and *every* slot match: a wrong slot, a missing
slot and an extra slot each fail it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

Label = Mapping[str, Any]  # {"intent": str, "slots": {slot: value}}

MISSING = "(none)"


@dataclass(frozen=True)
class Confusion:
    slot: str
    expected: str
    got: str
    count: int


@dataclass
class Score:
    total: int
    accepted: int
    intent_correct: int
    slot_correct: dict[str, int] = field(default_factory=dict)
    slot_seen: dict[str, int] = field(default_factory=dict)
    confusions: list[Confusion] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    @property
    def acceptance(self) -> float:
        return self.accepted / self.total if self.total else 0.0

    @property
    def slot_accuracy(self) -> dict[str, float]:
        return {s: self.slot_correct[s] / n for s, n in sorted(self.slot_seen.items()) if n}

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "accepted": self.accepted,
            "acceptance": round(self.acceptance, 4),
            "intent_accuracy": round(self.intent_correct / self.total, 4) if self.total else 0.0,
            "slot_accuracy": {k: round(v, 4) for k, v in self.slot_accuracy.items()},
            "confusions": [c.__dict__ for c in self.confusions],
            "failed": self.failed,
        }


def command_accepted(expected: Label, predicted: Label | None) -> bool:
    if predicted is None:
        return False
    return bool(
        expected.get("intent") == predicted.get("intent")
        and dict(expected.get("slots") or {}) == dict(predicted.get("slots") or {})
    )


def score(
    labels: Mapping[str, Label], predictions: Mapping[str, Label | None], top: int = 10
) -> Score:
    """Score predictions against labels; files without a prediction count as failures."""
    result = Score(total=len(labels), accepted=0, intent_correct=0)
    confusions: Counter[tuple[str, str, str]] = Counter()
    for name, expected in sorted(labels.items()):
        predicted = predictions.get(name)
        if command_accepted(expected, predicted):
            result.accepted += 1
        else:
            result.failed.append(name)
        got = predicted or {}
        if expected.get("intent") == got.get("intent"):
            result.intent_correct += 1
        exp_slots = dict(expected.get("slots") or {})
        got_slots = dict(got.get("slots") or {})
        for slot in sorted(set(exp_slots) | set(got_slots)):
            result.slot_seen[slot] = result.slot_seen.get(slot, 0) + 1
            want, have = exp_slots.get(slot, MISSING), got_slots.get(slot, MISSING)
            if want == have:
                result.slot_correct[slot] = result.slot_correct.get(slot, 0) + 1
            else:
                result.slot_correct.setdefault(slot, 0)
                confusions[(slot, str(want), str(have))] += 1
    result.confusions = [
        Confusion(slot, want, have, n) for (slot, want, have), n in confusions.most_common(top)
    ]
    return result
