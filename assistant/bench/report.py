"""A report a person can read: markdown summary, every number as JSON, and PNG plots."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def write_report(summary: dict[str, Any], meta: dict[str, Any], out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    conds = summary["conditions"]
    written = [out_dir / "results.json"]
    written[0].write_text(json.dumps({"meta": meta, **summary}, indent=2), encoding="utf-8")
    written += [_plot_acceptance(conds, out_dir), _plot_slots(conds, out_dir),
                _plot_latency(conds, out_dir)]
    md = out_dir / "summary.md"
    md.write_text(_markdown(summary, meta), encoding="utf-8")
    return [md, *written]


def _save(fig: Any, path: Path) -> Path:
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _snr_conditions(conds: dict[str, Any]) -> list[tuple[float, str]]:
    return sorted(((float(k[:-2]), k) for k in conds if k.endswith("dB")), reverse=True)


def _plot_acceptance(conds: dict[str, Any], out_dir: Path) -> Path:
    fig, ax = plt.subplots(figsize=(6, 4))
    snrs = _snr_conditions(conds)
    xs = [s for s, _ in snrs]
    ax.plot(xs, [100 * conds[k]["acceptance"] for _, k in snrs], "o-", label="whole pipeline")
    ax.plot(xs, [100 * conds[k]["transcript_alone"]["acceptance"] for _, k in snrs], "s--",
            label="transcript alone (spotter)")
    if "clean" in conds:
        ax.axhline(100 * conds["clean"]["acceptance"], color="grey", ls=":", label="clean")
    ax.set(xlabel="SNR (dB)", ylabel="command acceptance (%)", title="Acceptance vs noise")
    ax.invert_xaxis()
    ax.legend()
    ax.grid(alpha=0.3)
    return _save(fig, out_dir / "acceptance_vs_snr.png")


def _plot_slots(conds: dict[str, Any], out_dir: Path) -> Path:
    fig, ax = plt.subplots(figsize=(7, 4))
    names = list(conds)
    slots = sorted({s for c in conds.values() for s in c["slot_accuracy"]})
    width = 0.8 / max(1, len(names))
    for i, cond in enumerate(names):
        ax.bar([j + i * width for j in range(len(slots))],
               [100 * conds[cond]["slot_accuracy"].get(s, 0) for s in slots], width, label=cond)
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(slots))], slots, rotation=20)
    ax.set(ylabel="accuracy (%)", title="Per-slot accuracy", ylim=(50, 101))
    ax.legend(fontsize=7, ncol=4)
    return _save(fig, out_dir / "slot_accuracy.png")


def _plot_latency(conds: dict[str, Any], out_dir: Path) -> Path:
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.hist([c["latency_ms"] for c in conds.values()], bins=30, label=list(conds), stacked=True)
    ax.set(xlabel="end of audio → order line (ms)", ylabel="files",
           title="Latency: recognizer + NLU + menu")
    ax.legend(fontsize=7, ncol=2)
    return _save(fig, out_dir / "latency.png")


def _markdown(summary: dict[str, Any], meta: dict[str, Any]) -> str:
    conds = summary["conditions"]
    lines = ["# Speech-to-intent benchmark", ""]
    lines += [f"- {k}: {v}" for k, v in meta.items()]
    lines += ["", "| condition | acceptance | transcript alone | RTF | decode p95 (ms) | "
              "WER vs clean |", "|---|---|---|---|---|---|"]
    for name, c in conds.items():
        wer = c.get("wer_vs_clean_transcript")
        lines.append(
            f"| {name} | {100 * c['acceptance']:.1f}% | "
            f"{100 * c['transcript_alone']['acceptance']:.1f}% | {c['real_time_factor']:.3f} | "
            f"{c['decode_ms']['p95']:.0f} | {'' if wer is None else f'{100 * wer:.1f}%'} |")
    if summary.get("mean_acceptance_noisy") is not None:
        lines += ["", f"Mean acceptance over the noisy conditions: "
                  f"{100 * summary['mean_acceptance_noisy']:.1f}%"]
    lines += ["", "## Costliest confusions", ""]
    for name, c in conds.items():
        for conf in c["confusions"][:5]:
            lines.append(f"- {name}: {conf['slot']} `{conf['expected']}` → `{conf['got']}` "
                         f"×{conf['count']}")
    lines += ["", "## What was heard when a command failed", ""]
    for name, c in conds.items():
        lines += [f"- {name}: `{f}` heard \"{t}\"" for f, t in c.get("heard_when_failed", {}).items()]
    lines += ["", "![acceptance](acceptance_vs_snr.png)", "![slots](slot_accuracy.png)",
              "![latency](latency.png)", ""]
    return "\n".join(lines)
