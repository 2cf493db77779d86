"""Time expressions: found by rules and spaCy, normalized TIMEX3-style against the publication date.

:func:`find` runs a set of precompiled patterns over the text, merges what
they find with the DATE/TIME spans spaCy proposes, and resolves each
expression against the article's publication date, never against the day the
program runs. With no publication date, relative expressions ("Tuesday",
"last year") keep their span with value ``None``; absolute ones ("18 June
2012") are still resolved. The patterns themselves live in :data:`RULES`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from storyline.model import Doc, TimeExpr, TimeType
from storyline.pipeline import stage
from storyline.stages import calendar as cal
from storyline.stages.calendar import Lean, Norm, Shift

# --- vocabulary ---------------------------------------------------------------------------

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "dozen": 12, "a dozen": 12, "a couple of": 2, "couple of": 2,
}  # fmt: skip
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4,
            "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}  # fmt: skip
# TIMEX3 duration letters per unit: (time part?, letter, multiplier).
UNITS = {
    "second": ("T", "S", 1), "minute": ("T", "M", 1), "hour": ("T", "H", 1),
    "day": ("", "D", 1), "week": ("", "W", 1), "fortnight": ("", "W", 2),
    "month": ("", "M", 1), "quarter": ("", "M", 3), "year": ("", "Y", 1),
    "decade": ("", "Y", 10), "century": ("", "Y", 100),
}  # fmt: skip
VAGUE_UNITS = {"quarter": "Q", "decade": "DE", "century": "CE"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "day": "DT"}
REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "recently": "PAST_REF", "more recently": "PAST_REF",
    "lately": "PAST_REF", "formerly": "PAST_REF",
    "the past": "PAST_REF", "soon": "FUTURE_REF", "the future": "FUTURE_REF",
    "recent": "PAST_REF", "coming": "FUTURE_REF",
}  # fmt: skip
# TimeML modifiers of the words that soften or bound an expression ("about three years").
APPROX_MODS = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "some": "APPROX", "or so": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN",
    "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
}  # fmt: skip
EDGE_MODS = {
    "early": "START", "earlier": "START", "start": "START", "beginning": "START",
    "mid": "MID", "middle": "MID", "late": "END", "later": "END", "end": "END", "close": "END",
}  # fmt: skip
HOLIDAYS = {
    "christmas": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14),
}  # fmt: skip
HOLIDAY_NAMES = {"christmas day": "christmas", "new year's": "new year's day",
                 "thanksgiving day": "thanksgiving"}  # fmt: skip
# The step a relative word takes from the anchor's own week, month, year...
STEPS = {"last": -1, "past": -1, "previous": -1, "this past": -1, "latest": -1,
         "this": 0, "current": 0, "next": 1, "coming": 1, "this coming": 1}  # fmt: skip
DAY_STEPS = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1,
             "the same": 0, "that": 0}  # fmt: skip
DAY_OFFSETS = {"yesterday": -1, "last night": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2}  # fmt: skip
SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                "eighties", "nineties")  # fmt: skip
CENTURY_WORDS = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21}
SET_WORDS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W",
    "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
    "semiannually": "P6M",
}  # fmt: skip
FULL_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")  # fmt: skip

# --- pattern pieces -----------------------------------------------------------------------

# Month and weekday names are matched case-sensitively: "may" and "march" are words too.
_MONTH = (
    r"(?-i:(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?"
    r"|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?))"
)
_FULL_MONTH = rf"(?-i:{'|'.join(m.title() for m in FULL_MONTHS)})"
_WEEKDAY = (
    r"(?-i:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)day"
    r"|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
# Years as broadcast transcripts spell them: "nineteen ninety-six", "two thousand and one".
_SPELLED_YEAR = (
    r"(?:(?:nineteen|eighteen)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
    r"|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)"
)
_ONES = r"one|two|three|four|five|six|seven|eight|nine"
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_NUM = (
    rf"(?:\d+(?:\.\d+)?|(?:{_TENS})(?:[\s-](?:{_ONES}))?|eleven|twelve|thirteen|fourteen"
    rf"|fifteen|sixteen|seventeen|eighteen|nineteen|ten|{_ONES}|a\s+hundred|hundred"
    r"|a\s+dozen|dozen|a\s+couple\s+of|couple\s+of|a\s+few|few|several|many|some|dozens\s+of"
    r"|hundreds\s+of|an?)"
)
_UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?"
    r"|century|centuries)"
)
_APPROX = (
    r"(?:(?P<apx>about|around|roughly|approximately|nearly|almost|more\s+than|less\s+than"
    r"|fewer\s+than|at\s+least|up\s+to|no\s+more\s+than|at\s+most|some)\s+)?"
)
_EDGE = (
    r"(?:(?P<edge>early|mid|late|(?:the\s+)?(?:start|beginning|middle|end|close))"
    r"(?:-|\s+of\s+(?:the\s+)?|\s+))?"
)
_REL = r"(?P<rel>last|next|this(?:\s+(?:past|coming))?|coming|past)"
_DAYREF = rf"(?:{_WEEKDAY}|today|tonight|yesterday|tomorrow|{_MONTH}\s+{_DAY}\b)"
_TZ = r"(?:[ECMP][SD]T|GMT|UTC|BST|CES?T|local\s+time)"

# --- context heuristics -------------------------------------------------------------------

# A clause about what is still to come ("will meet on Tuesday", "is due to vote on
# Tuesday", "is scheduled for Tuesday") means the next such day, not the last one.
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|'ll|(?:is|are|was|were)\s+(?:due|going)\s+to|(?:is|are)\s+to"
    r"|set\s+to|slated|poised\s+to|scheduled|plan(?:s|ned|ning)?\s+to|to\s+be\s+held"
    r"|expected\s+to|as\s+(?:soon|early)\s+as|upcoming|until|till)\b",
    re.I,
)
# ...unless a report, a past verb or the end of a quotation comes between the cue and
# the expression ("who will visit next month, said Tuesday"; "'We will win,' he said Monday").
_PAST_CUE = re.compile(
    r"\b(?:said|says|told|announced|reported|added|predicted|stated|warned|claimed|confirmed"
    r"|declared|noted|wrote|was|were|had|did)\b|''|[\"”]"
)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z\"'“])|\n")
_CUE_WINDOW = 100  # characters looked back for a future cue, within the sentence

# Bare years are dates only after words that introduce one ("in 2010", "since 2019",
# "by 2022"); otherwise "2000" may well count people.
_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|by|until|till|through|from|to|during|before|after|of|between|and|or|fiscal"
    r"|year|circa|around|early|mid|late)\s+$",
    re.I,
)
_COUNTED_AFTER = re.compile(
    r"\s+(?!(?:as|was|is|this|its|has|his|thus|plus|versus|less|unless|across|perhaps)\b)"
    r"[a-z]+s\b"
)
# A capitalized word right before a season names an event ("Arab Spring").
_NAMED_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+\s+$")
# "a day" after a price or count is a rate ("$5 a day"), not a duration.
_RATE_BEFORE = re.compile(r"(?:\d|\$|%|percent|cents?|dollars?|times|once|twice)\S*\s+$", re.I)
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
# A frequency word before a noun is an adjective, not a TIMEX3 set.
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|to|in|on|at|for|by|from|since|until|basis|than|as|with)\b)[a-z]"
)
# spaCy calls ages and model numbers DATE ("58", "the 6-year-old", "80486"): no times.
_NOT_TIME = re.compile(r"\d{1,3}|\d{5,}|(?:the\s+)?\S+[\s-](?:year|month|week|day)s?[\s-]old", re.I)
# How far after its core a rule's match (with what its lookaheads read) may reach:
# "June | 18th, 2012", "10:30 | a.m. EST on Wednesday".
_TAIL_WINDOW = 48
_TOKEN = re.compile(r"[a-z]+|\d+")
_WORD_START = re.compile(r"(?<![\w'])[\w']")
_DATEPARSER_WORTHY = re.compile(rf"\d|{_MONTH}")


# --- matching -----------------------------------------------------------------------------


class _NoAnchor(Exception):
    """Raised by a rule that needs the publication date when there is none."""


@dataclass
class _Ctx:
    text: str
    published: date | None

    def anchor(self) -> date:
        if self.published is None:
            raise _NoAnchor
        return self.published

    def lean(self, start: int) -> Lean:
        """Return "future" when the clause before ``start`` speaks of the future, else "past"."""
        window = self.text[max(0, start - _CUE_WINDOW) : start]
        for brk in _SENTENCE_BREAK.finditer(window):
            window = window[brk.end() :]
        cues = list(_FUTURE_CUE.finditer(window))
        future = bool(cues) and not _PAST_CUE.search(window, cues[-1].end())
        return "future" if future else "past"


Match = re.Match[str]
Handler = Callable[[Match, _Ctx], Norm | None]


@dataclass(frozen=True)
class Rule:
    """A pattern and the handler that normalizes its matches.

    ``words`` are the lower-case words (``#`` for any number) one of which
    every match contains; ``core``, when given, must match there too.
    ``lead`` is how far before that word a match may start, and ``before``
    must match the word just before it (see :func:`_rule_hits`).
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


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    norm: Norm
    weak: bool = False


def _s(m: Match, name: str) -> str:
    """Return a group's text, or "" when the group is absent from the match or the pattern."""
    return (m.group(name) if name in m.re.groupindex else None) or ""


def _g(m: Match, name: str) -> str:
    return " ".join(_s(m, name).lower().split())


def _num(word: str) -> str:
    """Return the count a number word or numeral stands for, ``X`` when vague."""
    word = " ".join(word.lower().replace("-", " ").replace(",", "").split())
    if word[:1].isdigit():
        return word.rstrip("0").rstrip(".") if "." in word else str(int(word))
    if word in NUMBERS:
        return str(NUMBERS[word])
    parts = word.split(" ")
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return str(NUMBERS[parts[0]] + NUMBERS[parts[1]])
    return "X"


def _unit(word: str) -> str:
    word = word.lower().split()[-1]
    return "century" if word.startswith("centur") else word.rstrip("s")


def _month(word: str) -> int:
    return MONTHS[word.lower()[:3]]


def _weekday(word: str) -> int:
    return WEEKDAYS[word.lower()[:3]]


def _edge(m: Match) -> str | None:
    words = _g(m, "edge").split()
    return EDGE_MODS.get(words[-1]) if words else None


def _apx(m: Match) -> str | None:
    return APPROX_MODS.get(_g(m, "apx"))


def _rel_lean(rel: str, ctx: _Ctx, start: int) -> tuple[Lean, bool]:
    """Return (lean, strict) for a relative word (last, next, this...) or none."""
    if rel in ("last", "past", "this past", "previous"):
        return "past", True
    if rel in ("next", "coming", "this coming"):
        return "future", True
    if rel == "this":
        return "near", False
    return ctx.lean(start), False


# --- handlers: each turns one rule's match into a Norm, or None to drop it ----------------


def _iso(m: Match, ctx: _Ctx) -> Norm:
    d = date(int(m["y"]), int(m["mo"]), int(m["d"]))
    return cal.clock(d, int(m["h"]), int(m["mi"])) if m["h"] else cal.day(d)


def _numeric(m: Match, ctx: _Ctx) -> Norm:
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


def _day_month(m: Match, ctx: _Ctx) -> Norm | None:
    mon, dd = _month(m["m"]), int(re.sub(r"\D", "", m["d"]))
    if m["y"]:
        return cal.day(date(int(m["y"]), mon, dd))
    weekday = _weekday(m["wd"]) if m["wd"] else None
    found = cal.pick_day(ctx.anchor(), mon, dd, ctx.lean(m.start()), weekday)
    return cal.day(found) if found else None


def _month_year(m: Match, ctx: _Ctx) -> Norm:
    return cal.month(_year_number(m["y"]), _month(m["m"]), _edge(m))


def _year_number(text: str) -> int:
    """Return the year a numeral or a spelled-out year ("nineteen ninety-six") stands for."""
    if text[:1].isdigit():
        return int(text)
    words = text.lower().replace("-", " ").replace(" and ", " ").split()
    if words[:2] == ["two", "thousand"]:
        return 2000 + (int(_num(" ".join(words[2:]))) if words[2:] else 0)
    rest = " ".join(words[1:])
    return NUMBERS[words[0]] * 100 + (0 if rest == "hundred" else int(_num(rest)))


def _bare_month(m: Match, ctx: _Ctx) -> Norm:
    mon, edge = _month(m["m"]), _edge(m)
    if m["ry"]:  # "July last year"
        return cal.month(ctx.anchor().year + STEPS[_g(m, "ry")], mon, edge)
    if _g(m, "rel") == "this":  # "this September": the one of the anchor's year
        return cal.month(ctx.anchor().year, mon, edge)
    lean, strict = _rel_lean(_g(m, "rel"), ctx, m.start())
    return cal.pick(ctx.anchor(), lean, strict, lambda y: cal.month(y, mon, edge), weighted=True)


def _weak_month(m: Match, text: str) -> bool:
    # "May" alone is more often the verb; it needs a modifier or spaCy's word.
    return m["m"] == "May" and not (m["rel"] or m["edge"] or m["ry"])


def _year(m: Match, ctx: _Ctx) -> Norm:
    return cal.year(_year_number(m["y"]), _edge(m))


def _weak_year(m: Match, text: str) -> bool:
    if m["edge"] or m["fiscal"]:
        return False
    before = text[max(0, m.start() - 12) : m.start()]
    return not _YEAR_BEFORE.search(before) or bool(_COUNTED_AFTER.match(text, m.end()))


def _decade(m: Match, ctx: _Ctx) -> Norm:
    if m["c"]:
        return cal.decade(int(m["c"] + m["d"] + "0"), _edge(m))
    digit = int(m["d2"]) if m["d2"] else DECADE_WORDS.index(_g(m, "w")) + 2
    current = ctx.anchor().year // 10 * 10  # "the '90s": the latest such decade so far
    first = current - current % 100 + digit * 10
    return cal.decade(first - 100 if first > current else first, _edge(m))


def _century(m: Match, ctx: _Ctx) -> Norm:
    n = int(m["n"]) if m["n"] else CENTURY_WORDS[_g(m, "w").replace(" ", "-")]
    return cal.century(n - 1, _edge(m))


def _season(m: Match, ctx: _Ctx) -> Norm | None:
    code, edge = SEASON_CODES[_g(m, "s")], _edge(m)
    if m["y"]:
        return cal.season(int(m["y"]), code, edge)
    before = ctx.text[max(0, m.start() - 30) : m.start()]
    if not (m["rel"] or edge or m["the"]) or (not m["rel"] and _NAMED_BEFORE.search(before)):
        return None  # "fall" the verb, "Arab Spring" the event
    if _g(m, "rel") == "this":  # "this summer": the one of the anchor's year, or the current
        current_year, current = cal.season_of(ctx.anchor())
        return cal.season(current_year if current == code else ctx.anchor().year, code, edge)
    lean, strict = _rel_lean(_g(m, "rel"), ctx, m.start())
    return cal.pick(ctx.anchor(), lean, strict, lambda y: cal.season(y, code, edge), True)


def _quarter(m: Match, ctx: _Ctx) -> Norm:
    unit, which = _g(m, "u") or {"q": "quarter", "h": "half"}[_g(m, "q")], _g(m, "ord")
    make, per_year = (cal.quarter, 4) if unit == "quarter" else (cal.half, 2)
    year = int(_s(m, "y")) if _s(m, "y") else None
    if _s(m, "ry"):  # "next year's first quarter"
        year = ctx.anchor().year + STEPS[_g(m, "ry")]
    if not which or which in ORDINALS or which == "final" or (which == "last" and year):
        n = int(m["qn"]) if not which else ORDINALS.get(which, per_year)
        if year is not None:
            return make(year, n)
        return cal.pick(ctx.anchor(), ctx.lean(m.start()), False, lambda y: make(y, n))
    anchor = ctx.anchor()  # "the latest quarter": the one last reported, before this one
    current = anchor.year * per_year + (anchor.month - 1) * per_year // 12
    y, index = divmod(current + STEPS.get(which, -1), per_year)
    return make(y, index + 1)


def _weekday_rule(m: Match, ctx: _Ctx) -> Norm:
    lean, strict = _rel_lean(_g(m, "rel"), ctx, m.start())
    d = cal.pick_weekday(ctx.anchor(), _weekday(m["wd"]), lean, strict)
    mod = EDGE_MODS.get(_g(m, "mod"))
    if m["part"]:
        return cal.part_of_day(d, PARTS_OF_DAY[_g(m, "part")], mod)
    return cal.day(d, mod)


def _weekday_set(m: Match, ctx: _Ctx) -> Norm:
    part = PARTS_OF_DAY.get(_g(m, "part").rstrip("s"))
    day = _weekday(_s(m, "wd") or _s(m, "wd2")) + 1
    return Norm("SET", f"XXXX-WXX-{day}" + (f"T{part}" if part else ""))


def _day_word(m: Match, ctx: _Ctx) -> Norm:
    word = _g(m, "w")
    d = date.fromordinal(ctx.anchor().toordinal() + DAY_OFFSETS.get(word, 0))
    mod = EDGE_MODS.get(_g(m, "mod") or _g(m, "pmod"))
    part = _g(m, "part") or ("night" if word in ("tonight", "last night") else "")
    if part:
        return cal.part_of_day(d, PARTS_OF_DAY[part], mod)
    return cal.day(d, mod)


def _ref(m: Match, ctx: _Ctx) -> Norm:
    phrase = re.sub(r"\s+(?:near|distant|foreseeable)\b", "", _g(m, "r"))
    value = REFS.get(phrase) or ("FUTURE_REF" if "coming" in phrase else "PAST_REF")
    if value == "PRESENT_REF" and ctx.published is not None:
        return Norm("DATE", value, ctx.published, ctx.published)
    return Norm("DATE", value)


def _relative(m: Match, ctx: _Ctx) -> Norm | None:
    rel, unit, edge = _g(m, "rel"), _unit(m["u"]), _edge(m)
    if unit == "day":  # "the next day", "that day": only as a step from the date before
        if rel not in DAY_STEPS:
            return None
        return Norm("DATE", None, anaphor=Shift("day", DAY_STEPS[rel], keep=False))
    if rel == "that":  # "that year", "later that month"
        mod = EDGE_MODS.get(_g(m, "el")) or edge
        return Norm("DATE", None, mod=mod, anaphor=Shift(unit, 0, keep=False))
    if rel in ("the past", "the last", "the next", "the coming") and not edge and unit != "weekend":
        return _duration_value("1", unit, None)  # "the past week": the seven days to now
    if rel in ("the following", "the preceding", "the same", "the"):
        if rel == "the" and (edge or unit == "weekend"):
            return _relative_to(rel, unit, edge, m, ctx)
        steps = {"the following": 1, "the preceding": -1}.get(rel, 0)
        return Norm("DATE", None, anaphor=Shift(unit, steps, keep=False))  # "the same day"
    return _relative_to(rel, unit, edge, m, ctx)


def _relative_to(rel: str, unit: str, edge: str | None, m: Match, ctx: _Ctx) -> Norm | None:
    earlier = _g(m, "el")
    anchor = ctx.anchor()
    if unit == "weekend":
        lean, strict = _rel_lean(rel.removeprefix("the"), ctx, m.start())
        if lean == "near":
            return cal.weekend(anchor)
        return cal.weekend(cal.pick_weekday(anchor, 5, lean, strict and lean == "past"))
    steps = STEPS.get(rel.removeprefix("the "), 0)
    if unit == "week" and steps < 0 and anchor.weekday() == 6:
        steps += 1  # on a Sunday, "last week" is the one that just ended
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


def _year_end(m: Match, ctx: _Ctx) -> Norm:
    norm = cal.shifted(ctx.anchor(), _g(m, "u"), 0)
    assert norm.start is not None and norm.end is not None
    start, end = cal.narrow(norm.start, norm.end, "END")
    return dataclasses.replace(norm, start=start, end=end, mod="END")


def _ago(m: Match, ctx: _Ctx) -> Norm:
    count, unit, direction = _num(m["n"] or "several"), _unit(m["u"]), _g(m, "dir")
    sign = -1 if direction in ("ago", "earlier") else 1
    if count == "X" or "." in count:
        return Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if direction in ("earlier", "later"):  # "two days later": than the expression before
        return Norm("DATE", None, mod=_apx(m), anaphor=Shift(unit, sign * int(count)))
    return dataclasses.replace(cal.shifted(ctx.anchor(), unit, sign * int(count)), mod=_apx(m))


def _duration_value(count: str, unit: str, mod: str | None) -> Norm:
    time, letter, times = UNITS[unit]
    if count == "X":
        return Norm("DURATION", f"P{time}X{VAGUE_UNITS.get(unit, letter)}", mod=mod)
    amount = float(count) * times
    text = str(int(amount)) if amount.is_integer() else f"{amount:f}".rstrip("0")
    return Norm("DURATION", f"P{time}{text}{letter}", mod=mod)


def _duration(m: Match, ctx: _Ctx) -> Norm | None:
    count, unit, after = _num(m["n"]), _unit(m["u"]), ctx.text[m.end() : m.end() + 12]
    if unit == "second" and count == "1" and re.match(r"\s+[a-z]", after):
        return None  # "a second term"
    if unit == "quarter" and re.match(r"\s+of\b", after):
        return None  # "three quarters of the vote"
    norm = _duration_value(count, unit, _apx(m))
    rate = _RATE_BEFORE.search(ctx.text[max(0, m.start() - 12) : m.start()])
    if _g(m, "n") in ("a", "an") and not (m["lead"] or m["apx"]) and rate:
        return dataclasses.replace(norm, type="SET")  # "$5 a day"
    return norm


def _bare_units(m: Match, ctx: _Ctx) -> Norm:
    return _duration_value("X", _unit(m["u"]), None)


def _set(m: Match, ctx: _Ctx) -> Norm | None:
    word = _g(m, "w")
    if word in SET_WORDS:
        return Norm("SET", SET_WORDS[word])
    if word in FULL_MONTHS:
        return Norm("SET", f"XXXX-{_month(word):02d}")
    if word in PARTS_OF_DAY and word != "day":
        return Norm("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[word]}")
    if word in SEASON_CODES:
        return Norm("SET", f"XXXX-{SEASON_CODES[word]}")
    count = "2" if _g(m, "n") == "other" else _num(m["n"] or "1")
    return dataclasses.replace(_duration_value(count, _unit(word), None), type="SET")


def _holiday(m: Match, ctx: _Ctx) -> Norm:
    name = HOLIDAY_NAMES.get(_g(m, "h"), _g(m, "h"))

    def on(y: int) -> cal.Norm:
        if name == "thanksgiving":  # fourth Thursday of November
            return cal.day(date(y, 11, 22 + (3 - date(y, 11, 1).weekday()) % 7))
        return cal.day(date(y, *HOLIDAYS[name]))

    if m["y"]:
        return on(int(m["y"]))
    return cal.pick(ctx.anchor(), ctx.lean(m.start()), False, on, weighted=True)


def _clock(m: Match, ctx: _Ctx) -> Norm | None:
    word, ampm = _g(m, "w"), _g(m, "ap")[:1]
    if word:
        hour, minute = (0, 0) if word == "midnight" else (12, 0)
    else:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        if not (m["sep"] == ":" or ampm) or (ampm in ("a", "p") and not 1 <= hour <= 12):
            return None  # "10.30" is a number, "10:30" and "10.30am" are times
        hour = hour % 12 + (12 if ampm == "p" else 0) if ampm in ("a", "p") else hour
    d = ctx.anchor()
    if m["day"]:
        for rule in (_WEEKDAY_RULE, _DAY_WORD_RULE, _MONTH_DAY_RULE):
            sub = rule.regex.fullmatch(ctx.text, m.start("day"), m.end("day"))
            found = rule.handler(sub, ctx) if sub else None
            if found and found.start:
                d = found.start
                break
    return cal.clock(d, hour, minute, "APPROX" if m["apx"] else None)


# --- the rules ----------------------------------------------------------------------------


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
    r"|consecutive|so|extra|further|another"
)
_WEEKDAY_RULE = _rule(
    "weekday",
    WEEKDAY_WORDS,
    None,
    rf"\b(?:{_REL}\s+|(?P<mod>early|late|earlier|later)\s+)?(?P<wd>{_WEEKDAY})"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?(?!\w)",
    _weekday_rule,
)
_DAY_WORD_RULE = _rule(
    "day word",
    ("today", "tonight", "tomorrow", "yesterday", "night", "morning", "afternoon", "evening"),
    None,
    r"\b(?:(?P<mod>early|late|earlier|later)\s+|(?P<pmod>mid)-?)?(?P<w>the\s+day\s+before"
    r"\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|last\s+night"
    r"|this(?=\s+(?:morning|afternoon|evening)))(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
    _day_word,
)
_MONTH_DAY_RULE = _rule(
    "month day",
    MONTH_WORDS,
    rf"{_MON}[a-z]*\.?\s+(?:the\s+)?\d",
    rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<m>{_MONTH})\s+(?:the\s+)?(?P<d>{_DAY})"
    rf"(?:,?\s+(?P<y>{_YEAR}))?(?!\w|[.,:/-]\d)",
    _day_month,
)
_CLOCK = (
    r"\b(?:(?P<apx>about|around|approximately|roughly)\s+)?(?:(?P<h>[01]?\d|2[0-3])"
    r"(?:(?P<sep>[:.])(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\b\.?|[ap]m\b|o'clock)?|(?P<w>noon|midnight"
    rf"|midday))(?:\s+{_TZ})?(?:,?\s+(?:on\s+)?(?P<day>{_DAYREF}))?(?![\w:])"
)
_DECADE = (
    rf"\b(?:the\s+)?{_EDGE}(?:(?P<c>1[6-9]|20)(?P<d>\d)0'?s|'(?P<d2>\d)0s"
    rf"|(?P<w>{'|'.join(DECADE_WORDS)}))\b"
)

RULES: tuple[Rule, ...] = (
    _rule(
        "iso date",
        "#",
        r"\d{4}-[01]\d-[0-3]\d",
        r"\b(?P<y>\d{4})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<h>[0-2]\d):(?P<mi>[0-5]\d))?\b",
        _iso,
    ),
    _rule(
        "numeric date",
        "#",
        r"\d\d?[/.-]\d\d?[/.-]\d\d",
        r"(?<![\d/.-])(?P<a>[0-3]?\d)([/.-])(?P<b>[0-3]?\d)\2(?P<y>\d{4}|\d{2})(?!\d|[/.-]\d)",
        _numeric,
    ),
    _rule(
        "day month",
        "#",
        rf"\d\d?(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}",
        rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MONTH})"
        rf"(?:,?\s+(?P<y>{_YEAR}))?(?!\w|[.,:/-]\d)",
        _day_month,
    ),
    _MONTH_DAY_RULE,
    _rule(
        "month year",
        MONTH_WORDS,
        rf"{_MON}[a-z]*\.?,?\s+(?:of\s+)?(?:1[6-9]|20)\d\d",
        rf"\b{_EDGE}(?P<m>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b",
        _month_year,
        lead=24,
    ),
    _rule(
        "month spelled year",
        MONTH_WORDS,
        rf"{_MON}[a-z]*\.?,?\s+(?:of\s+)?(?:nine|eigh|two)",
        rf"\b{_EDGE}(?P<m>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_SPELLED_YEAR})\b",
        _month_year,
        lead=24,
    ),
    _rule(
        "month",
        MONTH_WORDS,
        "|".join(FULL_MONTHS),
        rf"\b{_EDGE}(?:{_REL}\s+)?(?P<m>{_FULL_MONTH})(?:\s+(?P<ry>last|this|next)\s+year)?\b",
        _bare_month,
        weak=_weak_month,
        lead=36,
    ),
    _rule(
        "year",
        "#",
        r"(?:1[6-9]|20)\d\d",
        rf"\b{_EDGE}(?P<fiscal>fiscal\s+(?:year\s+)?|the\s+year\s+)?(?<![$£€.,])(?P<y>{_YEAR})"
        r"\b(?![.,]\d)",
        _year,
        weak=_weak_year,
        lead=36,
    ),
    _rule(
        "spelled year",
        ("nineteen", "eighteen", "two"),
        r"(?:nineteen|eighteen)[\s-]+[a-z]|two\s+thousand",
        rf"\b{_EDGE}(?P<fiscal>the\s+year\s+)?(?P<y>{_SPELLED_YEAR})\b(?![\s-]+(?:hundred|thousand))",
        _year,
        # "two thousand" counts more often than it dates
        weak=lambda m, text: _s(m, "y").lower().startswith("two") and not m["fiscal"],
        lead=36,
    ),
    _rule("decade", "#", r"\d*0'?s", _DECADE, _decade, lead=28),
    _rule("decade word", DECADE_WORDS, "|".join(DECADE_WORDS), _DECADE, _decade, lead=28),
    _rule(
        "century",
        ("century",),
        "century",
        rf"\b(?:the\s+)?{_EDGE}(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>twentieth|twenty[\s-]first"
        r"|nineteenth))\s+century\b",
        _century,
        lead=40,
    ),
    _rule(
        "season",
        SEASON_WORDS,
        "spring|summer|autumn|fall|winter",
        rf"\b(?:{_REL}\s+|{_EDGE})?(?P<the>the\s+)?(?P<s>spring|summer|autumn|fall|winter)"
        rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?\b(?!\s+of\s+(?!{_YEAR}))",
        _season,
        lead=28,
    ),
    _rule(
        "quarter",
        ("quarter", "half"),
        "quarter|half",
        r"\b(?:(?:(?P<ry>this|last|next)\s+year's|the)\s+)?(?:(?:fiscal|calendar)[\s-]+)?"
        r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|past"
        r"|previous|next|coming|this)[\s-]+(?:(?:fiscal|calendar)[\s-]+)?(?P<u>quarter|half)"
        rf"(?:\s+of\s+(?:(?:fiscal|the\s+year)\s+)?(?P<y>{_YEAR}))?\b",
        _quarter,
        lead=40,
    ),
    _rule(
        "quarter code",
        ("q", "h"),
        r"[qh][1-4]",
        rf"\b(?P<q>[QH])(?P<qn>[1-4])(?:[\s/-]+(?P<y>{_YEAR}))?\b",
        _quarter,
    ),
    _WEEKDAY_RULE,
    _rule(
        "weekdays",
        WEEKDAY_WORDS,
        None,
        r"\b(?:(?:every|each)\s+)?(?:(?P<wd>(?-i:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days)"
        rf"|(?P<wd2>{_WEEKDAY})\s+(?P<part>mornings|afternoons|evenings|nights))\b",
        _weekday_set,
        "SET",
    ),
    _rule(
        "every weekday",
        ("every", "each"),
        r"(?:every|each)\s",
        rf"\b(?:every|each)\s+(?P<wd>{_WEEKDAY})(?!\w)",
        _weekday_set,
        "SET",
    ),
    _DAY_WORD_RULE,
    _rule(
        "part of day",
        ("morning", "afternoon", "evening"),
        r"(?:morning|afternoon|evening)\s+(?:to|ye)",
        r"\b(?:(?P<mod>early|late)\s+|(?P<pmod>mid)-?)?(?P<part>morning|afternoon|evening)"
        r"\s+(?P<w>today|yesterday|tomorrow)\b",
        _day_word,
        "TIME",
    ),
    _rule(
        "part of day alone",
        ("morning", "afternoon", "evening"),
        None,
        r"\b(?:(?P<mod>early|late)\s+|(?P<pmod>mid)[\s-]?)(?P<w>)(?P<part>morning|afternoon|evening)\b",
        _day_word,
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
        r"|(?:more\s+)?recently|lately|formerly|soon"
        r"|the\s+(?:(?:near|distant|foreseeable)\s+)?future|the\s+past"
        r"|(?:the\s+)?(?:recent|coming)\s+(?:days|weeks|months|years|decades))\b(?!-)",
        _ref,
        lead=24,
    ),
    _rule(
        "relative",
        UNIT_WORDS,
        r"day|week|month|year|quarter|decade|century",
        rf"\b{_EDGE}(?:(?P<el>earlier|later)\s+)?(?P<rel>last|next|this(?:\s+(?:past|coming))?"
        r"|the\s+(?:past|last|previous|next|coming|current|same|following|preceding)|past"
        r"|previous|coming|current|that|the)\s+(?:(?:fiscal|calendar|financial)\s+)?"
        r"(?P<u>day|week|weekend|month|year|quarter|decade|century)\b",
        _relative,
        weak=lambda m, text: _g(m, "rel") == "the" and not m["edge"] and _unit(m["u"]) != "weekend",
        lead=56,
        before=r"last|next|this|past|previous|coming|current|the|following|preceding|same"
        r"|that|fiscal|calendar|financial",
    ),
    _rule(
        "year ago",
        ("year",),
        r"year[\s-](?:ago|earlier)",
        r"\b(?:the\s+)?year[\s-](?:ago|earlier)(?:\s+(?:quarter|period|month|week))?\b",
        lambda m, ctx: Norm("DATE", None, anaphor=Shift("year", -1)),
    ),
    _rule(
        "period end",
        ("year", "month", "quarter"),
        r"(?:year|month|quarter)[\s-]end",
        r"\b(?P<u>year|month|quarter)[\s-]end\b",
        _year_end,
    ),
    _rule(
        "ago",
        ("ago", "hence", "earlier", "later", "from"),
        r"ago|from\s+now|hence|earlier|later",
        rf"\b{_APPROX}(?:(?P<n>{_NUM})[\s-]+)?(?P<u>{_UNIT})\s+(?:or\s+so\s+)?"
        r"(?P<dir>ago|from\s+now|hence|earlier|later)\b",
        _ago,
        lead=56,
        before=rf"{_UNIT_CORE}|so",
    ),
    _rule(
        "duration",
        UNIT_WORDS,
        None,
        rf"\b{_APPROX}(?:(?P<lead>the\s+(?:past|last|next|coming|previous|first|final|latest"
        r"|remaining|following)|the|another|an?\s+(?:additional|extra|further|full))\s+)?"
        rf"(?P<n>{_NUM})(?:\s+or\s+(?:so|more))?(?:\s+(?:more|additional|full|straight"
        rf"|consecutive))?[\s-]+(?P<u>{_UNIT})(?:-long)?(?:\s+or\s+so)?\b(?![\s-]+old\b)",
        _duration,
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
        _bare_units,
        "DURATION",
        group="u",
        before=r"for|over|within|after|took|takes|lasted|spent",
    ),
    _rule(
        "every",
        ("every", "each", "per"),
        r"(?:every|each|per)\s",
        rf"\b(?:every|each|per)\s+(?:(?P<n>other|{_NUM})\s+)?(?P<w>{_UNIT}|{_FULL_MONTH}|morning"
        r"|afternoon|evening|night|spring|summer|autumn|fall|winter)\b",
        _set,
        "SET",
    ),
    _rule(
        "frequency",
        tuple(SET_WORDS),
        "|".join(SET_WORDS),
        rf"(?-i:\b(?P<w>{'|'.join(SET_WORDS)})\b)",
        _set,
        "SET",
        # before a noun it is an adjective ("the quarterly dividend"): spaCy must agree
        weak=lambda m, text: bool(_NOUN_AFTER.match(text, m.end())),
    ),
    _rule(
        "holiday",
        ("christmas", "new", "thanksgiving", "halloween", "valentine"),
        r"christmas|new\s+year's|thanksgiving|halloween|valentine's",
        r"(?-i:\b(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?"
        rf"|Thanksgiving(?:\s+Day)?|Halloween|Valentine's\s+Day))(?:\s+(?P<y>{_YEAR}))?\b",
        _holiday,
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


# --- merging rules and spaCy --------------------------------------------------------------


def _rule_hits(ctx: _Ctx) -> list[_Hit]:
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


def _normalize(rule: Rule, m: Match, ctx: _Ctx) -> _Hit | None:
    try:
        norm = rule.handler(m, ctx)
    except _NoAnchor:
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


def _merge(ctx: _Ctx, hits: list[_Hit], spans: list[tuple[int, int]]) -> list[_Hit]:
    supported = [
        h for h in hits if not h.weak or any(s <= h.start and h.end <= e for s, e in spans)
    ]
    chosen = _select(supported)
    for start, end in spans:
        inside = [h for h in chosen if h.start < end and start < h.end]
        if not inside:
            piece = ctx.text[start:end]
            if _NOT_TIME.fullmatch(piece):
                continue
            chosen.append(_Hit(start, end, _fallback(piece, ctx) or Norm("DATE", None)))
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


def _resolve_anaphors(hits: list[_Hit], published: date | None) -> list[_Hit]:
    """Return the hits with "two days later", "the same year" valued from the date before them."""
    ref: Norm | None = None
    out = []
    for hit in hits:
        norm = hit.norm
        if norm.anaphor is not None:
            try:
                found = cal.resolve(norm.anaphor, ref, published) or Norm(norm.type, None)
            except (ValueError, OverflowError):  # past the ends of the calendar
                found = Norm(norm.type, None)
            norm = dataclasses.replace(found, mod=norm.mod or found.mod)
            hit = dataclasses.replace(hit, norm=norm)
        if cal.grain(norm) is not None:
            ref = norm
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


def _fallback(piece: str, ctx: _Ctx) -> Norm | None:
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
        named = re.search(_MONTH, piece) is not None
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
    text: str, published: date | None, candidates: Sequence[tuple[int, int]] = ()
) -> list[TimeExpr]:
    """Return the time expressions of ``text``, sorted and non-overlapping, TIMEX3-normalized.

    ``candidates`` are (start, end) spans spaCy labelled DATE or TIME; rule
    matches inside them win, spans no rule reads keep value ``None``.
    """
    ctx = _Ctx(text, published)
    spans = sorted(
        span
        for s, e in candidates
        if 0 <= s < e <= len(text) and (span := _trim(text, s, e))[1] > span[0]
    )
    merged = _resolve_anaphors(_merge(ctx, _rule_hits(ctx), spans), published)
    return [
        TimeExpr(h.start, h.end, h.norm.type, h.norm.value, h.norm.start, h.norm.end, h.norm.mod)
        for h in merged
    ]


@stage("times", 1, requires=("article", "parse"), assigns=("times",))
def times_stage(doc: Doc) -> Doc:
    """Return the doc with its time expressions, from rules and the parse's DATE/TIME entities."""
    spans: list[tuple[int, int]] = []
    if doc.parse is not None:
        spans = [(e.start_char, e.end_char) for e in doc.parse.ents if e.label_ in ("DATE", "TIME")]
    found = find(doc.article.text, doc.article.published, spans)
    return dataclasses.replace(doc, times=tuple(found))
