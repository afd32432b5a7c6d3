"""The optional wake phrase: heard tolerantly (rapidfuzz), taken off the front of the line."""

from __future__ import annotations

from rapidfuzz import fuzz

from voice.textnorm import spoken_form

THRESHOLD = 75.0


def strip_wake_phrase(phrase: str, text: str, threshold: float = THRESHOLD) -> str | None:
    """The request after the wake phrase, as said ("" when only the phrase was said), or
    None when the line does not start with it: "Hey cart, a latte." -> "a latte."."""
    wanted = spoken_form(phrase).replace(" ", "")
    words = text.split()
    if not wanted:
        return text.strip()
    best_score, best_size = 0.0, 0
    size_in_words = len(phrase.split())
    for size in range(max(1, size_in_words - 1), size_in_words + 2):  # "heycart", "hey car t"
        head = spoken_form(" ".join(words[:size])).replace(" ", "")
        score = fuzz.ratio(wanted, head)
        if score > best_score:
            best_score, best_size = score, size
    if best_score < threshold:
        return None
    return " ".join(words[best_size:]).lstrip(",.;:!? ")
