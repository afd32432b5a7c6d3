"""The benchmark loop: parallel decoding keeps every file with its own condition and text."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np

from assistant.bench.corpus import Corpus
from assistant.bench.noise import NoiseMixer
from assistant.bench.speech import Understood, run
from voice.recognizer import BufferedStream, Transcript


class LengthRecognizer:
    """Our own logic under test is the loop, so the "recognizer" names the audio's length
    (real corpus files, really mixed) and sleeps so that parallel calls finish out of order."""

    engine, model, adapted = "length", "none", False

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.threads: set[int] = set()

    def transcribe(self, audio: np.ndarray) -> Transcript:
        self.threads.add(threading.get_ident())
        time.sleep(0.02 if len(audio) % 2 else 0.0)
        return Transcript(str(len(audio)), engine=self.engine, decode_seconds=0.01,
                          audio_seconds=len(audio) / 16000)

    def stream(self) -> BufferedStream:
        return BufferedStream(self.transcribe)


def test_parallel_decoding_keeps_files_and_conditions_in_order(
    corpus_dir: Path, tmp_path: Path
) -> None:
    corpus = Corpus.load(corpus_dir, limit=6)
    mixer = NoiseMixer(corpus_dir / "noise-kitchen.wav", tmp_path)
    seen: list[str] = []

    def understand(text: str) -> Understood:
        seen.append(text)
        return Understood({"intent": "x", "slots": {}}, {"intent": "x", "slots": {}}, "x", 0.0)

    serial = run(corpus, LengthRecognizer(1), understand, [None, 12.0], mixer, False)
    recognizer = LengthRecognizer(2)
    parallel = run(corpus, recognizer, understand, [None, 12.0], mixer, False)
    assert [(o.file, o.condition, o.text) for o in parallel] == [
        (o.file, o.condition, o.text) for o in serial]
    assert [o.condition for o in parallel] == ["clean"] * 6 + ["12dB"] * 6
    assert [o.file for o in parallel[:6]] == [p.name for p in corpus.files]
    assert len(recognizer.threads) == 2
    assert seen == [o.text for o in serial] * 2  # the NLU reads results in order


def test_the_summary_shows_what_was_heard_when_a_command_failed() -> None:
    from assistant.bench.speech import Outcome
    from assistant.bench.summary import summarize

    right = {"intent": "orderDrink", "slots": {"coffeeDrink": "latte"}}
    wrong = {"intent": "orderDrink", "slots": {"coffeeDrink": "mocha"}}
    labels = {"a.wav": right, "b.wav": right}
    outcomes = [
        Outcome("a.wav", "clean", "a latte", Understood(right, right, "order_drink", 0.01),
                0.2, 2.0),
        Outcome("b.wav", "clean", "a mocha", Understood(wrong, wrong, "order_drink", 0.01),
                0.2, 2.0),
    ]
    clean = summarize(outcomes, labels)["conditions"]["clean"]
    assert clean["acceptance"] == 0.5 and clean["failed"] == ["b.wav"]
    assert clean["heard_when_failed"] == {"b.wav": "a mocha"}
    assert clean["lost_by_nlu_or_menu"] == []  # the spotter failed it too
