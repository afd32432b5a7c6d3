"""Read annotated examples in Rasa's YAML markup: ``add [two](quantity) [oj]{"entity": ...}``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from nlu.errors import TrainingDataError

MARKUP = re.compile(r"\[(?P<text>[^\]]+)\](?:\((?P<short>[^)]+)\)|(?P<json>\{[^}]*\}))")


@dataclass(frozen=True)
class Span:
    entity: str
    value: str
    start: int
    end: int
    role: str | None = None


@dataclass(frozen=True)
class Example:
    text: str
    intent: str
    entities: list[Span] = field(default_factory=list)


def parse_markup(markup: str, intent: str = "") -> Example:
    """Plain text and entity spans of one annotated example."""
    out: list[str] = []
    spans: list[Span] = []
    pos = 0
    length = 0
    for m in MARKUP.finditer(markup):
        before = markup[pos : m.start()]
        out.append(before)
        length += len(before)
        text = m.group("text")
        if m.group("json"):
            try:
                spec = json.loads(m.group("json"))
            except ValueError as exc:
                raise TrainingDataError(f"Bad entity markup in: {markup}") from exc
            entity, value, role = spec["entity"], spec.get("value", text), spec.get("role")
        else:
            entity, value, role = str(m.group("short")), text, None
        spans.append(Span(entity, str(value), length, length + len(text), role))
        out.append(text)
        length += len(text)
        pos = m.end()
    out.append(markup[pos:])
    return Example("".join(out), intent, spans)


def load_examples(path: Path) -> list[Example]:
    """All intent examples of a Rasa 3.x NLU YAML file."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise TrainingDataError(f"Cannot read {path.name}: {exc}") from exc
    examples: list[Example] = []
    for block in (doc or {}).get("nlu", []) or []:
        if "intent" not in block:
            continue
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if line.startswith("- "):
                examples.append(parse_markup(line[2:].strip(), str(block["intent"])))
    if not examples:
        raise TrainingDataError(f"No examples in {path.name}.")
    return examples
