"""The load benchmark's figures and plots: throughput, checkout latency, refusals, and the
audit that must find no oversell and no double order."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from assistant.bench.load import KioskResult, LoadOptions, audit, prepare, run_kiosks  # noqa: E402
from assistant.bench.output import machine  # noqa: E402
from assistant.bench.summary import percentile  # noqa: E402


def summarise(results: list[KioskResult], wall: float, checks: dict[str, int],
              url: str, options: LoadOptions) -> dict[str, Any]:
    latencies = [ms for r in results for ms in r.latencies_ms]
    placed = sum(len(r.placed) for r in results)
    refused: Counter[str] = Counter()
    at_add: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    for r in results:
        refused.update(r.refused)
        at_add.update(r.refused_at_add)
        errors.update(r.errors)
    main = max((r.main_seconds for r in results), default=0.0)  # the rush aside
    doubles = checks["keys_with_two_orders"] + sum(r.duplicate_mismatch for r in results)
    return {
        "machine": machine(), "backend": make_url(url).get_backend_name(),
        "kiosks": options.kiosks, "orders_attempted": options.orders,
        "checkout_calls": len(latencies), "orders_placed": placed,
        "orders_per_second": round(placed / main, 1) if main else 0.0,
        "wall_seconds": round(wall, 2),
        "rush": {"shoppers": sum(r.rush_placed + r.rush_refused for r in results),
                 "placed": sum(r.rush_placed for r in results),
                 "refused_naming_the_item": sum(r.rush_refused - r.rush_unnamed for r in results),
                 "refused_without_the_item": sum(r.rush_unnamed for r in results)},
        "checkout_ms": {**{f"p{q}": round(percentile(latencies, q), 2) for q in (50, 95, 99)},
                        "max": round(max(latencies, default=0.0), 2)},
        "orders_refused": sum(r.orders_refused for r in results),
        "refused": dict(refused),
        "refused_when_added": dict(at_add),
        "refusals_without_the_item": sum(r.unnamed_refusals + r.rush_unnamed for r in results),
        "oversells": checks["oversold_products"] + checks["negative_stock"],
        "double_orders": doubles,
        "errors": dict(errors),
        "audit": checks,
    }


def plot(results: list[KioskResult], summary: dict[str, Any], path: Path) -> Path:
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    latencies = [ms for r in results for ms in r.latencies_ms]
    left.hist(latencies, bins=60, color="#4c72b0")
    left.set_yscale("log")
    left.set_xlabel("checkout latency (ms)")
    left.set_ylabel("checkouts")
    ms = summary["checkout_ms"]
    left.set_title(f"{summary['backend']}: p50 {ms['p50']} · p95 {ms['p95']} · p99 {ms['p99']} ms")
    ends = sorted(t for r in results for t in r.finished_at)
    right.plot(ends, range(1, len(ends) + 1), color="#55a868")
    right.set_xlabel("seconds since the start")
    right.set_ylabel("checkouts finished")
    right.set_title(f"{summary['kiosks']} kiosks: {summary['orders_per_second']} orders/s")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def measure(url: str, options: LoadOptions, plot_path: Path | None = None) -> dict[str, Any]:
    """Prepare the store on ``url`` (an empty database), run the kiosks, audit, summarise."""
    initial = prepare(url, options)
    results, wall = run_kiosks(url, options)
    summary = summarise(results, wall, audit(url, initial), url, options)
    if plot_path is not None:
        summary["plot"] = str(plot(results, summary, plot_path))
    return summary
