"""Word error rate against known references: cafe orders made from the menu, spoken by the TTS.

The coffee corpus has labels, not transcripts, so its word error rate cannot be computed. This
benchmark makes references: order sentences generated from the store's own menu (carrier
phrases a shopper uses, a fixed seed), synthesised once by pyttsx3 (espeak-ng) into a cache,
then recognised by each engine with and without domain adaptation. Synthetic speech is more
regular than people's: the figure compares engines and adaptation; the corpus benchmark
(`bench speech`) is the one that measures real speech.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jiwer
from text_to_num import alpha2digit

from nlu.menu.menu import Menu
from voice.audio import read_audio
from voice.recognizer import Recognizer

CARRIERS = ("can i get a", "i'd like a", "could i have a", "give me a", "i want a",
            "make me a", "let me get a", "i'll have a")
SAVE = Callable[[str, Path], Path]  # speaks a sentence into a WAV file


def order_sentences(menu: Menu, count: int, seed: int = 7) -> list[str]:
    """``count`` spoken cafe orders: a drink with some of its modifiers, in menu words."""
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(count):
        words = [rng.choice(CARRIERS)]
        for group in ("size", "roast", "shots"):
            if group in menu.groups and rng.random() < 0.5:
                words.append(rng.choice(menu.groups[group]))
        words.append(rng.choice(menu.drinks))
        extras = [f"{rng.choice(menu.amounts)} {rng.choice(menu.groups[g])}"
                  if menu.amounts and rng.random() < 0.6 else rng.choice(menu.groups[g])
                  for g in ("milk", "sweetener") if g in menu.groups and rng.random() < 0.5]
        if extras:
            words.append("with " + " and ".join(extras))
        out.append(" ".join(words))
    return out


def synthesize(sentences: list[str], folder: Path, save: SAVE, voice_key: str) -> list[Path]:
    """The sentences as WAV files, made once per (sentences, voice) and cached."""
    key = hashlib.sha256(json.dumps([sentences, voice_key]).encode()).hexdigest()[:12]
    target = folder / key
    paths = [target / f"{i:03d}.wav" for i in range(len(sentences))]
    if all(p.is_file() for p in paths):
        return paths
    target.mkdir(parents=True, exist_ok=True)
    (target / "sentences.json").write_text(json.dumps(sentences, indent=1), "utf-8")
    for text, path in zip(sentences, paths, strict=True):
        if not path.is_file():
            save(text, path)
    return paths


def words(text: str) -> str:
    """Compared as words: lower case, no punctuation, numbers as digits ("12-ounce")."""
    text = re.sub(r"[^a-z0-9' ]+", " ", text.lower().replace("-", " "))
    return " ".join(alpha2digit(text, "en").split()) if text.strip() else ""


@dataclass(frozen=True)
class WerResult:
    engine: str
    model: str
    adapted: bool
    sentences: int
    wer: float
    real_time_factor: float
    worst: list[tuple[str, str]]  # (reference, heard) of the sentences with most errors

    def as_dict(self) -> dict[str, object]:
        return {"engine": self.engine, "model": self.model, "adapted": self.adapted,
                "sentences": self.sentences, "wer": round(self.wer, 4),
                "real_time_factor": round(self.real_time_factor, 4),
                "worst": [list(p) for p in self.worst]}


def measure(recognizer: Recognizer, references: list[str], wavs: list[Path]) -> WerResult:
    refs, hyps = [words(r) for r in references], []
    decode = audio = 0.0
    for path in wavs:
        samples = read_audio(path)
        started = time.perf_counter()
        text = recognizer.transcribe(samples).text
        decode += time.perf_counter() - started
        audio += samples.size / 16000
        hyps.append(words(text) or "<empty>")
    per = sorted(((jiwer.wer(r, h), r, h) for r, h in zip(refs, hyps, strict=True)),
                 reverse=True)
    return WerResult(
        engine=recognizer.engine, model=recognizer.model,
        adapted=bool(getattr(recognizer, "adapted", False)), sentences=len(refs),
        wer=float(jiwer.wer(refs, hyps)), real_time_factor=decode / audio if audio else 0.0,
        worst=[(r, h) for e, r, h in per[:3] if e > 0],
    )
