"""Run the grocery benchmark typed and spoken, and sum it up per voice, condition and kind.

Spoken: each voice's ``<corpus>/<voice>/<id>.wav`` (``make shop-corpus``), clean and mixed with
noise at each SNR, goes through the recognizer; the transcript is then the first turn of a
fresh session exactly as a typed request is. A request right typed but wrong spoken is a
loss in hearing; wrong typed, a loss in understanding.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import jiwer
from tqdm import tqdm

from assistant.bench.noise import NoiseMixer
from assistant.bench.shop.judge import judge
from assistant.bench.shop.requests import ShopRequest
from assistant.bench.shop.session import FreshShop
from assistant.dialogue.wording import speaking
from storedata.text import fold
from voice.audio import read_audio
from voice.recognizer import Recognizer

TYPED = "typed"


@dataclass(frozen=True)
class Result:
    id: str
    kind: str
    voice: str  # "typed" for the text itself
    condition: str  # "clean", "12dB", ...
    said: str
    heard: str
    ok: bool
    why: str
    reply: str
    turn_seconds: float  # NLU + dialogue + database
    decode_seconds: float = 0.0  # the recognizer, both passes (spoken only)


def _one(shop: FreshShop, request: ShopRequest, heard: str, voice: str,
         condition: str, decode: float = 0.0) -> Result:
    started = time.perf_counter()
    outcome = shop.first_turn(request, heard)
    seconds = time.perf_counter() - started
    with speaking(shop.replies.wording):  # the facts as the reply's language says them
        verdict = judge(request.expect, outcome, shop.catalog)
    return Result(request.id, request.kind, voice, condition, request.say, heard, verdict.ok,
                  verdict.why, outcome.turn.reply, seconds, decode)


def run_typed(shop: FreshShop, requests: list[ShopRequest], show: bool = True) -> list[Result]:
    return [_one(shop, r, r.say, TYPED, "clean")
            for r in tqdm(requests, disable=not show, unit="request", desc="typed")]


def corpus_voices(corpus: Path) -> list[str]:
    return sorted(p.name for p in corpus.iterdir() if p.is_dir() and any(p.glob("*.wav")))


def run_spoken(shop: FreshShop, requests: list[ShopRequest], corpus: Path, voices: list[str],
               recognizer: Recognizer, snrs: Iterable[float | None],
               mixer: NoiseMixer | None, show: bool = True) -> list[Result]:
    by_id = {r.id: r for r in requests}
    jobs = [(voice, snr, corpus / voice / f"{rid}.wav") for snr in snrs for voice in voices
            for rid in by_id if (corpus / voice / f"{rid}.wav").is_file()]
    if mixer is not None:  # mixed once, in this thread: the mixer is not shared by threads
        for voice, snr, path in jobs:
            if snr is not None:
                mixer.mixed(path, snr, group=voice)

    def decode(job: tuple[str, float | None, Path]) -> tuple[str, float]:
        voice, snr, path = job
        source = path if snr is None or mixer is None else mixer.mixed(path, snr, group=voice)
        started = time.perf_counter()
        text = recognizer.transcribe(read_audio(source)).text
        return text, time.perf_counter() - started

    workers = max(1, int(getattr(recognizer, "workers", 1)))
    results: list[Result] = []
    with ThreadPoolExecutor(workers) as pool, tqdm(total=len(jobs), disable=not show,
                                                   unit="file", desc="shop speech") as bar:
        heard: Iterator[tuple[str, float]] = pool.map(decode, jobs)
        for (voice, snr, path), (text, seconds) in zip(jobs, heard, strict=True):
            condition = "clean" if snr is None else f"{snr:g}dB"
            results.append(_one(shop, by_id[path.stem], text, voice, condition, seconds))
            bar.update()
    return results


def rejudge(shop: FreshShop, requests: list[ShopRequest], heard: list[dict[str, str]],
            show: bool = True) -> list[Result]:
    """Transcripts saved by an earlier run (its ``transcripts``), judged again: the
    understanding measured anew on the same hearing, without decoding again."""
    by_id = {r.id: r for r in requests}
    rows = [h for h in heard if h["id"] in by_id]
    return [_one(shop, by_id[h["id"]], h["heard"], h["voice"], h["condition"])
            for h in tqdm(rows, disable=not show, unit="file", desc="rejudge")]


def transcripts(results: list[Result]) -> list[dict[str, str]]:
    return [{"id": r.id, "voice": r.voice, "condition": r.condition, "heard": r.heard}
            for r in results if r.voice != TYPED]


def _rate(rows: list[Result]) -> dict[str, Any]:
    right = sum(r.ok for r in rows)
    return {"right": right, "n": len(rows), "percent": round(100.0 * right / len(rows), 1)}


def summarize(results: list[Result]) -> dict[str, Any]:
    """Per voice and condition, per kind and condition, and the hearing / understanding split."""
    by_voice: dict[str, list[Result]] = defaultdict(list)
    by_kind: dict[str, list[Result]] = defaultdict(list)
    by_condition: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        by_voice[f"{r.voice} {r.condition}"].append(r)
        by_kind[f"{r.kind} {'typed' if r.voice == TYPED else r.condition}"].append(r)
        by_condition["typed" if r.voice == TYPED else r.condition].append(r)
    typed_ok = {r.id: r.ok for r in results if r.voice == TYPED}
    spoken = [r for r in results if r.voice != TYPED]
    split: dict[str, dict[str, int]] = defaultdict(lambda: {"hearing": 0, "understanding": 0})
    for r in spoken:
        if not r.ok and r.id in typed_ok:
            split[r.condition]["hearing" if typed_ok[r.id] else "understanding"] += 1
    return {
        "overall": {k: _rate(v) for k, v in sorted(by_condition.items())},
        "cer": {k: character_error_rate(v) for k, v in sorted(by_condition.items()) if k != TYPED},
        "by_voice": {k: _rate(v) for k, v in sorted(by_voice.items())},
        "by_kind": {k: _rate(v) for k, v in sorted(by_kind.items())},
        "losses": dict(split),
        "turn_seconds_p95": _p95([r.turn_seconds for r in results]),
        "decode_seconds_p95": _p95([r.decode_seconds for r in spoken if r.decode_seconds]),
        "decode_seconds_p50": _p50([r.decode_seconds for r in spoken if r.decode_seconds]),
        "failures": [asdict(r) for r in results if not r.ok],
    }


def character_error_rate(rows: list[Result]) -> float:
    """The recognizer's character error rate against what was said (case, punctuation and
    spaces folded away: Japanese is written without them, Korean spaces vary)."""
    refs = [fold(r.said).replace(" ", "") for r in rows]
    hyps = [fold(r.heard).replace(" ", "") or "_" for r in rows]
    pairs = [(ref, hyp) for ref, hyp in zip(refs, hyps, strict=True) if ref]
    if not pairs:
        return 0.0
    return round(float(jiwer.cer([p[0] for p in pairs], [p[1] for p in pairs])), 4)


def _p50(values: list[float]) -> float:
    return round(sorted(values)[len(values) // 2], 4) if values else 0.0


def _p95(values: list[float]) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 4)
