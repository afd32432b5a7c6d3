"""The one composition root: each part of a run built from :class:`Settings`.

The CLI commands, the benchmarks (``voicecart bench …``) and the tests build what they need
here, so the wiring of the stages lives in one place. Nothing here prints: what a caller may
want to show (the speech engine chosen, and why) is returned.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from assistant.dialogue.manager import DialogueManager
from assistant.dialogue.replies import Replies
from assistant.dialogue.store import StateStore
from assistant.dialogue.types import DialogueOptions
from assistant.dialogue.wording import wording_for
from assistant.pipeline.events import EventCallback, ignore
from assistant.pipeline.run import Pipeline
from assistant.settings import Settings
from assistant.vocabulary import load_second_prompt, load_vocabulary
from commerce.db import shop_sessions
from commerce.seed import ensure_guest
from nlu import make_parser
from nlu.types import NluParser
from storedata.lang import DEFAULT_LANG
from voice.recognizer import Recognizer
from voice.select import EngineChoice, choose_engine
from voice.tts import Speaker


def engine_choice(settings: Settings, **changes: Any) -> EngineChoice:
    """The recognizer the settings ask for, with the store's vocabulary (another language:
    the pack's names as the prompt, and its own model and engines)."""
    pack = settings.pack
    english = settings.lang == DEFAULT_LANG
    choice = EngineChoice(
        engine=settings.engine, lang=settings.lang, models_dir=settings.models_dir,
        vosk_model=settings.vosk_model,
        whisper_model=settings.whisper_model or (None if english else pack.whisper_model),
        vocabulary=load_vocabulary(settings),
        second_prompt=load_second_prompt(settings) if english else None,
        engines=pack.engines,
    )
    return dataclasses.replace(choice, **changes)


def build_recognizer(settings: Settings, **changes: Any) -> tuple[Recognizer, str]:
    """The recognizer, and one line saying which engine and model it is, and why."""
    return choose_engine(engine_choice(settings, **changes))


def build_parser(settings: Settings) -> NluParser:
    """The NLU: a ``rasa run`` server at ``nlu_url`` (checked now: it answers and has a
    model), else the local model (loading in the background from now on)."""
    return make_parser(settings.nlu_models_dir, settings.nlu_url, settings.nlu_model,
                       timeout=settings.nlu_timeout, retries=settings.nlu_retries,
                       token=settings.nlu_token, language=settings.lang)


def build_dialogue(settings: Settings, parser: NluParser | None = None, *,
                   replies: Replies | None = None) -> DialogueManager:
    """The dialogue for ``settings.shopper`` in ``settings.store``, on an existing shop
    database (checked first, never created), its state kept in that database."""
    sessions = shop_sessions(settings.db_url)
    store = StateStore(sessions)
    if settings.shopper != settings.customer:  # this kiosk's guest, made on first use
        with sessions() as session:
            ensure_guest(session, settings.store, settings.shopper)
    return DialogueManager(
        sessions, parser, settings.shopper, settings.store,
        replies or Replies.load(settings.pack.replies, wording_for(settings.pack)),
        DialogueOptions(suggestions=settings.suggestions, faq_path=settings.pack.faq,
                        kiosk=settings.kiosk),
        state_store=store,
    )


def build_speaker(settings: Settings, echo: Callable[[str], None] | None = None) -> Speaker:
    """The voice; ``echo`` shows a reply where there is no loudspeaker (default: print it)."""
    extra = {} if echo is None else {"echo": echo}
    voice = settings.pack.voice  # the language's voice unless one was asked for
    return Speaker(settings.tts_rate, settings.tts_volume, settings.tts_voice or voice.get("voice"),
                   engine=str(voice.get("engine", "pyttsx3")), **extra)


def build_pipeline(settings: Settings, speaker: Speaker | None,
                   on_event: EventCallback = ignore) -> tuple[Pipeline, str]:
    """The whole pipeline: the dialogue (database checked first), the NLU loading in the
    background meanwhile, the recognizer (no Whisper word timings: the dialogue needs the
    text only). Returns the pipeline and the line naming the speech engine."""
    dialogue = build_dialogue(settings)
    dialogue.parser = build_parser(settings)
    recognizer, reason = build_recognizer(settings, whisper_words=False)
    return Pipeline(recognizer, dialogue, speaker, on_event), reason
