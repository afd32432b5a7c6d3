"""Which of the recognizer's hypotheses a spoken turn answers.

The recognizer hands over its n-best, re-ranked against the store's words (``voice.rescore``):
the best is the hypothesis that fits the store's vocabulary, not yet one the store can act
on. When the turn of the best hypothesis places nothing (not understood, or naming nothing
the catalog or the cart has: "add the lines" for limes), the next hypotheses are tried in the
recognizer's order and the first whose turn places something answers; when none does, the
best hypothesis's turn stands. Such a turn changes nothing in the database (it is one clear
message), so trying another hypothesis only needs the conversation's state put back.

A PIN question is answered by the best hypothesis alone; with a confirmation pending, a
lower-ranked hypothesis may be a new request ("add the limes" after the checkout reminder),
never the answer: a yes that pays or deletes is never taken from a hypothesis the recognizer
ranked lower (``policy.decide(below=True)``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from assistant.dialogue.handlers.fallback import NOT_UNDERSTOOD
from assistant.dialogue.state import SessionState
from assistant.dialogue.types import Turn
from storedata.text import fold

# Replies that place nothing: the line was not understood, or named nothing there is.
UNPLACED = NOT_UNDERSTOOD | frozenset({
    "empty", "not_found", "not_found_suggest", "add_what", "search_what", "info_what",
    "info_none", "line_not_found", "faq_unknown",
})
MOST_TRIED = 4  # other hypotheses tried at most: each costs a parse and a turn (~40 ms)


def may_try_others(state: SessionState) -> bool:
    """Whether a lower-ranked hypothesis may answer in this state: not a PIN question.
    With a confirmation pending it may be a new request, never the answer
    (``policy.decide(below=True)``)."""
    return not state.expects_pin


def placed(turn: Turn) -> bool:
    return turn.reply_key not in UNPLACED


def hypotheses(best: str, alternatives: Sequence[str],
               more: Callable[[], Sequence[str]] | None = None) -> Iterator[str]:
    """The hypotheses to try after ``best``, each once (case and punctuation aside): the
    recognizer's others in order, at most ``MOST_TRIED``; then, only if it comes to that,
    those of ``more`` (a second opinion: another model's hearing of the same audio, its best
    first, one more of it)."""
    seen = {fold(best)}

    def fresh(texts: Sequence[str], most: int) -> Iterator[str]:
        given = 0
        for text in texts:
            key = fold(text)
            if key and key not in seen and given < most:
                seen.add(key)
                given += 1
                yield text

    yield from fresh(alternatives, MOST_TRIED)
    if more is not None:
        yield from fresh(more(), MOST_TRIED + 1)
