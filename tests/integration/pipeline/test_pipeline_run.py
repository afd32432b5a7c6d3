"""The whole pipeline on real recordings: Whisper -> Rasa -> dialogue -> SQLite."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from assistant.dialogue.manager import DialogueManager
from assistant.pipeline.errors import IntentError, PipelineError
from assistant.pipeline.events import EventLog
from assistant.pipeline.run import Pipeline
from commerce.cart import view_cart
from nlu import LocalParser
from voice.audio import read_audio
from voice.tts import Speaker


def cart_names(manager: DialogueManager) -> list[tuple[str, int]]:
    with manager.session_factory() as session:
        cart = view_cart(session, manager.customer_id, store=manager.store_code)
    return [(line.name, line.quantity) for line in cart.lines]


def test_order_then_yes_puts_the_drink_in_the_database(
    pipeline: Pipeline, manager: DialogueManager, order_wav: Path,
    synth: Callable[[str], Path],
) -> None:
    manager.start()
    first = pipeline.process_audio(read_audio(order_wav))
    assert first.transcript is not None
    heard = first.transcript.text.lower()
    assert "light roast" in heard and "coffee" in heard
    assert first.turn.intent == "order_drink"
    assert {e["entity"]: e["value"] for e in first.turn.entities}["drink"] == "coffee"
    assert first.turn.reply.startswith("Added one twelve ounce Coffee")
    assert cart_names(manager) == [("Coffee", 1)]
    line = first.turn.cart[0]
    assert {m["option"] for m in line.modifiers} >= {"light roast", "twelve ounce"}

    second = pipeline.process_audio(read_audio(synth("yes")))
    assert second.transcript is not None and "yes" in second.transcript.text.lower()
    assert second.turn.intent == "affirm"
    assert "size" in second.turn.reply.lower()  # yes to the suggestion: which size?
    assert cart_names(manager) == [("Coffee", 1)]  # nothing added before the size is known
    for done in (first, second):
        assert set(done.timings_ms) == {"transcript", "parse", "reply"}
        assert 0 < done.timings_ms["transcript"] <= done.timings_ms["parse"]
        assert done.timings_ms["parse"] <= done.timings_ms["reply"]


def test_events_come_in_stage_order(pipeline: Pipeline, events: EventLog,
                                    order_wav: Path) -> None:
    pipeline.process_audio(read_audio(order_wav))
    assert events.kinds() == [
        ("run-start", None), ("stage-start", "stt"), ("stage-end", "stt"),
        ("stage-start", "intent"), ("stage-end", "intent"),
        ("stage-start", "handle"), ("stage-end", "handle"), ("run-end", None),
    ]
    stt_end = events.events[2]
    assert "light roast" in str(stt_end.data["text"]).lower()
    assert events.events[4].data["intent"] == "order_drink"
    assert set(events.events[-1].data) == {"transcript_ms", "parse_ms", "reply_ms"}


def test_replies_saved_as_wav_and_speech_rate_applied(
    whisper: object, manager: DialogueManager, synth: Callable[[str], Path], tmp_path: Path,
) -> None:
    speaker = Speaker(rate=175)
    pipeline = Pipeline(whisper, manager, speaker)  # type: ignore[arg-type]
    done = pipeline.process_audio(read_audio(synth("please speak slower")),
                                  reply_to=tmp_path / "reply.wav")
    assert done.turn.intent == "speech_rate" and done.turn.speech_rate == "slower"
    assert speaker.rate == 150
    assert done.saved == tmp_path / "reply.wav" and done.saved.stat().st_size > 1000
    heard_back = whisper.transcribe(read_audio(done.saved))  # type: ignore[attr-defined]
    assert "slow" in heard_back.text.lower()


def test_a_missing_nlu_model_is_an_intent_error_raised_at_check(
    whisper: object, manager: DialogueManager, tmp_path: Path, events: EventLog,
) -> None:
    manager.parser = LocalParser(tmp_path / "no-models-here")
    pipeline = Pipeline(whisper, manager, None, events)  # type: ignore[arg-type]
    with pytest.raises(IntentError) as caught:
        pipeline.check()
    assert caught.value.code == "model_missing" and "make models" in caught.value.message


def test_an_unknown_customer_fails_the_check(pipeline: Pipeline) -> None:
    pipeline.dialogue.customer_id = "nobody"
    with pytest.raises(PipelineError) as caught:
        pipeline.check()
    assert caught.value.stage is not None and caught.value.stage.value == "handle"


def test_nothing_heard_goes_to_the_dialogue_as_not_understood(
    pipeline: Pipeline, manager: DialogueManager, events: EventLog,
) -> None:
    noise = np.random.default_rng(7).normal(0, 0.002, 16000).astype(np.float32)
    done = pipeline.process_audio(noise)
    assert done.transcript is not None and done.transcript.text == ""
    assert done.turn.intent == "nlu_fallback"
    assert cart_names(manager) == []
    assert ("stage-start", "intent") not in events.kinds()  # an empty line is not parsed
    assert events.kinds()[-1] == ("run-end", None)
