"""Event-to-time anchoring: gold anchors from CAT TLINKs, and how often our events get them right.

MEANTIME links event mentions to time expressions with TLINKs. An event is
*anchored* to a time when it happens within or at it: the event
``IS_INCLUDED`` in the time, the time ``INCLUDES`` the event, or the two are
``SIMULTANEOUS``. Only DATE and TIME expressions anchor (a DURATION or SET is
no point on the calendar). When an event has an anchor in the text and one
to the document creation time (DCT), the one in the text is the more
specific and counts; among several in the text, the nearest to the event.

Scoring: a gold anchored event is *matched* when one of our events has its
trigger inside the gold mention (the first such event). Among matched events
the accuracy is the share whose time value equals the gold anchor's value;
an event of ours without a stated time counts as dated to the publication
date (the DCT here), which is what the events stage means by leaving it
unset. The baseline anchors every matched event to the first DATE/TIME
expression of our ``times`` layer in its sentence, else to the DCT.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storyline.eval import cat
from storyline.eval.report import Tally
from storyline.model import Event, Span, TimeExpr

# (relation type, event is the source) pairs that say the event happens within or at the time.
ANCHORING = frozenset(
    {("IS_INCLUDED", True), ("INCLUDES", False), ("SIMULTANEOUS", True), ("SIMULTANEOUS", False)}
)
CALENDAR = frozenset({"DATE", "TIME"})


@dataclass(frozen=True)
class Anchor:
    """A gold event mention's character span and the value of the time it is anchored to."""

    start: int
    end: int
    value: str
    dct: bool


def _is_dct(markable: cat.Markable) -> bool:
    return markable.attrs.get("functionInDocument") == "CREATION_TIME"


def gold(doc: cat.CatDocument) -> list[Anchor]:
    """Return the anchored event mentions of a CAT document, in text order."""
    by_id = {m.id: m for m in doc.markables}
    times: dict[str, list[cat.Markable]] = {}
    for rel in doc.relations:
        if rel.tag != "TLINK" or rel.target not in by_id:
            continue
        reltype = rel.attrs.get("reltype", "")
        target = by_id[rel.target]
        for source in (by_id[s] for s in rel.sources if s in by_id):
            if source.tag == "EVENT_MENTION" and target.tag == "TIMEX3":
                event, time, event_first = source, target, True
            elif source.tag == "TIMEX3" and target.tag == "EVENT_MENTION":
                event, time, event_first = target, source, False
            else:
                continue
            anchors_it = (reltype, event_first) in ANCHORING and time.attrs.get("type") in CALENDAR
            if anchors_it and time.attrs.get("value") and event.tokens:
                times.setdefault(event.id, []).append(time)
    anchors = []
    for event_id, linked in times.items():
        start, end = doc.span(by_id[event_id].tokens)
        in_text = [t for t in linked if t.tokens and not _is_dct(t)]
        if in_text:
            best = min(in_text, key=lambda t: abs(doc.span(t.tokens)[0] - start))
        else:
            best = next((t for t in linked if _is_dct(t)), linked[0])
        anchors.append(Anchor(start, end, best.attrs["value"], _is_dct(best)))
    return sorted(anchors, key=lambda a: a.start)


@dataclass(frozen=True)
class AnchorCounts(Tally):
    """Gold anchored events, those we matched, and the right anchors of ours and the baseline.

    ``ours_text`` and ``baseline_text`` count the right ones among the matched events whose
    anchor is in the text (not the DCT): there, leaving an event undated never scores.
    """

    gold: int = 0
    matched: int = 0
    matched_dct: int = 0
    ours: int = 0
    baseline: int = 0
    ours_text: int = 0
    baseline_text: int = 0


def _key(value: str | None) -> str | None:
    # Values compare as TIMEX3 strings, forgiving case and spaces, as the time scores do.
    return None if value is None else value.strip().upper()


def first_time(times: Sequence[TimeExpr], sentences: Sequence[Span], at: int) -> TimeExpr | None:
    """Return the first DATE/TIME expression with a value in the sentence holding ``at``."""
    sentence = next((s for s in sentences if s.start <= at < s.end), None)
    if sentence is None:
        return None
    inside = [
        t
        for t in times
        if t.type in CALENDAR and t.value and sentence.start <= t.start < sentence.end
    ]
    return min(inside, key=lambda t: t.start, default=None)


def count(
    anchors: Sequence[Anchor],
    events: Sequence[Event],
    times: Sequence[TimeExpr],
    sentences: Sequence[Span],
    dct: str | None,
) -> AnchorCounts:
    """Return the anchoring counts of one document; ``dct`` is the DCT's value, if any."""
    total = AnchorCounts(gold=len(anchors))
    for anchor in anchors:
        event = next((e for e in events if anchor.start <= e.start and e.end <= anchor.end), None)
        if event is None:
            continue
        gold_value = _key(anchor.value)
        ours = _key(event.time_value or dct) == gold_value
        first = first_time(times, sentences, anchor.start)
        baseline = _key(first.value if first else dct) == gold_value
        in_text = not anchor.dct
        total += AnchorCounts(
            0, 1, anchor.dct, ours, baseline, ours and in_text, baseline and in_text
        )
    return total
