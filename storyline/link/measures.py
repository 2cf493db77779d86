"""What a figure measures, so figures of different articles can be compared.

A figure's *measure* is its unit (a currency, percent, or a count), the kind of thing it
counts (its ``about`` head noun folded into a class: "offer", "bid", "takeover" and "deal" are
one deal's value; "people" and "residents" are people) and what happened to them, read from
the words of its clause ("forcing 12,000 people from their homes" and "people displaced by
the flood" are both *displaced*; "four people remain missing" is not). A figure whose head is
generic ("the figure of 12,000", "the number of ...") takes the head of its clause's "number of
X" or of another figure of its sentence.

Rounding is respected: "about 12,000" and "12,000" agree, 14,300 and "about 15,000" do not
(the coarser figure is rounded to thousands, and 14,300 is not 15,000 to the thousand). A
change ("shares fell 2.3%") is a difference, not a level, and is never compared; neither are
vague amounts ("tens of thousands") nor values more than three times apart (a price per
share beside the deal's total is another measure, whatever its head noun).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from storyline.link.reports import sentence_of
from storyline.model import Doc, Quantity

# Head nouns folded into one class; the first word of each row names it.
_HEAD_ROWS = (
    "people person persons residents inhabitants civilians individuals",
    "deal offer bid takeover acquisition purchase merger buyout valuation",
    "dead lives deaths fatalities victims killed",
    "refugees refugee asylum-seekers",
    "homes houses dwellings buildings",
    "cost costs damage damages bill",
    "jobs employees staff workers",
)
HEADS = {w: row.split()[0] for row in _HEAD_ROWS for w in row.split()}
GENERIC = frozenset({"figure", "number", "total", "count", "toll", "estimate", "tally", "sum"})
# Words of a clause that say what happened to what is counted, folded into classes.
_QUALIFIER_ROWS = (
    "displaced displace displacing homeless evacuated evacuate evacuees fled flee fleeing "
    "driven forced forcing uprooted homes",
    "dead killed died deaths death lives fatalities",
    "missing",
    "injured wounded hurt",
    "sheltered shelters shelter sheltering schools halls camps",
    "damaged destroyed",
    "employed employs employ",
    "arrested detained",
)
QUALIFIERS = {w: row.split()[0] for row in _QUALIFIER_ROWS for w in row.split()}
_CHANGE_WORDS = (
    "rose fell rise fall rising falling up down increased decreased gained lost dropped "
    "climbed jumped slipped grew shrank surged plunged"
)
CHANGES = frozenset(_CHANGE_WORDS.split())
MAX_RATIO = 3.0
_BOUNDARY = re.compile(r"[,;:.!?\"“”()]")
_NUMBER_OF = re.compile(r"\b(?:number|total|count|toll|tally) of (?:the )?([a-z-]+)")
_WORD = re.compile(r"[a-z][a-z-]*")


@dataclass(frozen=True)
class Key:
    """The measure of a figure: unit, class of what it counts, and what happened to them."""

    unit: str
    head: str
    qualifiers: frozenset[str]


@dataclass(frozen=True)
class Figure:
    """A figure of one article with its measure, rounding unit and time."""

    article: str
    start: int
    end: int
    text: str
    value: float
    key: Key
    precision: float
    time_start: date | None
    time_end: date | None
    change: bool

    @property
    def label(self) -> str:
        what = self.key.head
        extra = sorted(self.key.qualifiers - {self.key.head})
        if extra:
            what += " " + "/".join(extra)
        return what


# Where the words of the next figure of a sentence begin: "... of track and employs 6,400".
_JOINT = re.compile(r"\b(?:and|but|or|while|whereas)\b", re.IGNORECASE)


def _clause(doc: Doc, q: Quantity) -> str:
    """Return the clause around a figure: its sentence cut at punctuation on either side.

    Another figure cuts it too: in "operates about 1,900 kilometres of track and employs 6,400
    people", "employs" is what the 6,400 are, not the 1,900.
    """
    span = sentence_of(doc, q.start)
    start = max([o.end for o in doc.quantities if span.start <= o.end <= q.start], default=0)
    end = min([o.start for o in doc.quantities if q.end <= o.start < span.end], default=span.end)
    left = doc.text[max(span.start, start) : q.start]
    right = doc.text[q.end : end]
    if end < span.end and (joint := _JOINT.search(right)):
        right = right[: joint.start()]  # "... of track | and employs 6,400"
    cuts = list(_BOUNDARY.finditer(left))
    begin = cuts[-1].end() if cuts else 0
    after = _BOUNDARY.search(right)
    return (
        left[begin:] + doc.text[q.start : q.end] + right[: after.start() if after else None]
    ).lower()


def _head(q: Quantity, clause: str) -> str | None:
    words = _WORD.findall((q.about or "").lower())
    head = words[-1] if words else None
    if head is None or head in GENERIC:
        m = _NUMBER_OF.search(clause)
        head = m.group(1) if m else None
    if head is None or head in GENERIC:
        return None
    return HEADS.get(head, HEADS.get(head.removesuffix("s"), head))


def precision(value: float) -> float:
    """Return the rounding unit a value was probably given in: 12,000 → 1,000; 14.2 → 0.1."""
    if value == 0:
        return 1.0
    if value != int(value):
        decimals = len(f"{value:.6f}".rstrip("0").split(".")[1])
        return float(10**-decimals)
    digits = str(int(abs(value)))
    zeros = len(digits) - len(digits.rstrip("0"))
    return float(10 ** min(zeros, len(digits) - 1))


def figures(doc: Doc) -> list[Figure]:
    """Return the comparable figures of a doc: exact amounts with a known measure."""
    found: list[tuple[Quantity, str | None, str, frozenset[str], bool]] = []
    for q in doc.quantities:
        if q.value is None or q.kind == "vague" or q.upper is not None:
            continue
        clause = _clause(doc, q)
        words = set(_WORD.findall(clause))
        qualifiers = frozenset(QUALIFIERS[w] for w in words if w in QUALIFIERS)
        unit = q.unit or ("%" if q.kind == "percent" else "count")
        found.append((q, _head(q, clause), unit, qualifiers, bool(words & CHANGES)))
    out = []
    for q, head, unit, qualifiers, change in found:
        if head is None:
            # "the figure of 12,000" borrows the measure of its sentence's other figure.
            sentence = sentence_of(doc, q.start)
            siblings = [
                (h, qs) for s, h, u, qs, _ in found
                if h and u == unit and s is not q and sentence.start <= s.start < sentence.end
            ]  # fmt: skip
            if not siblings:
                continue
            head, qualifiers = siblings[0][0], qualifiers or siblings[0][1]
        assert q.value is not None
        out.append(
            Figure(
                doc.article.id, q.start, q.end, " ".join(doc.text[q.start : q.end].split()),
                q.value, Key(unit, head, qualifiers), precision(q.value), q.time_start,
                q.time_end, change,
            )
        )  # fmt: skip
    return out


def representatives(found: Sequence[Figure]) -> list[Figure]:
    """Return one figure per measure of an article: the first it gives.

    An article that gives its own figure and cites another ("about 15,000 ..., well above
    the figure of 12,000 first given by the agency") states its own first.
    """
    seen: set[Key] = set()
    out = []
    for f in found:
        if f.key not in seen:
            seen.add(f.key)
            out.append(f)
    return out


def agree(a: Figure, b: Figure) -> bool:
    """Return whether two values are the same up to the coarser one's rounding."""
    unit = max(a.precision, b.precision)
    return abs(a.value - b.value) <= unit / 2 or math.isclose(a.value, b.value, rel_tol=0.005)


def comparable(a: Figure, b: Figure) -> bool:
    """Return whether two figures of one measure may contradict: levels, same time, same scale."""
    if a.key != b.key or a.change or b.change or a.value <= 0 or b.value <= 0:
        return False
    if max(a.value, b.value) / min(a.value, b.value) > MAX_RATIO:
        return False
    if a.time_start and a.time_end and b.time_start and b.time_end:
        return a.time_start <= b.time_end and b.time_start <= a.time_end
    return True
