"""Small pieces of language the dialogue reads itself: quantities, ordinals, yes and no."""

from __future__ import annotations

import re

from text_to_num import alpha2digit

from storedata.numbers import SIZE_SAID, number_pattern
from storedata.text import fold

# Phrases text2num does not know, replaced before it runs (longest first).
_QUANTITY_PHRASES: tuple[tuple[str, str], ...] = (
    ("half a dozen", "6"),
    ("a dozen", "12"),
    ("one dozen", "12"),
    ("dozen", "12"),
    ("a couple of", "2"),
    ("a couple", "2"),
    ("couple of", "2"),
    ("a pair of", "2"),
    ("a pair", "2"),
    ("a few", "3"),
    ("a single", "1"),
    ("just one", "1"),
)
_ARTICLE = re.compile(r"^(a|an|one)\b")
_NUMBER = re.compile(r"\d+")

_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5, "last": -1, "top": 1,
}

AFFIRM_WORDS = frozenset(
    "yes yeah yep yup sure ok okay alright please definitely absolutely correct right "
    "confirm confirmed".split()
)
AFFIRM_PHRASES = ("go ahead", "do it", "sounds good", "of course", "that's right", "let's do it")
DENY_WORDS = frozenset("no nope nah never cancel".split())
DENY_PHRASES = ("not now", "actually no", "don't", "do not", "no thanks", "not really",
                "never mind", "forget it")


def _in_digits(lowered: str) -> str:
    """Number words and phrases ("a dozen", "twenty four") as digits."""
    for phrase, digits in _QUANTITY_PHRASES:
        if phrase in lowered:
            lowered = lowered.replace(phrase, digits)
    return alpha2digit(lowered, "en", threshold=0)


def parse_quantity(text: str) -> int | None:
    """"six" -> 6, "a dozen" -> 12, "a couple of" -> 2, "twenty four" -> 24, "an" -> 1."""
    lowered = " ".join(text.lower().replace("-", " ").split())
    if not lowered:
        return None
    converted = _in_digits(lowered)
    found = _NUMBER.findall(converted.replace(",", ""))
    if found:
        return int(found[0])
    if _ARTICLE.match(lowered):
        return 1
    return None


def cartons_of_dozen(quantity: int, words: str) -> int:
    """How many cartons of twelve a count said with "dozen" is: "a dozen" (12) and "two
    dozen" (24 or 2, as the count was read) are one and two; "half a dozen" is one."""
    if quantity % 12 == 0:
        return max(1, quantity // 12)
    return 1 if "half" in words.lower() else quantity


_COUNT_FILLER = frozenset("make it that them those change to just only please of".split())


def bare_quantity(text: str) -> int | None:
    """A count said alone ("six", "make it six", "just two please"): the number, else None."""
    rest = [w for w in fold(text).split() if w not in _COUNT_FILLER]
    if not rest:
        return None
    converted = _in_digits(" ".join(rest)).split()
    if len(converted) != 1 or not converted[0].isdigit():
        return None
    return int(converted[0])


def parse_ordinal(text: str) -> int | None:
    """"the second one" -> 2, "last" -> -1 (the caller resolves it), "3" -> 3."""
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        if word in _ORDINALS:
            return _ORDINALS[word]
        if word.isdigit():
            return int(word)
    return None


def said_first(text: str) -> bool:
    """The sentence opens with its yes or no ("yes please, the oat milk", "no, the eggs")."""
    words = re.findall(r"[a-z']+", fold(text))
    return bool(words) and yes_or_no(words[0]) is not None


def yes_or_no(text: str) -> bool | None:
    """Natural yes / no: "yeah", "go ahead" -> True; "nope", "not now", "actually no" -> False."""
    lowered = fold(text)
    if not lowered:
        return None
    if any(phrase in lowered for phrase in DENY_PHRASES):
        return False
    words = set(re.findall(r"[a-z']+", lowered))
    if words & DENY_WORDS:
        return False
    if any(phrase in lowered for phrase in AFFIRM_PHRASES) or words & AFFIRM_WORDS:
        return True
    return None


# What a question about a product asks, by its words. The NLU's ``info_type`` entity wins when
# it is there; these read the same questions whatever intent a given model ranks first.
_ASPECT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("availability", re.compile(
        r"\b(in stock|available|availability|sold out|out of stock|any( [\w'-]+){0,4} left|"
        r"do (you|y'all|ya)( guys| all| folks)? (still )?(have|carry|sell|stock|got)|"
        r"have you( guys)? got|(you|y'all)( guys)? got any|is there any|are there any|"
        r"are (you|y'all)( guys| all)? (out of|sold out))\b")),
    ("price", re.compile(r"\b(how much|prices?|priced|costs?|go for|run me)\b")),
    ("size", re.compile(
        rf"\b(what size|which size|sizes?(?!\s+(\d|{number_pattern()})\b)|"  # not "size four"
        r"how (big|large|heavy|small)|how many (ounces|grams|pounds|liters|litres|rolls|count)|"
        r"how many \w+ (come|are|in|per))\b")),
    ("organic", re.compile(r"\borganic\b")),
)
_QUESTION_START = re.compile(
    r"^(how|what|what's|whats|which|is|isn't|are|aren't|do|does|did|can|could|have|has|any|"
    r"got|price check|the price of|price of)\b")


def asked_aspect(text: str) -> str | None:
    """What a product question asks: "price", "availability", "size", "organic" or None.

    "how much are the bananas" -> price; "do you have almond milk" -> availability;
    "what size is the orange juice" -> size. The aspect named first in the sentence wins.
    """
    lowered = fold(text)
    found = [(m.start(), aspect) for aspect, pattern in _ASPECT_PATTERNS
             if (m := pattern.search(lowered))]
    return min(found)[1] if found else None


# "horizon milk, is that organic": the question asked after the product is named.
_QUESTION_AFTER = re.compile(r"[,;]\s*(is|are|does|do|how|what|what's|whats)\s+"
                             r"(that|it|this|they|these|those|much|many)\b", re.IGNORECASE)


def is_question(text: str) -> bool:
    """Put as a question: a question word first or after the product named, or a question
    mark."""
    return text.rstrip().endswith("?") or bool(_QUESTION_START.match(fold(text))) or \
        bool(_QUESTION_AFTER.search(text))


_PIN_FILLER = frozenset("my the code pin is it's its it purchase number private okay ok um uh".split())


def pin_digits(text: str) -> str | None:
    """Spoken or typed digits and nothing else: "two four six eight" -> "2468",
    "my code is 2 4 6 8" -> "2468"; "add two eggs" -> None (a request, not a PIN)."""
    converted = alpha2digit(" ".join(text.lower().replace("-", " ").split()), "en", threshold=0)
    tokens = [t.strip(".,!?") for t in converted.split()]
    tokens = [t for t in tokens if t and t not in _PIN_FILLER]
    if not tokens or not all(t.isdigit() for t in tokens):
        return None
    return "".join(tokens)


_TIMES = {"double": 2, "twice": 2, "triple": 3}
_MULTIPLY = re.compile(r"\b(double|twice|triple)\b")


def times(text: str) -> int | None:
    """"double the bananas" -> 2: the line's count multiplied."""
    found = _MULTIPLY.search(fold(text))
    return _TIMES[found.group(1)] if found else None


def said_size(text: str) -> str | None:
    """A product's size said by its number ("the pampers size one" -> "size 1"), or None."""
    found = SIZE_SAID.search(fold(text))
    return alpha2digit(found.group(0), "en", threshold=0) if found else None
