"""The pattern table of time expressions: each rule a regex, its trigger words and its handler.

Rules are tried in order; among overlapping matches the longest wins, and
earlier rules win ties (see :func:`storyline.stages.times.find`). Each rule
names the words that set it off (:data:`TRIGGERED`), so a rule's regex is
tried only near one of them. A ``weak`` rule's match stands only where spaCy
also saw a date ("May" the verb, "2000" the count).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from storyline.model import TimeType
from storyline.stages import calendar as cal
from storyline.stages import timevalues as values
from storyline.stages.calendar import Norm, Shift
from storyline.stages.timecontext import Context
from storyline.stages.timevalues import Handler, Match, text_of, words_of
from storyline.stages.timewords import (
    APPROX_RX,
    DAY_RX,
    DAYREF_RX,
    DECADE_WORDS,
    EDGE_RX,
    FULL_MONTH_RX,
    FULL_MONTHS,
    MONTH_RX,
    NUM_RX,
    NUMBERS,
    REL_RX,
    SEASON_CODES,
    SET_WORDS,
    SPELLED_YEAR_RX,
    TZ_RX,
    UNIT_RX,
    WEEKDAY_RX,
    YEAR_RX,
    unit_of,
)


@dataclass(frozen=True)
class Rule:
    """A pattern and the handler that normalizes its matches.

    ``words`` are the lower-case words (``#`` for any number) one of which
    every match contains; ``core``, when given, must match there too.
    ``lead`` is how far before that word a match may start, and ``before``
    must match the word just before it (see :func:`storyline.stages.times.find`).
    ``type`` is what an unanchored match is (a relative expression without a
    publication date); ``weak`` says when a match stands only inside a spaCy
    DATE/TIME span; ``group`` names the part of the match that is the
    expression, when the pattern also needs words around it.
    """

    name: str
    words: tuple[str, ...]
    core: re.Pattern[str] | None
    regex: re.Pattern[str]
    handler: Handler
    type: TimeType = "DATE"
    weak: Callable[[Match, str], bool] | None = None
    group: str | int = 0
    lead: int = 16
    before: re.Pattern[str] | None = None


def _rule(
    name: str,
    words: Iterable[str],
    core: str | None,
    pattern: str,
    handler: Handler,
    type_: TimeType = "DATE",
    *,
    weak: Callable[[Match, str], bool] | None = None,
    group: str | int = 0,
    lead: int = 16,
    before: str | None = None,
) -> Rule:
    """Return a rule with its patterns compiled (the main one case-insensitive)."""
    return Rule(
        name,
        tuple(words),
        re.compile(core) if core else None,
        re.compile(pattern, re.I),
        handler,
        type_,
        weak,
        group,
        lead,
        re.compile(before) if before else None,
    )


# --- trigger words ----------------------------------------------------------------------

# The words that set rules off (a number stands as "#").
MONTH_WORDS = (*FULL_MONTHS, "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
               "nov", "dec")  # fmt: skip
_DAY_STEMS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
WEEKDAY_WORDS = (
    *(stem + "day" for stem in _DAY_STEMS),
    *(stem + "days" for stem in _DAY_STEMS),
    *("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"),
)
_UNIT_STEMS = ("second", "minute", "hour", "day", "week", "weekend", "fortnight", "month",
               "quarter", "year", "decade")  # fmt: skip
UNIT_WORDS = (*_UNIT_STEMS, *(u + "s" for u in _UNIT_STEMS), "century", "centuries")
SEASON_WORDS = tuple(SEASON_CODES)
_UNIT_CORE = "|".join(UNIT_WORDS)
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
# Words that may stand right before a unit in a duration ("two | years", "a few | days").
_COUNT_BEFORE = (
    rf"\d[\d,.]*|{'|'.join(NUMBERS)}|few|several|many|some|of|more|additional|full|straight"
    r"|consecutive|so|extra|further|another|trading|business|working|half"
)

# --- when a match needs spaCy's support ------------------------------------------------

# Bare years are dates only after words that introduce one ("in 2010", "since 2019",
# "by 2022"); otherwise "2000" may well count people.
_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|by|until|till|through|from|to|during|before|after|of|between|and|or|fiscal"
    r"|year|circa|around|early|mid|late)\s+$",
    re.I,
)
# "pre-1990", "post-1959 politics": the prefix makes the number a year.
_YEAR_PREFIX = re.compile(r"\b(?:pre|post)-$", re.I)
_COUNTED_AFTER = re.compile(
    r"\s+(?!(?:as|was|is|this|its|has|his|thus|plus|versus|less|unless|across|perhaps)\b)"
    r"[a-z]+s\b"
)
# A frequency word before a noun is an adjective ("its quarterly dividend", "the Party
# daily Granma"), not a TIMEX3 set; TimeBank tags it only now and then, so it is left out.
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|to|in|on|at|for|by|from|since|until|basis|than|as|with|outside|inside"
    r"|near|around|across|through|throughout|during|after|before|over|under|along|against"
    r"|while|when|because|but|if|here|there|now|again)\b)[a-z]"
)


def _weak_month(m: Match, text: str) -> bool:
    # "May" alone is more often the verb; it needs a modifier or spaCy's word.
    return m["m"] == "May" and not (m["rel"] or m["edge"] or m["ry"])


def _weak_year(m: Match, text: str) -> bool:
    # a bare year needs a word that introduces a date, and no plural noun after it
    if m["edge"] or m["fiscal"]:
        return False
    before = text[max(0, m.start() - 12) : m.start()]
    if _YEAR_PREFIX.search(before):
        return False
    return not _YEAR_BEFORE.search(before) or bool(_COUNTED_AFTER.match(text, m.end()))


def _weak_relative(m: Match, text: str) -> bool:
    # "the week" alone may be any week; "the weekend", "the end of the week" are dated
    return words_of(m, "rel") == "the" and not m["edge"] and unit_of(m["u"]) != "weekend"


# --- rules for days, which clock times reuse ---------------------------------------------

_WEEKDAY_RULE = _rule(
    "weekday",
    WEEKDAY_WORDS,
    None,
    rf"\b(?:{REL_RX}\s+|(?P<mod>early|late|earlier|later)\s+"
    r"|the\s+(?P<ana>previous|preceding|following|next)\s+)?"
    rf"(?P<wd>{WEEKDAY_RX})"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?(?!\w)",
    values.weekday,
)
_DAY_WORD_RULE = _rule(
    "day word",
    ("today", "tonight", "tomorrow", "yesterday", "night", "morning", "afternoon", "evening"),
    None,
    r"\b(?:(?P<mod>early|late|earlier|later)\s+|(?P<pmod>mid)-?)?(?P<w>the\s+day\s+before"
    r"\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|last\s+night"
    r"|this(?=\s+(?:morning|afternoon|evening)))(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
    values.day_word,
)
_MONTH_DAY_RULE = _rule(
    "month day",
    MONTH_WORDS,
    rf"{_MON}[a-z]*\.?\s+(?:the\s+)?\d",
    rf"\b(?:(?P<wd>{WEEKDAY_RX}),?\s+)?(?P<m>{MONTH_RX})\s+(?:the\s+)?(?P<d>{DAY_RX})"
    rf"(?:,?\s+(?P<y>{YEAR_RX}))?(?!\w|[.,:/-]\d)",
    values.day_month,
)
# "3 p.m. Tuesday": the day of a clock time is read by the rules for days.
_CLOCK_DAYS = tuple((r.regex, r.handler) for r in (_WEEKDAY_RULE, _DAY_WORD_RULE, _MONTH_DAY_RULE))


def _clock(m: Match, ctx: Context) -> Norm | None:
    return values.clock(m, ctx, _CLOCK_DAYS)


def _week_of(m: Match, ctx: Context) -> Norm | None:
    """Return the ISO week of the day named after "the week of" ("the week of March 6")."""
    for regex, handler in _CLOCK_DAYS:
        sub = regex.fullmatch(ctx.text, m.start("day"), m.end("day"))
        found = handler(sub, ctx) if sub else None
        if found is not None and found.start is not None and cal.grain(found) == "day":
            return cal.week(found.start)
    return None


def _day_beside(m: Match, ctx: Context) -> Norm | None:
    """Return the day before or after a day named ("the day before last Tuesday's hearing")."""
    step = -1 if words_of(m, "dir") == "before" else 1
    for regex, handler in _CLOCK_DAYS:
        sub = regex.fullmatch(ctx.text, m.start("day"), m.end("day"))
        found = handler(sub, ctx) if sub else None
        if found is not None and found.start is not None and cal.grain(found) == "day":
            return cal.day(found.start + cal.ONE_DAY * step)
    return None


_CLOCK = (
    r"\b(?:(?P<apx>about|around|approximately|roughly)\s+)?(?:(?P<h>[01]?\d|2[0-3])"
    r"(?:(?P<sep>[:.])(?P<mi>[0-5]\d))?(?:\s*(?P<ap>[ap]\.\s?m\b\.?|[ap]m\b|o'clock))?|(?P<w>noon|midnight"
    rf"|midday))(?:\s+{TZ_RX})?(?:,?\s+(?:on\s+)?(?P<day>{DAYREF_RX})(?![\w:])"
    # "10:35 a.m. (0735 GMT) Friday": the day after an aside dates the time, outside its span
    rf"|(?![\w:])(?=\s*\([^()\n]{{1,24}}\),?\s+(?:on\s+)?(?P<pday>{DAYREF_RX})))?(?![\w:])"
)
_DECADE = (
    rf"\b(?:the\s+)?{EDGE_RX}(?:(?P<c>1[6-9]|20)(?P<d>\d)0'?s|'(?P<d2>\d)0s"
    rf"|(?P<w>{'|'.join(DECADE_WORDS)}))\b"
)

# --- the table ------------------------------------------------------------------------------

RULES: tuple[Rule, ...] = (
    _rule(
        "iso date",
        "#",
        r"\d{4}-[01]\d-[0-3]\d",
        r"\b(?P<y>\d{4})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<h>[0-2]\d):(?P<mi>[0-5]\d))?\b",
        values.iso,
    ),
    _rule(
        "numeric date",
        "#",
        r"\d\d?[/.-]\d\d?[/.-]\d\d",
        r"(?<![\d/.-])(?P<a>[0-3]?\d)([/.-])(?P<b>[0-3]?\d)\2(?P<y>\d{4}|\d{2})(?!\d|[/.-]\d)",
        values.numeric,
    ),
    _rule(
        "day month",
        "#",
        rf"\d\d?(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}",
        rf"\b(?:(?P<wd>{WEEKDAY_RX}),?\s+)?(?:the\s+)?(?P<d>{DAY_RX})(?:\s+of)?\s+(?P<m>{MONTH_RX})"
        rf"(?:,?\s+(?P<y>{YEAR_RX}))?(?!\w|[.,:/-]\d)",
        values.day_month,
    ),
    _MONTH_DAY_RULE,
    _rule(
        # "April 24 and 25": the second day is a date of the same month
        "second day",
        MONTH_WORDS,
        rf"{_MON}[a-z]*\.?\s+\d\d?(?:st|nd|rd|th)?\s+(?:and|or|to|through)\s+\d",
        rf"\b(?P<m>{MONTH_RX})\s+{DAY_RX}\s+(?:and|or|to|through)\s+(?P<d>{DAY_RX})"
        rf"(?:,?\s+(?P<y>{YEAR_RX}))?(?!\w|[.,:/-]\d|%|\s+(?:percent|points?|cents?|million"
        r"|billion|times)\b)",
        values.second_day,
        group="d",
    ),
    _rule(
        "week of",
        ("week",),
        r"week\s+of\s",
        rf"\bthe\s+week\s+of\s+(?P<day>{MONTH_RX}\s+{DAY_RX}(?:,?\s+{YEAR_RX})?)(?!\w|[.,:/-]\d)",
        _week_of,
    ),
    _rule(
        "day beside",
        ("day",),
        r"day\s+(?:before|after)\b",
        rf"\bthe\s+day\s+(?P<dir>before|after)\s+(?P<day>(?:(?:last|next|this)\s+)?{WEEKDAY_RX}"
        rf"|{MONTH_RX}\s+{DAY_RX}(?:,?\s+{YEAR_RX})?)(?!\w|[.,:/-]\d)",
        _day_beside,
        lead=8,
    ),
    _rule(
        "month year",
        MONTH_WORDS,
        rf"{_MON}[a-z]*\.?,?\s+(?:of\s+)?(?:1[6-9]|20)\d\d",
        rf"\b{EDGE_RX}(?P<m>{MONTH_RX}),?\s+(?:of\s+)?(?P<y>{YEAR_RX})\b",
        values.month_year,
        lead=24,
    ),
    _rule(
        "month spelled year",
        MONTH_WORDS,
        rf"{_MON}[a-z]*\.?,?\s+(?:of\s+)?(?:nine|eigh|two)",
        rf"\b{EDGE_RX}(?P<m>{MONTH_RX}),?\s+(?:of\s+)?(?P<y>{SPELLED_YEAR_RX})\b",
        values.month_year,
        lead=24,
    ),
    _rule(
        "month",
        MONTH_WORDS,
        "|".join(FULL_MONTHS),
        rf"\b{EDGE_RX}(?:{REL_RX}\s+)?(?P<m>{FULL_MONTH_RX})(?:\s+(?P<ry>last|this|next)\s+year)?\b",
        values.bare_month,
        weak=_weak_month,
        lead=36,
    ),
    _rule(
        "year",
        "#",
        r"(?:1[6-9]|20)\d\d",
        rf"\b{EDGE_RX}(?P<fiscal>fiscal\s+(?:year\s+)?|the\s+year\s+)?(?<![$£€.,])(?P<y>{YEAR_RX})"
        r"\b(?![.,]\d)",
        values.year,
        weak=_weak_year,
        lead=36,
    ),
    _rule(
        "spelled year",
        ("nineteen", "eighteen", "two"),
        r"(?:nineteen|eighteen)[\s-]+[a-z]|two\s+thousand",
        rf"\b{EDGE_RX}(?P<fiscal>the\s+year\s+)?(?P<y>{SPELLED_YEAR_RX})\b(?![\s-]+(?:hundred|thousand))",
        values.year,
        # "two thousand" counts more often than it dates
        weak=lambda m, text: text_of(m, "y").lower().startswith("two") and not m["fiscal"],
        lead=36,
    ),
    _rule("decade", "#", r"\d*0'?s", _DECADE, values.decade, lead=28),
    _rule("decade word", DECADE_WORDS, "|".join(DECADE_WORDS), _DECADE, values.decade, lead=28),
    _rule(
        "century",
        ("century",),
        "century",
        rf"\b(?:the\s+)?{EDGE_RX}(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>twentieth|twenty[\s-]first"
        r"|nineteenth))\s+century\b",
        values.century,
        lead=40,
    ),
    _rule(
        "season",
        SEASON_WORDS,
        "spring|summer|autumn|fall|winter",
        rf"\b(?:{REL_RX}\s+|{EDGE_RX})?(?P<the>the\s+)?(?P<s>spring|summer|autumn|fall|winter)"
        rf"(?:\s+(?:of\s+)?(?P<y>{YEAR_RX}))?\b(?!\s+of\s+(?!{YEAR_RX}))",
        values.season,
        lead=28,
    ),
    _rule(
        "quarter",
        ("quarter", "half"),
        "quarter|half",
        r"\b(?:(?:(?P<ry>this|last|next)\s+year's|the(?:\s+(?P<ago>year[\s-](?:ago|earlier))"
        rf"|\s+(?P<yb>{YEAR_RX}))?)\s+)?(?:(?:fiscal|calendar)[\s-]+)?"
        r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|past"
        r"|previous|next|coming|this)[\s-]+(?:(?:fiscal|calendar)[\s-]+)?(?P<u>quarter|half)"
        rf"(?:\s+of\s+(?:(?:fiscal|the\s+year)\s+)?(?P<y>{YEAR_RX}))?\b",
        values.quarter,
        lead=40,
    ),
    _rule(
        # "the first two quarters of 1990" is its first half; "the last two quarters" alone
        # is the latest six months, a length (see "duration"), so only with a year
        "two quarters",
        ("quarters",),
        r"quarters",
        rf"\b(?:the\s+)?(?:(?P<ord>first)|(?:last|final)(?=\s+two\s+(?:fiscal\s+)?quarters\s+of\s+"
        rf"(?:fiscal\s+)?{YEAR_RX}))\s+two\s+(?:fiscal\s+)?quarters(?:\s+of\s+(?:fiscal\s+)?"
        rf"(?P<y>{YEAR_RX}))?\b",
        values.two_quarters,
        lead=40,
    ),
    _rule(
        "year's quarter",
        ("quarter", "half"),
        "quarter|half",
        rf"\bthe\s+(?P<yb>{YEAR_RX})\s+(?:fiscal\s+)?(?P<u>quarter|half)\b",
        values.quarter,
        lead=24,
    ),
    _rule(
        "quarter code",
        ("q", "h"),
        r"[qh][1-4]",
        rf"\b(?P<q>[QH])(?P<qn>[1-4])(?:[\s/-]+(?P<y>{YEAR_RX}))?\b",
        values.quarter,
    ),
    _WEEKDAY_RULE,
    _rule(
        "weekdays",
        WEEKDAY_WORDS,
        None,
        r"\b(?:(?:every|each)\s+)?(?:(?P<wd>(?-i:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days)"
        rf"|(?P<wd2>{WEEKDAY_RX})\s+(?P<part>mornings|afternoons|evenings|nights))\b",
        values.weekday_set,
        "SET",
    ),
    _rule(
        "every weekday",
        ("every", "each"),
        r"(?:every|each)\s",
        rf"\b(?:every|each)\s+(?P<wd>{WEEKDAY_RX})(?!\w)",
        values.weekday_set,
        "SET",
    ),
    _DAY_WORD_RULE,
    _rule(
        "part of day",
        ("morning", "afternoon", "evening"),
        r"(?:morning|afternoon|evening)\s+(?:to|ye)",
        r"\b(?:(?P<mod>early|late)\s+|(?P<pmod>mid)-?)?(?P<part>morning|afternoon|evening)"
        r"\s+(?P<w>today|yesterday|tomorrow)\b",
        values.day_word,
        "TIME",
    ),
    _rule(
        "part of day alone",
        ("morning", "afternoon", "evening"),
        None,
        r"\b(?:(?P<mod>early|late)\s+|(?P<pmod>mid)[\s-]?)(?P<w>)(?P<part>morning|afternoon|evening)\b",
        values.day_word,
        "TIME",
    ),
    _rule(
        "reference",
        (
            "now",
            "currently",
            "present",
            "presently",
            "nowadays",
            "these",
            "recent",
            "recently",
            "lately",
            "formerly",
            "soon",
            "future",
            "past",
            "coming",
        ),
        None,
        r"\b(?P<r>(?:right\s+)?now|currently|at\s+present|presently|nowadays|these\s+days"
        # "as soon as" is a connective, a TimeML signal, not a time
        r"|(?:more\s+)?recently|lately|formerly|(?<!as\s)soon(?!\s+as\b)"
        r"|the\s+(?:(?:near|distant|foreseeable)\s+)?future|the\s+past"
        r"|(?:the\s+)?(?:recent|coming)\s+(?:days|weeks|months|quarters|years|decades))\b(?!-)",
        values.reference,
        lead=24,
    ),
    _rule(
        "relative",
        UNIT_WORDS,
        r"day|week|month|year|quarter|decade|century",
        rf"\b{EDGE_RX}(?:(?P<el>earlier|later)\s+)?(?P<rel>last|next|this(?:\s+(?:past|coming))?"
        r"|the\s+(?:past|last|previous|next|coming|current|same|following|preceding|latest)|past"
        r"|previous|coming|current|that|the)\s+(?:(?:full|whole|entire)\s+)?"
        r"(?:(?:fiscal|calendar|financial)\s+)?"
        r"(?P<u>day|week|weekend|month|year|quarter|decade|century)\b",
        values.relative,
        weak=_weak_relative,
        lead=56,
        before=r"last|next|this|past|previous|coming|current|the|following|preceding|same"
        r"|that|fiscal|calendar|financial|latest|full|whole|entire",
    ),
    _rule(
        # "in the short term", "at a later date": the future, vaguely ("short-term debt"
        # is an adjective, no time)
        "vague term",
        ("term", "date"),
        r"term|date",
        r"\b(?:in|over|for|at)\s+(?P<r>the\s+(?:short|near|long)\s+term|an?\s+(?:later|future)"
        r"\s+date)\b(?!-)",
        lambda m, ctx: Norm("DATE", "FUTURE_REF"),
        group="r",
        lead=24,
    ),
    _rule(
        # "Islam will one day be ...", "hopes to someday fly": some time to come, no day
        "someday",
        ("day", "someday"),
        r"day|someday",
        r"\b(?:will|would|could|may|might|can|to|hopes?|hoped)\s+(?P<r>one\s+day|some\s*day)\b",
        lambda m, ctx: Norm("DATE", "FUTURE_REF"),
        group="r",
        lead=16,
    ),
    _rule(
        "year ago",
        ("year",),
        r"year[\s-](?:ago|earlier)",
        r"\b(?:the\s+)?year[\s-](?:ago|earlier)(?:\s+(?:quarter|period|month|week))?\b",
        values.year_ago,
    ),
    _rule(
        "latest period",
        ("period",),
        "period",
        r"\bthe\s+(?:latest|most\s+recent|recent|current)\s+(?:fiscal\s+)?period\b",
        lambda m, ctx: Norm("DATE", None, anaphor=Shift("quarter", 0, keep=False, period="only")),
        lead=28,
    ),
    _rule(
        "period end",
        ("year", "month", "quarter"),
        r"(?:year|month|quarter)[\s-]end",
        r"\b(?P<u>year|month|quarter)[\s-]end\b",
        values.period_end,
    ),
    _rule(
        "ago",
        ("ago", "hence", "earlier", "later", "from"),
        r"ago|from\s+now|hence|earlier|later",
        rf"\b{APPROX_RX}(?:(?P<n>{NUM_RX})[\s-]+)?(?P<u>{UNIT_RX})\s+(?:or\s+so\s+)?"
        r"(?P<dir>ago|from\s+now|hence|earlier|later)\b",
        values.ago,
        lead=56,
        before=rf"{_UNIT_CORE}|so",
    ),
    _rule(
        "duration",
        UNIT_WORDS,
        None,
        rf"\b{APPROX_RX}(?:(?P<lead>the\s+(?:past|last|next|coming|previous|first|final|latest"
        r"|remaining|following)|the|another|an?\s+(?:additional|extra|further|full))\s+)?"
        rf"(?P<n>{NUM_RX})(?P<h1>\s+and\s+a\s+half|\s+1/2)?(?:\s+or\s+(?:so|more))?(?:\s+(?:more"
        r"|additional|full|straight|consecutive))?[\s-]+(?:(?:trading|business|working)\s+)?"
        rf"(?P<u>{UNIT_RX})(?:-long)?(?P<h2>\s+and\s+a\s+half)?(?:\s+or\s+so)?\b(?![\s-]+old\b)",
        values.duration,
        "DURATION",
        lead=56,
        before=_COUNT_BEFORE,
    ),
    _rule(
        "bare units",
        UNIT_WORDS,
        r"(?:minute|hour|day|week|month|year|decade)s|centuries",
        r"\b(?:for|over|within|after|took|takes|lasted|spent)\s+"
        r"(?P<u>minutes|hours|days|weeks|months|years|decades|centuries)\b(?!\s+(?:of|ago|later))",
        values.bare_units,
        "DURATION",
        group="u",
        before=r"for|over|within|after|took|takes|lasted|spent",
    ),
    _rule(
        # "in the years that followed", "over the years", "the weeks ahead": a stretch of
        # unstated length, as "for years" is
        "the years",
        ("years", "months", "weeks", "decades"),
        r"(?:year|month|week|decade)s",
        r"\bthe\s+(?:(?:early|later|following|intervening|ensuing)\s+)?"
        r"(?P<u>years|months|weeks|decades)\b"
        # "the weeks before the shooting" is a time anchored to an event, not a stretch;
        # "the years 1990 to 1995" names its years
        r"(?!\s+(?:of|ago|later|earlier|old|before|after|since|preceding|leading)\b|-|\s+\d)",
        values.bare_units,
        "DURATION",
        lead=24,
        before=r"the|early|later|following|intervening|ensuing",
    ),
    _rule(
        "every",
        ("every", "each", "per"),
        r"(?:every|each|per)\s",
        rf"\b(?:every|each|per)\s+(?:(?P<n>other|{NUM_RX})\s+)?(?P<w>{UNIT_RX}|{FULL_MONTH_RX}|morning"
        r"|afternoon|evening|night|spring|summer|autumn|fall|winter)\b",
        values.every,
        "SET",
    ),
    _rule(
        "frequency",
        tuple(SET_WORDS),
        "|".join(SET_WORDS),
        rf"(?-i:\b(?P<w>{'|'.join(SET_WORDS)})\b)",
        lambda m, ctx: None if _NOUN_AFTER.match(ctx.text, m.end()) else values.every(m, ctx),
        "SET",
    ),
    _rule(
        "holiday",
        ("christmas", "new", "thanksgiving", "halloween", "valentine", "easter", "good"),
        r"christmas|new\s+year's|thanksgiving|halloween|valentine's|easter|good\s+friday",
        r"(?-i:\b(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?"
        r"|Thanksgiving(?:\s+Day)?|Halloween|Valentine's\s+Day|Easter(?:\s+(?:Sunday|Monday))?"
        rf"|Good\s+Friday)(?P<week>\s+week)?)(?:\s+(?P<y>{YEAR_RX}))?\b",
        values.holiday,
    ),
    _rule(
        "clock",
        "#",
        r"\d\d?(?:[:.][0-5]\d|\s*[ap]\.?\s?m\b|\s*o'clock)",
        _CLOCK,
        _clock,
        "TIME",
    ),
    _rule("noon", ("noon", "midnight", "midday"), r"noon|midnight|midday", _CLOCK, _clock, "TIME"),
)

# Each trigger word and the rules it sets off.
TRIGGERED: dict[str, tuple[Rule, ...]] = {
    word: tuple(r for r in RULES if word in r.words) for r in RULES for word in r.words
}
