"""Draft: a quote being assembled from an article's parse, and the context it is looked up in.

The quotes stage works in three passes over one article (direct quotes,
reported speech, speakers), each its own module; they share the mutable
:class:`Draft` and the lookups of :class:`Context` defined here.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.model import Entity, Mention, QuoteKind
from storyline.stages import names, quotemarks
from storyline.stages.quotemarks import QuotedString
from storyline.stages.speech import Piece

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

_EDGE = " \t\n\r\xa0,.;:—–-\"“”'‘’«»`"
# A clause cut before a coordinated one keeps its "and": it is dropped.
_COORDINATOR = re.compile(r"[\s,;]+(?:and|but|or|while)$")
# Quoted strings shorter than this (in words) are titles and scare quotes:
# not speech on their own, and no shelter for the cues inside them.
MIN_SPEECH_WORDS = 4


@dataclass
class Draft:
    """A quote being assembled: content pieces, cue, and speaker, still mutable.

    ``how`` names the rule that found it (diagnostics only); ``lemma`` is
    the cue's lemma; ``subject`` the head token of the source, from which
    ``speaker`` (a span) and ``entity`` are resolved. ``called`` is the phrase a
    pronoun speaker stands for when it names no entity ("It said" after "An
    inquiry concluded"): the speaker's name for display.
    """

    pieces: list[Piece]
    kind: QuoteKind
    cue: str | None
    cue_at: int
    paragraph: int
    subject: Token | None = None
    speaker: Piece | None = None
    entity: str | None = None
    quoted: list[QuotedString] = field(default_factory=list)
    lemma: str | None = None
    how: str = "quote"
    called: Piece | None = None


class Context:
    """What finding one article's quotes looks things up in: tokens, paragraphs, mentions."""

    def __init__(
        self, text: str, parsed: SpacyDoc, mentions: Sequence[Mention], entities: Sequence[Entity]
    ) -> None:
        self.text = text
        self.parsed = parsed
        self.starts = [t.idx for t in parsed]
        self.paras = quotemarks.paragraphs(text)
        self.para_starts = [s for s, _ in self.paras]
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.mention_starts = [m.start for m in self.mentions]
        self.names = {e.id: e.name for e in entities}
        self.types = {e.id: e.type for e in entities}
        # Folded once: speakers compare surnames and head nouns against every entity.
        self.folded = {e.id: names.normalize(e.name) for e in entities}

    def paragraph(self, offset: int) -> int:
        """Return the index of the paragraph holding ``offset``."""
        return max(0, bisect.bisect_right(self.para_starts, offset) - 1)

    def tokens(self, start: int, end: int) -> range:
        """Return the indices of the tokens that begin inside ``[start, end)``."""
        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))

    def mention_at(self, start: int, end: int) -> Mention | None:
        """Return the mention covering ``[start, end)``, if any."""
        i = bisect.bisect_right(self.mention_starts, start) - 1
        while i >= 0 and self.mentions[i].start <= start:
            if self.mentions[i].end >= end:
                return self.mentions[i]
            i -= 1
        return None


def trim(text: str, start: int, end: int) -> Piece:
    """Return a span without edge spaces and punctuation, or a trailing "and" it was cut before."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    tail = _COORDINATOR.search(text, start, end)
    if tail is not None and tail.start() > start:
        end = tail.start()
    return start, end


def quoted_token(token: Token, quoted: Sequence[QuotedString]) -> bool:
    """Return whether a token lies inside one of the quoted strings."""
    return any(q.start <= token.idx < q.end for q in quoted)
