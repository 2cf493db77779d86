"""Calendar arithmetic for time expressions: TIMEX3 values and the days they may denote.

Every relative expression is resolved against an anchor day, the article's
publication date, passed in explicitly: nothing here reads today's date. Each
constructor returns a :class:`Norm`, the TIMEX3 type and value plus the
inclusive interval of calendar days the expression can refer to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from storyline.model import TimeType

# How an expression without a year (or week, or quarter) picks its occurrence:
# the one before the anchor, the one after it, or the one nearest to it.
Lean = Literal["past", "future", "near"]

# Meteorological seasons as (first month, last month); winter Y runs from
# December Y to February Y+1, so "winter 2012" starts in 2012.
SEASONS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}

ONE_DAY = timedelta(days=1)

# A year-less date or month on the side its clause does not lean to counts at this
# many times its distance: news mostly reports what happened, but "Nov. 22" in a
# paper of Nov. 1, or "in September" in one of August, is most likely the coming one.
AGAINST_LEAN = 2


@dataclass(frozen=True)
class Shift:
    """How an anaphoric expression moves from the one before it: "two days later" is (day, 2).

    ``keep`` keeps the granularity of the earlier expression ("a year earlier"
    than the third quarter is a third quarter); otherwise the value is the
    ``unit`` itself ("the following year"). ``period`` marks a shift from
    the quarter being reported (see :func:`storyline.stages.times.find`).
    """

    unit: str
    steps: int
    keep: bool = True
    # A comparison ("a year ago", "a year earlier", "the year-ago quarter") sets a period
    # against the same period a year before: in an earnings report, the quarter the
    # report is about; "the quarter", "the latest period" are that quarter. Such a shift
    # counts from the latest quarter or half mentioned; with none, from the anchor
    # ("anchor"), the expression before ("before"), or it has no value ("only"). It is
    # no reference for what follows: "a year ago ... a year earlier" name one period.
    period: Literal["anchor", "before", "only"] | None = None
    # "the previous Friday": the weekday (0 = Monday) before (steps -1) or after (+1)
    # the day named last, or the anchor when no day was named.
    weekday: int | None = None


@dataclass(frozen=True)
class Norm:
    """A normalized time expression: TIMEX3 type, value and modifier, and its inclusive days.

    ``anaphor`` is set while the value still waits for the expression it is
    relative to (see :func:`resolve`).
    """

    type: TimeType
    value: str | None
    start: date | None = None
    end: date | None = None
    mod: str | None = None
    anaphor: Shift | None = None


def month_end(year: int, month: int) -> date:
    """Return the last day of a month (``month`` may run past 12 into the next year)."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return date(year + month // 12, month % 12 + 1, 1) - ONE_DAY


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """Return (year, month) ``n`` months after (or before, if negative) the given month."""
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def narrow(start: date, end: date, mod: str | None) -> tuple[date, date]:
    """Return the part of ``[start, end]`` that ``mod`` START / MID / END denotes.

    A month splits at days 10 and 20 ("early June" is June 1-10), a year at
    April and August ("early 2012" is January-April), anything else in thirds.
    """
    if mod not in ("START", "MID", "END") or (end - start).days < 2:
        return start, end
    if start.day == 1 and end == month_end(start.year, start.month):
        first, second = start.replace(day=10), start.replace(day=20)
    elif (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        first, second = date(start.year, 4, 30), date(start.year, 8, 31)
    else:
        days = (end - start).days + 1
        first = start + timedelta(days=max(days // 3 - 1, 0))
        second = start + timedelta(days=max(2 * days // 3 - 1, 0))
    if mod == "START":
        return start, first
    if mod == "MID":
        return first + ONE_DAY, max(second, first + ONE_DAY)
    return min(second + ONE_DAY, end), end


def _norm(value: str, start: date, end: date, mod: str | None, type_: TimeType = "DATE") -> Norm:
    start, end = narrow(start, end, mod)
    return Norm(type_, value, start, end, mod)


def day(d: date, mod: str | None = None) -> Norm:
    """Return a calendar day (``2012-07-17``)."""
    return Norm("DATE", d.isoformat(), d, d, mod)


def month(year: int, month: int, mod: str | None = None) -> Norm:
    """Return a month (``2012-06``), narrowed by ``mod``."""
    return _norm(f"{year:04d}-{month:02d}", date(year, month, 1), month_end(year, month), mod)


def year(year: int, mod: str | None = None) -> Norm:
    """Return a year (``2012``), narrowed by ``mod``."""
    return _norm(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), mod)


def decade(first_year: int, mod: str | None = None) -> Norm:
    """Return a decade as TimeML writes it: the 1990s are ``199``."""
    first_year -= first_year % 10
    return _norm(
        f"{first_year // 10:03d}", date(first_year, 1, 1), date(first_year + 9, 12, 31), mod
    )


def century(index: int, mod: str | None = None) -> Norm:
    """Return a century by its TimeML value: the 20th century (1900-1999) is ``19``."""
    first = max(index * 100, 1)
    return _norm(f"{index:02d}", date(first, 1, 1), date(index * 100 + 99, 12, 31), mod)


def season(year: int, code: str, mod: str | None = None) -> Norm:
    """Return a season (``2012-SP``) over its meteorological months."""
    first, last = SEASONS[code]
    return _norm(f"{year:04d}-{code}", date(year, first, 1), month_end(year, last), mod)


def quarter(year: int, q: int, mod: str | None = None) -> Norm:
    """Return a quarter of a year (``2012-Q3``)."""
    return _norm(f"{year:04d}-Q{q}", date(year, 3 * q - 2, 1), month_end(year, 3 * q), mod)


def half(year: int, h: int, mod: str | None = None) -> Norm:
    """Return a half year (``2012-H1``)."""
    return _norm(f"{year:04d}-H{h}", date(year, 6 * h - 5, 1), month_end(year, 6 * h), mod)


def week(d: date, mod: str | None = None) -> Norm:
    """Return the ISO week containing ``d`` (``2012-W29``), Monday to Sunday."""
    iso = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return _norm(f"{iso.year:04d}-W{iso.week:02d}", monday, monday + timedelta(days=6), mod)


def easter(year: int) -> date:
    """Return Easter Sunday of ``year`` in the Gregorian calendar (the anonymous algorithm)."""
    golden = year % 19
    century, rest = divmod(year, 100)
    leap_fix, leap_rest = divmod(century, 4)
    moon_fix = (century + 8) // 25
    epact = (19 * golden + century - leap_fix - (century - moon_fix + 1) // 3 + 15) % 30
    weekday = (32 + 2 * leap_rest + 2 * (rest // 4) - epact - rest % 4) % 7
    shift = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * shift + 114, 31)
    return date(year, month, day + 1)


def weekend(d: date) -> Norm:
    """Return the weekend of the ISO week containing ``d`` (``2012-W29-WE``)."""
    iso = d.isocalendar()
    saturday = d + timedelta(days=5 - d.weekday())
    return Norm("DATE", f"{iso.year:04d}-W{iso.week:02d}-WE", saturday, saturday + ONE_DAY)


def clock(d: date, hour: int, minute: int = 0, mod: str | None = None) -> Norm:
    """Return a time of day on ``d`` (``2012-07-18T15:00``)."""
    return Norm("TIME", f"{d.isoformat()}T{hour:02d}:{minute:02d}", d, d, mod)


def part_of_day(d: date, code: str, mod: str | None = None) -> Norm:
    """Return a part of a day (``2012-07-18TMO``: MO, AF, EV, NI, DT)."""
    return Norm("TIME", f"{d.isoformat()}T{code}", d, d, mod)


def shifted(anchor: date, unit: str, n: int) -> Norm:
    """Return the ``unit`` (day, week, month, quarter, year, decade) ``n`` units from ``anchor``.

    The value keeps the unit's granularity: three months before 2012-07-18 is
    ``2012-04``, three days before is ``2012-07-15``.
    """
    if unit == "week":
        return week(anchor + timedelta(weeks=n))
    if unit in ("month", "quarter"):
        y, m = add_months(anchor.year, anchor.month, n * (3 if unit == "quarter" else 1))
        return month(y, m) if unit == "month" else quarter(y, (m - 1) // 3 + 1)
    if unit == "year":
        return year(anchor.year + n)
    if unit == "decade":
        return decade(anchor.year + 10 * n)
    if unit == "century":
        return century(anchor.year // 100 + n)
    if unit == "season":
        return season(*season_of(anchor))
    if unit == "day":
        return day(anchor + timedelta(days=n))
    return day(anchor)  # hours and minutes ago: the day is all we can tell


def season_of(d: date) -> tuple[int, str]:
    """Return the (season year, code) of the season that contains ``d``."""
    if d.month in (1, 2):
        return d.year - 1, "WI"
    return d.year, next(c for c, (a, b) in SEASONS.items() if a <= d.month <= b)


# Granularities of calendar values, finest first, recognized by their shape.
GRAINS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day", re.compile(r"\d{4}-\d\d-\d\d")),
    ("week", re.compile(r"\d{4}-W\d\d")),
    ("month", re.compile(r"\d{4}-\d\d$")),
    ("quarter", re.compile(r"\d{4}-[QH]\d$")),
    ("season", re.compile(r"\d{4}-(?:SP|SU|FA|WI)$")),
    ("year", re.compile(r"\d{4}$")),
)
UNIT_ORDER = ("second", "minute", "hour", "day", "week", "weekend", "fortnight", "month",
              "quarter", "season", "year", "decade", "century")  # fmt: skip


def grain(norm: Norm) -> str | None:
    """Return the granularity of a calendar value (day, week, month...), None if not one."""
    if norm.value is None or norm.start is None:
        return None
    return next((name for name, shape in GRAINS if shape.match(norm.value)), None)


def resolve(shift: Shift, ref: Norm | None, anchor: date | None) -> Norm | None:
    """Return the value of an anaphoric expression from the expression before it.

    "Two days later" after "Tuesday" is Thursday; "a year earlier" after "the
    third quarter" of 1989 is 1988-Q3; "the following year" after June 2012
    is 2013. With no earlier expression the publication date stands in.
    """
    ref_grain = grain(ref) if ref is not None else None
    if shift.weekday is not None:
        base = ref.start if ref is not None and ref.start is not None else anchor
        if ref_grain not in ("day", "hour", "minute", "second"):
            base = anchor
        if base is None:
            return None
        lean: Lean = "past" if shift.steps < 0 else "future"
        return day(pick_weekday(base, shift.weekday, lean, strict=True))
    if ref is None or ref.start is None or ref_grain is None:
        return shifted(anchor, shift.unit, shift.steps) if anchor else None
    if UNIT_ORDER.index(ref_grain) > UNIT_ORDER.index(shift.unit):
        return None  # "two days later" than "June": no telling which day
    if not shift.keep or shift.steps == 0:
        return shifted(ref.start, shift.unit, shift.steps)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}.get(shift.unit)
    start = ref.start
    if months is None:  # day or week steps
        start += timedelta(days=shift.steps * (7 if shift.unit == "week" else 1))
    else:
        y, m = add_months(start.year, start.month, shift.steps * months)
        start = date(y, m, min(start.day, month_end(y, m).day))
    if ref_grain == "season":
        return season(start.year, (ref.value or "")[-2:])
    if ref_grain == "quarter" and (ref.value or "")[5] == "H":
        return half(start.year, (start.month - 1) // 6 + 1)
    return shifted(start, ref_grain, 0)


def pick(
    anchor: date,
    lean: Lean,
    strict: bool,
    make: Callable[[int], Norm | None],
    weighted: bool = False,
) -> Norm:
    """Return the occurrence (built by ``make(year)``) that ``lean`` selects around ``anchor``.

    ``past``: the latest that has begun by the anchor (``strict``: that has
    ended before it, "last spring"); ``future``: the first that has not ended
    (``strict``: that begins after it, "next October"); ``near``: the one
    containing the anchor, else the closest. ``weighted`` (not strict) takes
    the nearest instead, counting the side ``lean`` disfavours at
    :data:`AGAINST_LEAN` times its distance.
    """
    options = [n for y in range(anchor.year - 2, anchor.year + 3) if (n := make(y)) is not None]
    if lean == "near":
        return min(options, key=lambda n: _distance(n, anchor))
    if weighted and not strict:
        return min(options, key=lambda n: _cost(_start(n), _end(n), anchor, lean))
    if lean == "past":
        past = [n for n in options if _end(n) < anchor or (not strict and _start(n) <= anchor)]
        return max(past, key=_start)
    future = [n for n in options if _start(n) > anchor or (not strict and _end(n) >= anchor)]
    return min(future, key=_start)


def pick_weekday(anchor: date, weekday: int, lean: Lean, strict: bool) -> date:
    """Return the date of a weekday (0 = Monday) that ``lean`` selects around ``anchor``.

    The default in news, ``past`` and not strict, gives the anchor itself when
    it falls on that weekday ("said Monday" in a Monday paper is that Monday).
    """
    if lean == "near":  # "this Tuesday": the Tuesday of the anchor's week
        return anchor + timedelta(days=weekday - anchor.weekday())
    if lean == "past":
        back = (anchor.weekday() - weekday) % 7
        return anchor - timedelta(days=back or (7 if strict else 0))
    ahead = (weekday - anchor.weekday()) % 7
    return anchor + timedelta(days=ahead or (7 if strict else 0))


def pick_day(anchor: date, m: int, d: int, lean: Lean, weekday: int | None = None) -> date | None:
    """Return the year-less day ``m``/``d`` nearest ``anchor``, leaning as told.

    Days on the side ``lean`` disfavours count at :data:`AGAINST_LEAN` times
    their distance. A weekday named with the day ("Saturday, April 18") picks
    the year where they agree.
    """
    options = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(y, m, d))
        except ValueError:  # 29 February of a common year
            continue
    if weekday is not None and any(o.weekday() == weekday for o in options):
        options = [o for o in options if o.weekday() == weekday]
    if not options:
        return None
    return min(options, key=lambda option: _cost(option, option, anchor, lean))


def _start(n: Norm) -> date:
    assert n.start is not None
    return n.start


def _end(n: Norm) -> date:
    assert n.end is not None
    return n.end


def _cost(start: date, end: date, anchor: date, lean: Lean) -> int:
    """Return the distance in days from anchor to [start, end], weighted against ``lean``."""
    if start <= anchor <= end:
        return 0
    ahead = start > anchor
    days = (start - anchor).days if ahead else (anchor - end).days
    against = ahead if lean == "past" else not ahead
    return days * (AGAINST_LEAN if against and lean != "near" else 1)


def _distance(n: Norm, anchor: date) -> int:
    if _start(n) <= anchor <= _end(n):
        return 0
    return min(abs((_start(n) - anchor).days), abs((_end(n) - anchor).days))
