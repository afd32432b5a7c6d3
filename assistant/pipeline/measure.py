"""Latency of the whole pipeline on the coffee-orders corpus, as the kiosk runs it.

The pipeline is built as ``voicecart listen`` builds it; each recording, with silence around
it, is played in real time as the microphone (``voice.mic.recording``) into the kiosk loop
(``Kiosk.serve``): Silero VAD endpointing, speculative decoding at pauses, Whisper -> Rasa
-> dialogue -> SQLite. Reported per turn, p50/p95/p99: from the endpointer's decision (end
of speech) to the final transcript, the parse and the reply text; the same broken down by
stage (stt, nlu, dialogue with the database); from the last speech frame heard to the
reply; how often the speculative decode was the utterance; the transcripts' slot-phrase
recall; peak RSS; the load average of the machine while it ran. ``--compare`` plays each
file twice, alternating two configurations, so that both see the same load.

    .venv/bin/python -m assistant.pipeline.measure --limit 50 --out models/bench/pipeline.json
    .venv/bin/python -m assistant.pipeline.measure --limit 20 --compare speculation
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from assistant.app import build_pipeline
from assistant.commands.bench import machine
from assistant.pipeline.kiosk import Kiosk, KioskOptions
from assistant.pipeline.report import print_and_save
from assistant.pipeline.run import PipelineTurn
from assistant.settings import DATA_DIR, Settings
from commerce.seed import seed_database
from voice.audio import AudioChunk, read_audio
from voice.mic import recording
from voice.textnorm import phrase_found


def percentiles(values: list[float]) -> dict[str, float] | None:
    if not values:
        return None
    data = np.array(values)
    return {f"p{q}": round(float(np.percentile(data, q)), 1) for q in (50, 95, 99)}


def stage_times(done: PipelineTurn) -> dict[str, float]:
    """Each stage's share of the wait after the end of speech."""
    t = done.timings_ms
    parsed = t.get("parse", t["transcript"])
    return {"stt": t["transcript"], "nlu": round(parsed - t["transcript"], 1),
            "dialogue_db": round(t["reply"] - parsed, 1)}


class Player:
    """The kiosk's microphone: plays the current recording in real time."""

    def __init__(self, speed: float) -> None:
        self.audio = np.zeros(0, np.float32)
        self.speed = speed

    def __call__(self) -> Iterator[AudioChunk]:
        return recording(self.audio, speed=self.speed)


@dataclass
class Variant:
    """One configuration of the loop; with ``--compare`` two alternate file by file, so
    both see the same machine load."""

    name: str
    speculative: bool
    beam: int | None
    turns: list[PipelineTurn] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    found: int = 0
    total: int = 0
    detail: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        turns, stages = self.turns, [stage_times(t) for t in self.turns]
        return {
            "variant": self.name, "speculative": self.speculative, "beam_size": self.beam,
            "turns": len(turns),
            "end_of_speech_to_transcript_ms": percentiles([t.timings_ms["transcript"]
                                                           for t in turns]),
            "end_of_speech_to_reply_ms": percentiles([t.timings_ms["reply"] for t in turns]),
            "last_speech_frame_to_reply_ms": percentiles(
                [t.timings_ms["reply_since_last_speech"] for t in turns
                 if "reply_since_last_speech" in t.timings_ms]),
            "stages_ms": {k: percentiles([s[k] for s in stages])
                          for k in ("stt", "nlu", "dialogue_db")},
            "speculation": dict(Counter(self.outcomes)),
            "slot_phrase_recall": round(self.found / self.total, 4) if self.total else None,
            "per_file": self.detail,
        }


def variants(options: argparse.Namespace, beam: int | None) -> list[Variant]:
    first = Variant("as configured", not options.no_speculation, options.beam or beam)
    if options.compare == "speculation":
        return [first, Variant("no speculation", not first.speculative, first.beam)]
    if options.compare == "beam1":
        return [first, Variant("beam 1", first.speculative, 1)]
    return [first]


def measure(corpus: Path, limit: int, options: argparse.Namespace,
            folder: Path) -> dict[str, Any]:
    labels: dict[str, Any] = json.loads((corpus / "labels.json").read_text())
    files = sorted(labels)[:limit]
    url = f"sqlite:///{folder / 'shop.sqlite'}"
    seed_database(url, DATA_DIR)
    settings = Settings.load(db_url=url, store="cafe", customer="guest", engine=options.engine)
    pipeline, _reason = build_pipeline(settings, None, sessions_dir=folder / "sessions")
    recognizer: Any = pipeline.recognizer
    if options.no_whisper_vad:
        recognizer.vad = False
    pipeline.check()
    player = Player(options.speed)
    kiosk = Kiosk(pipeline, player, KioskOptions(), echo=lambda _line: None)
    kiosk.start()
    load_before = os.getloadavg()
    runs = variants(options, getattr(recognizer, "beam_size", None))
    silence = np.zeros(16000, dtype=np.float32)
    for name in tqdm(files, unit="file"):
        player.audio = np.concatenate([silence[:8000], read_audio(corpus / "audio" / name),
                                       silence, silence[:8000]])
        for run in runs:
            kiosk.options.speculative = run.speculative
            if run.beam is not None:
                recognizer.beam_size = run.beam
            before, outcomes = len(kiosk.turns), len(kiosk.stt_outcomes)
            kiosk.serve()  # until the recording ends
            new = kiosk.turns[before:]
            run.turns += new
            run.outcomes += kiosk.stt_outcomes[outcomes:]
            text = " ".join(t.transcript.text for t in new if t.transcript is not None)
            run.detail.append({"file": name, "heard": text,
                               "load1": round(os.getloadavg()[0], 2),
                               "timings_ms": [t.timings_ms for t in new]})
            hits = [phrase_found(v, text) for v in labels[name].get("slots", {}).values()]
            run.found, run.total = run.found + sum(hits), run.total + len(hits)
    return {
        "files": len(files),
        "engine": getattr(recognizer, "engine", None), "model": getattr(recognizer, "model", None),
        "nbest": getattr(recognizer, "nbest", None),
        "whisper_vad": getattr(recognizer, "vad", None), "speed": options.speed,
        "end_silence_ms": kiosk.options.endpoint.end_silence_ms,
        "variants": [run.summary() for run in runs],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "load_average": {"before": [round(x, 2) for x in load_before],
                         "after": [round(x, 2) for x in os.getloadavg()]},
        "machine": machine(),
    }


def main() -> None:
    args = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    args.add_argument("--corpus", type=Path, default=Settings.load().corpus_dir)
    args.add_argument("--limit", type=int, default=50)
    args.add_argument("--engine", default=None, help="auto (default), whisper, pocketsphinx…")
    args.add_argument("--beam", type=int, default=None, help="Whisper beam size.")
    args.add_argument("--no-whisper-vad", action="store_true",
                      help="The endpointer already trimmed the silence: skip Whisper's VAD.")
    args.add_argument("--no-speculation", action="store_true",
                      help="Decode only once the endpointer has ended the utterance.")
    args.add_argument("--compare", choices=["speculation", "beam1"], default=None,
                      help="Alternate, file by file, with speculation off / beam size 1.")
    args.add_argument("--speed", type=float, default=1.0,
                      help="Play the recordings this many times faster than real time.")
    args.add_argument("--out", type=Path, default=None)
    opts = args.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="voicecart-measure-"))
    try:
        result = measure(opts.corpus, opts.limit, opts, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print_and_save(result, opts.out)

if __name__ == "__main__":
    main()
