"""Seeds: any model trained from the committed data must pass, not only the one trained here.

For each seed: train (hash-skipped when unchanged) into ``models/nlu/seed-N/``, score the
held-out set, and run the NLU, journey and pipeline tests against that model in a child
pytest. The table says, per seed, the scores and whether the tests passed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.settings import PROJECT_ROOT, Settings

SEED_TESTS = ("tests/integration/nlu", "tests/journeys", "tests/integration/pipeline")
SCORED_ENTITIES = ("quantity", "product", "drink", "size", "milk", "roast", "shots",
                   "sweetener")


@dataclass
class SeedResult:
    seed: int
    model: str
    train_seconds: float
    intent_accuracy: float
    intent_macro_f1: float
    entity_f1: float
    entity_f1_by_name: dict[str, float] = field(default_factory=dict)
    tests: int = 0
    failed: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def run_seed(settings: Settings, seed: int, out_dir: Path, run_tests: bool = True) -> SeedResult:
    from nlu.evaluation import evaluate
    from nlu.local import LocalParser
    from nlu.model import train

    seeded = settings.replace(nlu_seed=seed)
    trained = train(seeded.pack.dir, seeded.nlu_models_dir, seed=seed)
    parser = LocalParser(trained.model).start().wait()
    report = evaluate(parser, seeded.pack.heldout)
    result = SeedResult(
        seed=seed, model=trained.model.name, train_seconds=round(trained.seconds, 1),
        intent_accuracy=report.intent_accuracy, intent_macro_f1=report.intent_macro_f1,
        entity_f1=report.entity_f1,
        entity_f1_by_name={k: v.f1 for k, v in report.entities.items() if k in SCORED_ENTITIES},
    )
    if run_tests:
        result.tests, result.failed = _pytest(seed, out_dir / f"seed-{seed}-tests.xml")
    return result


def _pytest(seed: int, junit: Path) -> tuple[int, list[str]]:
    """The seed's tests in a child process (its own model, its own environment)."""
    env = {**os.environ, "VOICECART_NLU_SEED": str(seed)}
    junit.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                    f"--junitxml={junit}", *SEED_TESTS], cwd=PROJECT_ROOT, env=env, check=False)
    if not junit.is_file():
        return 0, ["(pytest wrote no report)"]
    root = ET.parse(junit).getroot()
    cases = root.iter("testcase")
    count, failed = 0, []
    for case in cases:
        count += 1
        if case.find("failure") is not None or case.find("error") is not None:
            failed.append(f"{case.get('classname')}::{case.get('name')}")
    return count, failed


def table(results: list[SeedResult]) -> str:
    names = sorted({n for r in results for n in r.entity_f1_by_name})
    head = ["seed", "intent acc", "macro F1", "entity F1", *names, "tests"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        tests = f"{r.tests - len(r.failed)}/{r.tests} passed" if r.tests else "not run"
        cells = [str(r.seed), f"{r.intent_accuracy:.3f}", f"{r.intent_macro_f1:.3f}",
                 f"{r.entity_f1:.3f}", *(f"{r.entity_f1_by_name.get(n, 0):.3f}" for n in names),
                 tests]
        lines.append("| " + " | ".join(cells) + " |")
    worst = min(results, key=lambda r: r.intent_accuracy)
    lines.append(f"\nworst intent accuracy {worst.intent_accuracy:.3f} (seed {worst.seed}); "
                 f"worst entity F1 {min(r.entity_f1 for r in results):.3f}")
    return "\n".join(lines)
