"""``voicecart bench nlu-http``: many kiosks parsing on one NLU server at once, beside
in-process parsing, in the same run.

The server is the real ``rasa run --enable-api`` (``nlu.server.NluServer``, or the one at
``--nlu-url``). Each kiosk is a separate process (``multiprocessing``, spawned: nothing shared
but the server) with its own :class:`nlu.http.HttpParser`; all start together at a barrier and
parse their share of the grocery benchmark's requests (``data/bench/shop/requests.yml``), each
starting at a different request. In-process parsing is measured afterwards, the server stopped:
one process parsing sequentially, and optionally N processes each with its own model loaded.
"""

from __future__ import annotations

import multiprocessing
import queue
import resource
import threading
import time
from dataclasses import asdict, dataclass
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

from nlu.bench import percentile
from nlu.errors import NluError

WARM_UP = 3  # parses before any timing: the server's first ones are slower
LOAD_SECONDS = 900.0  # every kiosk loaded (in-process models load slowly, side by side)


class BenchError(NluError):
    code = "bench_nlu_http"


@dataclass(frozen=True)
class Latency:
    processes: int
    parses: int
    errors: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    wall_seconds: float
    parses_per_second: float
    load_seconds: float | None = None  # the slowest process's model load (in-process)
    peak_rss_mb: float = 0.0  # the largest process's peak resident memory


def shares(texts: list[str], kiosks: int, per_kiosk: int) -> list[list[str]]:
    """Each kiosk's ``per_kiosk`` requests, kiosk i starting i/kiosks of the way through."""
    if not texts:
        raise BenchError("There are no requests to parse.")
    step = max(1, len(texts) // kiosks)
    return [[texts[(i * step + j) % len(texts)] for j in range(per_kiosk)]
            for i in range(kiosks)]


def _kiosk(index: int, kind: str, target: str, texts: list[str], barrier: Barrier,
           results: Any, verbose: bool) -> None:
    """One kiosk process: load (in-process) or connect (HTTP), wait for the others, parse."""
    from assistant.quiet import quiet_third_party

    quiet_third_party(verbose)
    loaded = time.perf_counter()
    try:
        parser: Any
        if kind == "local":
            from nlu.local import LocalParser

            parser = LocalParser(Path(target)).start().wait()
            for text in texts[:WARM_UP]:  # as the server was warmed up
                parser.parse(text)
        else:
            from nlu.http import HttpParser

            parser = HttpParser(target, timeout=60.0, retries=0)
        load = time.perf_counter() - loaded
    except NluError as exc:
        barrier.abort()
        results.put((index, [], len(texts), 0.0, exc.message, 0.0))
        return
    try:
        barrier.wait(timeout=LOAD_SECONDS)
    except threading.BrokenBarrierError:  # another kiosk failed: it says why
        results.put((index, [], 0, load, "", 0.0))
        return
    times: list[float] = []
    errors = 0
    for text in texts:
        started = time.perf_counter()
        try:
            parser.parse(text)
        except NluError:
            errors += 1
            continue
        times.append((time.perf_counter() - started) * 1000)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    results.put((index, times, errors, load, "", rss_mb))


def run_kiosks(kind: str, target: str, work: list[list[str]], verbose: bool = False
               ) -> Latency:
    """``len(work)`` processes parsing at once; their latencies together."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(len(work) + 1)
    results = ctx.Queue()
    procs = [ctx.Process(target=_kiosk, args=(i, kind, target, texts, barrier, results, verbose),
                         name=f"kiosk-{i}", daemon=True) for i, texts in enumerate(work)]
    for proc in procs:
        proc.start()
    try:
        barrier.wait(timeout=LOAD_SECONDS)
    except threading.BrokenBarrierError:
        pass  # a kiosk failed to start: its message comes with its result
    started = time.perf_counter()
    rows = []
    try:
        for _ in procs:
            rows.append(results.get(timeout=LOAD_SECONDS))
    except queue.Empty as exc:
        raise BenchError("A kiosk process stopped without a result.") from exc
    finally:
        wall = time.perf_counter() - started
        for proc in procs:
            proc.join(timeout=30)
            if proc.is_alive():
                proc.kill()
    failed = next((row[4] for row in rows if row[4]), "")
    if failed:
        raise BenchError(f"A kiosk could not start: {failed}")
    times = [t for row in rows for t in row[1]]
    if not times:
        raise BenchError("No parse succeeded.")
    return Latency(
        processes=len(work), parses=len(times), errors=sum(row[2] for row in rows),
        p50_ms=round(percentile(times, 50), 1), p95_ms=round(percentile(times, 95), 1),
        p99_ms=round(percentile(times, 99), 1), max_ms=round(max(times), 1),
        wall_seconds=round(wall, 2), parses_per_second=round(len(times) / wall, 1),
        load_seconds=round(max(row[3] for row in rows), 1) if kind == "local" else None,
        peak_rss_mb=round(max(row[5] for row in rows)),
    )


def resident_mb(pid: int | None) -> float | None:
    """A running process's resident memory now (Linux), in MiB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    line = next((ln for ln in status.splitlines() if ln.startswith("VmRSS:")), "")
    return round(int(line.split()[1]) / 1024) if line else None


@dataclass(frozen=True)
class NluHttpOptions:
    kiosks: int = 8
    requests: int = 50  # per kiosk
    local_processes: int = 0  # besides the one sequential in-process run
    verbose: bool = False


def measure(model: Path, texts: list[str], options: NluHttpOptions,
            url: str | None = None) -> dict[str, Any]:
    """Start the server (unless ``url``), run the kiosks over HTTP, then in-process."""
    from nlu.http import HttpParser
    from nlu.server import NluServer, free_port

    server = None if url else NluServer(model, port=free_port(), verbose=options.verbose)
    if server is not None:
        server.start()
        url = server.url
    assert url is not None
    try:
        status = HttpParser(url, timeout=30.0).check().status()
        warm = HttpParser(url, timeout=30.0)
        for text in texts[:WARM_UP]:
            warm.parse(text)
        work = shares(texts, options.kiosks, options.requests)
        one = run_kiosks("http", url, work[:1], options.verbose)
        many = run_kiosks("http", url, work, options.verbose)
        server_rss = resident_mb(server.pid) if server is not None else None
    finally:
        if server is not None:
            server.stop()  # in-process figures without the server's process beside them
    local_one = run_kiosks("local", str(model), work[:1], options.verbose)
    local_many = (run_kiosks("local", str(model), shares(texts, options.local_processes,
                                                          options.requests), options.verbose)
                  if options.local_processes > 0 else None)
    return {
        "kiosks": options.kiosks,
        "requests_per_kiosk": options.requests,
        "server": {"url": url, "started_here": server is not None,
                   "start_seconds": round(server.start_took or 0, 1) if server else None,
                   "rss_mb": server_rss,
                   "model": str(status.get("model_file"))},
        "http_one_kiosk": asdict(one),
        "http": asdict(many),
        "in_process": asdict(local_one),
        "in_process_parallel": asdict(local_many) if local_many else None,
    }
