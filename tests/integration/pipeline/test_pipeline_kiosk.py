"""The microphone loop, fed block by block by a stand-in for sounddevice's input stream
(this machine has no sound card and PortAudio opens no device: not even an ALSA loopback)."""

from __future__ import annotations

import queue
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from assistant.dialogue.manager import DialogueManager
from assistant.dialogue.speech_format import number_words
from assistant.pipeline.kiosk import Kiosk, KioskOptions
from assistant.pipeline.run import Pipeline
from commerce.cart import add_to_cart, view_cart
from commerce.catalog import ChosenModifier
from voice.audio import AudioChunk, read_audio

MicFactory = Callable[..., Callable[[], Iterator[AudioChunk]]]
Pad = Callable[..., np.ndarray]


def cart(manager: DialogueManager) -> list[tuple[str, int]]:
    with manager.session_factory() as session:
        lines = view_cart(session, manager.customer_id, store=manager.store_code).lines
    return [(line.name, line.quantity) for line in lines]


def test_two_turns_from_the_microphone(
    mic_from: MicFactory, padded: Pad, pipeline: Pipeline, manager: DialogueManager,
    order_wav: Path,
    synth: Callable[[str], Path],
) -> None:
    audio = np.concatenate([padded(order_wav), padded(synth("yes"), 0.5, 1.5)])
    said: list[str] = []
    kiosk = Kiosk(pipeline, mic_from(audio), KioskOptions(max_reconnects=0), echo=said.append)
    turns = kiosk.run(max_turns=2)
    assert said[0].startswith("assistant: Hi Guest")
    assert [t.turn.intent for t in turns] == ["order_drink", "affirm"]
    assert turns[0].transcript is not None
    assert "light roast" in turns[0].transcript.text.lower()
    assert cart(manager) == [("Coffee", 1)]
    assert all(t.timings_ms["reply"] >= t.timings_ms["transcript"] > 0 for t in turns)


def test_a_48khz_device_is_resampled(
    mic_from: MicFactory, padded: Pad, pipeline: Pipeline, manager: DialogueManager,
    order_wav: Path,
) -> None:
    import soxr

    audio48 = soxr.resample(padded(order_wav), 16000, 48000).astype(np.float32)
    kiosk = Kiosk(pipeline, mic_from(audio48, rate=48000), echo=lambda _s: None)
    turns = kiosk.run(max_turns=1)
    assert turns[0].turn.intent == "order_drink"
    assert cart(manager) == [("Coffee", 1)]


def test_wake_phrase_gates_until_a_question_is_asked(
    mic_from: MicFactory, pipeline: Pipeline, manager: DialogueManager, order_wav: Path,
    synth: Callable[[str], Path],
) -> None:
    order = read_audio(order_wav)[int(1.1 * 16000):int(3.8 * 16000)]  # the spoken part
    wake = read_audio(synth("computer"))
    gap = np.zeros(3000, np.float32)
    silence = np.zeros(24000, np.float32)
    audio = np.concatenate([gap, order, silence,  # no wake phrase: ignored
                            wake, silence[:16000], order, silence,  # "computer" ... order
                            read_audio(synth("yes")), silence])  # the answer needs none
    said: list[str] = []
    kiosk = Kiosk(pipeline, mic_from(audio),
                  KioskOptions(wake_phrase="computer", max_reconnects=0), echo=said.append)
    turns = kiosk.run(max_turns=2)
    assert len(kiosk.ignored) == 1 and "light roast" in kiosk.ignored[0].lower()
    assert [t.turn.intent for t in turns] == ["order_drink", "affirm"]
    assert not turns[0].turn.user.lower().startswith(("computer", "commuter"))
    assert turns[0].turn.reply.endswith("?")  # a suggestion was offered
    assert cart(manager) == [("Coffee", 1)]
    # the wake phrase alone is answered; the order after it needs no wake phrase
    assert said[1] == "assistant: Yes? What can I get you?"
    assert len([s for s in said if s.startswith("assistant:")]) == 4


def test_push_to_talk_waits_for_enter(
    mic_from: MicFactory, padded: Pad, pipeline: Pipeline, order_wav: Path,
) -> None:
    keys: queue.Queue[str | None] = queue.Queue()
    keys.put("\n")
    keys.put(None)  # then the input ends
    said: list[str] = []
    kiosk = Kiosk(pipeline, mic_from(padded(order_wav)), KioskOptions(push_to_talk=True),
                  keys=keys, echo=said.append)
    turns = kiosk.run()
    assert [t.turn.intent for t in turns] == ["order_drink"]
    assert said.count("Press Enter and speak (Ctrl-D to quit).") == 2


def test_an_unplugged_microphone_is_said_and_the_session_goes_on(
    mic_from: MicFactory, padded: Pad, pipeline: Pipeline, manager: DialogueManager,
    order_wav: Path,
    synth: Callable[[str], Path],
) -> None:
    order = padded(order_wav)
    opened: list[int] = []

    def flaky_then_fine() -> Iterator[AudioChunk]:
        opened.append(1)
        if len(opened) == 1:  # the order is heard, then the device dies mid-silence
            cut = (len(order) // 480) + 5
            return mic_from(np.concatenate([order, np.zeros(32000, np.float32)]),
                            stop_after=cut)()
        return mic_from(padded(synth("yes"), 0.5, 1.5))()

    said: list[str] = []
    kiosk = Kiosk(pipeline, flaky_then_fine, KioskOptions(reconnect_seconds=0.1),
                  echo=said.append)
    turns = kiosk.run(max_turns=2)
    assert "assistant: The microphone stopped working. Check that it is plugged in." in said
    assert [t.turn.intent for t in turns] == ["order_drink", "affirm"]
    assert cart(manager) == [("Coffee", 1)]  # what was confirmed before is kept
    assert len(opened) == 2


def test_file_stream_blocks_match_the_file(mic_from: MicFactory, order_wav: Path) -> None:
    audio = read_audio(order_wav)
    chunks = mic_from(audio, speed=50)()
    got: list[bytes] = []
    try:
        for chunk in chunks:
            assert (chunk.rate, chunk.width, chunk.channels) == (16000, 2, 1)
            assert chunk.frames == 480  # 30 ms blocks
            got.append(chunk.audio)
    except Exception as exc:  # noqa: BLE001 - the end of the file looks like an unplug
        assert getattr(exc, "code", None) == "device_lost"
    pcm = np.frombuffer(b"".join(got), "<i2")[: len(audio)]
    expected = np.round(np.clip(audio, -1, 1) * 32767).astype("<i2")
    assert np.array_equal(pcm, expected)


def test_a_ready_order_is_announced_at_the_kiosk_that_took_it_once(
    mic_from: MicFactory, padded: Pad, cafe_settings: Any, nlu_parser: Any, whisper: Any,
    order_wav: Path,
) -> None:
    """Staff mark ready two orders taken at kiosk k1 and one taken at k2: k1 says its two,
    while nobody is speaking (the endpointer is between utterances), once only."""
    from assistant.app import build_dialogue
    from commerce.catalog import get_product_by_sku
    from commerce.orders import advance_order, checkout

    here = build_dialogue(cafe_settings.replace(kiosk="k1"), nlu_parser)
    with here.session_factory() as session:
        americano = get_product_by_sku(session, "CAF-0001").id
        orders = []
        for customer, kiosk in (("carol", "k1"), ("guest", "k1"), ("carol", "k2")):
            add_to_cart(session, customer, americano, 1, store="cafe",
                        modifiers=[ChosenModifier("size", "small")])
            orders.append(checkout(session, customer, store="cafe", kiosk=kiosk,
                                   idempotency_key=f"{customer}-{kiosk}").id)
    audio = padded(order_wav, 1.0, 1.5)
    said: list[str] = []
    kiosk = Kiosk(Pipeline(whisper, here, None), mic_from(audio),
                  KioskOptions(max_reconnects=0, announce_every_s=0.0), echo=said.append)
    kiosk.start()
    with here.session_factory() as session:
        for order in orders:
            for status in ("preparing", "ready"):
                advance_order(session, order, status)
    kiosk.serve(max_turns=1)  # said in the silence before the shopper speaks, then the turn
    ready = [line for line in said if "is ready" in line]
    assert ready == [f"assistant: Order {number_words(orders[0])} for Carol is ready.",
                     f"assistant: Order {number_words(orders[1])} is ready."], said
    assert len(kiosk.turns) == 1 and kiosk.turns[0].turn.intent == "order_drink"
    assert here.announcements() == []  # once only


def test_audio_is_kept_only_when_asked(
    mic_from: MicFactory, padded: Pad, pipeline: Pipeline, order_wav: Path, tmp_path: Path,
) -> None:
    kept = tmp_path / "kept"
    for keep in (None, kept):
        kiosk = Kiosk(pipeline, mic_from(padded(order_wav)),
                      KioskOptions(max_reconnects=0, keep_audio=keep), echo=lambda _s: None)
        kiosk.run(max_turns=1)
        assert kiosk.turns[0].turn.intent == "order_drink"
        if keep is None:
            assert not kept.exists()  # nothing of the shopper's voice stays by default
    [wav] = list(kept.iterdir())
    audio = read_audio(wav)
    assert 1.0 < len(audio) / 16000 < len(padded(order_wav)) / 16000
