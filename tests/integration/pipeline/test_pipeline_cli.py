"""``voicecart run`` and ``voicecart listen`` as a developer runs them: a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

from commerce.cart import view_cart
from commerce.db import make_engine, session_factory

ROOT = Path(__file__).resolve().parents[3]


def voicecart(*args: str, db_url: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if db_url:
        env["VOICECART_DB_URL"] = db_url
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


def test_run_order_bad_audio_then_yes(
    wav_writer: Callable[[str, np.ndarray], Path], db_url: str, order_wav: Path, synth: Callable[[str], Path], tmp_path: Path,
) -> None:
    corrupt = tmp_path / "corrupt.wav"
    corrupt.write_bytes(order_wav.read_bytes()[:30])  # a header cut short
    silent = wav_writer("silent.wav", np.zeros(16000, np.float32))
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    text = tmp_path / "notes.wav"
    text.write_text("this is not audio\n")
    files = [order_wav, corrupt, silent, empty, text, synth("yes")]
    done = voicecart("--store", "cafe", "--json", "run", *map(str, files),
                     "--out-dir", str(tmp_path / "replies"), db_url=db_url)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1] == "Error: 4 of 6 recordings could not be used."
    turns = json.loads(done.stdout)
    assert [t.get("intent") or t["error"]["code"] for t in turns] == [
        "order_drink", "audio_unreadable", "audio_silent", "audio_empty", "audio_unreadable",
        "affirm"]
    assert "light roast" in turns[0]["transcript"]["text"].lower()
    assert turns[0]["reply"].startswith("Added one twelve ounce Coffee")
    assert turns[5]["transcript"]["text"].lower().startswith("yes")
    assert all(Path(t["reply_wav"]).stat().st_size > 1000 for t in (turns[0], turns[5]))
    assert turns[1]["error"]["message"].startswith("I cannot read corrupt.wav")
    engine = make_engine(db_url)
    with session_factory(engine)() as session:
        cart = view_cart(session, "guest", store="cafe")
    engine.dispose()
    assert [(line.name, line.quantity) for line in cart.lines] == [("Coffee", 1)]
    assert {m.option for m in cart.lines[0].modifiers} >= {"light roast", "twelve ounce"}


def test_run_prints_a_readable_turn(db_url: str, order_wav: Path) -> None:
    done = voicecart("--store", "cafe", "run", str(order_wav), "--say", db_url=db_url)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "heard: " in out and "light roast" in out.lower()
    assert "intent: order_drink" in out and "drink=coffee" in out
    assert "assistant: Added one twelve ounce Coffee" in out
    assert "No loudspeaker here: the replies are printed." in done.stderr


def test_listen_without_a_microphone_is_one_clear_line(db_url: str) -> None:
    done = voicecart("listen", db_url=db_url)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "Error: No microphone was found. Connect one, or use voicecart run or voicecart chat."]


def test_listen_with_an_unknown_device_number(db_url: str) -> None:
    done = voicecart("listen", "--device", "7", "--push-to-talk", db_url=db_url)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: There is no input device 7.")


def test_listen_on_a_recording_answers_as_the_kiosk_does(
    db_url: str, order_wav: Path, wav_writer: Callable[[str, np.ndarray], Path],
) -> None:
    from voice.audio import read_audio

    quiet = np.zeros(16000, np.float32)
    played = wav_writer("kiosk.wav", np.concatenate([quiet, read_audio(order_wav), quiet]))
    done = voicecart("--store", "cafe", "listen", "--input-file", str(played),
                     "--max-turns", "1", db_url=db_url)
    assert done.returncode == 0, done.stderr
    assert "Ready: listening." in done.stderr.splitlines()
    lines = done.stdout.splitlines()
    assert lines[0].startswith("assistant: Hi Guest")  # no loudspeaker: printed
    assert lines[1].startswith("assistant: Added one twelve ounce Coffee")


def test_listen_on_a_missing_recording_is_one_clear_line(db_url: str) -> None:
    done = voicecart("listen", "--input-file", "/nonexistent.wav", db_url=db_url)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "Error: I cannot find the audio file nonexistent.wav."]
