"""Cafe orders for training: a drink with any subset of its modifiers, in many spoken orders.

Covers every slot combination of the menu, with the overlaps that matter: "medium roast" is a
roast, "medium" alone a size; "iced mocha" is one drink.
"""

from __future__ import annotations

import random

from nlu.annotate import annotate, pick

Banks = dict[str, dict[str, list[str]]]

OPENERS = [
    "", "", "", "can i get", "can i have", "could i get", "could i have", "i'd like", "i would like",
    "i want", "i'll have", "i'll take", "give me", "let me get", "let me have", "may i have",
    "may i get", "get me", "i'll get", "i need", "make me", "i'd love", "could you make me",
    "i'd like to order", "can i order", "i'll go with", "i think i'll have", "yeah can i get",
    "hi can i get", "hey can i get", "um can i get", "uh i'd like", "um let me get",
    "okay so i'd like", "i'd like to get", "can you get me", "can you make me", "order",
    "i'm gonna get", "i'm going to have", "i'd like to have",
]
CLOSERS = ["", "", "", "", "please", "thanks", "thank you", "to go", "for here",
           "please and thank you", "if you can", "when you get a chance", "to go please"]
ARTICLES = ["a", "a", "an", "one", "", "", "the"]
WITH = ["with", "with", "and", "plus", "and also", "but with", "add", "with extra"]
JOIN = ["and", "and", "with", "plus", "and also", "and a"]


def _addition(banks: Banks, group: str, rng: random.Random) -> str:
    canonical, text = pick(banks, group, rng)
    part = annotate(text, group, canonical)
    if rng.random() < 0.55:
        amount_canon, amount_text = pick(banks, "amount", rng)
        part = f"{annotate(amount_text, 'amount', amount_canon)} {part}"
    return part


def _mod(banks: Banks, group: str, rng: random.Random) -> str:
    canonical, text = pick(banks, group, rng)
    return annotate(text, group, canonical)


def drink_order(banks: Banks, rng: random.Random) -> str:
    """One spoken cafe order, annotated for Rasa."""
    pre = [g for g in ("size", "roast", "shots") if rng.random() < 0.45]
    rng.shuffle(pre)
    if "size" in pre and rng.random() < 0.7:  # size usually comes first
        pre.remove("size")
        pre.insert(0, "size")
    post_groups: list[str] = []
    for g in ("size", "shots", "roast"):
        if g not in pre and rng.random() < 0.08:
            post_groups.append(g)
    additions = [g for g in ("milk", "sweetener") if rng.random() < 0.45]
    rng.shuffle(additions)

    parts = [rng.choice(OPENERS)]
    if rng.random() < 0.2:
        qcanon, qtext = pick(banks, "quantity", rng)
        parts.append(annotate(qtext, "quantity", qcanon))
    else:
        parts.append(rng.choice(ARTICLES))
    parts += [_mod(banks, g, rng) for g in pre]
    parts.append(_mod(banks, "drink", rng))
    for g in post_groups:
        if g == "size":
            parts.append(rng.choice(["", "in a", "make it", "size"]) + " " + _mod(banks, g, rng))
        elif g == "shots":
            parts.append(rng.choice(["with a", "with", "and make it a"]) + " " + _mod(banks, g, rng))
        else:
            parts.append(rng.choice(["", "with", "the"]) + " " + _mod(banks, g, rng))
    for i, g in enumerate(additions):
        parts.append(rng.choice(WITH if i == 0 else JOIN))
        parts.append(_addition(banks, g, rng))
    parts.append(rng.choice(CLOSERS))
    return " ".join(p for p in parts if p).strip()
