"""Publication dates inferred from an article's own text, for articles that came without one.

What a text says bounds its own date: an event it reports in the past tense
happened before it was written, a plan it announces comes after. So the
latest explicit date the text reports (``18 June 2012``, ``July 1997``,
``1995``) is a lower bound, and the estimate is that bound itself: news
reports recent events. A dateline date ("PORT ALDA, March 3 -") is the day
the story was filed, the best evidence there is. Dates in plans ("will meet
on", "due March 1, 2011", "effective Dec. 7", "expects record earnings in
1990") never raise the bound; they only lower the confidence when they fall
before it.

Once a year is known, year-less names reported ("Oct. 13", "late June", a
dateline's "March 3") place the estimate within it.

Only a firm estimate becomes the article's date (see :data:`ADOPT_AT`): a
dateline, a caption, or a reported date that others close below it support;
the rest are kept in the article's metadata as bounds ("published after 1 Jan
2011"). Relative expressions ("yesterday", "on Tuesday", "last week") say nothing
about the date on their own: with no explicit date the answer is None, and
the times stage keeps their spans with value None. Nothing here reads the
clock: an inferred date always comes from a date written in the text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from storyline.ingest.datelines import find_dateline
from storyline.model import Doc, TimeExpr
from storyline.pipeline import stage
from storyline.stages import calendar as cal
from storyline.stages.calendar import Norm
from storyline.stages.times import find
from storyline.stages.timevalues import Context
from storyline.stages.timewords import MONTH_RX

Precision = Literal["day", "month", "year"]

# Granularities of the values that can bound a date, and the precision each gives;
# decades and centuries are too coarse to say anything about a news article.
_PRECISION: dict[str, Precision] = {
    "day": "day", "week": "day", "month": "month", "season": "month", "quarter": "month",
    "year": "year",
}  # fmt: skip
# Confidence of an estimate by the kind of evidence that sets it: a dateline is the
# filing day; a reported day is usually within days of the article; a caption's date
# is the day a photo was taken, often an archive photo weeks older than the story.
# (On TempEval-3, whose texts mostly name only older dates, a day estimate was within
# 31 days 2 times in 9 and a year estimate right 8 times in 51: these rank, they are
# not calibrated probabilities.)
_BASE: dict[str, float] = {"dateline": 0.9, "lead": 0.45, "caption": 0.4, "day": 0.3,
                           "month": 0.25, "year": 0.15}  # fmt: skip
_SUPPORT_STEP, _SUPPORT_MAX = 0.1, 0.2  # per other reported date close below the estimate
_RECENT = timedelta(days=31)  # "close below": at most this long before the estimate
_CONFLICT = 0.5  # factor when a planned date falls before the estimate
# Words right before a date that make it a deadline or a due date, a plan even in a
# past-tense sentence ("notes due Nov. 1, 2009", "the restriction expires on Dec. 31").
_PLAN_BEFORE = re.compile(
    r"\b(?:due|by|until|till|through|expir(?:es|ing)|matur(?:es|ing)|payable|ending|effective)"
    r"(?:\s+(?:on|in|at))?\s+(?:the\s+)?(?:(?:end|start|beginning|middle)\s+of\s+)?$",
    re.I,
)
# A photo caption: "... 18 June 2012. EPA Photo", "Putin (R) speaks with Erdogan (L)".
_CAPTION = re.compile(
    r"\b(?:photo|picture|file\s+image)\b|\b(?:AFP|AP|EPA|Reuters|Getty)(?:\s+Images)?\s*$"
    r"|\((?:L|R|C|left|right|centre|center)\)",
    re.I,
)
# A forecast is a plan too, though its verb is in the present: "expects record earnings
# in 1990", "projects growth next year" (the times stage reads such clauses as it must).
_EXPECT = re.compile(
    r"\b(?:expects?|expecting|forecasts?|projects?|predicts?|anticipates?|estimates?|hopes?"
    r"|intends?|aims?)\b",
    re.I,
)
_EXPECT_WINDOW = 120
_FISCAL = re.compile(r"\bfiscal\b", re.I)
_RELATIVE_WORD = re.compile(r"\b(?:last|next|this|coming|past|previous|ago|that)\b", re.I)
_MONTH_NAME = re.compile(MONTH_RX)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY = re.compile(r"\b(mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b", re.I)
_PARAGRAPH = re.compile(r"\n\s*\n")
# The lead: the sentences that say what happened ("The offer, disclosed on 16 June
# 2025, ..."); full dates further down are mostly background ("the Aug. 7, 1998
# bombings"), which news tells in its later paragraphs.
_LEAD_SENTENCES = 3
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_SENTENCE_END = re.compile(r"(\w+)[.!?][\"'”’)]?\s+(?=[\"“‘A-Z])")
# Words a full stop follows inside a sentence ("Aug. 7", "Mr. Putin", "U.S. forces").
_ABBREVIATIONS = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "st", "gen", "gov", "sen", "rep", "lt", "col", "sgt", "rev",
    "prof", "inc", "corp", "co", "ltd", "jr", "sr", "no", "vs", "u.s",
})  # fmt: skip


@dataclass(frozen=True)
class Inferred:
    """A publication date read from the text: the date, its precision, confidence, and why.

    ``date`` is the earliest day the evidence allows: a month or year
    estimate is the day after the month or year the text reports.
    """

    date: date
    precision: Precision
    confidence: float
    evidence: str


@dataclass(frozen=True)
class _Clue:
    """A date the text states: its days, how precise, and whether it is planned or reported."""

    start: date
    end: date
    precision: Precision
    surface: str
    plan: bool
    kind: str  # dateline, caption, or the precision
    via: Inferred | None = None  # the estimate that gave a year-less name its year
    by_weekday: bool = False  # a year-less name whose weekday gave it its year

    @property
    def bound(self) -> date:
        """Return the earliest publication date this clue allows when reported.

        A day reported is the bound itself; a month or year named in a report
        ("in July 1997", "in 1995") is over, for a writer inside it says "this
        month", "this year": the bound is the day after it.
        """
        if self.precision == "year" and _FISCAL.search(self.surface):
            # a fiscal year mostly ends in March to September of the year it is named for
            return self.start.replace(month=4)
        return self.start if self.precision == "day" else self.end + timedelta(days=1)


def infer_published(
    text: str, title: str | None = None, candidates: Sequence[tuple[int, int]] = ()
) -> Inferred | None:
    """Return the publication date the text supports, or None when it states no usable date.

    ``candidates`` are spaCy's DATE/TIME spans in ``text``, as for
    :func:`storyline.stages.times.find`; the title is read as one more line.
    """
    full = f"{title}\n\n{text}" if title else text
    shift = len(full) - len(text)
    spans = [(s + shift, e + shift) for s, e in candidates]
    dateline = find_dateline(text)
    where = (dateline.start + shift, dateline.end + shift) if dateline else None
    absolute = find(full, None, spans)
    clues = _clues(full, absolute, where, anchored=False)
    reported, plans = [c for c in clues if not c.plan], [c for c in clues if c.plan]
    if not reported:
        return None
    first = _estimate(reported, plans)
    # Once the evidence fixes a year, year-less names in it ("late June", "Oct. 13",
    # "March 3" in a dateline) may move the estimate on; they never make one alone. A
    # year-level estimate is read from the year's last day, so that "Oct. 13" in a
    # report is the one of that year, not of the year before.
    anchor = first.date if first.precision != "year" else date(first.date.year, 12, 31)
    known = {(t.start, t.end) for t in absolute if t.value is not None}
    relative = [t for t in find(full, anchor, spans) if (t.start, t.end) not in known]
    for clue in _clues(full, relative, where, anchored=True, via=first):
        weekday = _weekday_year(clue, first.date)
        if weekday is not None:  # "Monday, Oct. 26": its weekday names the year
            clue = weekday
        elif clue.kind == "dateline":  # the filing day: on or after every reported date
            clue = _on_or_after(clue, first.date)
        elif clue.start.year != first.date.year:
            continue
        elif first.precision == "year" and clue.bound.year != first.date.year:
            continue  # "December" read in a year-level estimate may not carry it past it
        (plans if clue.plan else reported).append(clue)
    return _estimate(reported, plans)


def _weekday_year(clue: _Clue, when: date) -> _Clue | None:
    """Return a year-less day written with its weekday moved into the first year it fits.

    "Monday, Oct. 26" falls on a Monday once in every five to eleven years: the
    first such year from the year the other evidence allows is its year, a
    surer one than that evidence (a lower bound) gives. None when the clue
    names no weekday or no year within twelve fits.
    """
    named = _WEEKDAY.search(clue.surface)
    if named is None or clue.precision != "day" or clue.start != clue.end:
        return None
    wanted = _WEEKDAYS.index(named.group(1).lower()[:3])
    for year in range(when.year, when.year + 12):
        try:
            day = clue.start.replace(year=year)
        except ValueError:  # 29 February
            continue
        if day.weekday() == wanted and day >= when:
            return dataclasses.replace(clue, start=day, end=day, via=None, by_weekday=True)
    return None


def _on_or_after(clue: _Clue, when: date) -> _Clue:
    """Return a year-less day clue moved to its first occurrence on or after ``when``."""
    for year in (when.year, when.year + 1):
        try:
            day = clue.start.replace(year=year)
        except ValueError:  # 29 February
            continue
        if day >= when:
            return dataclasses.replace(clue, start=day, end=day)
    return clue


def _clues(
    text: str,
    found: Sequence[TimeExpr],
    dateline: tuple[int, int] | None,
    anchored: bool,
    via: Inferred | None = None,
) -> list[_Clue]:
    """Return the dates of ``found`` that can bound a publication date.

    Unanchored, that is every absolute date; anchored (read against a first
    estimate), only the year-less month names, which no relative word moves.
    """
    ctx = Context(text, None)
    clues = []
    for t in found:
        if t.interval_start is None or t.interval_end is None or t.value is None:
            continue
        grain = cal.grain(Norm(t.type, t.value[:10], t.interval_start, t.interval_end))
        precision = _PRECISION.get(grain or "")
        surface = text[t.start : t.end]
        if precision is None:
            continue
        if anchored and (not _MONTH_NAME.search(surface) or _RELATIVE_WORD.search(surface)):
            continue
        in_dateline = dateline is not None and dateline[0] <= t.start < dateline[1]
        plan = not in_dateline and (
            ctx.lean(t.start) == "future"
            or bool(_PLAN_BEFORE.search(text, max(0, t.start - 40), t.start))
            or _expected(text, t.start)
        )
        lead = precision == "day" and _in_lead(text, t.start) and not _naming(text, t.start)
        kind = (
            "dateline" if in_dateline
            else "caption" if _in_caption(text, t.start)
            else "lead" if lead
            else precision
        )  # fmt: skip
        clues.append(_Clue(t.interval_start, t.interval_end, precision, surface, plan, kind, via))
    return clues


def _expected(text: str, at: int) -> bool:
    """Return True when the sentence before ``at`` forecasts ("expects record earnings in")."""
    window = text[max(0, at - _EXPECT_WINDOW) : at]
    window = window[max(window.rfind(". "), window.rfind("\n")) + 1 :]
    return bool(_EXPECT.search(window))


def _in_lead(text: str, at: int) -> bool:
    """Return True when ``at`` is in the first sentences, where news says what happened.

    A headline has no full stop, so it does not count as a sentence.
    """
    ends = (m for m in _SENTENCE_END.finditer(text, 0, at) if m.end() <= at)
    real = [m for m in ends if len(m.group(1)) > 1 and m.group(1).lower() not in _ABBREVIATIONS]
    return len(real) < _LEAD_SENTENCES


def _naming(text: str, at: int) -> bool:
    """Return True for a date used as a name ("the Aug. 7, 1998 bombings"): background."""
    return (
        bool(_THE_BEFORE.search(text[max(0, at - 8) : at])) or text[at : at + 4].lower() == "the "
    )


def _in_caption(text: str, at: int) -> bool:
    """Return True when the paragraph around ``at`` reads like a photo caption."""
    starts = [m.end() for m in _PARAGRAPH.finditer(text, 0, at)]
    begin = starts[-1] if starts else 0
    after = _PARAGRAPH.search(text, at)
    return bool(_CAPTION.search(text[begin : after.start() if after else len(text)]))


def _estimate(reported: list[_Clue], plans: list[_Clue]) -> Inferred:
    """Return the estimate the reported and planned dates support, with its confidence."""
    datelines = [c for c in reported if c.kind == "dateline" and c.precision == "day"]
    best = datelines[0] if datelines else max(reported, key=lambda c: (c.bound, c.start))
    when = best.bound
    others = [c for c in reported if c is not best and c.end <= when]
    support = sum(1 for c in others if c.end >= when - _RECENT)
    conflicts = [c for c in plans if c.start < when]
    base = _BASE[best.kind]
    if best.via is not None:  # a year-less name is no surer than the year it was read in
        base = min(base, best.via.confidence)
    confidence = min(base + min(support * _SUPPORT_STEP, _SUPPORT_MAX), 0.95)
    if conflicts:
        confidence *= _CONFLICT
    return Inferred(when, best.precision, round(confidence, 2), _evidence(best, support, conflicts))


def _evidence(best: _Clue, support: int, conflicts: list[_Clue]) -> str:
    """Return one line saying which date set the estimate and what agrees or disagrees."""
    kinds = {
        "dateline": "date in the dateline",
        "lead": "date reported in the lead",
        "caption": "explicit date in a photo caption",
        "day": "latest date reported in the past tense",
        "month": "latest month reported in the past tense",
        "year": "latest year reported in the past tense",
    }
    parts = [f"{kinds[best.kind]}: {best.surface!r}"]
    if best.via is not None:
        parts.append(f"its year from the {best.via.evidence.split('; ')[0]}")
    elif best.by_weekday:
        parts.append("its year the first its weekday fits")
    if best.precision != "day" and best.kind != "dateline":
        parts.append(f"published after it, so {best.bound.isoformat()} at the earliest")
    if support:
        parts.append(f"{support} other reported date{'s' * (support > 1)} within a month before")
    if conflicts:
        parts.append(f"but a plan is dated before it: {conflicts[0].surface!r}")
    return "; ".join(parts)


# A year-level estimate fixes no day: "Monday" or "three weeks ago" read against it
# would be invented, so it is recorded but not adopted as the publication date.
ADOPTED: frozenset[Precision] = frozenset({"day", "month"})
# Nor is a day or month too unsure: a date the text reports on its own is more often
# background ("the Aug. 7, 1998 bombings", in a story of the next year) than the news of
# the day, which news writes with "on Tuesday" and "yesterday". A dateline or a caption
# is adopted; a reported date is when another date within a month below agrees with it.
ADOPT_AT = 0.4


def firm(inferred: Inferred) -> bool:
    """Return True when an estimate is firm enough to become the article's publication date."""
    return inferred.precision in ADOPTED and inferred.confidence >= ADOPT_AT


@stage("published", 3, requires=("article", "parse"), assigns=("article",))
def published_stage(doc: Doc) -> Doc:
    """Return the doc with a publication date inferred from its text when it had none.

    The estimate and why go to ``article.meta`` (``published_confidence``,
    ``published_precision``, ``published_evidence``); a firm one (see
    :func:`firm`) becomes ``published`` with origin ``inferred``, any other
    stays in ``published_estimate`` only. Without a firm one, ``published``
    stays None and relative expressions unresolved: the run date is never used.
    """
    article = doc.article
    if article.published is not None:
        return doc
    spans: list[tuple[int, int]] = []
    if doc.parse is not None:
        spans = [(e.start_char, e.end_char) for e in doc.parse.ents if e.label_ in ("DATE", "TIME")]
    inferred = infer_published(article.text, article.title, spans)
    if inferred is None:
        return doc
    meta = {
        **article.meta,
        "published_confidence": inferred.confidence,
        "published_precision": inferred.precision,
        "published_evidence": inferred.evidence,
    }
    if not firm(inferred):
        meta["published_estimate"] = inferred.date.isoformat()
        return dataclasses.replace(doc, article=dataclasses.replace(article, meta=meta))
    adopted = dataclasses.replace(
        article, published=inferred.date, published_origin="inferred", meta=meta
    )
    return dataclasses.replace(doc, article=adopted)
