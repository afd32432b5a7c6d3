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

    voicecart bench pipeline --limit 50 --out models/bench/pipeline.json
    voicecart bench pipeline --limit 20 --compare speculation
"""

from __future__ import annotations

import os
import resource
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from assistant.app import build_pipeline
from assistant.bench.corpus import Corpus
from assistant.bench.output import machine
from assistant.pipeline.kiosk import Kiosk, KioskOptions
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


@dataclass(frozen=True)
class MeasureOptions:
    engine: str | None = None
    beam: int | None = None  # Whisper's beam size (None: the recognizer's own)
    whisper_vad: bool = True  # off: the endpointer already trimmed the silence
    speculation: bool = True
    compare: str | None = None  # "speculation" or "beam1": alternate file by file
    speed: float = 1.0  # recordings played this many times faster than real time


def variants(options: MeasureOptions, beam: int | None) -> list[Variant]:
    first = Variant("as configured", options.speculation, options.beam or beam)
    if options.compare == "speculation":
        return [first, Variant("no speculation", not first.speculative, first.beam)]
    if options.compare == "beam1":
        return [first, Variant("beam 1", first.speculative, 1)]
    return [first]


def measure(corpus_dir: Path, limit: int, options: MeasureOptions,
            folder: Path) -> dict[str, Any]:
    corpus = Corpus.load(corpus_dir, limit)
    labels = corpus.labels
    files = sorted(labels)
    url = f"sqlite:///{folder / 'shop.sqlite'}"
    seed_database(url, DATA_DIR)
    settings = Settings.load(db_url=url, store="cafe", customer="guest", engine=options.engine)
    pipeline, _reason = build_pipeline(settings, None)
    recognizer: Any = pipeline.recognizer
    if not options.whisper_vad:
        recognizer.vad = False
    pipeline.check()
    player = Player(options.speed)
    kiosk = Kiosk(pipeline, player, KioskOptions(), echo=lambda _line: None)
    kiosk.start()
    load_before = os.getloadavg()
    runs = variants(options, getattr(recognizer, "beam_size", None))
    silence = np.zeros(16000, dtype=np.float32)
    for name in tqdm(files, unit="file"):
        player.audio = np.concatenate([silence[:8000], read_audio(corpus.root / "audio" / name),
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
