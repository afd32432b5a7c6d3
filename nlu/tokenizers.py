"""Tokenizers for Rasa: Korean (kiwi) and Japanese (MeCab with UniDic, via fugashi).

Whitespace tokens do not work for these languages: Japanese has no spaces, and Korean glues
particles to nouns ("바나나를"), so an entity would never end on a token boundary. Each
component gives spans of the original text (a token's text is always a slice of it: kiwi's
morphemes are normalised, "담아줘" -> 담/아/주/어, and overlapping pieces are merged). A
change between digits and other letters is a boundary too, so counters come off numbers
("3개", "12パック").
Named in a pack's NLU config as ``nlu.tokenizers.KoreanTokenizer`` / ``JapaneseTokenizer``.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

Span = tuple[int, int]
_WORD_CHAR = re.compile(r"[\w%]")
_SCRIPT_BREAK = re.compile(r"(?<=\d)(?=\D)|(?<=\D)(?=\d)")


def merge_spans(spans: list[Span], text: str) -> list[Span]:
    """Sorted, non-overlapping spans without punctuation at their ends; each split where
    digits meet other letters."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if end <= start or not text[start:end].strip():
            continue
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[Span] = []
    for start, end in merged:
        while start < end and not _WORD_CHAR.match(text[start]):
            start += 1  # punctuation is no token ("있어요?" -> 있어요)
        while end > start and not _WORD_CHAR.match(text[end - 1]):
            end -= 1
        piece = text[start:end]
        cuts = [0, *(m.start() for m in _SCRIPT_BREAK.finditer(piece)), len(piece)]
        out += [(start + a, start + b) for a, b in zip(cuts, cuts[1:], strict=False) if piece[a:b].strip()]
    return out


class _MorphemeTokenizer(Tokenizer):
    """Shared by both languages: subclasses give ``spans(text)``."""

    _lock = threading.Lock()

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"intent_tokenization_flag": False, "intent_split_symbol": "_",
                "token_pattern": None, "prefix_separator_symbol": None}

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> _MorphemeTokenizer:
        return cls(config)

    def spans(self, text: str) -> list[Span]:
        raise NotImplementedError

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        text = message.get(attribute) or ""
        with self._lock:  # the analysers are not documented as thread-safe
            spans = merge_spans(self.spans(text), text)
        if not spans:
            return [Token(text, 0)] if text else []
        return self._apply_token_pattern([Token(text[a:b], a, b) for a, b in spans])


def _store_words(names_file: str | None) -> list[str]:
    """The Hangul words of every name in a pack's names.yml (relative to the project root)."""
    if not names_file:
        return []
    import yaml

    path = Path(__file__).resolve().parents[1] / names_file
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    words = {w for bank in raw.values() if isinstance(bank, dict)
             for forms in bank.values() for form in forms or [] for w in str(form).split()}
    return sorted(w for w in words if re.fullmatch(r"[가-힣]{2,}", w))


# Kiwi's tags of what a particle or the copula may follow (nouns, pronouns, numbers, roots,
# foreign words): the only places a Korean word is cut.
NOMINAL_TAGS = ("NN", "NP", "NR", "SL", "SN", "SH", "XR", "XSN")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class KoreanTokenizer(_MorphemeTokenizer):
    """Korean words (eojeol, between spaces) with their particles and copula cut off, by
    kiwi (kiwipiepy + kiwipiepy-model): "바나나를" -> 바나나 | 를, "유기농이에요" -> 유기농 |
    이에요. Within a word nothing else is cut, so a loanword kiwi does not know stays whole
    ("오트", which it reads as an interjection and a verb) and so does a verb with its endings.
    The store's names (``user_words``: a pack's names.yml, from the project root) are kiwi's
    own words too: "체다" is a noun, not 체 and the copula."""

    _kiwi: Any = None
    _words_from: str | None = None

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**_MorphemeTokenizer.get_default_config(), "user_words": None}

    @staticmethod
    def supported_languages() -> list[str] | None:
        return ["ko"]

    @staticmethod
    def required_packages() -> list[str]:
        return ["kiwipiepy"]

    def spans(self, text: str) -> list[Span]:
        source = self._config.get("user_words")
        if KoreanTokenizer._kiwi is None or KoreanTokenizer._words_from != source:
            from kiwipiepy import Kiwi

            kiwi = Kiwi()
            for word in _store_words(source):
                kiwi.add_user_word(word, "NNP")
            KoreanTokenizer._kiwi, KoreanTokenizer._words_from = kiwi, source
        morphemes = KoreanTokenizer._kiwi.tokenize(text)
        spans: list[Span] = []
        for eojeol in re.finditer(r"\S+", text):
            begin, end = eojeol.start(), eojeol.end()
            cuts = [begin]
            inside = [m for m in morphemes if begin <= m.start < end]
            for before, m in zip(inside, inside[1:], strict=False):
                if (m.tag.startswith("J") or m.tag == "VCP") and before.tag.startswith(NOMINAL_TAGS) \
                        and cuts[-1] < m.start < end:
                    cuts.append(m.start)
            cuts.append(end)
            spans += list(zip(cuts, cuts[1:], strict=False))
        return spans


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class JapaneseTokenizer(_MorphemeTokenizer):
    """Japanese morphemes by MeCab with UniDic-lite (fugashi + unidic-lite)."""

    _tagger: Any = None

    @staticmethod
    def supported_languages() -> list[str] | None:
        return ["ja"]

    @staticmethod
    def required_packages() -> list[str]:
        return ["fugashi"]

    def spans(self, text: str) -> list[Span]:
        if JapaneseTokenizer._tagger is None:
            import fugashi

            JapaneseTokenizer._tagger = fugashi.Tagger()
        spans: list[Span] = []
        at = 0
        for word in JapaneseTokenizer._tagger(text):
            start = text.find(word.surface, at)
            if start < 0:  # MeCab normalised the surface: keep the rest as one piece
                spans.append((at, len(text)))
                break
            spans.append((start, start + len(word.surface)))
            at = start + len(word.surface)
        return spans
