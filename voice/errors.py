"""Typed errors of the voice stage. Each has a short ``code`` and a ``message`` fit to be spoken."""

from __future__ import annotations

from storedata.errors import ExpectedError


class VoiceError(ExpectedError):
    """Base of every expected voice failure."""

    code: str = "voice_error"


class AudioError(VoiceError):
    """The audio itself cannot be used."""

    code = "bad_audio"


class AudioNotFound(AudioError):
    code = "audio_not_found"


class AudioEmpty(AudioError):
    code = "audio_empty"


class AudioUnreadable(AudioError):
    """Corrupt, truncated or not audio at all."""

    code = "audio_unreadable"


class AudioSilent(AudioError):
    code = "audio_silent"


class AudioTooLong(AudioError):
    code = "audio_too_long"


class EngineUnavailable(VoiceError):
    """A speech engine's library is not installed or cannot start."""

    code = "engine_unavailable"


class ModelMissing(VoiceError):
    """No model for the chosen engine or language."""

    code = "model_missing"


class DeviceMissing(VoiceError):
    """No microphone or loudspeaker."""

    code = "device_missing"


class DownloadError(VoiceError):
    code = "download_failed"


class NetworkUnreachable(DownloadError):
    code = "network_unreachable"


class ChecksumMismatch(DownloadError):
    code = "checksum_mismatch"
