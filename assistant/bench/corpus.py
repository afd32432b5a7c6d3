"""A speech-to-intent corpus in the format of ``coffee-orders``: ``audio/*.wav`` + ``labels.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storedata.errors import ExpectedError


class CorpusError(ExpectedError):
    code = "corpus_invalid"


@dataclass(frozen=True)
class Corpus:
    root: Path
    labels: dict[str, dict[str, Any]]

    @property
    def files(self) -> list[Path]:
        return [self.root / "audio" / name for name in sorted(self.labels)]

    @property
    def menu_file(self) -> Path | None:
        path = self.root / "menu.json"
        return path if path.exists() else None

    @classmethod
    def load(cls, root: Path, limit: int | None = None) -> Corpus:
        root = Path(root)
        labels_file = root / "labels.json"
        if not labels_file.is_file() or not (root / "audio").is_dir():
            raise CorpusError(f"{root} is not a corpus: it needs audio/ and labels.json.")
        try:
            labels = json.loads(labels_file.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise CorpusError(f"I cannot read {labels_file}: {exc}") from exc
        missing = [n for n in labels if not (root / "audio" / n).is_file()]
        if missing:
            raise CorpusError(f"{len(missing)} labelled files are missing, e.g. {missing[0]}.")
        names = sorted(labels)[:limit] if limit else sorted(labels)
        return cls(root, {n: labels[n] for n in names})
