"""Noise mixing reaches the requested SNR, is repeatable, and is cached."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from assistant.bench.noise import NoiseMixer, mix_at_snr


def measured_snr(clean: np.ndarray, mixed: np.ndarray) -> float:
    noise = mixed.astype(np.float64) - clean
    return float(10 * np.log10(np.mean(clean.astype(np.float64) ** 2) / np.mean(noise**2)))


@pytest.mark.parametrize("snr", [24.0, 12.0, 6.0])
def test_mix_reaches_the_requested_snr(snr: float) -> None:
    rng = np.random.default_rng(0)
    speech = (0.1 * np.sin(np.linspace(0, 800 * np.pi, 16000))).astype(np.float32)
    noise = (0.3 * rng.standard_normal(5000)).astype(np.float32)  # shorter: must loop
    mixed = mix_at_snr(speech, noise, snr, seed=1)
    assert mixed.shape == speech.shape
    assert measured_snr(speech, mixed) == pytest.approx(snr, abs=0.05)
    assert np.array_equal(mixed, mix_at_snr(speech, noise, snr, seed=1))


def test_mixer_writes_once_and_reuses(tmp_path: Path) -> None:
    rng = np.random.default_rng(2)
    speech_file, noise_file = tmp_path / "utt.wav", tmp_path / "noise.wav"
    sf.write(speech_file, (0.2 * np.sin(np.linspace(0, 500, 8000))).astype(np.float32), 16000)
    sf.write(noise_file, (0.1 * rng.standard_normal(20000)).astype(np.float32), 16000)
    mixer = NoiseMixer(noise_file, tmp_path / "cache")
    first = mixer.mixed(speech_file, 9)
    stamp = first.stat().st_mtime_ns
    again = NoiseMixer(noise_file, tmp_path / "cache").mixed(speech_file, 9)
    assert again == first and again.stat().st_mtime_ns == stamp
    data, rate = sf.read(first)
    assert rate == 16000 and data.shape == (8000,)
