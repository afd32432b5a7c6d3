"""Held-out evaluation: intent accuracy and macro F1, entity P/R/F1 per entity, confusions.

Entities are scored as exact spans: a prediction counts only if its entity type, start and end
match a gold span (and its role, for price bounds). Values are scored on the matched spans.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from nlu.examples import Example, load_examples
from nlu.types import NluParser, Parse

ROLE_SCORED = ("price_bound",)


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Miss:
    text: str
    expected: str
    got: str


@dataclass
class EvalReport:
    examples: int
    intent_accuracy: float
    intent_macro_f1: float
    entity_precision: float
    entity_recall: float
    entity_f1: float
    entity_value_accuracy: float
    intents: dict[str, Score] = field(default_factory=dict)
    entities: dict[str, Score] = field(default_factory=dict)
    confusions: list[tuple[str, str, int]] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _score(tp: int, fp: int, fn: int) -> Score:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Score(round(p, 4), round(r, 4), round(f1, 4), tp + fn)


def _key(entity: str, start: int, end: int, role: str | None) -> tuple[str, int, int, str | None]:
    return (entity, start, end, role if entity in ROLE_SCORED else None)


def score(pairs: Iterable[tuple[Example, Parse]], top_confusions: int = 10) -> EvalReport:
    """Score parses against their gold examples."""
    intent_tp: Counter[str] = Counter()
    intent_fp: Counter[str] = Counter()
    intent_fn: Counter[str] = Counter()
    ent_tp: Counter[str] = Counter()
    ent_fp: Counter[str] = Counter()
    ent_fn: Counter[str] = Counter()
    confusions: Counter[tuple[str, str]] = Counter()
    misses: list[Miss] = []
    n = correct = values_ok = 0
    for gold, parse in pairs:
        n += 1
        if parse.intent == gold.intent:
            correct += 1
            intent_tp[gold.intent] += 1
        else:
            intent_fp[parse.intent] += 1
            intent_fn[gold.intent] += 1
            confusions[(gold.intent, parse.intent)] += 1
        expected = {_key(s.entity, s.start, s.end, s.role): s.value for s in gold.entities}
        got = {_key(e.entity, e.start, e.end, e.role): e.value for e in parse.entities}
        for key, value in got.items():
            if key in expected:
                ent_tp[key[0]] += 1
                values_ok += value.lower() == expected[key].lower()
            else:
                ent_fp[key[0]] += 1
        for key in expected.keys() - got.keys():
            ent_fn[key[0]] += 1
        if parse.intent != gold.intent or expected.keys() != got.keys():
            misses.append(Miss(gold.text, _describe(gold.intent, expected), _describe(parse.intent, got)))
    intents = {i: _score(intent_tp[i], intent_fp[i], intent_fn[i])
               for i in sorted(set(intent_tp) | set(intent_fn) | set(intent_fp))}
    gold_intents = [s for i, s in intents.items() if s.support]
    entities = {e: _score(ent_tp[e], ent_fp[e], ent_fn[e])
                for e in sorted(set(ent_tp) | set(ent_fp) | set(ent_fn))}
    total = _score(sum(ent_tp.values()), sum(ent_fp.values()), sum(ent_fn.values()))
    matched = sum(ent_tp.values())
    return EvalReport(
        examples=n,
        intent_accuracy=round(correct / n, 4) if n else 0.0,
        intent_macro_f1=round(sum(s.f1 for s in gold_intents) / len(gold_intents), 4) if gold_intents else 0.0,
        entity_precision=total.precision,
        entity_recall=total.recall,
        entity_f1=total.f1,
        entity_value_accuracy=round(values_ok / matched, 4) if matched else 0.0,
        intents=intents,
        entities=entities,
        confusions=[(g, p, c) for (g, p), c in confusions.most_common(top_confusions)],
        misses=misses,
    )


def _describe(intent: str, ents: dict[tuple[str, int, int, str | None], str]) -> str:
    parts = [f"{k[0]}{'#' + k[3] if k[3] else ''}[{k[1]}:{k[2]}]={v}" for k, v in sorted(ents.items(), key=lambda kv: kv[0][1])]
    return " ".join([intent, *parts])


def evaluate(parser: NluParser, test_file: Path) -> EvalReport:
    """Parse every held-out example with ``parser`` and score the results."""
    examples = load_examples(test_file)
    return score((ex, parser.parse(ex.text)) for ex in examples)
