"""How the replies say numbers, money, counts, lists and names, per language.

The dialogue builds reply fields through ``speech_format`` (``money_words``, ``quantity_words``,
``join_words``...), which asks the wording of the turn's language: English is the default and
its functions are the originals; a pack's ``numbers`` names another (``korean``, ``japanese``).
Like a translation catalogue, the wording is activated for the length of a turn
(``speaking``). Product and option names are said in the pack's language: its ``names.yml``
gives each canonical name's display form, put in place of the canonical one in every field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from storedata.cjk import native_korean, sino_korean
from storedata.lang import LanguagePack

UNITS = {"lb": ("파운드", "ポンド"), "lbs": ("파운드", "ポンド"), "oz": ("온스", "オンス"),
         "fl oz": ("액량 온스", "液量オンス"), "ct": ("개입", "個入り"), "pk": ("팩", "パック"),
         "g": ("그램", "グラム"), "kg": ("킬로그램", "キログラム"), "ml": ("밀리리터", "ミリリットル"),
         "l": ("리터", "リットル"), "gal": ("갤런", "ガロン"), "qt": ("쿼트", "クォート"),
         "pt": ("파인트", "パイント"), "in": ("인치", "インチ"), "count": ("개입", "個入り"),
         "pack": ("팩", "パック")}


@dataclass
class Wording:
    """English: ``localized`` is False and ``speech_format`` keeps its own functions."""

    code: str = "en"
    names: dict[str, str] = field(default_factory=dict)  # canonical -> said in this language
    pack: LanguagePack | None = None  # the pack of a language other than the store files'
    _pattern: re.Pattern[str] | None = None
    _lower: dict[str, str] = field(default_factory=dict)

    @property
    def localized(self) -> bool:
        return self.code != "en"

    def number(self, n: int) -> str:
        return str(n)

    def ordinal(self, n: int) -> str:
        return str(n)

    def money(self, cents: int) -> str:
        return str(cents)

    def quantity(self, n: int, name: str) -> str:
        return f"{n} {name}"

    def join(self, items: Sequence[str], conjunction: str = "and") -> str:
        return ", ".join(items)

    def numbered(self, items: Sequence[str], start: int = 1) -> str:
        """Choices read with their ordinals, a sentence each (no stop after the last)."""
        return ". ".join(f"{self.ordinal(start + i)}, {item}" for i, item in enumerate(items))

    def size(self, size: str) -> str:
        parts = size.strip().split(" ", 1)
        if len(parts) == 2 and parts[1].lower().rstrip(".") in UNITS:
            return parts[0] + UNITS[parts[1].lower().rstrip(".")][self.code == "ja"]
        return size

    def name(self, text: str) -> str:
        """Every canonical name in ``text`` said as this language says it (longest first; a
        name ends where Latin letters do: "Bananas3個")."""
        if not self.names:
            return text
        if self._pattern is None:
            self._lower = {k.lower(): v for k, v in self.names.items()}
            alternatives = sorted(self._lower, key=len, reverse=True)
            self._pattern = re.compile(
                r"(?<![A-Za-z])(" + "|".join(re.escape(n) for n in alternatives) + r")(?![A-Za-z])",
                re.IGNORECASE)
        return self._pattern.sub(lambda m: self._lower[m.group(1).lower()], text)


class KoreanWording(Wording):
    def number(self, n: int) -> str:
        """A count, said before its counter ("{count} 개"): native Korean up to 99."""
        return native_korean(n)

    def ordinal(self, n: int) -> str:
        return ("첫" if n == 1 else native_korean(n)) + " 번째"

    def money(self, cents: int) -> str:
        dollars, rest = divmod(abs(cents), 100)
        parts = [f"{sino_korean(dollars)} 달러"] if dollars else []
        if rest or not dollars:
            parts.append(f"{sino_korean(rest)} 센트")
        return ("마이너스 " if cents < 0 else "") + " ".join(parts)

    def quantity(self, n: int, name: str) -> str:
        return f"{name} {native_korean(n)} 개"

    def join(self, items: Sequence[str], conjunction: str = "and") -> str:
        items = list(items)
        word = "또는" if conjunction == "or" else "그리고"
        return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"


class JapaneseWording(Wording):
    def ordinal(self, n: int) -> str:
        return f"{n}番目"

    def numbered(self, items: Sequence[str], start: int = 1) -> str:
        return "。".join(f"{self.ordinal(start + i)}、{item}" for i, item in enumerate(items))

    def money(self, cents: int) -> str:
        dollars, rest = divmod(abs(cents), 100)
        text = (f"{dollars}ドル" if dollars else "") + (f"{rest}セント" if rest or not dollars else "")
        return ("マイナス" if cents < 0 else "") + text

    def quantity(self, n: int, name: str) -> str:
        return f"{name}{n}個"

    def join(self, items: Sequence[str], conjunction: str = "and") -> str:
        items = list(items)
        return ("か" if conjunction == "or" else "、").join(items)


ENGLISH = Wording()
_KINDS: dict[str, type[Wording]] = {"english": Wording, "korean": KoreanWording,
                                    "japanese": JapaneseWording}
_ACTIVE: ContextVar[Wording] = ContextVar("wording", default=ENGLISH)


def wording_for(pack: LanguagePack | None) -> Wording:
    if pack is None or pack.numbers == "english":
        return ENGLISH
    return _KINDS.get(pack.numbers, Wording)(code=pack.code, names=pack.display_names(), pack=pack)


def active() -> Wording:
    return _ACTIVE.get()


@contextmanager
def speaking(wording: Wording) -> Iterator[None]:
    """Replies built in the block use ``wording``."""
    token = _ACTIVE.set(wording)
    try:
        yield
    finally:
        _ACTIVE.reset(token)
