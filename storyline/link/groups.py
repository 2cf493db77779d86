"""What a story index compares: an arriving article's profile, and the running sums of a group.

A profile holds one unit vector per signal (embedding, terms, people, places, actors, years,
protagonists); a group (a story or an occasion) keeps the sums of its members' profiles, so
that an average similarity costs one dot product per signal whatever the group's size
(:mod:`storyline.link.stories`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from itertools import repeat
from operator import mul

import numpy as np

from storyline.link.features import Vector

Sparse = Mapping[str, float]


@dataclass(frozen=True)
class Profile:
    """An article as the index weighs it on arrival: one unit vector per signal."""

    id: str
    when: date | None
    vector: Vector
    terms: Sparse
    people: Sparse
    places: Sparse
    actors: Sparse
    years: Sparse  # keyed by the year's digits
    dated: float  # 1.0 when the article names a year, else 0.0
    protagonists: Sparse  # {surname: 1.0}, or empty
    cast: float  # 1.0 when the article has a protagonist, else 0.0


class Group:
    """A story or an occasion: its members and the sums of their unit vectors."""

    __slots__ = (
        "actors", "cast", "dated", "first", "id", "last", "members", "parts", "people", "places",
        "protagonists", "story", "terms", "total", "years",
    )  # fmt: skip

    def __init__(self, group_id: str, dimensions: int, story: str | None = None) -> None:
        self.id = group_id
        self.story = story  # an occasion's story; None for a story
        self.parts: set[str] = set()  # a story's occasions
        self.members: list[str] = []
        self.total = np.zeros(dimensions, dtype=np.float64)
        self.terms: dict[str, float] = {}
        self.people: dict[str, float] = {}
        self.places: dict[str, float] = {}
        self.actors: dict[str, float] = {}
        self.years: dict[str, float] = {}
        self.dated = 0.0  # members that name a year
        self.protagonists: dict[str, float] = {}
        self.cast = 0.0  # members that have a protagonist
        self.first: date | None = None
        self.last: date | None = None

    def add(self, p: Profile) -> None:
        self.members.append(p.id)
        self.total += p.vector
        self.dated += p.dated
        self.cast += p.cast
        for mine, part in self._sparse(p):
            accumulate(mine, part)
        self._extend(p.when, p.when)

    def absorb(self, other: Group) -> None:
        self.members.extend(other.members)
        self.total += other.total
        self.dated += other.dated
        self.cast += other.cast
        for mine, part in self._sparse(other):
            accumulate(mine, part)
        self.parts |= other.parts
        self._extend(other.first, other.last)

    def remove(self, p: Profile) -> None:
        """Take a member's profile out of the sums; the dates keep the span the group had.

        A group's dates only widen its time window; one member leaving narrows nothing, which
        at worst lets a later report in a few days further off.
        """
        self.members.remove(p.id)
        self.total -= p.vector
        self.dated -= p.dated
        self.cast -= p.cast
        for mine, part in self._sparse(p):
            for key, value in part.items():
                left = mine.get(key, 0.0) - value
                # A key no member holds any longer goes, rather than linger as rounding dust.
                if abs(left) > 1e-12:
                    mine[key] = left
                else:
                    mine.pop(key, None)

    def _sparse(self, other: Profile | Group) -> list[tuple[dict[str, float], Sparse]]:
        return [
            (self.terms, other.terms), (self.people, other.people),
            (self.places, other.places), (self.actors, other.actors), (self.years, other.years),
            (self.protagonists, other.protagonists),
        ]  # fmt: skip

    def _extend(self, first: date | None, last: date | None) -> None:
        if first is not None:
            self.first = first if self.first is None else min(self.first, first)
        if last is not None:
            self.last = last if self.last is None else max(self.last, last)

    def days_from(self, first: date | None, last: date | None = None) -> int:
        """Return the gap in days between a date range and the group's dates (0 if unknown)."""
        last = last or first
        if first is None or last is None or self.first is None or self.last is None:
            return 0
        if last < self.first:
            return (self.first - last).days
        return max(0, (first - self.last).days)


def accumulate(total: dict[str, float], part: Sparse) -> None:
    """Add ``part``'s weights into ``total``, key by key."""
    for key, value in part.items():
        total[key] = total.get(key, 0.0) + value


def dot(a: Sparse, b: Sparse) -> float:
    """Return the dot product of two sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    # The products of a generator, but mapped in C: about twice as fast, the same sum.
    return float(sum(map(mul, a.values(), map(b.get, a, repeat(0.0)))))


def unit(weights: Mapping[str, float]) -> dict[str, float]:
    """Return the weights scaled to length one (empty when all are zero)."""
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {k: w / norm for k, w in weights.items()} if norm else {}
