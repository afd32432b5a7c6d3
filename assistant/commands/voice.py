"""`voicecart transcribe` and `voicecart models`: speech recognition from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from assistant.app import build_recognizer
from assistant.settings import Settings
from voice.audio import chunk_samples, read_audio
from voice.errors import AudioError
from voice.models_download import MODELS, download_model
from voice.recognizer import Recognizer, Transcript
from voice.select import ENGINES


def recognize_file(recognizer: Recognizer, path: Path, chunk_ms: int = 30) -> Transcript:
    """A file fed chunk by chunk, as the microphone would; ``decode_seconds`` is then the
    time from the end of the audio to the final result."""
    chunks = chunk_samples(read_audio(path), ms=chunk_ms)  # bad audio fails before decoding
    stream = recognizer.stream()
    for chunk in chunks:
        stream.accept(chunk)
    return stream.finish()


def transcript_text(name: str, t: Transcript) -> str:
    words = " ".join(f"{w.text}({w.confidence:.2f})" for w in t.words)
    lines = [f"{name}: {t.text or '(nothing heard)'}",
             f"  words: {words or '-'}",
             f"  engine: {t.engine}, model: {t.model}; audio {t.audio_seconds:.2f} s, "
             f"end of audio to final result {t.decode_seconds * 1000:.0f} ms"]
    if t.alternatives:
        lines.append("  alternatives: " + " | ".join(t.alternatives))
    return "\n".join(lines)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--engine", type=click.Choice(ENGINES), default=None, help="Speech engine.")
@click.option("--lang", default=None, help="Language of the speech (en, ko).")
@click.option("--vosk-model", type=click.Path(path_type=Path), default=None,
              help="A vosk model directory.")
@click.option("--whisper-model", default=None, help="A Whisper model name or directory.")
@click.option("--open-vocabulary", is_flag=True, default=None,
              help="No domain adaptation: recognise any words.")
@click.pass_obj
def transcribe(
    settings: Settings, files: tuple[Path, ...], as_json: bool, engine: str | None,
    lang: str | None, vosk_model: Path | None, whisper_model: str | None,
    open_vocabulary: bool | None,
) -> None:
    """Transcribe recorded audio files (WAV, FLAC, OGG)."""
    settings = settings.replace(engine=engine, lang=lang, vosk_model=vosk_model,
                                whisper_model=whisper_model, open_vocabulary=open_vocabulary)
    use_json = settings.json_output or as_json
    recognizer, reason = build_recognizer(settings)
    click.echo(reason, err=True)
    results: list[dict[str, Any]] = []
    failed = 0
    for path in files:
        try:
            transcript = recognize_file(recognizer, path)
        except AudioError as exc:
            failed += 1
            results.append({"file": str(path), "error": {"code": exc.code,
                                                          "message": exc.message}})
            if not use_json:
                click.echo(f"Error: {exc.message}", err=True)
            continue
        results.append({"file": str(path), **transcript.to_dict()})
        if not use_json:
            click.echo(transcript_text(str(path), transcript))
    if use_json:
        click.echo(json.dumps(results, indent=2, ensure_ascii=False))
    if failed:
        raise AudioError(f"{failed} of {len(files)} recordings could not be used.")


@click.group()
def models() -> None:
    """Speech models: download the official English vosk model."""


@models.command()
@click.option("--lang", default="en", show_default=True, type=click.Choice(sorted(MODELS)),
              help="Language of the model.")
@click.option("--timeout", default=20.0, show_default=True, help="Network timeout in seconds.")
@click.pass_obj
def download(settings: Settings, lang: str, timeout: float) -> None:
    """Download the official vosk model into models/ (verified, resumable)."""
    source = MODELS[lang]
    click.echo(f"Downloading {source.name} ({source.size / 1e6:.0f} MB) from {source.url}",
               err=True)
    path = download_model(lang, settings.models_dir, timeout=timeout)
    click.echo(f"Model ready: {path}")
