"""Latency of the whole pipeline on the coffee-orders corpus, as the kiosk runs it.

Each recording is padded with silence, fed in 30 ms chunks through the endpointer (Silero
VAD), and the VAD-trimmed utterance goes through Whisper -> Rasa -> dialogue -> SQLite.
Reported: end of speech (the endpointer's decision) -> final transcript and -> reply text,
p50/p95, the slot-phrase recall of the transcripts, and peak RSS.

    .venv/bin/python -m assistant.pipeline.measure --limit 50 --out measurements/pipeline.json
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from assistant.dialogue.setup import build_manager
from assistant.pipeline.run import Pipeline
from assistant.settings import DATA_DIR, MODELS_DIR, Settings
from assistant.vocabulary import CORPUS_MENU, load_vocabulary
from commerce.seed import seed_database
from nlu import LocalParser, latest_model
from voice.audio import chunk_samples, read_audio
from voice.endpoint import Endpointer
from voice.engines.whisper import WhisperRecognizer
from voice.textnorm import phrase_found


def seeded_db(folder: Path) -> str:
    url = f"sqlite:///{folder / 'shop.sqlite'}"
    seed_database(url, DATA_DIR)
    return url


def percentiles(values: list[float]) -> dict[str, float]:
    data = np.array(values)
    return {"p50": round(float(np.percentile(data, 50)), 1),
            "p95": round(float(np.percentile(data, 95)), 1)}


def measure(corpus: Path, limit: int, beam: int, vad: bool, folder: Path) -> dict[str, Any]:
    labels: dict[str, Any] = json.loads((corpus / "labels.json").read_text())
    files = sorted(labels)[:limit]
    settings = Settings.load(db_url=seeded_db(folder), store="cafe", customer="guest")
    parser = LocalParser(latest_model(MODELS_DIR / "nlu")).wait()
    manager = build_manager(settings, parser, sessions_dir=folder / "sessions")
    recognizer = WhisperRecognizer(vocabulary=load_vocabulary(settings), beam_size=beam,
                                   vad=vad, word_timestamps=False)
    pipeline = Pipeline(recognizer, manager)
    manager.start()
    transcript_ms: list[float] = []
    reply_ms: list[float] = []
    found = total = 0
    silence = np.zeros(16000, dtype=np.float32)
    for name in tqdm(files, unit="file"):
        audio = np.concatenate([silence[:8000], read_audio(corpus / "audio" / name), silence])
        endpointer = Endpointer()
        utterance = None
        for chunk in chunk_samples(audio, 30):
            utterance = endpointer.feed(chunk) or utterance
            if utterance is not None:
                break
        utterance = utterance or endpointer.flush()
        if utterance is None:
            continue
        stream = recognizer.stream()
        for chunk in chunk_samples(utterance.audio, 30):
            stream.accept(chunk)
        done = pipeline.process_stream(stream, time.perf_counter())
        transcript_ms.append(done.timings_ms["transcript"])
        reply_ms.append(done.timings_ms["reply"])
        text = done.transcript.text if done.transcript else ""
        hits = [phrase_found(v, text) for v in labels[name].get("slots", {}).values()]
        found, total = found + sum(hits), total + len(hits)
    return {
        "files": len(files), "beam_size": beam, "whisper_vad": vad,
        "end_of_speech_to_transcript_ms": percentiles(transcript_ms),
        "end_of_speech_to_reply_ms": percentiles(reply_ms),
        "slot_phrase_recall": round(found / total, 4) if total else None,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "nlu_load_seconds": round(parser.load_seconds or 0.0, 2),
    }


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--corpus", type=Path, default=CORPUS_MENU.parent)
    args.add_argument("--limit", type=int, default=50)
    args.add_argument("--beam", type=int, default=5)
    args.add_argument("--no-whisper-vad", action="store_true",
                      help="The endpointer already trimmed the silence: skip Whisper's VAD.")
    args.add_argument("--out", type=Path, default=None)
    opts = args.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="voicecart-measure-"))
    try:
        result = measure(opts.corpus, opts.limit, opts.beam, not opts.no_whisper_vad, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    text = json.dumps(result, indent=1)
    print(text)
    if opts.out:
        opts.out.parent.mkdir(parents=True, exist_ok=True)
        opts.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
