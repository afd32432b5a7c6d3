"""Reading audio: every format the project accepts, and every kind of bad audio."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from voice.audio import (
    AudioChunk,
    chunk_samples,
    chunk_to_array,
    file_chunks,
    join_chunks,
    read_audio,
    to_pcm16,
)
from voice.errors import (
    AudioEmpty,
    AudioError,
    AudioNotFound,
    AudioSilent,
    AudioTooLong,
    AudioUnreadable,
    VoiceError,
)


def tone(rate: int, seconds: float = 1.0, hz: float = 440.0, channels: int = 1) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    wave = 0.5 * np.sin(2 * np.pi * hz * t).astype(np.float32)
    return np.stack([wave] * channels, axis=1) if channels > 1 else wave


def dominant_hz(samples: np.ndarray, rate: int = 16000) -> float:
    spectrum = np.abs(np.fft.rfft(samples))
    return float(np.fft.rfftfreq(len(samples), 1 / rate)[int(np.argmax(spectrum))])


FORMATS = [
    ("u8.wav", 16000, 1, "WAV", "PCM_U8"),
    ("s16.wav", 16000, 1, "WAV", "PCM_16"),
    ("s24.wav", 22050, 1, "WAV", "PCM_24"),
    ("s32.wav", 48000, 1, "WAV", "PCM_32"),
    ("float.wav", 8000, 1, "WAV", "FLOAT"),
    ("stereo44k.wav", 44100, 2, "WAV", "PCM_16"),
    ("audio.flac", 44100, 2, "FLAC", "PCM_16"),
    ("audio.ogg", 44100, 1, "OGG", "VORBIS"),
]


@pytest.mark.parametrize(("name", "rate", "channels", "fmt", "subtype"), FORMATS)
def test_every_format_becomes_16k_mono_float(
    tmp_path: Path, name: str, rate: int, channels: int, fmt: str, subtype: str
) -> None:
    path = tmp_path / name
    sf.write(str(path), tone(rate, 1.0, 440.0, channels), rate, format=fmt, subtype=subtype)
    samples = read_audio(path)
    assert samples.dtype == np.float32 and samples.ndim == 1
    assert abs(len(samples) - 16000) <= 16  # resampled, not cut: one second stays one second
    assert abs(dominant_hz(samples) - 440.0) < 3.0  # the pitch survives the resampling
    assert 0.3 < float(np.max(np.abs(samples))) < 0.7


def test_stereo_channels_are_averaged(tmp_path: Path) -> None:
    left = tone(16000, 0.5, 440.0)
    stereo = np.stack([left, np.zeros_like(left)], axis=1)
    sf.write(str(tmp_path / "s.wav"), stereo, 16000, subtype="PCM_16")
    samples = read_audio(tmp_path / "s.wav")
    assert float(np.max(np.abs(samples))) == pytest.approx(0.25, abs=0.01)


def write_tone(path: Path, seconds: float = 1.0) -> Path:
    sf.write(str(path), tone(16000, seconds), 16000, subtype="PCM_16")
    return path


def make_bad(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.wav"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("shopping list: milk, eggs\n" * 40)
    return path


@pytest.mark.parametrize(
    ("kind", "error", "code"),
    [
        ("missing", AudioNotFound, "audio_not_found"),
        ("empty", AudioEmpty, "audio_empty"),
        ("text", AudioUnreadable, "audio_unreadable"),
    ],
)
def test_missing_empty_and_not_audio(
    tmp_path: Path, kind: str, error: type[AudioError], code: str
) -> None:
    with pytest.raises(error) as caught:
        read_audio(make_bad(tmp_path, kind))
    assert caught.value.code == code
    assert caught.value.message.endswith(".")


def test_truncated_header_is_unreadable(tmp_path: Path) -> None:
    whole = write_tone(tmp_path / "whole.wav").read_bytes()
    (tmp_path / "cut.wav").write_bytes(whole[:30])
    with pytest.raises(AudioUnreadable):
        read_audio(tmp_path / "cut.wav")


def test_header_without_samples_is_empty(tmp_path: Path) -> None:
    sf.write(str(tmp_path / "none.wav"), np.zeros(0, np.float32), 16000, subtype="PCM_16")
    with pytest.raises(AudioEmpty):
        read_audio(tmp_path / "none.wav")


def test_pure_silence(tmp_path: Path) -> None:
    sf.write(str(tmp_path / "quiet.wav"), np.zeros(16000, np.float32), 16000, subtype="PCM_16")
    with pytest.raises(AudioSilent) as caught:
        read_audio(tmp_path / "quiet.wav")
    assert "silence" in caught.value.message


def test_too_long_is_refused_before_decoding(tmp_path: Path) -> None:
    path = write_tone(tmp_path / "long.wav", seconds=3.0)
    with pytest.raises(AudioTooLong) as caught:
        read_audio(path, max_seconds=2.0)
    assert "at most 2 seconds" in caught.value.message
    assert isinstance(caught.value, AudioError) and isinstance(caught.value, VoiceError)


def test_default_limit_refuses_an_over_minute_file(tmp_path: Path) -> None:
    sf.write(str(tmp_path / "hour.wav"), tone(8000, 61.0), 8000, subtype="PCM_16")
    with pytest.raises(AudioTooLong):
        read_audio(tmp_path / "hour.wav")


def test_file_is_a_generator_of_30ms_chunks(tmp_path: Path) -> None:
    path = write_tone(tmp_path / "t.wav", seconds=1.0)
    chunks = list(file_chunks(path, ms=30))
    assert all(isinstance(c, AudioChunk) for c in chunks)
    assert [c.frames for c in chunks[:-1]] == [480] * (len(chunks) - 1)
    assert sum(c.frames for c in chunks) == 16000
    assert (chunks[0].rate, chunks[0].width, chunks[0].channels) == (16000, 2, 1)
    np.testing.assert_allclose(join_chunks(chunks), read_audio(path), atol=1 / 16000)


def test_foreign_chunks_are_converted() -> None:
    stereo = tone(44100, 0.5, 440.0, channels=2)
    pcm = np.round(stereo * 32767).astype("<i2").tobytes()
    samples = chunk_to_array(AudioChunk(pcm, rate=44100, width=2, channels=2))
    assert abs(len(samples) - 8000) <= 8
    assert abs(dominant_hz(samples) - 440.0) < 5.0
    u8 = AudioChunk(bytes([128, 255, 0, 128]), rate=16000, width=1, channels=1)
    np.testing.assert_allclose(chunk_to_array(u8), [0.0, 127 / 128, -1.0, 0.0])


def test_pcm16_round_trip_and_clipping() -> None:
    samples = np.array([0.0, 0.5, -0.5, 2.0, -2.0], np.float32)
    back = chunk_to_array(AudioChunk(to_pcm16(samples)))
    np.testing.assert_allclose(back, [0.0, 0.5, -0.5, 1.0, -1.0], atol=1e-4)
    assert len(list(chunk_samples(np.zeros(1000, np.float32), ms=30))) == 3
