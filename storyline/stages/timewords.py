"""The words of time expressions: what they mean, and the regex pieces that match them.

Vocabulary first (month and weekday names, number words, units, modifiers,
holidays), then the pattern pieces the rules in :mod:`storyline.stages.timerules`
are built from (``*_RX``, regex source strings), then the readers that turn a
matched word into its number ("twenty-five" -> 25, "Sept." -> 9).
"""

from __future__ import annotations

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
# TIMEX3 duration letters per unit: (time part?, letter, multiplier). A quarter stays a
# quarter ("the past two quarters" is P2Q): TIMEX3 writes the unit the text counts in.
UNITS = {
    "second": ("T", "S", 1), "minute": ("T", "M", 1), "hour": ("T", "H", 1),
    "day": ("", "D", 1), "week": ("", "W", 1), "fortnight": ("", "W", 2),
    "month": ("", "M", 1), "quarter": ("", "Q", 1), "year": ("", "Y", 1),
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
# Holidays that move with Easter Sunday: their distance from it in days.
EASTER_OFFSETS = {"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2}
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
MONTH_RX = (
    r"(?-i:(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?"
    r"|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?))"
)
FULL_MONTH_RX = rf"(?-i:{'|'.join(m.title() for m in FULL_MONTHS)})"
WEEKDAY_RX = (
    r"(?-i:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)day"
    r"|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.)"
)
DAY_RX = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR_RX = r"(?:1[6-9]\d\d|20\d\d)"
# Years as broadcast transcripts spell them: "nineteen ninety-six", "two thousand and one".
SPELLED_YEAR_RX = (
    r"(?:(?:nineteen|eighteen)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
    r"|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)"
)
_ONES = r"one|two|three|four|five|six|seven|eight|nine"
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUM_RX = (
    rf"(?:\d+(?:\.\d+)?|(?:{_TENS})(?:[\s-](?:{_ONES}))?|eleven|twelve|thirteen|fourteen"
    rf"|fifteen|sixteen|seventeen|eighteen|nineteen|ten|{_ONES}|a\s+hundred|hundred"
    r"|a\s+dozen|dozen|a\s+couple\s+of|couple\s+of|a\s+few|few|several|many|some|dozens\s+of"
    r"|hundreds\s+of|an?)"
)
UNIT_RX = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?"
    r"|century|centuries)"
)
APPROX_RX = (
    r"(?:(?P<apx>about|around|roughly|approximately|nearly|almost|more\s+than|less\s+than"
    r"|fewer\s+than|at\s+least|up\s+to|no\s+more\s+than|at\s+most|some)\s+)?"
)
EDGE_RX = (
    r"(?:(?P<edge>early|mid|late|(?:the\s+)?(?:start|beginning|middle|end|close))"
    r"(?:-|\s+of\s+(?:the\s+)?|\s+))?"
)
REL_RX = r"(?P<rel>last|next|this(?:\s+(?:past|coming))?|coming|past)"
DAYREF_RX = rf"(?:{WEEKDAY_RX}|today|tonight|yesterday|tomorrow|{MONTH_RX}\s+{DAY_RX}\b)"
TZ_RX = r"(?:[ECMP][SD]T|GMT|UTC|BST|CES?T|local\s+time)"

# --- readers ------------------------------------------------------------------------------


def count_of(word: str) -> str:
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


def unit_of(word: str) -> str:
    """Return the singular unit a unit word names ("centuries" -> "century")."""
    word = word.lower().split()[-1]
    return "century" if word.startswith("centur") else word.rstrip("s")


def month_of(word: str) -> int:
    """Return the number (1-12) of a month name or abbreviation."""
    return MONTHS[word.lower()[:3]]


def weekday_of(word: str) -> int:
    """Return the number (0 = Monday) of a weekday name or abbreviation."""
    return WEEKDAYS[word.lower()[:3]]


def year_of(text: str) -> int:
    """Return the year a numeral or a spelled-out year ("nineteen ninety-six") stands for."""
    if text[:1].isdigit():
        return int(text)
    words = text.lower().replace("-", " ").replace(" and ", " ").split()
    if words[:2] == ["two", "thousand"]:
        return 2000 + (int(count_of(" ".join(words[2:]))) if words[2:] else 0)
    rest = " ".join(words[1:])
    return NUMBERS[words[0]] * 100 + (0 if rest == "hundred" else int(count_of(rest)))
