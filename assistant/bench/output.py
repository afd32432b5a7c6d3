"""How every benchmark reports: its figures as JSON on stdout, and saved to a file if asked,
with the machine they were measured on."""

from __future__ import annotations

import json
import os
import platform
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

import click


def machine() -> str:
    """The processor, cores and Python a figure was measured with."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = f"{line.split(':', 1)[1].strip()} ({platform.machine()})"
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def emit(result: Any, out: Path | None, *, show: bool = True) -> None:
    """A benchmark's figures: printed as JSON (unless ``show`` is False), written to ``out``."""
    data = asdict(result) if is_dataclass(result) and not isinstance(result, type) else result
    text = json.dumps(data, indent=1)
    if show:
        click.echo(text)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + "\n")
