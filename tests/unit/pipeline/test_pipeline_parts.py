"""The pipeline's own logic: errors, events, wake phrase, voice settings."""

from __future__ import annotations

import pytest

from assistant.pipeline.errors import (
    STAGE_ERRORS,
    IntentError,
    PipelineError,
    SpeechToTextError,
)
from assistant.pipeline.events import EventLog, EventType, PipelineEvent
from assistant.pipeline.stages import Stage
from assistant.pipeline.voicecontrol import apply_speech_rate
from assistant.pipeline.wake import strip_wake_phrase
from commerce.errors import CommerceError
from nlu.errors import ModelMissing
from voice.errors import AudioSilent
from voice.tts import Speaker


def test_wrap_keeps_code_message_and_cause() -> None:
    original = ModelMissing()
    error = IntentError.wrap(original)
    assert (error.code, error.message, error.stage) == (
        "model_missing", original.message, Stage.INTENT)
    assert error.__cause__ is original
    assert isinstance(error, PipelineError)


def test_each_stage_has_its_error_class() -> None:
    assert {stage: cls.stage for stage, cls in STAGE_ERRORS.items()} == {
        stage: stage for stage in Stage}
    stt = SpeechToTextError.wrap(AudioSilent("I heard only silence in x.wav."))
    assert stt.code == "audio_silent" and str(stt) == "I heard only silence in x.wav."
    handle = STAGE_ERRORS[Stage.HANDLE].wrap(CommerceError("Out of stock.", code="stock"))
    assert (handle.code, handle.stage) == ("stock", Stage.HANDLE)


def test_wrap_refuses_a_bug() -> None:
    with pytest.raises(TypeError):
        IntentError.wrap(KeyError("x"))


def test_event_log_and_description() -> None:
    log = EventLog()
    log(PipelineEvent(EventType.RUN_START))
    log(PipelineEvent(EventType.STAGE_END, Stage.STT, {"ms": 412.3, "text": "a latte"}))
    assert log.kinds() == [("run-start", None), ("stage-end", "stt")]
    assert log.events[1].describe() == "stage-end stt 412 ms text='a latte'"


@pytest.mark.parametrize(("heard", "expected"), [
    ("Hey cart, a large latte.", "a large latte."),
    ("hey carta, a latte", "a latte"),
    ("Heycart two eggs", "two eggs"),
    ("Hey cart.", ""),
    ("a large latte please", None),
    ("", None),
])
def test_wake_phrase(heard: str, expected: str | None) -> None:
    assert strip_wake_phrase("hey cart", heard) == expected


def test_speech_rate_changes_reach_the_speaker() -> None:
    speaker = Speaker(rate=175, volume=0.6)
    apply_speech_rate(speaker, "slower")
    apply_speech_rate(speaker, "quieter")
    assert (speaker.rate, speaker.volume) == (150, 0.4)
    apply_speech_rate(speaker, "faster")
    apply_speech_rate(speaker, "louder")
    assert (speaker.rate, speaker.volume) == (175, 0.6)
