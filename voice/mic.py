"""The microphone: a ``sounddevice`` input stream as a generator of 16 kHz mono 16-bit chunks.

A device that cannot record at 16 kHz is opened at its own rate and resampled with soxr's
streaming resampler. No device -> ``DeviceMissing``; a device that stops delivering audio
mid-session (unplugged) -> ``DeviceLost``, so the caller can say so and carry on.
"""

from __future__ import annotations

import queue
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from voice.audio import CHANNELS, RATE, WIDTH, AudioChunk
from voice.errors import DeviceMissing

BLOCK_MS = 30
STALL_SECONDS = 2.0  # no audio for this long: the device is gone

# (samplerate, blocksize, device, callback) -> a started-or-startable stream object with
# start(), stop(), close(); sounddevice.RawInputStream in real use, a fake in tests.
StreamFactory = Callable[..., Any]


class DeviceLost(DeviceMissing):
    code = "device_lost"


NO_MICROPHONE = "No microphone was found. Connect one, or use voicecart run or voicecart chat."


def input_device(device: int | str | None = None) -> tuple[int, float]:
    """The input device's index and default sample rate, or ``DeviceMissing``."""
    try:
        import sounddevice as sd
    except (ImportError, OSError) as exc:  # OSError: the PortAudio library is missing
        raise DeviceMissing(NO_MICROPHONE) from exc
    try:
        info = sd.query_devices(device, kind="input") if device is None else (
            sd.query_devices(device))
    except (sd.PortAudioError, ValueError) as exc:
        if device is None:
            raise DeviceMissing(NO_MICROPHONE) from exc
        raise DeviceMissing(f"There is no input device {device}. "
                            "List them with: python -m sounddevice") from exc
    if int(info.get("max_input_channels", 0)) < 1:
        raise DeviceMissing(f"The device {info.get('name', device)} cannot record.")
    return int(info["index"]), float(info["default_samplerate"])


def _rate_for(device: int) -> int:
    import sounddevice as sd

    try:
        sd.check_input_settings(device=device, samplerate=RATE, channels=1, dtype="int16")
        return RATE
    except (sd.PortAudioError, ValueError):
        return int(sd.query_devices(device)["default_samplerate"])


def _default_factory(**kwargs: Any) -> Any:
    import sounddevice as sd

    return sd.RawInputStream(channels=1, dtype="int16", **kwargs)


def microphone(
    device: int | str | None = None,
    block_ms: int = BLOCK_MS,
    stream_factory: StreamFactory | None = None,
    rate: int | None = None,
    stall_seconds: float = STALL_SECONDS,
) -> Iterator[AudioChunk]:
    """Chunks from the microphone until the caller stops iterating (the stream is closed).

    With ``stream_factory`` (tests) no device is queried and ``rate`` is the stream's rate.
    """
    if stream_factory is None:
        index, _default = input_device(device)
        rate = rate or _rate_for(index)
        factory: StreamFactory = _default_factory
        where: int | str | None = index
    else:
        factory, where, rate = stream_factory, device, rate or RATE
    blocks: queue.Queue[bytes | None] = queue.Queue()

    def callback(indata: Any, frames: int, time_info: Any, status: Any) -> None:
        blocks.put(bytes(indata))

    blocksize = rate * block_ms // 1000
    try:
        stream = factory(samplerate=rate, blocksize=blocksize, device=where, callback=callback)
        stream.start()
    except Exception as exc:  # noqa: BLE001 - PortAudio raises several types for "no device"
        raise DeviceMissing(f"I cannot open the microphone: {exc}.") from exc
    resampler = _resampler(rate)
    try:
        while True:
            try:
                block = blocks.get(timeout=stall_seconds)
            except queue.Empty:
                raise DeviceLost("The microphone stopped working. Check that it is plugged in."
                                 ) from None
            if block is None:
                return
            yield _to_chunk(block, resampler)
    finally:
        for step in (stream.stop, stream.close):
            try:
                step()
            except Exception:  # noqa: BLE001,S110 - an unplugged device fails to close too
                pass


def _resampler(rate: int) -> Any:
    if rate == RATE:
        return None
    import soxr

    return soxr.ResampleStream(rate, RATE, 1, dtype="int16", quality="HQ")


def _to_chunk(block: bytes, resampler: Any) -> AudioChunk:
    if resampler is None:
        return AudioChunk(block, RATE, WIDTH, CHANNELS)
    samples = np.frombuffer(block, dtype="<i2")
    out = resampler.resample_chunk(samples)
    return AudioChunk(np.asarray(out, dtype="<i2").tobytes(), RATE, WIDTH, CHANNELS)


def recording(audio: np.ndarray, block_ms: int = BLOCK_MS, speed: float = 1.0
              ) -> Iterator[AudioChunk]:
    """A recording (float mono 16 kHz) delivered as a microphone delivers it: one block every
    ``block_ms`` of real time (``speed`` x faster); a reader that fell behind gets the blocks
    that arrived meanwhile at once, as from the device's queue. For benchmarks and
    ``voicecart listen --input-file``."""
    import time

    from voice.audio import chunk_samples

    started = time.perf_counter()
    for number, chunk in enumerate(chunk_samples(audio, block_ms)):
        due = started + (number + 1) * block_ms / 1000 / speed  # a block exists once recorded
        wait = due - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        yield chunk
