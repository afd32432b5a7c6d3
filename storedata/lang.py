"""Language packs: everything a language needs, as data in ``data/lang/<code>/``.

A pack holds ``pack.yml`` (its name, tokenizer, recognizer, voice and number style), the
replies, the FAQ, the NLU templates and held-out examples, and (for a language other than the
store files' own) ``names.yml``: the store's canonical names as said in that language, the
first form being the one the assistant says. SKUs and canonical names are shared, so an order
is the same order whatever the language. Adding a language is a pack, not code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from storedata.errors import ExpectedError
from storedata.text import fold

LANG_DIR = "lang"
DEFAULT_LANG = "en"
NAME_BANKS = ("product", "item_word", "brand", "category", "keyword", "unit", "drink", "size",
              "roast", "shots", "milk", "sweetener", "amount")


class LanguagePackError(ExpectedError):
    code = "language_pack"


@dataclass(frozen=True)
class LanguagePack:
    """One language's files and choices (see ``data/lang/en/pack.yml`` for every field)."""

    code: str
    name: str
    dir: Path
    tokenizer: str = "whitespace"  # whitespace | korean | japanese (nlu.tokenizers)
    numbers: str = "english"  # english | korean | japanese (storedata.numbers_cjk)
    engines: tuple[str, ...] = ("whisper",)  # recognizers `auto` tries, best first
    whisper_model: str = "tiny.en"
    voice: dict[str, Any] = field(default_factory=dict)  # {"engine": ..., "voice": ...}
    spotter: bool = True  # the catalog spotter reads this language (nlu.products)
    counters: tuple[str, ...] = ()  # words a count comes before ("개", "つ"): see localize
    pack_size_words: tuple[str, ...] = ()  # after a count: the size of one pack ("12캔짜리")
    particles: tuple[str, ...] = ()  # glued to a word's end ("卵を"): cut where a count is cut out
    and_words: tuple[str, ...] = ()  # words joining two items said as one span ("と", "하고")
    yes: tuple[str, ...] = ()  # a yes or a no said first answers a question asked
    no: tuple[str, ...] = ()
    no_phrases: tuple[str, ...] = ()  # a no wherever said in an answer ("…, 역시 안 할래요")
    words: dict[str, str] = field(default_factory=dict)  # other words replies hold: "size"

    @property
    def nlu_dir(self) -> Path:
        return self.dir / "nlu"

    @property
    def replies(self) -> Path:
        return self.dir / "replies.yml"

    @property
    def faq(self) -> Path:
        return self.dir / "faq.yml"

    @property
    def heldout(self) -> Path:
        return self.nlu_dir / "test" / "heldout.yml"

    @property
    def bench_requests(self) -> Path:
        return self.dir / "bench" / "requests.yml"

    @property
    def names_file(self) -> Path:
        return self.dir / "names.yml"

    def answer(self, text: str) -> bool | None:
        """True or False when ``text`` starts with one of the pack's yes or no words (a word
        of its own: followed by a space, a comma or nothing), False when it holds one of its
        no phrases ("아 잠깐만요, 역시 안 할래요"); None otherwise, and for a question ("네?"
        asks for the question again)."""
        said = text.strip()
        if said.endswith(("?", "？")) and len(said) <= 4:
            return None
        for words, value in ((self.no, False), (self.yes, True)):
            for word in sorted(words, key=len, reverse=True):
                if said.startswith(word) and (len(said) == len(word) or not said[len(word)].isalnum()
                                              or self.tokenizer == "japanese"):
                    return value
        if any(phrase in said for phrase in self.no_phrases):
            return False
        return None

    def template_banks(self) -> dict[str, dict[str, list[str]]]:
        """The value banks the NLU templates define (quantity, ordinal, info_type, ...)."""
        return _template_banks(self.nlu_dir / "templates.yml", _mtime(self.nlu_dir / "templates.yml"))

    def request_words(self) -> frozenset[str]:
        """The words shoppers put around the names, as the NLU templates write them: every
        intent's but the fallback's (nonsense and other languages), the fillers, the banks."""
        return _request_words(self.nlu_dir / "templates.yml",
                              _mtime(self.nlu_dir / "templates.yml"))

    def names(self) -> dict[str, dict[str, list[str]]]:
        """Bank -> canonical value -> spoken forms in this language (empty for the store's own
        language, whose names are the store files')."""
        return _names(self.names_file, _mtime(self.names_file))

    def display_names(self) -> dict[str, str]:
        """Canonical name -> the name said in this language (first form), over every bank,
        and the pack's other ``words``."""
        out: dict[str, str] = {}
        for bank in self.names().values():
            for canonical, forms in bank.items():
                if forms:
                    out.setdefault(canonical, forms[0])
        for word, said in self.words.items():
            out.setdefault(word, said)
        return out


def shared_words(canonicals: list[str]) -> str:
    """The words every canonical name holds, in the first one's order ("Bananas" and "Organic
    Bananas" -> "bananas"): the value of a form said of several, which the search then finds."""
    if not canonicals:
        return ""
    word_sets = [set(c.lower().split()) for c in canonicals]
    common = set.intersection(*word_sets)
    return " ".join(w for w in canonicals[0].lower().split() if w in common)


def available(data_dir: Path) -> list[str]:
    root = Path(data_dir) / LANG_DIR
    return sorted(p.name for p in root.iterdir() if (p / "pack.yml").is_file()) if root.is_dir() else []


def load_pack(data_dir: Path, code: str = DEFAULT_LANG) -> LanguagePack:
    """The pack of ``code``; one clear message when there is none or it is malformed."""
    path = Path(data_dir) / LANG_DIR / code / "pack.yml"
    return _load(path, _mtime(path), code, tuple(available(data_dir)))


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


@lru_cache(maxsize=16)
def _load(path: Path, mtime: float, code: str, known: tuple[str, ...]) -> LanguagePack:
    if not mtime:
        raise LanguagePackError(f"There is no language pack for {code!r}; "
                                f"the packs here are {', '.join(known) or 'none'}.")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return LanguagePack(
            code=code, name=str(raw.get("name", code)), dir=path.parent,
            tokenizer=str(raw.get("tokenizer", "whitespace")),
            numbers=str(raw.get("numbers", "english")),
            engines=tuple(str(e) for e in raw.get("engines", ["whisper"])),
            whisper_model=str(raw.get("whisper_model", "tiny.en")),
            voice=dict(raw.get("voice") or {}),
            spotter=bool(raw.get("spotter", True)),
            counters=tuple(str(c) for c in raw.get("counters") or ()),
            pack_size_words=tuple(str(w) for w in raw.get("pack_size_words") or ()),
            particles=tuple(str(w) for w in raw.get("particles") or ()),
            and_words=tuple(str(w) for w in raw.get("and_words") or ()),
            yes=tuple(str(w) for w in raw.get("yes_words") or ()),
            no=tuple(str(w) for w in raw.get("no_words") or ()),
            no_phrases=tuple(str(w) for w in raw.get("no_phrases") or ()),
            words={str(k): str(v) for k, v in (raw.get("words") or {}).items()},
        )
    except (OSError, yaml.YAMLError, TypeError, ValueError, AttributeError) as exc:
        raise LanguagePackError(f"The language pack {code!r} cannot be read: {exc}") from exc


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise LanguagePackError(f"{path} cannot be read: {exc}") from exc
    return raw if isinstance(raw, dict) else {}


@lru_cache(maxsize=16)
def _names(path: Path, mtime: float) -> dict[str, dict[str, list[str]]]:
    if not mtime:
        return {}
    raw = _read_yaml(path)
    out: dict[str, dict[str, list[str]]] = {}
    for bank in NAME_BANKS:
        values = raw.get(bank) or {}
        out[bank] = {str(k): [str(f) for f in (v or [])] for k, v in values.items()}
    return out


_PLACEHOLDER = re.compile(r"\{[^}]*\}|\[|\]|\([^)]*\)")
FALLBACK_INTENT = "nlu_fallback"


@lru_cache(maxsize=16)
def _request_words(path: Path, mtime: float) -> frozenset[str]:
    if not mtime:
        return frozenset()
    raw = _read_yaml(path)
    texts: list[str] = []
    for intent, templates in (raw.get("intents") or {}).items():
        if intent != FALLBACK_INTENT:
            texts += [str(t) for t in templates or []]
    texts += [str(f) for forms in (raw.get("fillers") or {}).values() for f in forms or []]
    texts += [str(f) for bank in _template_banks(path, mtime).values()
              for forms in bank.values() for f in forms]
    return frozenset(w for t in texts for w in fold(_PLACEHOLDER.sub(" ", t)).split())


@lru_cache(maxsize=16)
def _template_banks(path: Path, mtime: float) -> dict[str, dict[str, list[str]]]:
    if not mtime:
        return {}
    banks = _read_yaml(path).get("banks") or {}
    return {str(name): {str(k): [str(f) for f in v or []] for k, v in values.items()}
            for name, values in banks.items() if isinstance(values, dict)}
