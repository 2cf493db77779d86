"""Event StoryLine Corpus scores: dates normalized against each document's creation time.

ESC v1.5 re-annotates ECB+ documents with causal (PLOT_LINK) and temporal (TLINK) relations
between events, and gives TIME_DATE mentions a normalized ``value`` and a document creation time
(``DCT="TRUE"``). Two things are scored: the dates, a second date-normalization test on web
news beside TempEval-3, with the DCT given as the publication date, exactly as an article with
a known date would be analyzed; and the time-to-event TLINKs, whether our events are dated
before, within or after the times the text names (:mod:`storyline.eval.tlinks`). Causal links
are not scored: no layer of ours says why one event led to another.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from storyline.errors import StorylineError
from storyline.eval import cat, timex, tlinks
from storyline.eval.report import EvalOptions, Report, Score
from storyline.eval.spans import covered
from storyline.eval.system import analyze_texts
from storyline.model import TimeExpr

NAME = "eventstoryline"
FILENAME = re.compile(r"^(?P<topic>\d+)_(?P<n>\d+)ecb(?:plus)?\.xml\.xml$")
DAY = re.compile(r"(\d{4})[-:](\d{1,2})[-:](\d{1,2})")
NOT_BUILT = "not built: no layer of ours extracts why one event led to another"


@dataclass(frozen=True)
class EscDocument:
    """One ESC document: its text, creation date, gold dates and where predictions count.

    ``dates`` are the TIME_DATE mentions with a non-empty value. ``ignored`` are the other time
    mentions (TIME_DATE without value, TIME_OF_THE_DAY, TIME_DURATION, TIME_REPETITION): a
    prediction over one of them is neither right nor wrong, since the gold says nothing of its
    value. ``annotated`` are the sentences holding at least one markable: ESC, like ECB+,
    annotates a subset of sentences, and a date found in an untouched sentence is not an error.
    """

    name: str
    text: str
    dct: date | None
    dates: tuple[TimeExpr, ...]
    ignored: tuple[tuple[int, int], ...]
    annotated: tuple[tuple[int, int], ...]
    links: tuple[tlinks.Link, ...] = ()


def convert(doc: cat.CatDocument) -> EscDocument:
    """Return the gold dates and creation day of one ESC CAT document."""
    dates: list[TimeExpr] = []
    ignored: list[tuple[int, int]] = []
    dct = _dct(doc)
    for mk in doc.markables:
        if not mk.tag.startswith("TIME_") or not mk.tokens:
            continue  # instance markables carry no text
        start, end = doc.span(mk.tokens)
        if mk.tag == "TIME_DATE" and (mk.attrs.get("value") or "").strip():
            dates.append(TimeExpr(start, end, "DATE", mk.attrs["value"].strip()))
        else:
            ignored.append((start, end))
    sentences = doc.sentences()
    marked = sorted({doc.token(t).sentence for mk in doc.markables for t in mk.tokens})
    annotated = tuple((sentences[n][0].start, sentences[n][-1].end) for n in marked)
    return EscDocument(
        doc.name, doc.text, dct, tuple(dates), tuple(ignored), annotated, tuple(tlinks.gold(doc))
    )


def _dct(doc: cat.CatDocument) -> date | None:
    """Return the document creation day from any ``DCT="TRUE"`` time markable, or None.

    The DCT is a TIME_DATE or a TIME_OF_THE_DAY (``2013-05-03T16:56Z``), usually a mention in
    the text and sometimes only a token-less instance markable; the mention wins. The values
    have slips ("2009-12-4", "2013:05:02T...", "t_2013-05-02"), so a day is read leniently; a
    DCT without a day ("2006", "PRESENT_REF") leaves the document undated, as an article whose
    date is unknown would be.
    """
    marked = sorted(
        (not mk.tokens, mk.id, mk.attrs.get("value") or "")
        for mk in doc.markables
        if mk.tag.startswith("TIME_") and mk.attrs.get("DCT") == "TRUE"
    )
    m = DAY.search(marked[0][2]) if marked else None
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def load(folder: Path, limit: int | None = None) -> list[EscDocument]:
    """Return the ESC documents under ``folder``, the first ``limit`` in topic order."""
    found = []
    for path in folder.glob("*/*.xml"):
        m = FILENAME.match(path.name)
        if m is None:
            raise StorylineError(
                f"cannot read ESC file {path}: name is not <topic>_<n>ecbplus.xml.xml"
            )
        found.append((int(m["topic"]), int(m["n"]), path))
    if not found:
        raise StorylineError(f"no ESC documents under {folder}; is --data the shared data folder?")
    found.sort()
    return [convert(cat.read(path)) for _, _, path in found[:limit]]


def scored(doc: EscDocument, predicted: Sequence[TimeExpr]) -> list[TimeExpr]:
    """Return the predicted dates that count: DATEs in annotated sentences, off unscored spans."""
    ignored = [(s,) for s in doc.ignored]
    return [
        p
        for p in predicted
        if p.type == "DATE"
        and any(start <= p.start < end for start, end in doc.annotated)
        and not covered(((p.start, p.end),), ignored)
    ]


def _link_scores(c: tlinks.LinkCounts) -> list[Score]:
    """Return the TLINK placement accuracies (all links, by kind of time), ours and baseline."""
    text = c.matched - c.matched_dct
    found = f"{c.matched} of {c.gold} gold time-to-event links whose event our triggers found"
    rows = [
        ("event-time relation (TLINK) accuracy", c.ours, c.baseline, c.matched, found),
        ("event-time relation accuracy, against the DCT", c.ours_dct, c.baseline_dct,
         c.matched_dct, f"the {c.matched_dct} links to the document creation time"),
        ("event-time relation accuracy, times in the text", c.ours - c.ours_dct,
         c.baseline - c.baseline_dct, text, f"the {text} links to a time the text names"),
    ]  # fmt: skip
    scores = []
    for metric, ours, base, among, note in rows:
        scores.append(Score(metric, ours / among if among else None, "storyline", note))
        scores.append(
            Score(metric, base / among if among else None, "baseline:sentence time else DCT", note)
        )
    found_share = c.matched / c.gold if c.gold else None
    scores.append(
        Score("TLINK events found", found_share, "storyline", "gold linked events we found")
    )
    return scores


def run(options: EvalOptions) -> Report:
    """Return the ESC report: date extraction and normalization, ours and the baseline."""
    began = time.perf_counter()
    docs = load(options.data / NAME / "annotated_v1.5", options.limit)
    analyzed = analyze_texts([(d.text, d.dct) for d in docs], options.settings, keep_parse=True)
    ours = timex.total((d.dates, scored(d, a.times)) for d, a in zip(docs, analyzed, strict=True))
    base = timex.total(
        (d.dates, scored(d, timex.baseline(a.parse, d.dct)))
        for d, a in zip(docs, analyzed, strict=True)
    )
    # Every scored mention is a DATE on both sides, so type accuracy says nothing here.
    scores = [
        s
        for counts, system in ((ours, "storyline"), (base, "baseline:spaCy+dateparser"))
        for s in timex.scores(counts, system)
        if s.metric != "type accuracy"
    ]
    placed = sum(
        (
            tlinks.count(d.links, a.events, a.times, a.sentences, d.dct)
            for d, a in zip(docs, analyzed, strict=True)
        ),
        tlinks.LinkCounts(),
    )
    scores += [
        *_link_scores(placed),
        Score("causal relation (PLOT_LINK) F1", None, "storyline", NOT_BUILT),
    ]
    undated = sum(d.dct is None for d in docs)
    return Report(
        dataset=NAME,
        scores=tuple(scores),
        documents=len(docs),
        seconds=time.perf_counter() - began,
        notes=(
            f"{ours.gold} gold TIME_DATE mentions with a value; each document is analyzed with "
            f"its DCT as the publication date ({undated} documents have none). Topics 37 and "
            "41 are held out.",
            "Predictions are our DATE expressions in the annotated sentences (those holding "
            "any markable); one over a time mention the gold leaves without a value (or tags "
            "as time of day, duration, repetition) is not scored.",
            "Values are compared as strings, as TempEval-3 does; a few gold values are "
            "annotation slips (e.g. 't1_2013-08') that nothing can match.",
        ),
        headline=("value F1", "extraction relaxed F1"),
    )
