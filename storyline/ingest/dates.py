"""Publication-date strings from metadata -> calendar dates, never filled in from today.

A date in metadata is trusted only when it names a day, a month and a year
explicitly: "2012-07-17", "Tue, 17 Jul 2012 23:30:00 -0400", "July 17, 2012".
Relative or partial strings ("yesterday", "Tuesday", "July 2012") give
``None``, because completing them would need a reference date, and the only
one at hand (the clock) is exactly what a news archive must never use.
The date is the publisher's local calendar day: offsets are kept, not
converted to UTC.
"""

from __future__ import annotations

import logging
import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import dateparser

log = logging.getLogger(__name__)

# A four-digit year 1800-2199 standing alone: without one, a string is relative or partial.
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")

# A fixed, far-away base: should dateparser ever complete a missing part, the
# result is in 1900 and rejected below, rather than silently "today".
_BASE = datetime(1900, 1, 1)

_DATEPARSER_SETTINGS: dict[str, Any] = {
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DATES_FROM": "past",
    "RELATIVE_BASE": _BASE,
    "REQUIRE_PARTS": ["day", "month", "year"],
    # No "relative-time" ("3 days ago") and no "timestamp" (bare numbers).
    "PARSERS": ["custom-formats", "absolute-time"],
}

# Longer strings are prose, not a date field.
_MAX_DATE_CHARS = 80


def parse_date(value: object) -> date | None:
    """Return the calendar date ``value`` names explicitly, or None.

    Accepts ``date``/``datetime`` objects, ``time.struct_time`` (feedparser),
    and strings: ISO 8601 first, then RFC 2822 (feeds, HTTP), then dateparser
    for the rest, provided the string carries an explicit year.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time.struct_time):
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > _MAX_DATE_CHARS or not _YEAR.search(text):
        return None
    return _iso(text) or _rfc2822(text) or _dateparser(text)


def _iso(text: str) -> date | None:
    """Return the date of an ISO 8601 string, or None."""
    for parse in (datetime.fromisoformat, date.fromisoformat):
        try:
            parsed = parse(text)
        except ValueError:
            continue
        return parsed.date() if isinstance(parsed, datetime) else parsed
    return None


def _rfc2822(text: str) -> date | None:
    """Return the date of an RFC 2822 string ("Tue, 17 Jul 2012 23:30:00 -0400"), or None."""
    if ":" not in text:
        return None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _dateparser(text: str) -> date | None:
    """Return the date dateparser reads in ``text``, or None when incomplete or implausible."""
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    except Exception:  # dateparser raises a zoo of types on odd input; all mean "no date"
        log.debug("dateparser failed on %r", text, exc_info=True)
        return None
    if not isinstance(parsed, datetime) or parsed.year == _BASE.year:
        return None
    return parsed.date()
