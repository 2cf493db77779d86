"""The dateline at the start of a news story -> its place and agency.

Wire copy opens with where it was filed and, often, by whom:

    MOSCOW - Agence France-Presse              (a line of its own)
    LISBON - Reuters
    PORT ALDA, March 3 (Harbor Wire) - The mayor said ...
    ISTANBUL (AP) — Protesters gathered ...
    WASHINGTON — The Senate voted ...

The dateline stays in the text (annotations are offsets into it); this module
only reads it. The place is written in capitals and is returned title-cased
("Port Alda"); the agency is the parenthesized name or, for a dateline line of
its own, the short name after the dash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)

# One word of a place: letters, with inner apostrophes or dots ("O'HARE",
# "U.S"), maybe a final dot ("ST.").
_WORD = r"[^\W\d_](?:[^\W_]|['\u2019.](?=[^\W\d_]))*\.?"

_DATELINE = re.compile(
    r"""
    (?P<place>"""
    + _WORD
    + r"""(?:[ \-]"""
    + _WORD
    + r"""){0,4})                                                          # MOSCOW, PORT ALDA
    (?:,\ (?P<region>[A-Z][A-Za-z]*\.?(?:\ [A-Z][A-Za-z]*\.?){0,2}))?     # , Lebanon / , Ill.
    (?:,\ (?P<date>"""
    + _MONTH
    + r"""\ \d{1,2}(?:,\ \d{4})?))?                                        # , March 3
    (?:\ ?\((?P<paren>[^()\n]{1,40})\))?                                   # (AP) (Harbor Wire)
    \ ?(?P<dash>[-\u2013\u2014]{1,2})                                     # hyphen, en/em dash
    (?P<rest>[^\n]*)
    """,
    re.VERBOSE,
)

# An agency written after the dash is a short capitalized name ending the line:
# "Agence France-Presse", "Reuters". A longer remainder is the story itself.
_AGENCY_AFTER_DASH = re.compile(r"[A-Z][\w.&'\u2019-]*(?: (?:[A-Z][\w.&'\u2019-]*|and|of|de)){0,4}")

# Words of a place name kept lower case when not first ("Dar es Salaam").
_LOWER_WORDS = frozenset({"al", "da", "de", "del", "della", "der", "di", "do", "du", "el", "es"})
_LOWER_WORDS |= {"la", "le", "les", "of", "on", "sur", "the", "upon", "van", "von", "y"}

# Dotted initials stay as written: "U.S.", "D.C."
_ABBREVIATION = re.compile(r"(?:[^\W\d_]\.)+")

# How far into the body a dateline may sit: after a dropped headline the
# first paragraph or two can be a standfirst or a byline.
_MAX_PARAGRAPHS = 3
_MAX_PLACE_CHARS = 40


@dataclass(frozen=True)
class Dateline:
    """A dateline found in the text: place, agency, and where it sits."""

    place: str
    agency: str | None
    start: int
    end: int
    date: str | None = None


def find_dateline(text: str) -> Dateline | None:
    """Return the dateline opening one of the first paragraphs of ``text``, or None."""
    offset = 0
    # Split off the first paragraphs only: every stage that trims a dateline calls this.
    for index, paragraph in enumerate(text.split("\n\n", _MAX_PARAGRAPHS)[:_MAX_PARAGRAPHS]):
        found = _match(paragraph, first=index == 0)
        if found is not None:
            return Dateline(
                place=found.place,
                agency=found.agency,
                start=offset + found.start,
                end=offset + found.end,
                date=found.date,
            )
        offset += len(paragraph) + 2
    return None


def _match(paragraph: str, first: bool) -> Dateline | None:
    """Return the dateline at the start of ``paragraph``, or None."""
    match = _DATELINE.match(paragraph)
    if match is None:
        return None
    place = match["place"]
    if len(place) > _MAX_PLACE_CHARS or not _is_capitals(place):
        return None
    agency = (match["paren"] or "").strip() or None
    rest = match["rest"].strip()
    # "MOSCOW - Agence France-Presse": the whole rest of the line is the agency's name.
    named_after_dash = agency is None and _AGENCY_AFTER_DASH.fullmatch(rest) is not None
    if named_after_dash:
        agency = rest
    # A bare "WORD -" opening a later paragraph is too weak a signal ("NATO - the
    # alliance ..."); accept it only as the very first paragraph.
    if agency is None and match["date"] is None and match["region"] is None and not first:
        return None
    end = (
        match.start("rest") + len(match["rest"].rstrip()) if named_after_dash else match.end("dash")
    )
    return Dateline(
        place=_title_case(place),
        agency=agency,
        start=0,
        end=end,
        date=match["date"],
    )


def _is_capitals(place: str) -> bool:
    """Return True when every letter of ``place`` is upper case and it has at least two."""
    letters = [c for c in place if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _title_case(place: str) -> str:
    """Return an all-caps place name in title case: "PORT ALDA" -> "Port Alda"."""
    words = place.split(" ")
    out = []
    for index, word in enumerate(words):
        lowered = word.lower()
        if index > 0 and lowered in _LOWER_WORDS:
            out.append(lowered)
        else:
            out.append("-".join(_capitalize(part) for part in word.split("-")))
    return " ".join(out)


def _capitalize(word: str) -> str:
    """Return ``word`` with a capital first letter, the rest lower ("O'HARE" -> "O'Hare")."""
    if _ABBREVIATION.fullmatch(word):
        return word
    head, sep, tail = word.partition("'") if "'" in word else word.partition("\u2019")
    if sep and len(head) == 1:
        return head.upper() + sep + tail[:1].upper() + tail[1:].lower()
    return word[:1].upper() + word[1:].lower()
