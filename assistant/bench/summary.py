"""Numbers of a speech benchmark run, per condition."""

from __future__ import annotations

import re
from typing import Any

import jiwer
import numpy as np

from assistant.bench.scoring import score
from assistant.bench.speech import Outcome


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else 0.0


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text.lower()).split())


def summarize(outcomes: list[Outcome], labels: dict[str, Any]) -> dict[str, Any]:
    conditions = list(dict.fromkeys(o.condition for o in outcomes))
    clean_text = {o.file: _words(o.text) for o in outcomes if o.condition == "clean"}
    out: dict[str, Any] = {}
    for cond in conditions:
        rows = [o for o in outcomes if o.condition == cond]
        subset = {o.file: labels[o.file] for o in rows}
        whole = score(subset, {o.file: o.understood.predicted for o in rows})
        alone = score(subset, {o.file: o.understood.spotted for o in rows})
        lost = sorted(set(whole.failed) - set(alone.failed))
        audio = sum(o.audio_seconds for o in rows)
        decode = [o.decode_seconds for o in rows]
        understand = [o.understood.seconds for o in rows]
        entry: dict[str, Any] = {
            **whole.as_dict(),
            "transcript_alone": {"acceptance": round(alone.acceptance, 4),
                                 "accepted": alone.accepted},
            "lost_by_nlu_or_menu": lost,
            "heard_when_failed": {o.file: o.text for o in rows if o.file in set(whole.failed)},
            "real_time_factor": round(sum(decode) / audio, 4) if audio else 0.0,
            "decode_ms": {"p50": round(1000 * percentile(decode, 50), 1),
                          "p95": round(1000 * percentile(decode, 95), 1)},
            "understand_ms": {"p50": round(1000 * percentile(understand, 50), 1),
                              "p95": round(1000 * percentile(understand, 95), 1)},
            "latency_ms": [round(1000 * (o.decode_seconds + o.understood.seconds), 1)
                           for o in rows],
        }
        if cond != "clean" and clean_text:
            pairs = [(clean_text[o.file], _words(o.text)) for o in rows if clean_text.get(o.file)]
            if pairs:
                refs, hyps = zip(*pairs, strict=True)
                entry["wer_vs_clean_transcript"] = round(
                    float(jiwer.wer(list(refs), [h or "<empty>" for h in hyps])), 4)
        out[cond] = entry
    noisy = [v["acceptance"] for k, v in out.items() if k != "clean"]
    return {
        "conditions": out,
        "mean_acceptance_noisy": round(float(np.mean(noisy)), 4) if noisy else None,
    }
