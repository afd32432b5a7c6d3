"""Numbers in Korean and Japanese: said (for replies) and read back (from a transcript).

Korean counts things with native numerals before a counter ("바나나 두 개", 1-99) and says
money, order numbers and anything large with Sino-Korean ones ("삼천오백 원"); Japanese writes
Arabic digits in running text (a voice reads "3個" right), says prices in digits too, and
counts small things with its native つ words (ひとつ, ふたつ). Read back, any of these, kanji
numerals (十二, 三千五百) and digits give the number.
"""

from __future__ import annotations

import re

SINO_KO = ["", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"]
KO_POWERS = [(10 ** 8, "억"), (10 ** 4, "만"), (1000, "천"), (100, "백"), (10, "십")]
# Native Korean numerals in their form before a counter (한 개, 두 개, 스무 개).
NATIVE_KO_ONES = ["", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"]
NATIVE_KO_TENS = ["", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"]
# Every form read back: the counting forms and those before a counter.
_NATIVE_KO = {"두어": 2, "서너": 3, "하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "석": 3, "넷": 4, "네": 4,
              "넉": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10, "스물": 20,
              "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70, "여든": 80,
              "아흔": 90}
_NATIVE_JA = {"ひとつ": 1, "一つ": 1, "ふたつ": 2, "二つ": 2, "みっつ": 3, "三つ": 3, "よっつ": 4,
              "四つ": 4, "いつつ": 5, "五つ": 5, "むっつ": 6, "六つ": 6, "ななつ": 7, "七つ": 7,
              "やっつ": 8, "八つ": 8, "ここのつ": 9, "九つ": 9, "とお": 10, "ひと": 1, "ふた": 2}
_DIGITS = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6, "칠": 7, "팔": 8, "구": 9,
           "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
           "〇": 0, "零": 0, "영": 0, "공": 0}
_POWERS = {"십": 10, "백": 100, "천": 1000, "만": 10 ** 4, "억": 10 ** 8,
           "十": 10, "百": 100, "千": 1000, "万": 10 ** 4, "億": 10 ** 8}
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def sino_korean(n: int) -> str:
    """3500 -> "삼천오백"; 12 -> "십이"; 0 -> "영" (no "일" before 십, 백, 천, 만)."""
    if n == 0:
        return "영"
    out = ""
    for power, word in KO_POWERS:
        if n >= power:
            lead, n = divmod(n, power)
            head = sino_korean(lead) if lead >= 10 else SINO_KO[lead]
            out += ("" if lead == 1 and power < 10 ** 8 else head) + word
    return out + SINO_KO[n]


def native_korean(n: int) -> str:
    """A count before a counter: 2 -> "두", 12 -> "열두", 20 -> "스무"; Sino-Korean from 100."""
    if not 0 < n < 100:
        return sino_korean(n)
    tens, ones = divmod(n, 10)
    if n == 20:
        return "스무"
    return NATIVE_KO_TENS[tens] + NATIVE_KO_ONES[ones]


def read_number(text: str) -> int | None:
    """The number a Korean or Japanese (or digit) phrase says, else None.

    "두" -> 2, "열두" -> 12, "삼천오백" -> 3500, "十二" -> 12, "ふたつ" -> 2, "3" -> 3, "２" -> 2.
    A counter or particle after it is ignored ("두 개", "3つ", "二本").
    """
    text = re.sub(r"\s+", "", text.translate(_FULL_WIDTH))
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group())
    for word in sorted(_NATIVE_JA, key=len, reverse=True):
        if text.startswith(word):
            return _NATIVE_JA[word]
    native = _read_native_korean(text)
    return native if native is not None else _read_positional(text)


def _read_native_korean(text: str) -> int | None:
    total, rest = 0, text
    for word in sorted(_NATIVE_KO, key=len, reverse=True):  # tens first ("열", "스물")
        if rest.startswith(word) and _NATIVE_KO[word] >= 10:
            total, rest = _NATIVE_KO[word], rest[len(word):]
            break
    for word in sorted(_NATIVE_KO, key=len, reverse=True):
        if rest.startswith(word) and _NATIVE_KO[word] < 10:
            return total + _NATIVE_KO[word]
    return total or None


def _read_positional(text: str) -> int | None:
    """Sino-Korean or kanji numerals: digits times powers of ten ("삼천오백", "二千五百")."""
    total = section = digit = 0
    seen = False
    for ch in text:
        if ch in _DIGITS:
            digit, seen = _DIGITS[ch], True
        elif ch in _POWERS:
            power, seen = _POWERS[ch], True
            if power >= 10 ** 4:
                total += (section + digit or 1) * power
                section = digit = 0
            else:
                section += (digit or 1) * power
                digit = 0
        else:
            break
    return total + section + digit if seen else None


# Digits said one by one (a PIN): Sino-Korean and Japanese readings, kanji and digits.
_DIGIT_WORDS = {"영": "0", "공": "0", "일": "1", "이": "2", "삼": "3", "사": "4", "오": "5",
                "육": "6", "륙": "6", "칠": "7", "팔": "8", "구": "9",
                "ゼロ": "0", "れい": "0", "まる": "0", "いち": "1", "に": "2", "さん": "3",
                "よん": "4", "し": "4", "ご": "5", "ろく": "6", "なな": "7", "しち": "7",
                "はち": "8", "きゅう": "9", "く": "9", "〇": "0", "零": "0", "一": "1", "二": "2",
                "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_DIGIT_WORD = re.compile("|".join(sorted(map(re.escape, _DIGIT_WORDS), key=len, reverse=True)))


def read_digits(text: str) -> str | None:
    """Digits said one by one and nothing else, a polite ending allowed: "이 사 육 팔" ->
    "2468", "2468이요" -> "2468", "にーよんろくはち" -> "2468"; "바나나" -> None."""
    rest = re.sub(r"[\s,.、。ー-]+", "", text.translate(_FULL_WIDTH))
    rest = re.sub(r"(이요|예요|이에요|입니다|요|です)$", "", rest)
    out, at = [], 0
    while at < len(rest):
        if rest[at].isdigit():
            out.append(rest[at])
            at += 1
            continue
        m = _DIGIT_WORD.match(rest, at)
        if m is None:
            return None
        out.append(_DIGIT_WORDS[m.group()])
        at = m.end()
    return "".join(out) or None
