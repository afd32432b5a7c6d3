"""The stages of one pipeline run, in order."""

from __future__ import annotations

from enum import Enum


class Stage(str, Enum):
    WAKE = "wake"  # wake phrase / push-to-talk: is the shopper talking to us?
    STT = "stt"  # speech -> transcript (voice/)
    INTENT = "intent"  # transcript -> Parse (nlu/)
    HANDLE = "handle"  # Parse -> reply text and cart changes (dialogue, commerce/)
    TTS = "tts"  # reply text -> speech (voice/)
