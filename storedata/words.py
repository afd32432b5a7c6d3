"""Words around the names: function words, the words of requests, and joining lists."""

from __future__ import annotations

from collections.abc import Sequence

# Function words are heard reliably; a span that holds one is never a near miss of a name
# that lacks it ("and milk" is not "almond milk").
FUNCTION_WORDS = frozenset(
    "a an and the with of to for in on at me i i'd we you it is some please get can could "
    "would like have want give make no not but or".split()
)
# The words of a request around the item ("could you put", "in my cart"): never an item.
REQUEST_WORDS = frozenset(
    "add put throw toss grab get take pick buy order need want like love needs wants i'd "
    "i'll i'm we're we'll we'd you your my our us me cart basket list please thanks thank "
    "also too more another again then just um uh oh okay ok so well hey hi yes no up out "
    "in into onto there here this that these those them it one ones some any all few lot "
    "lots let let's can could would will should may might do does did have has had go "
    "gonna wanna gotta be is are was were am what how much many size sizes big price "
    "prices cost costs stock available kind kinds type types brand brands item items thing "
    "things tell about show find look looking know give left anymore today now right "
    "carry sell stock which where when who why whose got i've forget remember don't dont "
    "won't wont can't cant isn't isnt aren't arent doesn't doesnt didn't didnt".split()
)


def join_words(items: Sequence[str], conjunction: str = "and") -> str:
    """["a"] -> "a"; ["a", "b"] -> "a and b"; ["a", "b", "c"] -> "a, b, and c".

    ``conjunction="or"`` for choices: "skim milk, half and half, or oat milk" (the "and"
    inside a name such as "half and half" stays as it is).
    """
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} {conjunction} {items[1]}"
    return ", ".join(items[:-1]) + f", {conjunction} {items[-1]}"
