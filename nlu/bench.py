"""Start-up time and parse latency of a parser (``voicecart bench nlu``)."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from nlu.http import HttpParser
from nlu.local import LocalParser

SENTENCES = [
    "add two bananas to my cart",
    "can i get a large double shot mocha with lots of cream",
    "i'd like a 12-ounce light roast coffee with a bit of brown sugar",
    "what's in my cart",
    "how much is the oat milk",
    "show me snacks under five dollars",
    "remove the second one",
    "my pin is 2468",
    "speak slower please",
    "what are your store hours",
]


@dataclass(frozen=True)
class BenchResult:
    load_seconds: float
    first_parse_ms: float
    p50_ms: float
    p95_ms: float
    max_ms: float
    count: int


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def run_bench(model: Path, count: int = 1000, url: str | None = None) -> BenchResult:
    """Load the parser (timed, including imports), then time ``count`` parses."""
    started = time.perf_counter()
    parser: LocalParser | HttpParser
    if url:
        parser = HttpParser(url)
    else:
        parser = LocalParser(model).start()
        parser.wait()
    load = time.perf_counter() - started
    t0 = time.perf_counter()
    parser.parse(SENTENCES[0])
    first = (time.perf_counter() - t0) * 1000
    times: list[float] = []
    for i in range(count):
        t0 = time.perf_counter()
        parser.parse(SENTENCES[i % len(SENTENCES)])
        times.append((time.perf_counter() - t0) * 1000)
    return BenchResult(
        load_seconds=round(load, 3),
        first_parse_ms=round(first, 2),
        p50_ms=round(statistics.median(times), 2),
        p95_ms=round(percentile(times, 95), 2),
        max_ms=round(max(times), 2),
        count=count,
    )
