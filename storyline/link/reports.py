"""What the cross-article steps read about one story, and the word tools they share.

:class:`StoryDocs` carries a story's stored docs in arrival order with what linking knows
about them (occasions, folded actors, independent sources); :func:`independence` decides
which articles are one source (a syndicated copy, one outlet reporting twice). The helpers
compare text without a parse: a crude trigger stem, the content words of a sentence, the
sentence around an offset.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from storyline.ingest.datelines import find_dateline
from storyline.model import Doc, Span

ActorOf = Callable[[str], str]

_IRREGULAR = {
    "met": "meet", "shot": "shoot", "struck": "strike", "fought": "fight", "took": "take",
    "held": "hold", "left": "leave", "fled": "flee", "won": "win", "lost": "lose",
    "sold": "sell", "bought": "buy", "told": "tell", "said": "say", "says": "say",
    "gave": "give", "given": "give", "began": "begin", "begun": "begin", "came": "come",
    "went": "go", "gone": "go", "made": "make", "brought": "bring", "sent": "send",
    "spent": "spend", "paid": "pay", "led": "lead", "fell": "fall", "fallen": "fall",
    "rose": "rise", "risen": "rise", "killed": "kill", "hit": "hit", "beat": "beat",
    "broke": "break", "broken": "break", "chose": "choose", "wrote": "write", "drove": "drive",
    "driven": "drive", "threw": "throw", "thrown": "throw", "withdrew": "withdraw",
    "withdrawn": "withdraw", "sought": "seek", "caught": "catch", "built": "build",
    "put": "put", "set": "set", "cut": "cut", "quit": "quit", "swept": "sweep",
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)
# Function words left out of sentence comparison (the parse is not at hand across articles).
_FUNCTION_WORDS = (
    "the a an of to in on at for and or but with by from as that this it its is was were be "
    "been are has have had not no he she they we i you his her their our said says told "
    "would will could should may might than then there which who whom what when where also "
    "after before into over about more most some any all one two"
)
STOP_WORDS = frozenset(_FUNCTION_WORDS.split())


def stem(word: str) -> str:
    """Return a crude stem of a trigger word: "meeting", "met" and "meets" all give "meet"."""
    w = word.lower().strip()
    if " " in w:
        w = w.split()[0]
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for suffix, repl in (("ings", ""), ("ing", ""), ("ied", "y"), ("ies", "y"), ("ed", ""),
                         ("es", ""), ("s", "")):  # fmt: skip
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: len(w) - len(suffix)] + repl
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def content_words(text: str) -> frozenset[str]:
    """Return the lower-cased content words of a sentence, for near-copy comparison."""
    return frozenset(
        w for w in (m.group(0).lower() for m in _WORD.finditer(text)) if w not in STOP_WORDS
    )


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Return |a ∩ b| / |a ∪ b|, 0.0 for two empty sets."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


# A dateline opens one of the first paragraphs: sentences further in cannot start with one.
DATELINE_REACH = 2000


def sentence_of(doc: Doc, offset: int) -> Span:
    """Return the sentence holding ``offset`` (the whole text when there are no sentences)."""
    starts = [s.start for s in doc.sentences]
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0 or not doc.sentences:
        return Span(0, len(doc.text))
    return doc.sentences[i]


def sentence_text(doc: Doc, start: int, end: int) -> str:
    """Return a sentence's text for display, less a dateline it opens with.

    "VELDMARK CITY, Sept 9 (Harbor Wire) - Repairs ... were put off" reads as "Repairs ...
    were put off"; the offsets stored for the sentence keep the dateline.
    """
    dateline = find_dateline(doc.text) if start < DATELINE_REACH else None
    if dateline is not None and dateline.start <= start < dateline.end < end:
        start = dateline.end
    return doc.text[start:end].strip()


@dataclass(frozen=True)
class StoryDocs:
    """What the cross-article steps read about one story.

    ``docs`` are in arrival order (publication date, id); ``occasions`` maps article → occasion;
    ``actor_of`` folds an entity id into its cross-article actor id; ``independent`` maps
    article → source key, equal for syndicated copies and articles of one outlet.
    """

    story: str
    docs: tuple[Doc, ...]
    occasions: Mapping[str, str] = field(default_factory=dict)
    actor_of: ActorOf = field(default=lambda e: e)
    independent: Mapping[str, str] = field(default_factory=dict)

    def source_key(self, article: str) -> str:
        """Return the independence key of an article (itself when unknown)."""
        return self.independent.get(article, article)

    def sources(self, articles: Iterable[str]) -> int:
        """Return how many independent sources ``articles`` come from."""
        return len({self.source_key(a) for a in articles})


def independence(docs: Sequence[Doc], copies: Iterable[set[str]]) -> dict[str, str]:
    """Return article → source key: copies share their earliest member's key, one outlet one key.

    An outlet reporting twice is one source, and a wire story republished by another outlet
    is the wire's: the key of a copy group is the outlet of its earliest member.
    """
    by_id = {d.article.id: d for d in docs}

    def order(a: str) -> tuple[bool, date, str]:
        published = by_id[a].article.published if a in by_id else None
        return (published is None, published or date.min, a)

    original: dict[str, str] = {}
    for group in copies:
        members = sorted((a for a in group if a in by_id), key=order)
        for a in members:
            original[a] = members[0] if members else a
    out = {}
    for d in docs:
        first = by_id[original.get(d.article.id, d.article.id)].article
        out[d.article.id] = f"outlet:{first.source.lower()}" if first.source else first.id
    return out
