"""`make run`: start the kiosk loop when a microphone exists, else explain and start a typed chat."""

from __future__ import annotations

import sys

from assistant.cli import main


def input_device_problem() -> str | None:
    """Why the microphone loop cannot run here, or None when an input device exists."""
    try:
        import sounddevice as sd
    except (ImportError, OSError) as exc:
        return f"the audio library is not available ({exc})"
    try:
        sd.query_devices(kind="input")
    except Exception as exc:  # noqa: BLE001 - PortAudio raises several types for "no device"
        return f"no microphone was found ({exc})"
    return None


def start(argv: list[str]) -> None:
    problem = input_device_problem()
    if problem is None:
        main([*argv, "listen"])
        return
    print(f"Voice mode is off: {problem}.")
    print("To test with recorded audio:  .venv/bin/voicecart run path/to/turn1.wav turn2.wav")
    print("Starting a typed shopping session (voicecart chat).")
    main([*argv, "chat"])


if __name__ == "__main__":
    start(sys.argv[1:])
