"""Voice settings the shopper changes by speaking: the Turn says which, the Speaker applies."""

from __future__ import annotations

from assistant.dialogue.types import SpeechRate
from voice.tts import Speaker


def apply_speech_rate(speaker: Speaker, change: SpeechRate) -> None:
    """"speak slower / faster / louder / quieter" -> the speaker's rate or volume."""
    actions = {"slower": speaker.slower, "faster": speaker.faster,
               "louder": speaker.louder, "quieter": speaker.quieter}
    actions[change]()
