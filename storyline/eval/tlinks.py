"""Event-to-time relations: does our timeline put each event before, within or after a time?

The Event StoryLine Corpus links time expressions to events with TLINKs
whose source is the time: ``CONTAINS`` (the event happens within it),
``AFTER`` (the time comes after the event: the event is before it),
``BEFORE`` (the event is after it), and ``OVERLAP`` / ``SIMULTANEOUS``
(within, for our purpose). A time counts when its value names calendar days
(a day, month, week, quarter, season or year; the document creation time
too); then the gold says where the event lies: ``before``, ``within`` or
``after`` those days.

Ours: the event of ours whose trigger lies inside the gold event mention
(the first one) is placed by its own interval, or by the publication date
when it has none, which is what the timeline does with an undated event.
The baseline places every event at the first dated time expression of its
sentence (our times layer), else at the publication date. Accuracy is over
the gold links whose event we found, so it measures the dating, not
trigger recall (reported beside it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from storyline.eval import cat
from storyline.eval.anchoring import first_time
from storyline.eval.report import Tally
from storyline.model import Event, Span, TimeExpr
from storyline.stages import calendar as cal

Where = Literal["before", "within", "after"]

# What each relation type (time as source, event as target) says of the event.
WHERE: dict[str, Where] = {
    "CONTAINS": "within", "OVERLAP": "within", "SIMULTANEOUS": "within",
    "AFTER": "before", "BEFORE": "after",
}  # fmt: skip
_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?|W(?P<w>\d{1,2})|Q(?P<q>[1-4])"
    r"|(?P<s>SP|SU|FA|WI)))?(?:T.*)?$"
)


@dataclass(frozen=True)
class Link:
    """A gold event mention, the days of a time, and where the event lies against them."""

    start: int
    end: int
    first: date
    last: date
    where: Where
    dct: bool


def interval(value: str) -> tuple[date, date] | None:
    """Return the first and last day a TIMEX3 calendar value names, or None.

    Values with slips ("2009-12-4", "2013:05:02") are read leniently; references
    (PRESENT_REF), decades and durations name no days and give None.
    """
    m = _VALUE.match(value.strip().replace(":", "-", 2).upper())
    if m is None:
        return None
    year = int(m["y"])
    try:
        if m["d"]:
            day = date(year, int(m["m"]), int(m["d"]))
            norm = cal.day(day)
        elif m["m"]:
            norm = cal.month(year, int(m["m"]))
        elif m["w"]:
            norm = cal.week(date.fromisocalendar(year, int(m["w"]), 1))
        elif m["q"]:
            norm = cal.quarter(year, int(m["q"]))
        elif m["s"]:
            norm = cal.season(year, m["s"])
        else:
            norm = cal.year(year)
    except ValueError:
        return None
    if norm.start is None or norm.end is None:
        return None
    return norm.start, norm.end


def gold(doc: cat.CatDocument) -> list[Link]:
    """Return the time-to-event TLINKs of a CAT document whose time names calendar days."""
    by_id = {m.id: m for m in doc.markables}
    links = []
    for rel in doc.relations:
        where = WHERE.get(rel.attrs.get("relType") or rel.attrs.get("reltype") or "")
        time = by_id.get(rel.sources[0]) if rel.tag == "TLINK" and rel.sources else None
        event = by_id.get(rel.target or "")
        if where is None or time is None or event is None or not event.tokens:
            continue
        if not time.tag.startswith("TIME_") or not event.tag.startswith("ACTION_"):
            continue  # negated actions (NEG_ACTION_*) did not happen: they have no place
        days = interval(time.attrs.get("value") or "")
        if days is None:
            continue
        start, end = doc.span(event.tokens)
        links.append(Link(start, end, *days, where, time.attrs.get("DCT") == "TRUE"))
    return sorted(links, key=lambda link: (link.start, link.first))


def place(first: date, last: date, link: Link) -> Where:
    """Return where the days ``first`` to ``last`` lie against the link's time."""
    if last < link.first:
        return "before"
    if first > link.last:
        return "after"
    return "within"


@dataclass(frozen=True)
class LinkCounts(Tally):
    """Gold links, those whose event we found, and the right placements (all, and DCT links)."""

    gold: int = 0
    matched: int = 0
    ours: int = 0
    baseline: int = 0
    matched_dct: int = 0
    ours_dct: int = 0
    baseline_dct: int = 0


def count(
    links: Sequence[Link],
    events: Sequence[Event],
    times: Sequence[TimeExpr],
    sentences: Sequence[Span],
    published: date | None,
) -> LinkCounts:
    """Return the placement counts of one document."""
    total = LinkCounts(gold=len(links))
    if published is None:
        return total  # an undated event has no place without a publication date
    for link in links:
        event = next((e for e in events if link.start <= e.start and e.end <= link.end), None)
        if event is None:
            continue
        first, last = event.time_start or published, event.time_end or published
        ours = place(first, last, link) == link.where
        anchor = first_time(times, sentences, link.start)
        if anchor is not None and anchor.interval_start and anchor.interval_end:
            guess = place(anchor.interval_start, anchor.interval_end, link)
        else:
            guess = place(published, published, link)
        baseline = guess == link.where
        dct = link.dct
        total += LinkCounts(0, 1, ours, baseline, dct, ours and dct, baseline and dct)
    return total
