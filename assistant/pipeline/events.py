"""Events of a pipeline run, handed to one injected callback (the CLI prints, tests collect)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from assistant.pipeline.stages import Stage


class EventType(str, Enum):
    RUN_START = "run-start"
    STAGE_START = "stage-start"
    STAGE_END = "stage-end"
    ERROR = "error"
    RUN_END = "run-end"
    READY = "ready"  # start-up done: the models the first reply needs are loaded


@dataclass(frozen=True)
class PipelineEvent:
    type: EventType
    stage: Stage | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def describe(self) -> str:
        """One line for ``--verbose``: "stage-end stt 412 ms text='a latte'"."""
        parts = [self.type.value]
        if self.stage is not None:
            parts.append(self.stage.value)
        ms = self.data.get("ms")
        if isinstance(ms, (int, float)):
            parts.append(f"{ms:.0f} ms")
        parts += [f"{k}={v!r}" for k, v in self.data.items() if k != "ms"]
        return " ".join(parts)


EventCallback = Callable[[PipelineEvent], None]


def ignore(_event: PipelineEvent) -> None:
    """The default callback: nobody listens."""


class EventLog:
    """A callback that keeps every event (tests and ``--json`` use it)."""

    def __init__(self) -> None:
        self.events: list[PipelineEvent] = []

    def __call__(self, event: PipelineEvent) -> None:
        self.events.append(event)

    def kinds(self) -> list[tuple[str, str | None]]:
        return [(e.type.value, e.stage.value if e.stage else None) for e in self.events]

    def clear(self) -> None:
        self.events.clear()
