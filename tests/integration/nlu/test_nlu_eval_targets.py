"""Held-out scores against the issue's targets: intent accuracy >= 0.95, entity F1 >= 0.92.

The model meets them (see the closing figures of issue #4); the cafe entities, which the speech
benchmark scores, must stay near perfect, and so must the entities the dialogue acts on most."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlu.evaluation import evaluate
from nlu.local import LocalParser

pytestmark = pytest.mark.slow

TARGET_INTENT_ACCURACY, TARGET_ENTITY_F1 = 0.95, 0.92  # issue #4
CAFE_ENTITIES = ("drink", "size", "roast", "shots", "milk", "sweetener", "amount")
CART_ENTITY_FLOORS = {"quantity": 0.93, "product": 0.85}  # measured 0.93-0.99 / 0.86-0.93


def test_heldout_scores(parser: LocalParser, data_dir: Path) -> None:
    report = evaluate(parser, data_dir / "nlu" / "test" / "heldout.yml")
    assert report.examples >= 400
    misses = "\n".join(f"{m.text!r}: want {m.expected} got {m.got}" for m in report.misses[:15])
    assert report.intent_accuracy >= TARGET_INTENT_ACCURACY, misses
    assert report.entity_f1 >= TARGET_ENTITY_F1, misses
    for name in CAFE_ENTITIES:  # the cafe orders must be very strong
        assert report.entities[name].f1 >= 0.95, (name, report.entities[name])
    for name, floor in CART_ENTITY_FLOORS.items():
        assert report.entities[name].f1 >= floor, (name, report.entities[name])
    assert report.intents["order_drink"].f1 >= 0.98
    assert report.intents["nlu_fallback"].f1 >= 0.7  # 12 examples: measured 0.73-0.92
