"""Our per-entity timelines in SemEval-2015 Task 4 form, built from the cross-article layer.

The task asks, for a target entity ("Steve Jobs"), every event the entity takes part in,
anchored to a date and ordered across articles, coreferent mentions on one line. We answer
with what :mod:`storyline.link` builds for a story:

1. all trial articles form one story (the trial data is one topic); their events are merged
   across articles by :func:`storyline.link.events.merge` (undated events never merge across
   articles: each article is its own occasion here, as nothing groups them further);
2. an event belongs to the entity's timeline when one of its arguments (source or target
   phrase) names the entity, or is a pronoun ("he", "it", "the company") in a sentence that
   follows one naming it; only asserted events (no plans, hypotheses or denials: the task's
   timelines hold what happened);
3. its anchor is its merged event's date as our timeline gives it: the text's date
   ("2010-06", "1976"), else the publication date of its first report (the document
   creation time); equal anchors share an ordinal, as in the gold files; each merged event
   is one line holding all its member mentions.

An entity is named by its full name, any trailing part of two words or more ("Apple Corps" for
"Beatles Apple Corps"), the name without a generic last word ("iTunes" for "iTunes store"),
and, for a person our entities layer knows, the surname ("Jobs"). Mentions are written as the
task's ``docid-sentence-token`` of the CAT token under our trigger.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.eval import cat, semeval2015
from storyline.link.events import merge
from storyline.link.reports import StoryDocs
from storyline.model import Doc, Event, StoryEvent

# Last words that name the kind of thing rather than the thing ("iTunes store").
GENERIC = frozenset({"store", "inc", "inc.", "corps", "company", "corporation", "group", "the"})
PRONOUN = re.compile(r"\s*(he|she|it|they|the company|the firm)\b", re.IGNORECASE)
PRONOUN_ARG = re.compile(r"(he|she|it|they|the company|the firm)", re.IGNORECASE)
_TIMEX_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


@dataclass(frozen=True)
class Line:
    """One line of our timeline: an anchor date and the task's mention ids of one event."""

    anchor: str
    mentions: tuple[str, ...]


def names(entity: str, persons: frozenset[str]) -> frozenset[str]:
    """Return the lower-cased strings that name ``entity`` in text (see the module docstring)."""
    words = entity.lower().split()
    out = {entity.lower()} | {" ".join(words[i:]) for i in range(len(words) - 1)}
    while len(words) > 1 and words[-1] in GENERIC:
        words = words[:-1]
        out.add(" ".join(words))
    if entity.lower() in persons and len(words) >= 2:
        out.add(words[-1])
    return frozenset(out)


def _named(text: str, keys: frozenset[str]) -> bool:
    low = text.lower()
    return any(re.search(rf"\b{re.escape(k)}\b", low) for k in keys)


def anchor(e: StoryEvent) -> str | None:
    """Return the task's anchor of a merged event: its TIMEX3 date, else its first report's day."""
    if e.dated_by == "text" and e.time_value and _TIMEX_DATE.match(e.time_value):
        return _TIMEX_DATE.match(e.time_value).group(0)  # type: ignore[union-attr]
    return e.time_start.isoformat() if e.time_start else None


class Tokens:
    """Our offsets → the task's ``docid-sentence-token`` ids, through the CAT tokens."""

    def __init__(self, ident: str, doc: cat.CatDocument) -> None:
        self.ident = ident
        self.tokens = sorted(
            (t for ts in doc.sentences().values() for t in ts), key=lambda t: t.start
        )
        self.starts = [t.start for t in self.tokens]

    def mention(self, offset: int) -> str | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        t = self.tokens[i]
        return f"{self.ident}-{t.sentence}-{t.text}"


def _involved(doc: Doc, e: Event, keys: frozenset[str], follows: bool) -> bool:
    for start, end in ((e.source_start, e.source_end), (e.target_start, e.target_end)):
        if start is None or end is None:
            continue
        phrase = doc.text[start:end]
        if _named(phrase, keys) or (follows and PRONOUN_ARG.fullmatch(phrase.strip())):
            return True
    return False


def lines(
    entity: str, docs: Sequence[Doc], tokens: Sequence[Tokens], merged: Sequence[StoryEvent]
) -> list[Line]:
    """Return our timeline lines for ``entity``, in no particular order."""
    persons = frozenset(e.name.lower() for d in docs for e in d.entities if e.type == "PER")
    keys = names(entity, persons)
    of_member = {m: e for e in merged for m in e.members}
    found: dict[str, tuple[str, list[str]]] = {}
    for doc, toks in zip(docs, tokens, strict=True):
        starts = [s.start for s in doc.sentences]
        named = [_named(doc.text[s.start : s.end], keys) for s in doc.sentences]
        for e in doc.events:
            i = bisect.bisect_right(starts, e.start) - 1
            sentence = doc.sentences[i] if i >= 0 else None
            follows = (
                i > 0
                and named[i - 1]
                and sentence is not None
                and bool(PRONOUN.match(doc.text[sentence.start : sentence.end]))
            )
            if e.modality != "asserted" or not _involved(doc, e, keys, bool(follows)):
                continue
            merged_event = of_member.get(e.id)
            when = anchor(merged_event) if merged_event else None
            mention = toks.mention(e.start)
            if merged_event is None or when is None or mention is None:
                continue
            found.setdefault(merged_event.id, (when, []))[1].append(mention)
    return [Line(when, tuple(dict.fromkeys(ms))) for when, ms in found.values()]


def merged_events(docs: Sequence[Doc]) -> list[StoryEvent]:
    """Return the trial articles' events merged across articles, all articles one story."""
    story = StoryDocs("trial", tuple(docs), {d.article.id: d.article.id for d in docs})
    return merge(story)


def timeline(
    entity: str, docs: Sequence[Doc], tokens: Sequence[Tokens], merged: Sequence[StoryEvent]
) -> semeval2015.Timeline:
    """Return our timeline of ``entity`` in the task's form: equal anchors share an ordinal."""
    found = lines(entity, docs, tokens, merged)
    ordinals = {a: i for i, a in enumerate(sorted({x.anchor for x in found}), start=1)}
    slots = sorted(
        (semeval2015.Slot(ordinals[x.anchor], x.anchor, x.mentions) for x in found),
        key=lambda s: (s.ordinal, s.mentions),
    )
    return semeval2015.Timeline(entity, tuple(slots))


def timelines(
    entities: Sequence[str], trial: Sequence[semeval2015.TrialDocument], docs: Sequence[Doc]
) -> list[semeval2015.Timeline]:
    """Return our timeline of each target entity over the analyzed trial documents."""
    merged = merged_events(docs)
    tokens = [Tokens(d.id, d.doc) for d in trial]
    return [timeline(entity, docs, tokens, merged) for entity in entities]
