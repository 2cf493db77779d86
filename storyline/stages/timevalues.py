"""The values of time expressions: each rule's match read into a TIMEX3 value and its days.

A handler takes a match of its rule (:mod:`storyline.stages.timerules`) and
the :class:`~storyline.stages.timecontext.Context` (the text and the publication date)
and returns a :class:`~storyline.stages.calendar.Norm`, or None to drop the
match. A relative expression with no publication date raises
:class:`~storyline.stages.timecontext.NoAnchor`: the caller keeps its span
with value None. Whether a year-less expression means the last or the next
occurrence comes from the clause around it
(:mod:`storyline.stages.timecontext`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Literal

from storyline.stages import calendar as cal
from storyline.stages.calendar import Lean, Norm, Shift
from storyline.stages.timecontext import Context as Context
from storyline.stages.timecontext import NoAnchor as NoAnchor
from storyline.stages.timewords import (
    APPROX_MODS,
    CENTURY_WORDS,
    DAY_OFFSETS,
    DAY_STEPS,
    DECADE_WORDS,
    EASTER_OFFSETS,
    EDGE_MODS,
    FULL_MONTHS,
    HOLIDAY_NAMES,
    HOLIDAYS,
    ORDINALS,
    PARTS_OF_DAY,
    REFS,
    SEASON_CODES,
    SET_WORDS,
    STEPS,
    UNITS,
    VAGUE_UNITS,
    count_of,
    month_of,
    unit_of,
    weekday_of,
    year_of,
)

# --- cues for single handlers ----------------------------------------------------------

# What is done "ahead of" or "before the weekend" is done before it comes.
_AHEAD_OF_BEFORE = re.compile(r"\b(?:ahead\s+of|before|in\s+time\s+for)\s+$", re.I)
# A capitalized word right before a season names an event ("Arab Spring").
_NAMED_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+\s+$")
# A year "ended June 30" is a fiscal year, twelve months to that day, not a calendar year.
_ENDED_AFTER = re.compile(r"\s+(?:ended|ending|that\s+ended|which\s+ended)\b")
# "of tomorrow" is the future in general ("the people of tomorrow"); a capitalized word
# before a mid-sentence "Today" makes it a title ("VOA Today", "USA Today").
_OF_BEFORE = re.compile(r"\bof\s+$")
_TITLE_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][A-Za-z]*\s+$")
# "a day" after a price or count is a rate ("$5 a day"), not a duration.
_RATE_BEFORE = re.compile(r"(?:\d|\$|%|percent|cents?|dollars?|times|once|twice)\S*\s+$", re.I)


# --- matching -----------------------------------------------------------------------------

Match = re.Match[str]
Handler = Callable[[Match, Context], Norm | None]


def text_of(m: Match, name: str) -> str:
    """Return a group's text, or "" when the group is absent from the match or the pattern."""
    return (m.group(name) if name in m.re.groupindex else None) or ""


def words_of(m: Match, name: str) -> str:
    """Return a group's words, lower case, single-spaced."""
    return " ".join(text_of(m, name).lower().split())


def _edge(m: Match) -> str | None:
    words = words_of(m, "edge").split()
    return EDGE_MODS.get(words[-1]) if words else None


def _apx(m: Match) -> str | None:
    return APPROX_MODS.get(words_of(m, "apx"))


def _rel_lean(rel: str, ctx: Context, start: int) -> tuple[Lean, bool]:
    """Return (lean, strict) for a relative word (last, next, this...) or none."""
    if rel in ("last", "past", "this past", "previous"):
        return "past", True
    if rel in ("next", "coming", "this coming"):
        return "future", True
    if rel == "this":
        return "near", False
    return ctx.lean(start), False


# --- handlers: each turns one rule's match into a Norm, or None to drop it ----------------


def iso(m: Match, ctx: Context) -> Norm:
    """Return an ISO date, with its time of day when given ("2012-06-18T10:30")."""
    d = date(int(m["y"]), int(m["mo"]), int(m["d"]))
    return cal.clock(d, int(m["h"]), int(m["mi"])) if m["h"] else cal.day(d)


def numeric(m: Match, ctx: Context) -> Norm:
    """Return a numeric date ("18/06/2012"); no value when day and month could swap."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:  # '89: the century that puts it within 50 years of the anchor
        base = ctx.published.year if ctx.published else 2000
        y += base - base % 100
        y -= 100 if y > base + 50 else 0
    if a > 12 >= b:
        return cal.day(date(y, b, a))
    if b > 12 >= a or a == b:
        return cal.day(date(y, a, b))
    return Norm("DATE", None)  # 06/07/2012: June 7 or 6 July, the text does not say


def day_month(m: Match, ctx: Context) -> Norm | None:
    """Return a day of a month ("18 June 2012", "June 18"), the nearest one when year-less."""
    mon, dd = month_of(m["m"]), int(re.sub(r"\D", "", m["d"]))
    if m["y"]:
        return cal.day(date(int(m["y"]), mon, dd))
    weekday = weekday_of(m["wd"]) if m["wd"] else None
    anchor = ctx.anchor()
    if ctx.begun(m.start()):  # "since Oct. 12": the latest such day by the anchor
        year = anchor.year - ((mon, dd) > (anchor.month, anchor.day))
        return cal.day(date(year, mon, dd))
    found = cal.pick_day(anchor, mon, dd, ctx.lean(m.start()), weekday)
    return cal.day(found) if found else None


def second_day(m: Match, ctx: Context) -> Norm | None:
    """Return the second day of "April 24 and 25", in the month (and year) of the first."""
    mon, dd = month_of(m["m"]), int(re.sub(r"\D", "", m["d"]))
    if m["y"]:
        return cal.day(date(int(m["y"]), mon, dd))
    found = cal.pick_day(ctx.anchor(), mon, dd, ctx.lean(m.start()))
    return cal.day(found) if found else None


def month_year(m: Match, ctx: Context) -> Norm:
    """Return a month of a year ("June 2012", "late June 2012")."""
    return cal.month(year_of(m["y"]), month_of(m["m"]), _edge(m))


def bare_month(m: Match, ctx: Context) -> Norm:
    """Return a year-less month ("in March", "last October", "July last year")."""
    mon, edge, rel = month_of(m["m"]), _edge(m), words_of(m, "rel")
    if m["ry"]:  # "July last year"
        return cal.month(ctx.anchor().year + STEPS[words_of(m, "ry")], mon, edge)
    if rel == "this":  # "this September": the one of the anchor's year
        return cal.month(ctx.anchor().year, mon, edge)
    lean, strict = _rel_lean(rel, ctx, m.start())
    if not rel and (
        ctx.begun(m.start())  # "since March": the latest begun
        or (lean == "past" and ctx.told_in_past(m.start(), m.end()))  # "In January, X brought"
    ):
        return cal.pick(ctx.anchor(), "past", False, lambda y: cal.month(y, mon, edge))
    if not rel and ctx.told_in_future(m.start(), m.end()):
        lean = "future"  # "In April, the alliance will hold a summit"
    return cal.pick(ctx.anchor(), lean, strict, lambda y: cal.month(y, mon, edge), weighted=True)


def year(m: Match, ctx: Context) -> Norm:
    """Return a year, written or spelled out ("2010", "nineteen ninety-six")."""
    return cal.year(year_of(m["y"]), _edge(m))


def decade(m: Match, ctx: Context) -> Norm:
    """Return a decade ("the 1990s", "the '90s", "the nineties")."""
    if m["c"]:
        return cal.decade(int(m["c"] + m["d"] + "0"), _edge(m))
    digit = int(m["d2"]) if m["d2"] else DECADE_WORDS.index(words_of(m, "w")) + 2
    current = ctx.anchor().year // 10 * 10  # "the '90s": the latest such decade so far
    first = current - current % 100 + digit * 10
    return cal.decade(first - 100 if first > current else first, _edge(m))


def century(m: Match, ctx: Context) -> Norm:
    """Return a century ("the 20th century")."""
    n = int(m["n"]) if m["n"] else CENTURY_WORDS[words_of(m, "w").replace(" ", "-")]
    return cal.century(n - 1, _edge(m))


def season(m: Match, ctx: Context) -> Norm | None:
    """Return a season ("last spring", "summer 2012"); None for the verb or a named event."""
    code, edge = SEASON_CODES[words_of(m, "s")], _edge(m)
    if m["y"]:
        return cal.season(int(m["y"]), code, edge)
    before = ctx.text[max(0, m.start() - 30) : m.start()]
    if not (m["rel"] or edge or m["the"]) or (not m["rel"] and _NAMED_BEFORE.search(before)):
        return None  # "fall" the verb, "Arab Spring" the event
    if words_of(m, "rel") == "this":  # "this summer": the one of the anchor's year, or the current
        current_year, current = cal.season_of(ctx.anchor())
        return cal.season(current_year if current == code else ctx.anchor().year, code, edge)
    lean, strict = _rel_lean(words_of(m, "rel"), ctx, m.start())
    return cal.pick(ctx.anchor(), lean, strict, lambda y: cal.season(y, code, edge), True)


def quarter(m: Match, ctx: Context) -> Norm | None:
    """Return a quarter or half year ("the third quarter", "Q3 2012", "the latest quarter")."""
    unit, which = (
        words_of(m, "u") or {"q": "quarter", "h": "half"}[words_of(m, "q")],
        words_of(m, "ord"),
    )
    make, per_year = (cal.quarter, 4) if unit == "quarter" else (cal.half, 2)
    given = text_of(m, "y") or text_of(m, "yb")
    year = int(given) if given else None
    if year is None and not text_of(m, "ry") and ctx.contest(m.start(), m.end()):
        return None  # "within half a length in the final quarter" of the race
    if text_of(m, "ry"):  # "next year's first quarter"
        year = ctx.anchor().year + STEPS[words_of(m, "ry")]
    if not which and not text_of(m, "qn") and year is not None:
        # "the 1988 quarter": the one that matches the latest quarter, in that year
        anchor = ctx.anchor()
        latest = (anchor.year * per_year + (anchor.month - 1) * per_year // 12 - 1) % per_year
        return make(year, latest + 1)
    if not which or which in ORDINALS or which == "final" or (which == "last" and year):
        n = int(m["qn"]) if not which else ORDINALS.get(which, per_year)
        if year is not None:
            return make(year, n)
        lean = ctx.lean(m.start())
        # A forecast looks at the nearest such quarter, the coming one most: "expects a loss
        # in the fourth quarter" in September, but "expects to report a third-quarter loss"
        # in November is the quarter just ended.
        forecast = lean == "past" and ctx.told_in_future(m.start(), m.end())
        found = cal.pick(
            ctx.anchor(), "future" if forecast else lean, False, lambda y: make(y, n),
            weighted=forecast,
        )  # fmt: skip
        if text_of(m, "ago"):  # "the year-ago third quarter"
            assert found.start is not None
            return make(found.start.year - 1, n)
        return found
    anchor = ctx.anchor()  # "the latest quarter": the one last reported, before this one
    current = anchor.year * per_year + (anchor.month - 1) * per_year // 12
    y, index = divmod(current + STEPS.get(which, -1), per_year)
    return make(y, index + 1)


def two_quarters(m: Match, ctx: Context) -> Norm:
    """Return the half year two quarters make ("the first two quarters of 1990")."""
    n = 1 if m["ord"] else 2
    if m["y"]:
        return cal.half(int(m["y"]), n)
    return cal.pick(ctx.anchor(), ctx.lean(m.start()), False, lambda y: cal.half(y, n))


def weekday(m: Match, ctx: Context) -> Norm:
    """Return the day a weekday names ("Tuesday", "next Tuesday", "Tuesday night")."""
    if m["ana"]:  # "the previous Friday": counted from the day named before
        steps = -1 if words_of(m, "ana") in ("previous", "preceding") else 1
        return Norm("DATE", None, anaphor=Shift("day", steps, weekday=weekday_of(m["wd"])))
    lean, strict = _rel_lean(words_of(m, "rel"), ctx, m.start())
    if not m["rel"]:
        lean = ctx.day_lean(m.start(), m.end())
    d = cal.pick_weekday(ctx.anchor(), weekday_of(m["wd"]), lean, strict)
    mod = EDGE_MODS.get(words_of(m, "mod"))
    if m["part"]:
        return cal.part_of_day(d, PARTS_OF_DAY[words_of(m, "part")], mod)
    return cal.day(d, mod)


def weekday_set(m: Match, ctx: Context) -> Norm:
    """Return a recurring weekday ("every Monday", "Mondays")."""
    part = PARTS_OF_DAY.get(words_of(m, "part").rstrip("s"))
    day = weekday_of(text_of(m, "wd") or text_of(m, "wd2")) + 1
    return Norm("SET", f"XXXX-WXX-{day}" + (f"T{part}" if part else ""))


def day_word(m: Match, ctx: Context) -> Norm | None:
    """Return the day of "today", "yesterday", "tomorrow", their parts; None for no day meant."""
    word = words_of(m, "w")
    before = ctx.text[max(0, m.start() - 24) : m.start()]
    if (
        word in ("today", "tomorrow")
        and not m["part"]
        and (_OF_BEFORE.search(before) or (m["w"][0].isupper() and _TITLE_BEFORE.search(before)))
    ):
        return None  # "the people of tomorrow", "VOA Today": no day meant
    d = date.fromordinal(ctx.anchor().toordinal() + DAY_OFFSETS.get(word, 0))
    mod = EDGE_MODS.get(words_of(m, "mod") or words_of(m, "pmod"))
    part = words_of(m, "part") or ("night" if word in ("tonight", "last night") else "")
    if part:
        return cal.part_of_day(d, PARTS_OF_DAY[part], mod)
    return cal.day(d, mod)


def reference(m: Match, ctx: Context) -> Norm:
    """Return PRESENT_REF, PAST_REF or FUTURE_REF ("now", "recently", "the future")."""
    phrase = re.sub(r"\s+(?:near|distant|foreseeable)\b", "", words_of(m, "r"))
    value = REFS.get(phrase) or ("FUTURE_REF" if "coming" in phrase else "PAST_REF")
    if value == "PRESENT_REF" and ctx.published is not None:
        return Norm("DATE", value, ctx.published, ctx.published)
    return Norm("DATE", value)


def relative(m: Match, ctx: Context) -> Norm | None:
    """Return a period relative to the anchor or the date before ("last week", "that year")."""
    rel, unit, edge = words_of(m, "rel"), unit_of(m["u"]), _edge(m)
    if unit == "day":  # "the next day", "that day": only as a step from the date before
        if rel not in DAY_STEPS:
            return None
        return Norm("DATE", None, anaphor=Shift("day", DAY_STEPS[rel], keep=False))
    if rel == "that":  # "that year", "later that month"
        mod = EDGE_MODS.get(words_of(m, "el")) or edge
        return Norm("DATE", None, mod=mod, anaphor=Shift(unit, 0, keep=False))
    if rel in ("the past", "the last", "the next", "the coming") and not edge and unit != "weekend":
        # "over the past year" is dated as the year before, as TimeBank dates it: with
        # no count, the phrase names a period next to the anchor, not a length; "the
        # past decade" or "century" is the span up to now, a length.
        if unit in ("decade", "century"):
            return _duration_value("1", unit, None)
        return _relative_to(rel, unit, edge, m, ctx)
    if rel == "the" and unit == "year" and not edge and _ENDED_AFTER.match(ctx.text, m.end()):
        return _duration_value("1", unit, None)  # "the year ended Sept. 30": twelve months
    if rel in ("the following", "the preceding", "the same", "the"):
        if rel == "the" and (edge or unit == "weekend"):
            return _relative_to(rel, unit, edge, m, ctx)
        steps = {"the following": 1, "the preceding": -1}.get(rel, 0)
        # "the quarter" is the one being reported, whatever date came last
        period: Literal["before"] | None = "before" if unit == "quarter" and not steps else None
        return Norm("DATE", None, anaphor=Shift(unit, steps, keep=False, period=period))
    return _relative_to(rel, unit, edge, m, ctx)


def _relative_to(rel: str, unit: str, edge: str | None, m: Match, ctx: Context) -> Norm | None:
    earlier = words_of(m, "el")
    anchor = ctx.anchor()
    if unit == "weekend":
        lean, strict = _rel_lean(rel.removeprefix("the "), ctx, m.start())
        if rel == "the" and _AHEAD_OF_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start()):
            lean = "future"
        if lean == "near":
            return cal.weekend(anchor)
        return cal.weekend(cal.pick_weekday(anchor, 5, lean, strict and lean == "past"))
    steps = STEPS.get(rel.removeprefix("the "), 0)
    # "last week" is the ISO week before the anchor's, even on a Sunday, when the
    # anchor's own week is just ending (TimeML counts weeks by the calendar).
    norm = cal.shifted(anchor, unit, steps)
    assert norm.start is not None and norm.end is not None
    if earlier and rel == "this":  # "earlier this month": from its start to now
        if earlier == "earlier":
            return dataclasses.replace(norm, end=min(anchor, norm.end))
        return dataclasses.replace(norm, start=max(anchor, norm.start))
    edge = edge or EDGE_MODS.get(earlier)
    if edge:
        start, end = cal.narrow(norm.start, norm.end, edge)
        return dataclasses.replace(norm, start=start, end=end, mod=edge)
    return norm


def period_end(m: Match, ctx: Context) -> Norm:
    """Return the last day of the current year, month or quarter ("by year-end").

    "Since year-end" is the latest such day before the anchor: the books
    closed at the last year-end, not the coming one.
    """
    anchor, unit = ctx.anchor(), words_of(m, "u")
    end = cal.shifted(anchor, unit, 0).end
    if ctx.since(m.start()) and end is not None and end > anchor:
        end = cal.shifted(anchor, unit, -1).end
    assert end is not None
    return cal.day(end)


def ago(m: Match, ctx: Context) -> Norm:
    """Return a time counted back or ahead ("three months ago", "two days later")."""
    count, unit, direction = count_of(m["n"] or "several"), unit_of(m["u"]), words_of(m, "dir")
    sign = -1 if direction in ("ago", "earlier") else 1
    if count == "X" or "." in count:
        return Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if unit == "year" and count == "1" and sign < 0:  # "a year ago": a comparison
        period: Literal["anchor", "before"] = "anchor" if direction == "ago" else "before"
        return Norm("DATE", None, mod=_apx(m), anaphor=Shift(unit, -1, period=period))
    if unit in ("decade", "century"):  # "a decade ago" is a year, not the decade it falls in
        unit, count = "year", str(int(count) * (10 if unit == "decade" else 100))
    if direction in ("earlier", "later"):  # "two days later": than the expression before
        return Norm("DATE", None, mod=_apx(m), anaphor=Shift(unit, sign * int(count)))
    return dataclasses.replace(cal.shifted(ctx.anchor(), unit, sign * int(count)), mod=_apx(m))


def year_ago(m: Match, ctx: Context) -> Norm:
    """Return the year-ago or year-earlier period ("the year-ago quarter"), once resolved.

    "Year-ago" is deictic, as "a year ago" is: a year before the period being
    reported, or the anchor; only "year-earlier" counts from the time named before.
    """
    period: Literal["anchor", "before"] = "before" if "earlier" in m[0].lower() else "anchor"
    return Norm("DATE", None, anaphor=Shift("year", -1, period=period))


def _duration_value(count: str, unit: str, mod: str | None) -> Norm:
    time, letter, times = UNITS[unit]
    if count == "X":
        return Norm("DURATION", f"P{time}X{VAGUE_UNITS.get(unit, letter)}", mod=mod)
    amount = float(count) * times
    text = str(int(amount)) if amount.is_integer() else f"{amount:f}".rstrip("0")
    return Norm("DURATION", f"P{time}{text}{letter}", mod=mod)


# Half of a unit in the next smaller one: "two and a half years" is P2Y6M.
_HALVES = {"year": "Y6M", "day": "DT12H"}


def duration(m: Match, ctx: Context) -> Norm | None:
    """Return a duration ("three years", "the past 48 hours"), or a rate ("$5 a day")."""
    count, unit, after = count_of(m["n"]), unit_of(m["u"]), ctx.text[m.end() : m.end() + 12]
    if unit == "second" and count == "1" and re.match(r"\s+[a-z]", after):
        return None  # "a second term"
    if unit == "quarter" and re.match(r"\s+of\b", after):
        return None  # "three quarters of the vote"
    if (m["h1"] or m["h2"]) and count.isdigit():
        if unit in ("hour", "minute"):
            # "an hour and a half" on the clock: PT1H30M, as TIMEX3 writes time spans
            smaller = "M" if unit == "hour" else "S"
            value = f"PT{count}{UNITS[unit][1]}30{smaller}"
            return Norm("DURATION", value, mod=_apx(m))
        if unit in _HALVES:  # "2 1/2 years": P2Y6M, as TIMEX3 writes it
            return Norm("DURATION", f"P{count}{_HALVES[unit]}", mod=_apx(m))
        # "two and a half weeks" keeps the unit named, with a decimal fraction: P2.5W
        count = str(int(count) + 0.5)
    norm = _duration_value(count, unit, _apx(m))
    rate = _RATE_BEFORE.search(ctx.text[max(0, m.start() - 12) : m.start()])
    if words_of(m, "n") in ("a", "an") and not (m["lead"] or m["apx"]) and rate:
        return dataclasses.replace(norm, type="SET")  # "$5 a day"
    return norm


def bare_units(m: Match, ctx: Context) -> Norm:
    """Return a vague duration ("for years")."""
    return _duration_value("X", unit_of(m["u"]), None)


def every(m: Match, ctx: Context) -> Norm | None:
    """Return a set ("daily", "every two weeks", "each spring")."""
    word = words_of(m, "w")
    if word in SET_WORDS:
        return Norm("SET", SET_WORDS[word])
    if word in FULL_MONTHS:
        return Norm("SET", f"XXXX-{month_of(word):02d}")
    if word in PARTS_OF_DAY and word != "day":
        return Norm("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[word]}")
    if word in SEASON_CODES:
        return Norm("SET", f"XXXX-{SEASON_CODES[word]}")
    count = "2" if words_of(m, "n") == "other" else count_of(m["n"] or "1")
    return dataclasses.replace(_duration_value(count, unit_of(word), None), type="SET")


def holiday(m: Match, ctx: Context) -> Norm:
    """Return the day of a holiday ("Christmas", "Thanksgiving 2012")."""
    name = HOLIDAY_NAMES.get(words_of(m, "h"), words_of(m, "h"))

    def on(y: int) -> cal.Norm:
        if name == "thanksgiving":  # fourth Thursday of November
            day = date(y, 11, 22 + (3 - date(y, 11, 1).weekday()) % 7)
        elif name in EASTER_OFFSETS:
            day = cal.easter(y) + timedelta(days=EASTER_OFFSETS[name])
        else:
            day = date(y, *HOLIDAYS[name])
        return cal.week(day) if m["week"] else cal.day(day)  # "Easter week": its ISO week

    if m["y"]:
        return on(int(m["y"]))
    return cal.pick(ctx.anchor(), ctx.lean(m.start()), False, on, weighted=True)


def clock(
    m: Match, ctx: Context, days: Sequence[tuple[re.Pattern[str], Handler]] = ()
) -> Norm | None:
    """Return a time of day, on the day ``m["day"]`` names when one of ``days`` reads it."""
    word, ampm = words_of(m, "w"), words_of(m, "ap")[:1]
    if word:
        # Midnight ends the day it is named with, as TIMEX3 writes it: "midnight Friday" is
        # Friday T24:00, the night after Friday, not the one before.
        hour, minute = (24, 0) if word == "midnight" else (12, 0)
    else:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        if not (m["sep"] == ":" or ampm) or (ampm in ("a", "p") and not 1 <= hour <= 12):
            return None  # "10.30" is a number, "10:30" and "10.30am" are times
        hour = hour % 12 + (12 if ampm == "p" else 0) if ampm in ("a", "p") else hour
    d = ctx.anchor()
    day = "day" if m["day"] else "pday" if text_of(m, "pday") else None
    if day:
        for regex, handler in days:
            sub = regex.fullmatch(ctx.text, m.start(day), m.end(day))
            found = handler(sub, ctx) if sub else None
            if found and found.start:
                d = found.start
                break
    return cal.clock(d, hour, minute, "APPROX" if m["apx"] else None)
