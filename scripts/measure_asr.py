"""Measure every speech engine on the coffee-orders corpus, with and without adaptation.

For each engine and condition, in its own process (so peak memory is its own): real-time
factor (wall clock, and CPU time per audio second), end-of-speech -> final transcript
latency p50/p95 (files fed in 30 ms chunks, as the microphone would; the end of the file
is the end of speech), peak RSS, and the slot-phrase error: the share of labelled slot
phrases (menu strings, numbers normalised) missing from the transcript. Writes one JSON.

    .venv/bin/python scripts/measure_asr.py --out measurements/asr.json
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.settings import Settings  # noqa: E402
from assistant.vocabulary import CORPUS_MENU, load_vocabulary  # noqa: E402
from voice.audio import chunk_samples, read_audio  # noqa: E402
from voice.select import EngineChoice, build  # noqa: E402
from voice.textnorm import phrase_found  # noqa: E402

CONDITIONS = [("whisper", True), ("whisper", False), ("pocketsphinx", True),
              ("pocketsphinx", False), ("vosk-ko", False)]


def worker(engine: str, adapted: bool, corpus: Path, limit: int | None) -> dict[str, Any]:
    labels: dict[str, Any] = json.loads((corpus / "labels.json").read_text())
    files = sorted(labels)[:limit] if limit else sorted(labels)
    vocabulary = load_vocabulary(Settings.load(store="cafe")) if adapted else None
    lang = "ko" if engine == "vosk-ko" else "en"
    name = "vosk" if engine == "vosk-ko" else engine
    started = time.perf_counter()
    recognizer = build(EngineChoice(name, lang, ROOT / "models", vocabulary=vocabulary), name)
    load_seconds = time.perf_counter() - started
    latencies, audio_total, compute_total, cpu_total = [], 0.0, 0.0, 0.0
    found = total = all_found = 0
    per_file: dict[str, Any] = {}
    for file in tqdm(files, desc=f"{engine} {'adapted' if adapted else 'open'}", unit="file"):
        audio = read_audio(corpus / "audio" / file)
        chunks = list(chunk_samples(audio, 30))
        stream = recognizer.stream()
        t0, c0 = time.perf_counter(), time.process_time()
        for chunk in chunks:
            stream.accept(chunk)
        t1 = time.perf_counter()
        transcript = stream.finish()
        t2 = time.perf_counter()
        cpu_total += time.process_time() - c0
        latencies.append(t2 - t1)
        audio_total += len(audio) / 16000
        compute_total += t2 - t0
        slots = list(labels[file].get("slots", {}).values())
        hits = [phrase_found(value, transcript.text) for value in slots]
        found, total = found + sum(hits), total + len(hits)
        all_found += all(hits)
        missed = [v for v, h in zip(slots, hits, strict=True) if not h]
        per_file[file] = {"text": transcript.text, "missed": missed}
    lat = np.array(latencies) * 1000
    return {
        "engine": engine, "model": recognizer.model, "adapted": adapted, "files": len(files),
        "load_seconds": round(load_seconds, 2),
        "real_time_factor": round(compute_total / audio_total, 4),
        # CPU seconds (all threads) per audio second: less sensitive to a busy machine
        "cpu_seconds_per_audio_second": round(cpu_total / audio_total, 4),
        "latency_ms_p50": round(float(np.percentile(lat, 50)), 1),
        "latency_ms_p95": round(float(np.percentile(lat, 95)), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "slot_phrases": total,
        "slot_phrase_recall": round(found / total, 4) if total else None,
        "slot_phrase_error": round(1 - found / total, 4) if total else None,
        "all_slots_heard": round(all_found / len(files), 4),
        "transcripts": per_file,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS_MENU.parent)
    parser.add_argument("--out", type=Path, default=ROOT / "measurements" / "asr.json")
    parser.add_argument("--limit", type=int, default=None, help="Only the first N files.")
    parser.add_argument("--only", nargs="*", default=None, help="e.g. whisper:adapted")
    parser.add_argument("--worker", nargs=2, metavar=("ENGINE", "ADAPTED"))
    args = parser.parse_args()
    if args.worker:
        result = worker(args.worker[0], args.worker[1] == "1", args.corpus, args.limit)
        args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False))
        return
    results = []
    for engine, adapted in CONDITIONS:
        key = f"{engine}:{'adapted' if adapted else 'open'}"
        if args.only and key not in args.only:
            continue
        with tempfile.NamedTemporaryFile(suffix=".json") as tmp:
            command = [sys.executable, __file__, "--worker", engine, "1" if adapted else "0",
                       "--corpus", str(args.corpus), "--out", tmp.name]
            command += ["--limit", str(args.limit)] if args.limit else []
            subprocess.run(command, check=True)
            results.append(json.loads(Path(tmp.name).read_text()))
        summary = {k: v for k, v in results[-1].items() if k != "transcripts"}
        print(json.dumps(summary), flush=True)
    report = {
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "machine": {"platform": platform.platform(), "cpus": __import__("os").cpu_count(),
                    "python": platform.python_version(),
                    "load_average_at_end": list(__import__("os").getloadavg())},
        "corpus": str(args.corpus),
        "results": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(f"Wrote {args.out}")


if __name__ == "__main__":
    main()
