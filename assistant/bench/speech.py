"""Speech-to-intent benchmark: audio → recognizer → NLU → cafe order line, per condition."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm

from assistant.bench.corpus import Corpus
from assistant.bench.noise import NoiseMixer
from nlu.menu.menu import Menu
from nlu.menu.resolve import resolve_order
from nlu.menu.unknown import unknown_modifiers
from voice.audio import read_audio
from voice.recognizer import Recognizer, Transcript

Label = dict[str, Any]
CORPUS_INTENT = "orderDrink"  # the corpus's name for the cafe's order_drink


@dataclass(frozen=True)
class Understood:
    predicted: Label  # the whole pipeline: NLU + menu resolution
    spotted: Label  # the transcript alone: the menu spotter, no NLU
    intent: str
    seconds: float


@dataclass(frozen=True)
class Outcome:
    file: str
    condition: str
    text: str
    understood: Understood
    decode_seconds: float
    audio_seconds: float


def condition_name(snr: float | None) -> str:
    return "clean" if snr is None else f"{snr:g}dB"


def make_understand(parser: Any, menu: Menu) -> Callable[[str], Understood]:
    """The cafe order line the assistant would put in the cart for a transcript."""

    def understand(text: str) -> Understood:
        started = time.perf_counter()
        parse = parser.parse(text)
        res = resolve_order(parse, menu)
        predicted = {"intent": CORPUS_INTENT if res.is_order else parse.intent,
                     "slots": res.order.to_slots()}
        if res.is_order and unknown_modifiers(parse.text, menu):
            # The dialogue answers "we don't have hemp milk" and adds no line.
            predicted = {"intent": "clarify", "slots": {}}
        spotted = {"intent": CORPUS_INTENT if res.spotted.drink else "none",
                 "slots": res.spotted.to_slots()}
        return Understood(predicted, spotted, parse.intent, time.perf_counter() - started)

    return understand


def run(
    corpus: Corpus,
    recognizer: Recognizer,
    understand: Callable[[str], Understood],
    snrs: Iterable[float | None],
    mixer: NoiseMixer | None,
    show_progress: bool = True,
) -> list[Outcome]:
    """Every file at every condition. A recognizer whose ``workers`` is above 1 decodes that
    many files at once (from threads); the NLU and the menu read the results in order, in
    this thread."""
    conditions = list(snrs)
    jobs = [(snr, path) for snr in conditions for path in corpus.files]
    outcomes: list[Outcome] = []

    def decode(job: tuple[float | None, Path]) -> tuple[Transcript, float]:
        snr, path = job
        source = path if snr is None or mixer is None else mixer.mixed(path, snr)
        audio = read_audio(source)
        return recognizer.transcribe(audio), audio.size / 16000

    workers = max(1, int(getattr(recognizer, "workers", 1)))
    if mixer is not None:  # mix every condition first: the mixer is not shared by threads
        for snr, path in jobs:
            if snr is not None:
                mixer.mixed(path, snr)
    with ThreadPoolExecutor(workers) as pool, tqdm(
        total=len(jobs), disable=not show_progress, unit="file", desc="speech bench"
    ) as bar:
        results: Iterator[tuple[Transcript, float]] = pool.map(decode, jobs)
        for (snr, path), (transcript, seconds) in zip(jobs, results, strict=True):
            bar.set_postfix_str(condition_name(snr))
            outcomes.append(Outcome(
                file=path.name, condition=condition_name(snr), text=transcript.text,
                understood=understand(transcript.text),
                decode_seconds=transcript.decode_seconds,
                audio_seconds=transcript.audio_seconds or seconds,
            ))
            bar.update()
    return outcomes


def predictions(outcomes: list[Outcome], condition: str = "clean") -> dict[str, Label]:
    """``--predictions`` output: per file, the intent and the slots in the menu's phrases."""
    return {o.file: o.understood.predicted for o in outcomes if o.condition == condition}
