"""The FAQ answers: every topic present, short enough to be heard, keywords unambiguous."""

from __future__ import annotations

import re
from typing import Any

REQUIRED = {"returns", "delivery", "store_hours", "payment"}


def test_topics(faq: dict[str, Any]) -> None:
    assert set(faq) == {"topics"}
    topics = faq["topics"]
    assert REQUIRED <= set(topics) and len(topics) >= len(REQUIRED) + 2
    for name, topic in topics.items():
        assert re.fullmatch(r"[a-z_]+", name)
        assert set(topic) == {"answer", "keywords"}, name


def test_answers_are_short_and_speakable(faq: dict[str, Any]) -> None:
    for name, topic in faq["topics"].items():
        answer = topic["answer"]
        assert isinstance(answer, str) and answer.endswith((".", "?")), name
        sentences = [s for s in re.split(r"[.?!](?:\s|$)", answer) if s.strip()]
        assert 1 <= len(sentences) <= 2, name
        assert len(answer) <= 220, name
        assert not re.search(r"[$%#*/\\]|\d", answer), f"{name}: write numbers as words"


def test_keywords_point_at_one_topic(faq: dict[str, Any]) -> None:
    seen: dict[str, str] = {}
    for name, topic in faq["topics"].items():
        keywords = topic["keywords"]
        assert keywords and all(isinstance(k, str) and k == k.lower() for k in keywords)
        for keyword in keywords:
            assert keyword not in seen, f"{keyword!r} in {seen.get(keyword)} and {name}"
            seen[keyword] = name
