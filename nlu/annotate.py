"""Rasa YAML annotation of one entity span, and seeded picks from value banks."""

from __future__ import annotations

import json
import random

from nlu.errors import TrainingDataError

Banks = dict[str, dict[str, list[str]]]


def annotate(text: str, entity: str, value: str | None = None, role: str | None = None) -> str:
    """``[text](entity)`` or ``[text]{"entity": ..., "value": ..., "role": ...}``."""
    if (value is None or value == text) and role is None:
        return f"[{text}]({entity})"
    spec: dict[str, str] = {"entity": entity}
    if value is not None and value != text:
        spec["value"] = value
    if role is not None:
        spec["role"] = role
    return f"[{text}]{json.dumps(spec)}"


def pick(banks: Banks, bank: str, rng: random.Random, canonical: str | None = None) -> tuple[str, str]:
    """(canonical, spoken form): a canonical value (or the given one), then one of its forms.

    The canonical form itself is chosen half of the time, so that it stays well covered.
    """
    values = banks[bank]
    if not values:
        raise TrainingDataError(f"The store data has no values for {{{bank}}}.")
    if canonical is None:
        canonical = rng.choice(sorted(values))
    forms = values[canonical]
    text = forms[0] if rng.random() < 0.5 else rng.choice(forms)
    return canonical, text
