"""`make run`: start the kiosk loop when a microphone exists, else explain and start a typed chat."""

from __future__ import annotations

import sys

from assistant.cli import main
from voice.errors import DeviceMissing
from voice.mic import input_device


def start(argv: list[str]) -> None:
    try:
        input_device()
    except DeviceMissing as exc:
        print(f"Voice mode is off: {exc.message}")
        print("To test with recorded audio:  .venv/bin/voicecart run turn1.wav turn2.wav")
        print("Starting a typed shopping session (voicecart chat).")
        main([*argv, "chat"])
        return
    main([*argv, "listen"])


if __name__ == "__main__":
    start(sys.argv[1:])
