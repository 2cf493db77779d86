"""Time expressions: found by rules and spaCy, normalized TIMEX3-style against the publication date.

:func:`find` runs the pattern table (:mod:`storyline.stages.timerules`) over
the text, merges what it finds with the DATE/TIME spans spaCy proposes, and
resolves each expression against the article's publication date, never
against the day the program runs. With no publication date, relative
expressions ("Tuesday", "last year") keep their span with value ``None``;
absolute ones ("18 June 2012") are still resolved.

The layers below: :mod:`~storyline.stages.timewords` (vocabulary and regex
pieces), :mod:`~storyline.stages.timecontext` (what the clause around an
expression says), :mod:`~storyline.stages.timevalues` (a match read into a value),
:mod:`~storyline.stages.timerules` (the table), :mod:`~storyline.stages.calendar`
(date arithmetic).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from storyline.model import Doc, TimeExpr
from storyline.pipeline import stage
from storyline.stages import calendar as cal
from storyline.stages.calendar import Norm
from storyline.stages.timecontext import Context, NoAnchor
from storyline.stages.timerules import TRIGGERED, Rule
from storyline.stages.timevalues import Match
from storyline.stages.timewords import APPROX_MODS, MONTH_RX

# Words spaCy puts around an expression that TIMEX3 leaves out.
_LEAD_TRIM = re.compile(
    r"^(?:(?:on|in|at|since|by|during|for|from|until|till|to|through|throughout|of|as\s+of"
    r"|before|after|within|between)\s+)+",
    re.I,
)
_TAIL_TRIM = re.compile(r"(?:'s|’s|[\s.,;:!?)\]\"'”’-])+$")
# Extra words a spaCy span may add to a rule match and still be one expression.
_ABSORB = re.compile(
    r"^(?:\s|about|around|roughly|approximately|some|nearly|almost|more|less|fewer|than|at"
    r"|least|most|up|to|no|or|so|just|only|the|full|whole|entire|over|under|another"
    r"|additional|extra|[-,])*$",
    re.I,
)
# spaCy calls ages and model numbers DATE ("58", "the 6-year-old", "80486"): no times.
_NOT_TIME = re.compile(r"\d{1,3}|\d{5,}|(?:the\s+)?\S+[\s-](?:year|month|week|day)s?[\s-]old", re.I)
# How far after its core a rule's match (with what its lookaheads read) may reach:
# "June | 18th, 2012", "10:30 | a.m. EST on Wednesday".
_TAIL_WINDOW = 48
_TOKEN = re.compile(r"[a-z]+|\d+")
_WORD_START = re.compile(r"(?<![\w'])[\w']")
_DATEPARSER_WORTHY = re.compile(rf"\d|{MONTH_RX}")
# A quarter named where the clause forecasts ("analysts expect the slump to continue into
# the fourth quarter") is not the one whose results are reported. Lower case only: a
# capital makes a name ("Acme Projects Inc.").
_FORECAST_CUE = re.compile(
    r"\b(?:expects?|expecting|forecasts?|predicts?|projects?|anticipates?)\b"
)
# Reporting spans longer than a quarter ("the first nine months", "the six months ended
# Aug. 12", "the year ended Sept. 30"): figures for them are compared with a year before
# them, not with the quarter named earlier.
_REPORTING_SPAN = re.compile(r"P(?:6M|9M|12M|1Y)")
_THE = re.compile(r"the\s", re.I)


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    norm: Norm
    weak: bool = False


# --- merging rules and spaCy --------------------------------------------------------------


def _rule_hits(ctx: Context) -> list[_Hit]:
    """Return every rule match in the text, normalized (overlaps are settled later).

    Python's regex engine is slow to try a long pattern at every position of
    an article, so the text is cut into words once; a word in
    :data:`TRIGGERED` sets off its rules, whose patterns are then tried only
    at the word starts just before it.
    """
    text, low, hits = ctx.text, _lower(ctx.text), []
    seen: set[tuple[str, int, int]] = set()
    for token in _TOKEN.finditer(low):
        word, start = token.group(), token.start()
        rules = TRIGGERED.get("#" if word[0].isdigit() else word)
        if not rules or (start and low[start - 1].isalnum()):
            continue
        previous: str | None = None
        for rule in rules:
            end = token.end()
            if rule.core is not None:
                core = rule.core.match(low, start)
                if core is None:
                    continue
                end = core.end()
            if rule.before is not None:
                previous = _word_before(low, start) if previous is None else previous
                if not rule.before.fullmatch(previous):
                    continue
            hi = min(len(text), end + _TAIL_WINDOW)
            for head in _WORD_START.finditer(text, max(0, start - rule.lead), start + 1):
                m = rule.regex.match(text, head.start(), hi)
                if m is None or m.end() <= start:
                    continue
                key = (rule.name, *m.span(rule.group))
                if key not in seen:
                    seen.add(key)
                    hit = _normalize(rule, m, ctx)
                    hits.extend([hit] if hit else [])
                break
    return hits


def _lower(text: str) -> str:
    """Return ``text`` in lower case, character for character (offsets must not move)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)  # "İ" lowers to 2


def _word_before(low: str, start: int) -> str:
    """Return the word before ``start``, skipping spaces and hyphens ("two-year" -> "two")."""
    end = start
    while end > 0 and low[end - 1] in " \t\n-":
        end -= 1
    begin = end
    while begin > 0 and (low[begin - 1].isalnum() or low[begin - 1] in ",.'"):
        begin -= 1
    return low[begin:end].strip(",.'")


def _normalize(rule: Rule, m: Match, ctx: Context) -> _Hit | None:
    try:
        norm = rule.handler(m, ctx)
    except NoAnchor:
        norm = Norm(rule.type, None)
    except (ValueError, OverflowError, KeyError):
        norm = None  # an impossible date ("31 February"), or one past the calendar
    start, end = m.span(rule.group)
    if norm is None or end <= start:
        return None
    return _Hit(start, end, norm, rule.weak is not None and rule.weak(m, ctx.text))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Return a spaCy span without the prepositions and punctuation TIMEX3 leaves out."""
    piece = text[start:end]
    lead = _LEAD_TRIM.match(piece)
    if lead and lead.end() < len(piece):
        start += lead.end()
    tail = _TAIL_TRIM.search(text, start, end)
    if tail and tail.start() > start:
        end = tail.start()
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _mods_in(extra: str) -> str | None:
    extra = " ".join(extra.lower().replace(",", " ").split())
    return next((mod for words, mod in APPROX_MODS.items() if re.search(rf"\b{words}\b", extra)),
                None)  # fmt: skip


def _select(hits: list[_Hit]) -> list[_Hit]:
    """Return the longest non-overlapping hits, earlier rules first among equals."""
    chosen: list[_Hit] = []
    taken: list[tuple[int, int]] = []
    for hit in sorted(hits, key=lambda h: h.start - h.end):
        if all(hit.end <= s or hit.start >= e for s, e in taken):
            chosen.append(hit)
            taken.append((hit.start, hit.end))
    return chosen


def _merge(ctx: Context, hits: list[_Hit], spans: list[tuple[int, int]]) -> list[_Hit]:
    spans = [(s, e) for s, e in spans if not _named_no_time(ctx.text, s, e)]
    supported = [
        h for h in hits
        if (not h.weak or any(s <= h.start and h.end <= e for s, e in spans))
        and not _named_no_time(ctx.text, h.start, h.end)
    ]  # fmt: skip
    chosen = _select(supported)
    for start, end in spans:
        inside = [h for h in chosen if h.start < end and start < h.end]
        if not inside:
            piece = ctx.text[start:end]
            if _NOT_TIME.fullmatch(piece):
                continue
            # A span nothing can value is left out: a TIMEX3 without a value says
            # only that some time is meant ("the night of", "annual").
            if (norm := _fallback(piece, ctx)) is not None:
                chosen.append(_Hit(start, end, norm))
            continue
        if len(inside) != 1 or (inside[0].start, inside[0].end) == (start, end):
            continue
        hit = inside[0]
        if start <= hit.start and hit.end <= end:
            extra = ctx.text[start : hit.start] + " " + ctx.text[hit.end : end]
            if _ABSORB.match(extra):
                norm = hit.norm
                if norm.mod is None and (mod := _mods_in(extra)):
                    norm = dataclasses.replace(norm, mod=mod)
                chosen[chosen.index(hit)] = _Hit(start, end, norm)
    return sorted(chosen, key=lambda h: h.start)


def _named_no_time(text: str, start: int, end: int) -> bool:
    """Say whether the words at ``start:end`` begin a name, not a time.

    "the annual March for Life", "the March of the Combatant Mothers" are marches; a
    title-cased "This Week" right after a quotation mark names a programme ("ABC's "This
    Week With David Brinkley"").
    """
    piece = text[start:end]
    if piece == "March":
        return _A_MARCH.match(text, end) is not None
    return piece.istitle() and " " in piece and text[max(0, start - 2) : start].strip() in _OPENERS


_A_MARCH = re.compile(r"\s+(?:for|of|on|against)\s+(?:the\s+)?[A-Z]")
_OPENERS = frozenset({'"', "``", "“", "'"})


def _forecast(ctx: Context, hit: _Hit) -> bool:
    """Return whether the clause before a hit looks ahead ("analysts expect losses into ...")."""
    return ctx.lean(hit.start) == "future" or bool(_FORECAST_CUE.search(ctx.clause(hit.start)))


def _resolve_anaphors(hits: list[_Hit], ctx: Context) -> list[_Hit]:
    """Return the hits with "two days later", "the same year" valued from the date before them."""
    published = ctx.published
    ref: Norm | None = None
    period: Norm | None = None  # the latest quarter or half year, for comparisons
    out = []
    for hit in hits:
        norm = hit.norm
        shift = norm.anaphor
        if shift is not None:
            base = ref
            if shift.period is not None:
                base = period or {"anchor": None, "before": ref}.get(shift.period)
                if base is None and shift.period == "only":
                    continue  # "the latest period" with no quarter in sight: no time
            try:
                resolved = cal.resolve(shift, base, published)
            except (ValueError, OverflowError):  # past the ends of the calendar
                resolved = None
            if resolved is None and published is not None:
                continue  # "that day" after "in 1988": nothing it can be, so no time
            found = resolved or Norm(norm.type, None)
            norm = dataclasses.replace(found, mod=norm.mod or found.mod)
            hit = dataclasses.replace(hit, norm=norm)
        grain = cal.grain(norm)
        if grain is not None and (shift is None or shift.period is None):
            ref = norm
            # a quarter that has not begun by the anchor, or one a clause forecasts, is
            # not the one whose results are reported (a fiscal quarter may carry a
            # calendar quarter's name, so one under way still counts)
            reported = published is None or (norm.start is not None and norm.start <= published)
            if grain == "quarter" and reported and not _forecast(ctx, hit):
                period = norm
        elif _REPORTING_SPAN.fullmatch(norm.value or "") and _THE.match(ctx.text, hit.start):
            # "the first nine months": a period with no calendar name, so comparisons
            # ("a year earlier") now count from the anchor
            ref = period = None
        out.append(hit)
    return out


@lru_cache(maxsize=64)
def _dateparser(published: date | None) -> Any:
    from dateparser.date import DateDataParser

    # Relative phrases are ours; dateparser only reads explicit dates, and any part
    # the text leaves out comes from the publication date, never from today.
    base = datetime(published.year, published.month, published.day) if published else None
    settings = {"PREFER_DATES_FROM": "past", "PARSERS": ["custom-formats", "absolute-time"],
                "RELATIVE_BASE": base or datetime(1900, 1, 1), "STRICT_PARSING": False}  # fmt: skip
    return DateDataParser(languages=["en"], settings=settings)


def _fallback(piece: str, ctx: Context) -> Norm | None:
    """Return dateparser's reading of an explicit date spaCy found and no rule could read."""
    if not _DATEPARSER_WORTHY.search(piece) or len(piece) > 40:
        return None
    try:
        data = _dateparser(ctx.published).get_date_data(piece)
    except Exception:  # dateparser raises a zoo of errors on odd input; none is ours to report
        return None
    found, period = data["date_obj"], data["period"]
    if found is None or (ctx.published is None and str(found.year) not in piece):
        return None
    try:
        named = re.search(MONTH_RX, piece) is not None
        if period == "year" and re.search(rf"\b{found.year}\b", piece) and found.year >= 1600:
            return cal.year(found.year)
        if period == "month" and named:
            return cal.month(found.year, found.month)
        if period == "day" and (named or re.search(r"\d[/.-]\d", piece)):
            return cal.day(found.date())
    except (ValueError, OverflowError):  # December 9999 ends past the calendar
        return None
    return None


def find(
    text: str,
    published: date | None,
    candidates: Sequence[tuple[int, int]] = (),
    parsed: Any = None,
) -> list[TimeExpr]:
    """Return the time expressions of ``text``, sorted and non-overlapping, TIMEX3-normalized.

    ``candidates`` are (start, end) spans spaCy labelled DATE or TIME; rule
    matches inside them win, and spans nothing can value are left out. In
    financial news "a year ago", "the quarter" and "the latest period" count
    from the latest quarter named (the one being reported). With ``parsed`` (the spaCy doc of
    ``text``) a year-less month whose verb is in the simple past is the last one gone by.
    """
    ctx = Context(text, published, parsed)
    spans = sorted(
        span
        for s, e in candidates
        if 0 <= s < e <= len(text) and (span := _trim(text, s, e))[1] > span[0]
    )
    merged = _resolve_anaphors(_merge(ctx, _rule_hits(ctx), spans), ctx)
    return [
        TimeExpr(h.start, h.end, h.norm.type, h.norm.value, h.norm.start, h.norm.end, h.norm.mod)
        for h in merged
    ]


@stage("times", 9, requires=("article", "parse"), assigns=("times",))
def times_stage(doc: Doc) -> Doc:
    """Return the doc with its time expressions, from rules and the parse's DATE/TIME entities."""
    spans: list[tuple[int, int]] = []
    if doc.parse is not None:
        spans = [(e.start_char, e.end_char) for e in doc.parse.ents if e.label_ in ("DATE", "TIME")]
    found = find(doc.article.text, doc.article.published, spans, doc.parse)
    return dataclasses.replace(doc, times=tuple(found))
