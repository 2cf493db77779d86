"""TempEval-3 time expressions (TimeBank + AQUAINT): a Report of detection and normalization.

Gold comes from TimeML ``.tml`` files: the text of ``<TEXT>`` with its
inline tags stripped (so gold offsets are offsets into exactly the text our
pipeline reads), the ``TIMEX3`` elements inside it, and the document
creation time (``<DCT><TIMEX3 functionInDocument="CREATION_TIME">``) as the
publication date. The TE3-platinum test set is held out of our copy, so we
score on ``tbaq-cleaned``, TempEval-3's training data: published numbers
come from platinum and are anchors, not a same-data comparison.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.etree import ElementTree as ET

from storyline.errors import StorylineError
from storyline.eval import heideltime, timex
from storyline.eval.report import EvalOptions, Report, Score
from storyline.eval.system import analyze_texts
from storyline.model import Doc, TimeExpr
from storyline.stages.published import firm, infer_published
from storyline.stages.times import find

NAME = "tempeval3"
SUBSET = "tbaq-cleaned"
ANCHOR_NOTE = "TempEval-3 platinum, published"


@dataclass(frozen=True)
class TimeMLDoc:
    """One TimeML document: its text, creation date and gold time expressions."""

    name: str
    text: str
    dct: date | None
    times: tuple[TimeExpr, ...]


def _flatten(element: ET.Element, parts: list[str], times: list[TimeExpr], where: str) -> None:
    """Append the text under ``element`` to ``parts``, recording TIMEX3 offsets on the way."""
    offset = sum(map(len, parts))
    parts.append(element.text or "")
    for child in element:
        _flatten(child, parts, times, where)
        parts.append(child.tail or "")
    if element.tag == "TIMEX3":
        times.append(timex.gold_time(element.attrib, offset, sum(map(len, parts)), where))


def parse(source: str | bytes, name: str) -> TimeMLDoc:
    """Return the TimeML document in ``source``; ``name`` says which file in errors."""
    try:
        root = ET.fromstring(source)
    except ET.ParseError as exc:
        raise StorylineError(
            f"{name}: not well-formed TimeML XML ({exc}); check the file"
        ) from None
    body = root.find("TEXT")
    if body is None:
        raise StorylineError(f"{name}: no <TEXT> element, so no text to evaluate on")
    parts: list[str] = []
    times: list[TimeExpr] = []
    # The <TEXT> element itself is not a TIMEX3, so only its children are recorded.
    _flatten(body, parts, times, name)
    dct = root.find("DCT/TIMEX3")
    published = timex.parse_date(dct.get("value")) if dct is not None else None
    times.sort(key=lambda t: (t.start, t.end))
    return TimeMLDoc(name, "".join(parts), published, tuple(times))


def load(folder: Path, limit: int | None = None) -> list[TimeMLDoc]:
    """Return the TimeML documents under ``folder`` sorted by path, the first ``limit`` of them."""
    paths = sorted(folder.rglob("*.tml"))
    if not paths:
        raise StorylineError(f"no .tml files under {folder}; is --data the shared data folder?")
    if limit is not None:
        paths = paths[:limit]
    return [parse(p.read_bytes(), str(p.relative_to(folder))) for p in paths]


def half(name: str) -> str:
    """Return "A" or "B", the development half of a document, by a stable hash of its name.

    Rules are developed by reading errors in half A only; half B checks that
    they generalize (a rule fitted to A improves B much less).
    """
    return "AB"[zlib.crc32(name.encode("utf-8")) % 2]


def half_scores(docs: Sequence[TimeMLDoc], analyzed: Sequence[Doc]) -> list[Score]:
    """Return value F1 on each development half (see :func:`half`)."""
    out = []
    for which in "AB":
        counts = timex.total(
            (g.times, a.times) for g, a in zip(docs, analyzed, strict=True) if half(g.name) == which
        )
        f1 = next(s for s in timex.scores(counts, "storyline") if s.metric == "value F1")
        out.append(Score(f"value F1, half {which}", f1.value, "storyline", "split by name hash"))
    return out


def hidden_dates(docs: list[TimeMLDoc], analyzed: list[Doc]) -> list[Score]:
    """Return how often the date inferred with the DCT hidden has its year, and is within 31 days.

    Each text is read as if it came without a date: over all documents no
    answer counts as wrong; the "answered" scores count only those answered,
    the "adopted" ones only the firm estimates the stage makes the article's
    date; "bound holds" is how often the estimate is not after the real date.
    """
    dated = [(g, a) for g, a in zip(docs, analyzed, strict=True) if g.dct is not None]
    year = close = answered = firm_year = firm_close = firm_count = bound = 0
    for gold, doc in dated:
        ents = doc.parse.ents if doc.parse is not None else ()
        spans = [(e.start_char, e.end_char) for e in ents if e.label_ in ("DATE", "TIME")]
        found = infer_published(gold.text, None, spans)
        if found is None or gold.dct is None:
            continue
        answered += 1
        right_year = found.date.year == gold.dct.year
        near = abs((found.date - gold.dct).days) <= 31
        year, close, bound = year + right_year, close + near, bound + (found.date <= gold.dct)
        if firm(found):
            firm_count += 1
            firm_year, firm_close = firm_year + right_year, firm_close + near
    note = f"DCT hidden; {answered} of {len(dated)} documents answered, no answer counts as wrong"
    total, among = len(dated) or 1, answered or 1
    some = f"DCT hidden; over the {answered} documents answered"
    held = f"DCT hidden; over the {firm_count} firm estimates adopted as the publication date"
    firm_row = "publication date when hidden, adopted"
    scores = [
        Score("publication date when hidden: year right", year / total, "storyline", note),
        Score("publication date when hidden: within 31 days", close / total, "storyline", note),
        Score(
            "publication date when hidden, answered: year right", year / among, "storyline", some
        ),
        Score(
            "publication date when hidden, answered: within 31 days",
            close / among,
            "storyline",
            some,
        ),
        Score(
            "publication date when hidden, answered: bound holds",
            bound / among,
            "storyline",
            f"{some}: the estimate is on or before the real date",
        ),
        Score(
            "publication date when hidden: adopted",
            firm_count / total,
            "storyline",
            "DCT hidden; share of documents whose estimate is firm enough to become the date",
        ),
    ]
    if firm_count:
        scores += [
            Score(f"{firm_row}: year right", firm_year / firm_count, "storyline", held),
            Score(f"{firm_row}: within 31 days", firm_close / firm_count, "storyline", held),
        ]
    return scores


def run(options: EvalOptions) -> Report:
    """Return the TempEval-3 report: ours and the spaCy+dateparser baseline, same documents."""
    began = time.perf_counter()
    docs = load(options.data / NAME / SUBSET, options.limit)
    analyzed = analyze_texts([(d.text, d.dct) for d in docs], options.settings, keep_parse=True)
    ours = timex.total((g.times, a.times) for g, a in zip(docs, analyzed, strict=True))
    base = timex.total(
        (g.times, timex.baseline(a.parse, g.dct)) for g, a in zip(docs, analyzed, strict=True)
    )
    rules = timex.total((g.times, find(g.text, g.dct)) for g in docs)
    heidel, heidel_note = heideltime.scores([(d.text, d.dct, d.times) for d in docs])
    scores: list[Score] = [
        *timex.scores(ours, "storyline"),
        *half_scores(docs, analyzed),
        *timex.scores(rules, "storyline:rules alone", "times.find on the raw text, no parse"),
        *heidel,
        *timex.scores(base, "baseline:spaCy+dateparser"),
        Score("value F1", 0.78, "published:HeidelTime", ANCHOR_NOTE),
        Score("extraction strict F1", 0.83, "published:HeidelTime/ClearTK", ANCHOR_NOTE),
        Score("extraction relaxed F1", 0.90, "published:HeidelTime/ClearTK", ANCHOR_NOTE),
        *hidden_dates(docs, analyzed),
    ]
    return Report(
        dataset=NAME,
        scores=tuple(scores),
        documents=len(docs),
        seconds=time.perf_counter() - began,
        notes=(
            f"Scored on {SUBSET} (TimeBank + AQUAINT, {ours.gold} gold TIMEX3 in <TEXT>): "
            "the TE3-platinum test set is held out of our copy, so the published "
            "numbers (platinum) are anchors, not a same-data comparison.",
            "Every document is analyzed with its creation time (DCT) as the publication date.",
            heidel_note,
        ),
        headline=("value F1", "extraction relaxed F1", "extraction strict F1"),
    )
