"""Run the grocery benchmark typed and spoken, and sum it up per voice, condition and kind.

Spoken: each voice's ``<corpus>/<voice>/<id>.wav`` (``make shop-corpus``), clean and mixed with
noise at each SNR, goes through the recognizer; the transcript is then the first turn of a
fresh session exactly as a typed request is. A request right typed but wrong spoken is a
loss in hearing; wrong typed, a loss in understanding.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
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
from voice.recognizer import Recognizer, Transcript

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
    alternatives: tuple[str, ...] = ()  # the recognizer's other hypotheses, best first
    second: tuple[str, ...] | None = None  # the second opinion's hypotheses, when asked for


def _one(shop: FreshShop, request: ShopRequest, heard: str, voice: str,
         condition: str, decode: float = 0.0, alternatives: tuple[str, ...] = (),
         second: Callable[[], list[str]] | None = None) -> Result:
    asked: list[tuple[str, ...]] = []

    def more() -> list[str]:
        assert second is not None
        texts = second()
        asked.append(tuple(texts))
        return texts

    started = time.perf_counter()
    outcome = shop.first_turn(request, heard, alternatives, more if second else None)
    seconds = time.perf_counter() - started
    with speaking(shop.replies.wording):  # the facts as the reply's language says them
        verdict = judge(request.expect, outcome, shop.catalog)
    return Result(request.id, request.kind, voice, condition, request.say, heard, verdict.ok,
                  verdict.why, outcome.turn.reply, seconds, decode, alternatives,
                  asked[0] if asked else None)


def run_typed(shop: FreshShop, requests: list[ShopRequest], show: bool = True) -> list[Result]:
    return [_one(shop, r, r.say, TYPED, "clean")
            for r in tqdm(requests, disable=not show, unit="request", desc="typed")]


def corpus_voices(corpus: Path) -> list[str]:
    return sorted(p.name for p in corpus.iterdir() if p.is_dir() and any(p.glob("*.wav")))


def run_spoken(shop: FreshShop, requests: list[ShopRequest], corpus: Path, voices: list[str],
               recognizer: Recognizer, snrs: Iterable[float | None],
               mixer: NoiseMixer | None, show: bool = True,
               second: Recognizer | None = None) -> list[Result]:
    """Each file heard and its transcript judged as a first turn; with ``second``, a second
    opinion (another model's hearing of the same audio) is there for the dialogue to ask
    for when no hypothesis of the first places anything (``dialogue.hearing``)."""
    by_id = {r.id: r for r in requests}
    jobs = [(voice, snr, corpus / voice / f"{rid}.wav") for snr in snrs for voice in voices
            for rid in by_id if (corpus / voice / f"{rid}.wav").is_file()]
    if mixer is not None:  # mixed once, in this thread: the mixer is not shared by threads
        for voice, snr, path in jobs:
            if snr is not None:
                mixer.mixed(path, snr, group=voice)

    def source(voice: str, snr: float | None, path: Path) -> Path:
        return path if snr is None or mixer is None else mixer.mixed(path, snr, group=voice)

    def decode(job: tuple[str, float | None, Path]) -> tuple[Transcript, float]:
        started = time.perf_counter()
        transcript = recognizer.transcribe(read_audio(source(*job)))
        return transcript, time.perf_counter() - started

    def opinion(job: tuple[str, float | None, Path]) -> Callable[[], list[str]] | None:
        if second is None:
            return None
        heard = second
        return lambda: _texts(heard.transcribe(read_audio(source(*job))))

    workers = max(1, int(getattr(recognizer, "workers", 1)))
    results: list[Result] = []
    with ThreadPoolExecutor(workers) as pool, tqdm(total=len(jobs), disable=not show,
                                                   unit="file", desc="shop speech") as bar:
        heard: Iterator[tuple[Transcript, float]] = pool.map(decode, jobs)
        for job, (said, seconds) in zip(jobs, heard, strict=True):
            voice, snr, path = job
            condition = "clean" if snr is None else f"{snr:g}dB"
            results.append(_one(shop, by_id[path.stem], said.text, voice, condition, seconds,
                                tuple(said.alternatives), opinion(job)))
            bar.update()
    return results


def _texts(transcript: Transcript) -> list[str]:
    return [transcript.text, *transcript.alternatives]


def rejudge(shop: FreshShop, requests: list[ShopRequest], heard: list[dict[str, Any]],
            show: bool = True) -> list[Result]:
    """Transcripts saved by an earlier run (its ``transcripts``), judged again: the
    understanding measured anew on the same hearing (the n-best too, where it was saved),
    without decoding again."""
    by_id = {r.id: r for r in requests}
    rows = [h for h in heard if h["id"] in by_id]
    return [_one(shop, by_id[h["id"]], h["heard"], h["voice"], h["condition"],
                 alternatives=tuple(h.get("alternatives", ())), second=_saved(h))
            for h in tqdm(rows, disable=not show, unit="file", desc="rejudge")]


def _saved(row: dict[str, Any]) -> Callable[[], list[str]] | None:
    """A second opinion saved by the earlier run (asked for where its turn needed it)."""
    texts = row.get("second")
    return None if texts is None else (lambda: list(texts))


def transcripts(results: list[Result]) -> list[dict[str, Any]]:
    return [{"id": r.id, "voice": r.voice, "condition": r.condition, "heard": r.heard,
             "alternatives": list(r.alternatives),
             **({"second": list(r.second)} if r.second is not None else {})}
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
