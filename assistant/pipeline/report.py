"""How ``voicecart run`` shows a turn: a few readable lines, or one JSON object."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from assistant.pipeline.run import PipelineTurn
from commerce.money import format_cents


def turn_text(number: int, path: Path, done: PipelineTurn) -> str:
    turn, transcript = done.turn, done.transcript
    lines = [f"[{number}] {path}"]
    if transcript is not None:
        lines.append(f"  heard: {transcript.text or '(nothing)'}  ({transcript.engine}, {transcript.model})")
    entities = turn.entities_brief()
    lines.append(f"  intent: {turn.intent} ({turn.confidence:.2f})"
                 + (f"  entities: {entities}" if entities else ""))
    lines.append(f"  assistant: {turn.reply}")
    if turn.cart:
        items = ", ".join(f"{line.quantity} x {line.name}" for line in turn.cart)
        lines.append(f"  cart: {items}; total {format_cents(turn.cart_total_cents)}")
    timings = ", ".join(f"{k} {v:.0f} ms" for k, v in done.timings_ms.items())
    lines.append(f"  end of speech to: {timings}")
    if done.saved is not None:
        lines.append(f"  reply saved: {done.saved}")
    if done.tts_error:
        lines.append(f"  speech output failed: {done.tts_error}")
    return "\n".join(lines)


def turn_json(path: Path, done: PipelineTurn) -> dict[str, Any]:
    turn = done.turn
    return {
        "file": str(path),
        "transcript": done.transcript.to_dict() if done.transcript else None,
        "intent": turn.intent,
        "confidence": round(turn.confidence, 4),
        "entities": turn.entities,
        "reply": turn.reply,
        "reply_key": turn.reply_key,
        "cart": [asdict(line) for line in turn.cart],
        "cart_total_cents": turn.cart_total_cents,
        "order": asdict(turn.order) if turn.order else None,
        "timings_ms": done.timings_ms,
        "reply_wav": str(done.saved) if done.saved else None,
        "tts_error": done.tts_error,
    }
