"""Choose the speech engine: ``auto`` takes vosk when a vosk model for the language is
installed, else Whisper when its model is, else pocketsphinx, and says why in one line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from voice.engines import pocketsphinx as ps_engine
from voice.engines import vosk as vosk_engine
from voice.engines import whisper as whisper_engine
from voice.errors import EngineUnavailable, ModelMissing
from voice.recognizer import Recognizer
from voice.vocabulary import DomainVocabulary, SecondPrompt

ENGINES = ("auto", "vosk", "whisper", "pocketsphinx")


@dataclass(frozen=True)
class EngineChoice:
    """What the caller asks for; ``assistant`` fills it from its settings."""

    engine: str = "auto"
    lang: str = "en"
    models_dir: Path = Path("models")
    vosk_model: Path | None = None
    whisper_model: str | None = None
    vocabulary: DomainVocabulary | None = None
    # Whisper's word timing doubles its decoding time; a latency-bound loop may turn it off
    # (the transcript then has text but no words).
    whisper_words: bool = True
    # A batch job (the speech benchmark) decodes two files at once, one thread each: on the
    # 2-core machine that gave 2-10% more files per second than one decode on 2 threads.
    whisper_threads: int = 2
    whisper_workers: int = 1
    # A catalog too large for Whisper's prompt: the likely items, found in a first pass, as
    # the prompt of a second pass over the same encoded audio.
    second_prompt: SecondPrompt | None = None


def resolve(choice: EngineChoice) -> tuple[str, str]:
    """The engine name ``auto`` stands for here, and the reason, without loading a model."""
    if choice.engine not in ENGINES:
        raise EngineUnavailable(
            f"I do not know the speech engine {choice.engine}. "
            f"Choose one of {', '.join(ENGINES)}."
        )
    if choice.vosk_model is not None and not vosk_engine.is_model(choice.vosk_model):
        raise ModelMissing(f"There is no vosk model in {choice.vosk_model}.")
    if choice.engine != "auto":
        return choice.engine, f"{choice.engine} was asked for"
    vosk_dir = vosk_engine.find_model(choice.lang, choice.vosk_model, choice.models_dir)
    if vosk_dir is not None:
        return "vosk", f"a vosk model for '{choice.lang}' is installed ({vosk_dir})"
    missing = f"no vosk model for '{choice.lang}' is installed"
    if choice.lang == "en" and whisper_engine.available(choice.whisper_model):
        return "whisper", f"{missing}; the Whisper model is"
    if choice.lang == "en" and ps_engine.available():
        return "pocketsphinx", f"{missing} and no Whisper model; pocketsphinx ships its own"
    raise ModelMissing(
        f"I have no speech model for the language {choice.lang}. "
        "Run voicecart models download, or give a vosk model with --vosk-model."
    )


def build(choice: EngineChoice, name: str) -> Recognizer:
    cache = choice.models_dir / "grammars"
    if name == "vosk":
        model = vosk_engine.find_model(choice.lang, choice.vosk_model, choice.models_dir)
        if model is None:
            raise ModelMissing(
                f"No vosk model for '{choice.lang}' is installed. "
                "Run voicecart models download, or give one with --vosk-model."
            )
        return vosk_engine.VoskRecognizer(model, choice.vocabulary)
    if name == "whisper":
        return whisper_engine.WhisperRecognizer(
            choice.whisper_model, choice.vocabulary, word_timestamps=choice.whisper_words,
            threads=choice.whisper_threads, workers=choice.whisper_workers,
            second_prompt=choice.second_prompt,
        )
    if choice.lang != "en":
        raise ModelMissing(f"pocketsphinx has no model for the language {choice.lang}.")
    return ps_engine.PocketsphinxRecognizer(choice.vocabulary, cache)


def choose_engine(choice: EngineChoice) -> tuple[Recognizer, str]:
    """The recognizer to use and a one-line reason, e.g. for the start-up message."""
    name, why = resolve(choice)
    recognizer = build(choice, name)
    adapted = "with" if getattr(recognizer, "adapted", False) else "without"
    return recognizer, (
        f"Speech engine: {name}, model {recognizer.model}, {adapted} domain adaptation ({why})."
    )
