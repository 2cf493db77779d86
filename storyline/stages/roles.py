"""Roles: titles tied to the article's names, and role nouns resolved to their holders.

:mod:`storyline.stages.titles` reads title phrases off the parse; here each is
given to the person it describes, with the party it is held in resolved to a
name of the article where one is there ("Russian" → Russia, "Putin's" →
Vladimir Putin, "its" → the organization last named), and dated by its clause
or the publication date. A role noun then stands for the person introduced
with that title: the only holder, else the holder named most recently before
it ("French President Hollande called Russian President Putin. The president
said ..." → Putin), a party narrowing the choice ("the Russian president").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from storyline.model import TimeExpr
from storyline.stages.actors import ORG_NOUNS, ORG_TITLES
from storyline.stages.titles import (
    PRONOUNS,
    RolePhrase,
    appositives,
    matches,
    nouns,
    prefix,
)


class Name(Protocol):
    """A name found in the article, as the entities stage builds it (token bounds included)."""

    start: int
    end: int
    type: str
    key: str
    first: int
    last: int
    governs: str | None
    fixed: bool


@dataclass(frozen=True)
class _Holder:
    """Someone the article gave a title: their name key, the title and its party."""

    key: str
    title: str
    of_key: str | None
    of_name: str | None


class Reader:
    """Roles and role nouns of one article, tied to the names found in it.

    After :meth:`read`, ``roles`` holds (holder key, phrase, party key, party
    name) for every title given to a person, ``mentions`` (start, end, key) for
    the role phrases that stand for someone ("the prime minister"), and
    ``titles`` the (start, end) of title words, inside which no name lives.
    """

    def __init__(self, text: str, found: Sequence[Name], parsed: Any, dates: Dates) -> None:
        self.text, self.found, self.parsed, self.dates = text, found, parsed, dates
        self.ordered = sorted(found, key=lambda f: f.start)
        self.starts = [f.start for f in self.ordered]
        self.roles: list[tuple[str, RolePhrase, str | None, str | None]] = []
        self.mentions: list[tuple[int, int, str]] = []
        self.titles: list[tuple[int, int]] = []

    def _inside(self, start: int, end: int) -> Name | None:
        inside = [f for f in self.ordered if f.start >= start and f.end <= end]
        return inside[-1] if inside else None

    def _before(self, position: int, type_: str, not_key: str) -> Name | None:
        for f in reversed(self.ordered[: bisect_left(self.starts, position)]):
            if f.type == type_ and f.key != not_key:
                return f
        return None

    def party(self, phrase: RolePhrase, holder: str) -> tuple[str | None, str | None]:
        """Return (entity key, name) of the party a role is held in, either maybe None."""
        if phrase.party is None:
            return None, None
        start, end = phrase.party
        named = self._inside(start, end)
        if named is not None and named.key != holder:
            return named.key, self.text[named.start : named.end]
        words = self.text[start:end]
        pronoun = PRONOUNS.get(words.casefold())
        folded = words.casefold().split()
        if len(folded) == 2 and folded[0] == "the" and folded[1] in ORG_NOUNS:
            pronoun = "ORG"  # "the firm's president": the firm last named
        if pronoun is not None:
            earlier = self._before(phrase.start, pronoun, holder)
            return (
                (earlier.key, self.text[earlier.start : earlier.end]) if earlier else (None, None)
            )
        if "\n" in words or len(words.split()) > 5 or any(c in words for c in '"“”'):
            return None, None  # a parse gone astray, not a party's name
        return None, " ".join(words.split())

    def read(self) -> None:
        """Read the roles of every person named, then the role nouns that stand for them."""
        taken: set[int] = set()
        for f in self.found:
            taken.update(range(f.first, f.last + 1))
        for f in self.found:
            if f.type != "PER" or f.governs is not None:
                continue
            root = self.parsed[f.first : f.last + 1].root
            before = prefix(self.parsed, f.first)
            phrases = [before] if before else []
            for phrase in appositives(self.parsed, root):
                # "the Turkish Prime Minister  Recep Tayyip Erdogan" parses as an
                # appositive too; read once, as the title before the name.
                if not (before and before.title_end >= phrase.title_start):
                    phrases.append(phrase)
            for phrase in phrases:
                self._take(phrase, taken)
                of_key, of_name = self.party(phrase, f.key)
                self._retype_party(phrase, of_key)
                self.roles.append((f.key, phrase, of_key, of_name))
                if phrase.is_mention:
                    self.mentions.append((phrase.title_start, phrase.title_end, f.key))
        self.titles = [(p.title_start, p.title_end) for _, p, _, _ in self.roles]
        holders = [_Holder(k, p.key, ok, on) for k, p, ok, on in self.roles]
        for noun in nouns(self.parsed, taken):
            chosen = self._holder_of(noun, holders)
            if chosen is not None:
                self.mentions.append((noun.title_start, noun.title_end, chosen))

    def _take(self, phrase: RolePhrase, taken: set[int]) -> None:
        span = self.parsed.char_span(phrase.start, phrase.end, alignment_mode="expand")
        if span is not None:
            taken.update(range(span.start, span.end))

    def _retype_party(self, phrase: RolePhrase, of_key: str | None) -> None:
        # "Ryanair CEO, Michael O'Leary": whoever employs a chief executive is no person.
        if of_key is None or phrase.key not in ORG_TITLES:
            return
        for f in self.found:
            if f.key == of_key and f.type == "PER" and " " not in f.key:
                f.type, f.fixed = "ORG", True

    def _holder_of(self, noun: RolePhrase, holders: list[_Holder]) -> str | None:
        of_key, of_name = self.party(noun, "")
        keys = {
            h.key for h in holders
            if matches(noun.key, h.title)
            and (of_key is None or of_key == h.of_key)
            and (of_key is not None or of_name is None or of_name == h.of_name)
        }  # fmt: skip
        if len(keys) <= 1:
            return next(iter(keys), None)
        # Several holders: the one named most recently before the noun.
        for f in reversed(self.ordered[: bisect_left(self.starts, noun.start)]):
            if f.key in keys:
                return f.key
        return None


@dataclass(frozen=True)
class Dates:
    """What a role's date is read from: the article's date, its times and sentences."""

    published: date | None
    times: tuple[TimeExpr, ...]
    parsed: Any

    def as_of(self, phrase: RolePhrase) -> date | None:
        """Return the day a role is stated for: its clause's date, else the publication date."""
        if self.parsed is not None and self.times:
            sentence = self.parsed.char_span(phrase.start, phrase.end, alignment_mode="expand")
            if sentence is not None and len(sentence):
                sent = sentence[0].sent
                dated = [
                    t for t in self.times
                    if t.type == "DATE" and t.interval_start is not None
                    and sent.start_char <= t.start < sent.end_char
                ]  # fmt: skip
                if dated:
                    return min(dated, key=lambda t: abs(t.start - phrase.start)).interval_start
        return None if phrase.former else self.published
