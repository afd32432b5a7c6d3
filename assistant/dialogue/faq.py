"""Store questions answered from the language pack's ``faq.yml`` (returns, delivery, hours,
payment)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from assistant.settings import DATA_DIR

DEFAULT_PATH = DATA_DIR / "lang" / "en" / "faq.yml"
MATCH_MIN = 70.0


@dataclass(frozen=True)
class FaqEntry:
    topic: str
    answer: str
    keywords: list[str] = field(default_factory=list)


def _entry(topic: str, value: Any) -> FaqEntry:
    if isinstance(value, str):
        return FaqEntry(topic=topic, answer=" ".join(value.split()))
    answer = value.get("answer") or value.get("text") or ""
    words = [str(w) for key in ("keywords", "aliases", "questions", "examples")
             for w in value.get(key) or []]
    return FaqEntry(topic=str(value.get("topic", topic)), answer=" ".join(str(answer).split()),
                    keywords=words)


def load_faq(path: Path | None = None) -> list[FaqEntry]:
    """Entries from a mapping ``topic: answer | {answer, keywords}`` or a list of entries,
    read once per version of the file (a turn may ask several times)."""
    source = path or DEFAULT_PATH
    if not source.exists():
        return []
    return list(_read(source, source.stat().st_mtime_ns))


@lru_cache(maxsize=8)
def _read(source: Path, _version: int) -> tuple[FaqEntry, ...]:
    return tuple(_parse(yaml.safe_load(source.read_text(encoding="utf-8"))))


def _parse(raw: Any) -> list[FaqEntry]:
    for wrapper in ("topics", "faq"):
        if isinstance(raw, dict) and isinstance(raw.get(wrapper), (list, dict)):
            raw = raw[wrapper]
    if isinstance(raw, dict):
        return [_entry(str(k), v) for k, v in raw.items()]
    if isinstance(raw, list):
        return [_entry(str(v.get("topic", "")), v) for v in raw if isinstance(v, dict)]
    return []


def _keyword_hits(entry: FaqEntry, text: str) -> int:
    names = [entry.topic.replace("_", " "), *entry.keywords]
    # Latin letters and digits bound a keyword; Korean and Japanese attach particles ("반품은")
    return sum(1 for n in names
               if re.search(rf"(?<![a-z0-9]){re.escape(n.lower())}(?![a-z0-9])", text))


def find_answer(entries: list[FaqEntry], topic: str | None, text: str) -> FaqEntry | None:
    """The entry the topic entity names (fuzzily), else the one whose keywords the text uses."""
    if topic:
        said = topic.lower().replace("_", " ")
        scored = [
            (max(fuzz.WRatio(said, n.lower()) for n in [entry.topic.replace("_", " "),
                                                         *entry.keywords]), entry)
            for entry in entries
        ]
        scored.sort(key=lambda pair: pair[0], reverse=True)
        if scored and scored[0][0] >= MATCH_MIN:
            return scored[0][1]
    lowered = text.lower()
    hits = sorted(((_keyword_hits(e, lowered), e) for e in entries), key=lambda p: -p[0])
    if hits and hits[0][0] > 0:
        return hits[0][1]
    return None
