"""Reply wording lives in the language pack's ``replies.yml``; this module loads and renders it."""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from assistant.dialogue.speech_format import speakable
from assistant.dialogue.wording import ENGLISH, Wording
from assistant.settings import DATA_DIR

DEFAULT_PATH = DATA_DIR / "lang" / "en" / "replies.yml"


class ReplyTemplateError(Exception):
    """A reply key or field the code asked for is missing: a bug, not a user mistake."""


@dataclass(frozen=True)
class Reply:
    """What the assistant says: the text and the template it came from."""

    text: str
    key: str

    def then(self, other: Reply | None) -> Reply:
        """This reply followed by another (the key stays the first one's)."""
        if other is None:
            return self
        return Reply(text=f"{self.text} {other.text}", key=self.key)


class Replies:
    """Named templates with ``{field}`` placeholders, in one language: its ``wording`` says
    the fields' numbers and names (``assistant.dialogue.wording``)."""

    def __init__(self, templates: dict[str, str], wording: Wording = ENGLISH) -> None:
        self._templates = dict(templates)
        self.wording = wording

    @classmethod
    def load(cls, path: Path | None = None, wording: Wording = ENGLISH) -> Replies:
        source = path or DEFAULT_PATH
        raw = yaml.safe_load(source.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ReplyTemplateError(f"{source} must be a mapping of key: template")
        templates: dict[str, str] = {}
        for key, value in raw.items():
            if not isinstance(value, str):
                raise ReplyTemplateError(f"reply {key!r} must be a string")
            templates[str(key)] = " ".join(value.split())
        return cls(templates, wording)

    def keys(self) -> list[str]:
        return sorted(self._templates)

    def fields(self, key: str) -> set[str]:
        """The placeholder names a template uses."""
        template = self._template(key)
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    def render(self, key: str, **fields: Any) -> Reply:
        template = self._template(key)
        missing = self.fields(key) - set(fields)
        if missing:
            raise ReplyTemplateError(f"reply {key!r} needs {sorted(missing)}")
        if self.wording.localized:  # canonical names said in the language; no English symbols
            fields = {k: self.wording.name(v) if isinstance(v, str) else v for k, v in fields.items()}
            return Reply(text=" ".join(template.format(**fields).split()), key=key)
        return Reply(text=speakable(template.format(**fields)), key=key)

    def text(self, key: str, **fields: Any) -> str:
        return self.render(key, **fields).text

    def _template(self, key: str) -> str:
        try:
            return self._templates[key]
        except KeyError:
            raise ReplyTemplateError(f"no reply template {key!r} in replies.yml") from None
