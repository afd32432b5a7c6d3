"""Domain adaptation input: the words a store's shoppers say, filled in by the caller.

Engines turn it into what they understand: a Whisper prompt and hotwords, a pocketsphinx
JSGF grammar, a vosk phrase list. Generated grammars are cached under ``models/`` keyed by a
hash of the vocabulary, so they are rebuilt exactly when the store's words change.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from storedata.text import fold

# Given the first pass's hypotheses, the prompt of a second pass (the likely items of a
# catalog too large for one prompt), or None when a second pass would not help.
SecondPrompt = Callable[[list[str]], "str | None"]


@dataclass(frozen=True)
class DomainVocabulary:
    """``grammar`` maps a slot name (e.g. "drink", "size") to the phrases it may take;
    ``carriers`` are the command words around them ("can I get", "with", "please")."""

    phrases: list[str]
    prompt: str = ""
    grammar: dict[str, list[str]] = field(default_factory=dict)
    carriers: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)  # example utterances, for n-gram LMs

    def key(self) -> str:
        """A short hash that changes whenever any word changes."""
        blob = json.dumps(asdict(self), sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:16]

    def all_phrases(self) -> list[str]:
        """Every phrase once, slot phrases first, in a stable order."""
        seen: dict[str, None] = {}
        for slot in sorted(self.grammar):
            for phrase in self.grammar[slot]:
                seen.setdefault(normalize(phrase), None)
        for phrase in [*self.phrases, *self.carriers]:
            seen.setdefault(normalize(phrase), None)
        return [p for p in seen if p]

    def words(self) -> set[str]:
        return {w for phrase in self.all_phrases() for w in phrase.split()}

    def hotwords(self, limit: int = 60) -> str:
        """The slot phrases as one line, for engines that take a hotword string."""
        slot_phrases = [normalize(p) for s in sorted(self.grammar) for p in self.grammar[s]]
        return ", ".join(dict.fromkeys(slot_phrases[:limit]))


def normalize(text: str) -> str:
    """Lower case, letters (any script), digits and apostrophes only, single spaces."""
    return fold(text)


def _rule_name(slot: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", slot) or "slot"


def _alternatives(phrases: list[str], known: Callable[[str], bool]) -> list[str]:
    kept = [p for p in dict.fromkeys(normalize(x) for x in phrases) if p]
    return [p for p in kept if all(known(w) for w in p.split())]


def to_jsgf(vocab: DomainVocabulary, known: Callable[[str], bool] = lambda w: True) -> str:
    """A JSGF grammar: any sequence of slot phrases and carrier phrases.

    Only phrases whose every word the engine's dictionary ``known`` are kept: a grammar with
    an unknown word does not load.
    """
    rules: list[str] = []
    parts: list[str] = []
    for slot in sorted(vocab.grammar):
        alts = _alternatives(vocab.grammar[slot], known)
        if alts:
            name = _rule_name(slot)
            rules.append(f"<{name}> = {' | '.join(alts)};")
            parts.append(f"<{name}>")
    in_slots = {normalize(p) for values in vocab.grammar.values() for p in values}
    extra = [p for p in [*vocab.carriers, *vocab.phrases] if normalize(p) not in in_slots]
    fillers = _alternatives(extra, known)
    if fillers:
        rules.append(f"<carrier> = {' | '.join(fillers)};")
        parts.append("<carrier>")
    if not parts:
        raise ValueError("the vocabulary has no word the engine knows")
    head = ["#JSGF V1.0;", "grammar voicecart;", "public <utterance> = <part>+;",
            f"<part> = {' | '.join(parts)};"]
    return "\n".join([*head, *rules]) + "\n"


def to_sentences(vocab: DomainVocabulary, known: Callable[[str], bool] = lambda w: True) -> str:
    """A training text for a domain n-gram LM: the example sentences, then each phrase."""
    lines = _alternatives([*vocab.sentences, *vocab.all_phrases()], known)
    return "\n".join(lines) + "\n"


def to_phrase_list(
    vocab: DomainVocabulary, known: Callable[[str], bool] = lambda w: True
) -> list[str]:
    """A phrase list (for vosk): every known phrase, plus "[unk]" for anything else when
    the model has that word."""
    unknown = ["[unk]"] if known("[unk]") else []
    return [*_alternatives(vocab.all_phrases(), known), *unknown]


def cached(cache_dir: Path, vocab: DomainVocabulary, suffix: str, build: Callable[[], str]) -> Path:
    """Write ``build()`` once per vocabulary hash under ``cache_dir`` and return its path."""
    path = cache_dir / f"{vocab.key()}{suffix}"
    if not path.is_file():
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(build(), encoding="utf-8")
        tmp.replace(path)
    return path
