"""Cold start of the kiosk: from process launch to ready-to-listen, and resident memory.

Launches the real ``voicecart listen`` in a subprocess (a recording stands in for the
microphone, which this start-up never reads: ``--max-turns 0`` greets, waits until the
models the first reply needs are loaded, prints "Ready: listening." and exits) and times
each line it prints from the launch: the engine line (speech model loaded), the greeting
(database and dialogue up), ready (NLU model loaded too). Resident memory is read from
/proc when the ready line appears.

    voicecart bench startup --runs 3 --out models/bench/startup.json
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO, Any

import numpy as np
import soundfile as sf

from assistant.bench.output import machine
from assistant.settings import DATA_DIR
from commerce.seed import seed_database

READY = "Ready: listening."
MILESTONES = {"engine": "Speech engine:", "greeting": "assistant:", "ready": READY}


def memory_mb(pid: int) -> dict[str, float]:
    """Resident memory now and at its peak (Linux /proc), in MB."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return {}
    fields = dict(line.split(":", 1) for line in lines if ":" in line)
    return {key: round(int(fields[name].split()[0]) / 1024, 1)
            for key, name in (("rss_mb", "VmRSS"), ("peak_rss_mb", "VmHWM")) if name in fields}


def voicecart() -> list[str]:
    """The installed ``voicecart`` command (next to this Python), else the module."""
    script = Path(sys.executable).with_name("voicecart")
    return [str(script)] if script.exists() else [sys.executable, "-m", "assistant.cli"]


def one_start(folder: Path, timeout: float) -> dict[str, Any]:
    """Launch, time the milestones, read the memory at ready; the process then exits."""
    wav = folder / "silence.wav"
    command = [*voicecart(), "--db", f"sqlite:///{folder / 'shop.sqlite'}", "--store", "cafe",
               "listen", "--input-file", str(wav), "--max-turns", "0"]
    env = {**os.environ, "XDG_DATA_HOME": str(folder / "xdg"), "PYTHONUNBUFFERED": "1"}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=env, text=True, bufsize=1)
    seen: dict[str, float] = {}
    memory: dict[str, float] = {}
    output: list[str] = []

    def watch(stream: IO[str]) -> None:
        for line in stream:  # each line as it is printed (the child is unbuffered)
            output.append(line.rstrip())
            for name, prefix in MILESTONES.items():
                if name not in seen and line.startswith(prefix):
                    seen[name] = round(time.perf_counter() - started, 2)
                    if name == "ready":
                        memory.update(memory_mb(process.pid))

    readers = [threading.Thread(target=watch, args=(pipe,), daemon=True)
               for pipe in (process.stdout, process.stderr)]
    for reader in readers:
        reader.start()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        pass
    for reader in readers:
        reader.join(timeout=5)
    if process.poll() is None:
        process.kill()
    process.wait()
    if "ready" not in seen:
        tail = "\n".join(output[-10:])
        raise SystemExit(f"voicecart listen never became ready:\n{tail}")
    # the peak over the children waited for so far: this run's when it is the largest
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": seen, **memory, "children_peak_rss_mb": round(peak, 1),
            "exit_code": process.returncode}


def measure(runs: int, timeout: float) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="voicecart-startup-"))
    try:
        seed_database(f"sqlite:///{folder / 'shop.sqlite'}", DATA_DIR)
        quiet = np.random.default_rng(0).normal(0, 0.003, 1600).astype(np.float32)
        sf.write(str(folder / "silence.wav"), quiet, 16000)  # pure zeros is refused
        load_before = os.getloadavg()
        results = [one_start(folder, timeout) for _ in range(runs)]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    ready = [r["seconds"]["ready"] for r in results]
    rss = [r.get("rss_mb", 0.0) for r in results]
    return {
        "command": "voicecart --store cafe listen (first reply's models loaded)",
        "runs": results,
        "ready_seconds": {"median": round(float(np.median(ready)), 2),
                          "max": round(max(ready), 2), "goal": 8.0},
        "rss_mb_at_ready": round(float(np.median(rss)), 1),
        "load_average": {"before": [round(x, 2) for x in load_before],
                         "after": [round(x, 2) for x in os.getloadavg()]},
        "machine": machine(),
    }
