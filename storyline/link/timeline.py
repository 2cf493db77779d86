"""A story's timeline: its happenings ordered by their calendar intervals, each with provenance.

One entry per happening (a :class:`~storyline.model.StoryEvent`) that heads a sentence of some
article: a sentence that names several happenings at one time ("Putin said Tuesday he was ...")
yields its most telling one (a political act before a speech act before an unclassified verb),
and one per distinct date it gives ("... halt violence three months ago" is a second entry).
A date no event of its sentence claims ("It is expected to be completed by 2022") dates the
sentence's head. Sentences with no date and only speech or unclassified verbs are left out:
they are quotes and colour, listed elsewhere.

Uncertainty is kept: "late June" is the interval 2012-06-21..2012-06-30, and entries sort by
interval start, then end, then the order of their first report. An entry the text does not
date is anchored to the publication date of its first report and flagged ``dated_by =
"published"``; with no publication date either, it sorts last. ``background`` marks what ended
well before the article that reports it ("in 2010" in a 2012 article).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.link.events import WEAK_TYPES
from storyline.link.reports import StoryDocs, sentence_of, sentence_text
from storyline.model import Doc, Event, StoryEvent, Support, TimeExpr, TimelineEntry

# Days before the reporting article's date after which a happening is background, not news of
# the day: two weeks keeps "on Tuesday" and "last week" as news, and "in 2010" or "last spring"
# as background.
BACKGROUND_DAYS = 14
SUMMARY_CHARS = 300
SPEECH_TYPES = frozenset({"STATEMENT"})


def _rank(e: Event) -> tuple[int, int]:
    """Return how telling an event is for its sentence (lower is better), then its position."""
    if e.type in SPEECH_TYPES:
        kind = 1
    elif e.type in WEAK_TYPES:
        kind = 2
    else:
        kind = 0
    return (kind, e.start)


@dataclass(frozen=True)
class Anchor:
    """A timeline slot taken by a happening in one sentence: the event heading it and its date."""

    event: Event
    article: str
    sentence: Support
    start: date | None
    end: date | None
    value: str | None


_BOUND_BEFORE = re.compile(r"\b(?:since|until|till)\s+$", re.I)


def _orphan_times(doc: Doc, events: Sequence[Event]) -> dict[int, list[TimeExpr]]:
    """Return sentence start → calendar dates in it that no event of the sentence carries."""
    claimed = {(e.time_start, e.time_end) for e in events if e.time_start}
    out: dict[int, list[TimeExpr]] = defaultdict(list)
    for t in doc.times:
        if t.type != "DATE" or t.interval_start is None or t.interval_end is None:
            continue
        if (t.interval_start, t.interval_end) in claimed:
            continue
        # "his first trip abroad since October": where a period begins or ends is not
        # when the sentence's happening is.
        if _BOUND_BEFORE.search(doc.text, max(0, t.start - 8), t.start):
            continue
        out[sentence_of(doc, t.start).start].append(t)
    return out


def anchors(doc: Doc) -> list[Anchor]:
    """Return the timeline slots of one article: per sentence, one head event per date."""
    by_sentence: dict[int, list[Event]] = defaultdict(list)
    for e in doc.events:
        by_sentence[sentence_of(doc, e.start).start].append(e)
    out = []
    for start, events in sorted(by_sentence.items()):
        span = sentence_of(doc, start)
        support = Support(doc.article.id, span.start, span.end)
        by_time: dict[tuple[date | None, date | None], list[Event]] = defaultdict(list)
        for e in events:
            by_time[(e.time_start, e.time_end)].append(e)
        orphans = _orphan_times(doc, events).get(start, [])
        dated = any(lo is not None for lo, _ in by_time) or bool(orphans)
        for (lo, hi), group in by_time.items():
            head = min(group, key=_rank)
            # An undated verb beside a dated one is part of it ("met on the sidelines of the
            # summit in mid-June"); alone, only a political act makes an entry.
            if lo is None and (dated or _rank(head)[0] > 0):
                continue
            out.append(Anchor(head, doc.article.id, support, lo, hi, head.time_value))
        if orphans and not any(lo is not None for lo, _ in by_time):
            head = min(events, key=_rank)
            t = orphans[0]
            out.append(Anchor(head, doc.article.id, support, t.interval_start, t.interval_end,
                              t.value))  # fmt: skip
    return out


Slot = tuple[str, date | None, date | None]


def _fold_nested(slots: Mapping[Slot, list[Anchor]]) -> dict[Slot, list[Anchor]]:
    """Fold a happening's wider dates into the one narrower date they contain.

    "Putin and Erdogan last met ... in mid-June" and a caption's "their meeting ...,
    18 June 2012" are one meeting: one entry, on the 18th. A wider date that holds
    two narrower ones of the happening stays as it is (it cannot say which).
    """
    out = {k: list(v) for k, v in slots.items()}
    dated: dict[str, list[tuple[str, date, date]]] = defaultdict(list)  # per happening
    for se_id, lo, hi in slots:
        if lo is not None and hi is not None:
            dated[se_id].append((se_id, lo, hi))
    for keys in dated.values():
        # Narrowest first, so "June" finds "18 June" after "mid-June" has joined it.
        for key in sorted(keys, key=lambda k: (k[2] - k[1]).days):
            _, lo, hi = key
            inside = [k for k in keys if k != key and k in out and lo <= k[1] and k[2] <= hi]
            if len(inside) == 1:
                out[inside[0]] += out.pop(key)
    return out


def _summary(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SUMMARY_CHARS else flat[: SUMMARY_CHARS - 1].rstrip() + "…"


def build(
    story: StoryDocs,
    events: Sequence[StoryEvent],
    names: Mapping[str, str] | None = None,
    background_days: int = BACKGROUND_DAYS,
) -> list[TimelineEntry]:
    """Return the story's timeline entries, sorted by interval start, end and first report."""
    names = names or {}
    of_member = {m: se for se in events for m in se.members}
    docs = {d.article.id: d for d in story.docs}
    order = {d.article.id: i for i, d in enumerate(story.docs)}
    published = {d.article.id: d.article.published or date.max for d in story.docs}
    slots: dict[Slot, list[Anchor]] = defaultdict(list)
    for doc in story.docs:
        for a in anchors(doc):
            se = of_member.get(a.event.id)
            if se is None:
                continue
            lo, hi = (a.start, a.end) if a.start else (se.time_start, se.time_end)
            slots[(se.id, lo, hi)].append(a)
    slots = _fold_nested(slots)
    by_id = {se.id: se for se in events}
    entries = []
    for (se_id, lo, hi), found in slots.items():
        se = by_id[se_id]
        # The entry reads as the first report that gives its date ("the flood in mid-March"),
        # not as a sentence that only names a wider one ("a year before the March flood").
        exact = [a for a in found if (a.start, a.end) == (lo, hi)] or found
        first = min(exact, key=lambda a: (published[a.article], order[a.article], a.sentence.start))
        support = tuple(dict.fromkeys(a.sentence for a in (first, *found))) + tuple(
            s for s in se.support if s not in {a.sentence for a in found}
        )
        articles = tuple(dict.fromkeys(s.article for s in support))
        dated_by = "text" if any(a.start for a in found) else se.dated_by
        value = first.value if first.start else se.time_value
        reported = [p for a in articles if (p := docs[a].article.published) is not None]
        background = (
            hi is not None
            and bool(reported)
            and (hi < min(reported) - timedelta(days=background_days))
        )
        participants = [names.get(x, x) for x in (se.source, se.target) if x]
        doc = docs[first.article]
        entries.append(
            TimelineEntry(
                date=value, start=lo, end=hi, event=se.id, articles=articles,
                summary=_summary(sentence_text(doc, first.sentence.start, first.sentence.end)),
                type=se.type, participants=tuple(dict.fromkeys(participants)),
                place=names.get(se.place, se.place) if se.place else None, support=support,
                sources=story.sources(articles), background=background,
                dated_by="text" if dated_by == "text" else "published", modality=se.modality,
            )
        )  # fmt: skip

    def key(t: TimelineEntry) -> tuple[bool, date, date, int, int]:
        s = t.support[0]
        return (t.start is None, t.start or date.max, t.end or date.max, order[s.article], s.start)

    return sorted(entries, key=key)


def is_sorted(entries: Sequence[TimelineEntry]) -> bool:
    """Return whether entries are in timeline order: dated by (start, end), undated last."""
    keys = [(t.start is None, t.start or date.max, t.end or date.max) for t in entries]
    return keys == sorted(keys)
