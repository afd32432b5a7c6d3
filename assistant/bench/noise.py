"""Mix background noise into recordings at a chosen SNR, once, with a cache.

The noise is scaled so that signal power over the whole utterance divided by noise power is
the requested SNR. The noise file is looped or cut to the utterance's length, starting at an
offset drawn from a generator seeded by the file name, so every run mixes the same audio.
"""

from __future__ import annotations

import hashlib
import zlib
from pathlib import Path

import numpy as np
import soundfile as sf

from voice.audio import RATE, read_audio

NOISE_MAX_SECONDS = 3600.0


def mix_at_snr(speech: np.ndarray, noise: np.ndarray, snr_db: float, seed: int) -> np.ndarray:
    """``speech`` plus ``noise`` scaled to ``snr_db``; both float32 mono at the same rate."""
    if noise.size == 0:
        raise ValueError("the noise recording is empty")
    rng = np.random.default_rng(seed)
    offset = int(rng.integers(0, noise.size))
    reps = int(np.ceil((offset + speech.size) / noise.size))
    segment = np.tile(noise, reps)[offset : offset + speech.size]
    p_speech = float(np.mean(speech.astype(np.float64) ** 2))
    p_noise = float(np.mean(segment.astype(np.float64) ** 2)) or 1e-12
    gain = np.sqrt(p_speech / (p_noise * 10.0 ** (snr_db / 10.0)))
    mixed = speech + gain * segment
    peak = float(np.max(np.abs(mixed))) if mixed.size else 0.0
    if peak > 0.999:  # keep the mix inside full scale without changing its SNR
        mixed = mixed * (0.999 / peak)
    return mixed.astype(np.float32)


class NoiseMixer:
    """Writes mixed copies of files under ``cache_dir/<noise>-<snr>dB/`` and reuses them."""

    def __init__(self, noise_file: Path, cache_dir: Path) -> None:
        self.noise_file = Path(noise_file)
        digest = hashlib.sha256(self.noise_file.read_bytes()).hexdigest()[:12]
        self.cache_dir = Path(cache_dir) / f"{self.noise_file.stem}-{digest}"
        self._noise: np.ndarray | None = None

    def mixed(self, speech_file: Path, snr_db: float, group: str = "") -> Path:
        """The mix of ``speech_file`` at ``snr_db``; ``group`` keeps files of the same name
        apart (one voice's ``add-001.wav`` from another's)."""
        out = self.cache_dir / f"{snr_db:g}dB" / group / Path(speech_file).name
        if out.exists():
            return out
        if self._noise is None:
            self._noise = read_audio(self.noise_file, max_seconds=NOISE_MAX_SECONDS)
        speech = read_audio(speech_file)
        seed = zlib.crc32(f"{group}{Path(speech_file).name}".encode())
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(".tmp.wav")
        sf.write(tmp, mix_at_snr(speech, self._noise, snr_db, seed), RATE, subtype="PCM_16")
        tmp.replace(out)
        return out
