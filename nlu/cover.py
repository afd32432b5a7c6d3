"""Overlapping findings resolved: the non-overlapping set of greatest total weight.

Both phrase spotters (the cafe menu's and the catalog's) find candidate spans tolerantly and
keep the best cover, by weighted interval scheduling.
"""

from __future__ import annotations

from typing import Protocol, TypeVar


class Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...  # exclusive
    @property
    def weight(self) -> float: ...


S = TypeVar("S", bound=Span)


def best_cover(matches: list[S], length: int) -> list[S]:
    """The non-overlapping matches of greatest total weight, in order."""
    ending: dict[int, list[S]] = {}
    for m in matches:
        ending.setdefault(m.end, []).append(m)
    best: list[tuple[float, list[S]]] = [(0.0, [])]
    for i in range(1, length + 1):
        choice = best[i - 1]
        for m in ending.get(i, []):
            weight, chosen = best[m.start]
            if weight + m.weight > choice[0]:
                choice = (weight + m.weight, [*chosen, m])
        best.append(choice)
    return best[length][1]
