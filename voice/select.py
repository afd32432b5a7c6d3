"""Choose the speech engine: ``auto`` takes the first of the language's engines (its pack's
``engines``, best first; English: vosk, Whisper, pocketsphinx) whose model is installed, and
says why in one line."""

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
    # The engines ``auto`` tries for this language, best first (measured per language).
    engines: tuple[str, ...] = ("vosk", "whisper", "pocketsphinx")


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
    missing: list[str] = []
    for name in choice.engines:
        if name == "vosk":
            vosk_dir = vosk_engine.find_model(choice.lang, choice.vosk_model, choice.models_dir)
            if vosk_dir is not None:
                return "vosk", _why(missing, f"a vosk model for '{choice.lang}' is installed ({vosk_dir})")
            missing.append(f"no vosk model for '{choice.lang}' is installed")
        elif name == "whisper":
            model = choice.whisper_model or "tiny.en"
            if model.endswith(".en") and choice.lang != "en":
                missing.append(f"the Whisper model {model} is English only")
            elif whisper_engine.available(choice.whisper_model):
                return "whisper", _why(missing, f"the Whisper model {model} is installed")
            else:
                missing.append(f"no Whisper model {model}")
        elif name == "pocketsphinx" and choice.lang == "en":
            if ps_engine.available():
                return "pocketsphinx", _why(missing, "pocketsphinx ships its own model")
    raise ModelMissing(
        f"I have no speech model for the language {choice.lang}. "
        "Run voicecart models download, or give a vosk model with --vosk-model."
    )


def _why(missing: list[str], found: str) -> str:
    return "; ".join([*missing, found])


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
            second_prompt=choice.second_prompt, language=choice.lang,
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
