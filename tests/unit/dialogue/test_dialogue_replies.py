"""Every reply template renders, and every key the code uses exists in data/replies.yml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.dialogue.replies import Replies, ReplyTemplateError

DIALOGUE = Path(__file__).resolve().parents[3] / "assistant" / "dialogue"
# Keys built at run time: f"order_status_{status}", f"rate_{rate}".
DYNAMIC = {
    "order_status_": ["placed", "preparing", "ready", "shipped", "delivered", "cancelled"],
    "rate_": ["slower", "faster", "louder", "quieter"],
    "example_": ["grocery", "cafe"],
}


@pytest.fixture(scope="module")
def replies() -> Replies:
    return Replies.load()


def test_every_template_renders_with_its_fields(replies: Replies) -> None:
    for key in replies.keys():
        fields = {name: f"<{name}>" for name in replies.fields(key)}
        text = replies.text(key, **fields)
        assert text.strip(), key
        assert "{" not in text and "}" not in text, key
        for name in fields:
            assert f"<{name}>" in text


def _keys_used_in_code() -> set[str]:
    pattern = re.compile(r"""say\(\s*"([a-z_]+)"|"([a-z_]+)" if |else "([a-z_]+)"\)""")
    keys: set[str] = set()
    for path in DIALOGUE.rglob("*.py"):
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            keys.update(k for k in match.groups() if k)
    keys -= {"item", "items", "that"}  # words, not keys
    for prefix, suffixes in DYNAMIC.items():
        keys.update(prefix + s for s in suffixes)
    return keys


def test_every_key_the_code_uses_exists(replies: Replies) -> None:
    used = _keys_used_in_code()
    assert len(used) > 50
    missing = sorted(used - set(replies.keys()))
    assert missing == []


def test_unknown_key_or_missing_field_is_a_bug(replies: Replies) -> None:
    with pytest.raises(ReplyTemplateError):
        replies.render("no_such_reply")
    with pytest.raises(ReplyTemplateError):
        replies.render("added_one", what="two Bananas")  # total missing


def test_reply_then_joins_text_and_keeps_first_key(replies: Replies) -> None:
    reply = replies.render("declined").then(replies.render("cart_empty"))
    assert reply.key == "declined"
    assert reply.text == "Okay, I won't. Your cart is empty."
