"""Spoken replies with pyttsx3 (espeak-ng on Linux) or Kokoro's Japanese voices
(``voice.kokoro``), or printed when there is no speaker.

pyttsx3's espeak driver plays through the ``aplay`` program and fails silently without
it, so ``say`` synthesises to a WAV file with pyttsx3 and plays that with sounddevice.
"""

from __future__ import annotations

import contextlib
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from voice import kokoro
from voice.errors import DeviceMissing, VoiceError

RATE_STEP, MIN_RATE, MAX_RATE = 25, 80, 350
VOLUME_STEP = 0.2


def output_device() -> int | None:
    """The default output device's index, or None when there is no loudspeaker."""
    try:
        import sounddevice as sd

        devices = sd.query_devices()
    except (ImportError, OSError):
        return None
    for index, device in enumerate(devices):
        if int(device.get("max_output_channels", 0)) > 0:
            return index
    return None


SAVE_WAIT_SECONDS = 3.0


class Speaker:
    def __init__(
        self,
        rate: int = 175,
        volume: float = 1.0,
        voice: str | None = None,
        echo: Callable[[str], None] = click.echo,
        engine: str = "pyttsx3",
    ) -> None:
        self.rate = rate
        self.volume = volume
        self.voice = voice
        # kokoro where its package is installed; else espeak-ng's voice of the language
        self.engine = engine if engine != "kokoro" or kokoro.available() else "pyttsx3"
        if engine == "kokoro" and self.engine != engine:
            self.voice = "jpx/ja"
        self.echo = echo
        self.device = output_device()
        self.last: str | None = None
        self._engine: Any = None

    # -- settings the shopper can change by voice ------------------------------------
    def slower(self) -> int:
        self.rate = max(MIN_RATE, self.rate - RATE_STEP)
        return self.rate

    def faster(self) -> int:
        self.rate = min(MAX_RATE, self.rate + RATE_STEP)
        return self.rate

    def louder(self) -> float:
        self.volume = round(min(1.0, self.volume + VOLUME_STEP), 2)
        return self.volume

    def quieter(self) -> float:
        self.volume = round(max(0.1, self.volume - VOLUME_STEP), 2)
        return self.volume

    # -- output --------------------------------------------------------------------------
    def _tts(self) -> Any:
        """A fresh pyttsx3 engine per utterance: pyttsx3 2.99's espeak driver, reused, wrote
        an empty second file and applied a new rate one utterance late (measured here)."""
        try:
            import pyttsx3

            _silence_driver_prints()
            self._engine = pyttsx3.Engine()
        except Exception as exc:  # noqa: BLE001 - pyttsx3 raises bare errors
            raise DeviceMissing("Speech output is not available on this machine.") from exc
        self._engine.setProperty("rate", self.rate)
        self._engine.setProperty("volume", self.volume)
        if self.voice:
            self._engine.setProperty("voice", self.voice)
        return self._engine

    def save(self, text: str, path: str | Path) -> Path:
        """Speak ``text`` into a WAV file."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        if self.engine == "kokoro":
            return kokoro.save(text, target, self.voice, self.rate, self.volume)
        engine = self._tts()
        engine.save_to_file(text, str(target))
        engine.runAndWait()
        # The espeak driver writes the file from its end-of-message callback, which can run
        # a moment after runAndWait returned: wait for it rather than call it a failure.
        deadline = time.monotonic() + SAVE_WAIT_SECONDS
        while not _written(target) and time.monotonic() < deadline:
            time.sleep(0.02)
        if not _written(target):
            raise VoiceError("I could not turn the reply into speech.", code="tts_failed")
        return target

    def say(self, text: str) -> bool:
        """Speak ``text``; without a loudspeaker print it instead. True when it was spoken."""
        self.last = text
        if self.device is None:
            self.echo(text)
            return False
        try:
            import sounddevice as sd
            import soundfile as sf

            with tempfile.TemporaryDirectory() as tmp:
                wav = self.save(text, Path(tmp) / "reply.wav")
                data, rate = sf.read(str(wav), dtype="float32")
            sd.play(data, rate, device=self.device)
            sd.wait()
            return True
        except (OSError, VoiceError, RuntimeError):
            self.device = None  # unplugged mid-session: keep going in text
            self.echo(text)
            return False

    def repeat(self) -> bool:
        """Say the last reply again ("repeat that")."""
        return self.say(self.last) if self.last else False

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            import sounddevice as sd

            sd.stop()


def _silence_driver_prints() -> None:
    """pyttsx3's espeak driver prints "Audio saved to …" from a callback that may run after
    the save returned, into our standard output (and into `--json` output). Silence it there."""
    try:
        from pyttsx3.drivers import espeak as driver
    except Exception:  # noqa: BLE001 - another platform's driver, or no espeak: nothing to do
        return
    driver.print = lambda *args, **kwargs: None  # type: ignore[attr-defined]


def _written(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 44  # more than a WAV header
