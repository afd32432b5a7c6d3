"""Held-out scores, with floors that hold for ANY model trained from the committed data.

A model trained on another processor (or with another seed) is another model: TensorFlow's CPU
floating point differs. Floors sit below the worst of several seeds with a margin, not on the
edge of one model's score. Measured (`make seeds` and the default model, this machine):

| seed | intent acc | entity F1 | product | quantity | cafe entities (min) | fallback F1 |
| 7 (config) | 0.971 | 0.942 | 0.874 | 0.954 | 0.980 | 0.917 |
| 1 | 0.956 | 0.958 | 0.926 | 0.952 | 1.000 | 0.909 |
| 2 | 0.961 | 0.961 | 0.947 | 0.963 | 0.985 | 0.833 |
| 3 | 0.961 | 0.951 | 0.898 | 0.976 | 0.985 | 0.800 |

Another machine's seed-7 model scored quantity 0.929. The issue targets (intent >= 0.95,
entity F1 >= 0.92) are what `voicecart nlu evaluate` reports against; these floors catch a
model that is broken, not one that is merely another model."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlu.evaluation import evaluate
from nlu.local import LocalParser

pytestmark = pytest.mark.slow

INTENT_ACCURACY_FLOOR, ENTITY_F1_FLOOR = 0.93, 0.91  # worst seed 0.956 / 0.942
CAFE_ENTITIES = ("drink", "size", "roast", "shots", "milk", "sweetener", "amount")
CAFE_ENTITY_FLOOR = 0.95  # worst seed 0.980: the speech benchmark scores these
CART_ENTITY_FLOORS = {"quantity": 0.90, "product": 0.83}  # worst 0.929 (other machine) / 0.874


def test_heldout_scores(parser: LocalParser, data_dir: Path) -> None:
    report = evaluate(parser, data_dir / "lang" / "en" / "nlu" / "test" / "heldout.yml")
    assert report.examples >= 400
    misses = "\n".join(f"{m.text!r}: want {m.expected} got {m.got}" for m in report.misses[:15])
    assert report.intent_accuracy >= INTENT_ACCURACY_FLOOR, misses
    assert report.entity_f1 >= ENTITY_F1_FLOOR, misses
    for name in CAFE_ENTITIES:  # the cafe orders must be very strong
        assert report.entities[name].f1 >= CAFE_ENTITY_FLOOR, (name, report.entities[name])
    for name, floor in CART_ENTITY_FLOORS.items():
        assert report.entities[name].f1 >= floor, (name, report.entities[name])
    assert report.intents["order_drink"].f1 >= 0.97  # 1.0 on every seed
    assert report.intents["nlu_fallback"].f1 >= 0.6  # 12 examples: 0.80-0.92 over the seeds
