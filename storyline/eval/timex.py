"""Time-expression scores in the TempEval-3 manner, and the spaCy + dateparser baseline.

Shared by every dataset with TIMEX3 gold (TempEval-3, MEANTIME). Counts
add up over documents; :func:`scores` turns the totals into the numbers
TempEval-3 reports: extraction P/R/F1 with exact spans ("strict") and with
any overlap ("relaxed"), type and value accuracy over the relaxed matches,
and value P/R/F1, where only a relaxed match with the right value counts.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any, get_args

from storyline.errors import StorylineError
from storyline.eval.report import Score, Tally, prf_scores
from storyline.eval.spans import match_exact, match_overlap
from storyline.model import TimeExpr, TimeType


def parse_date(value: str | None) -> date | None:
    """Return the day a TIMEX3 value starts with (``1998-01-08T18:30`` → 1998-01-08), or None."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def gold_time(attrs: Mapping[str, str], start: int, end: int, where: str) -> TimeExpr:
    """Return a gold TIMEX3 (its XML attributes) over ``[start, end)``; unknown types raise."""
    type_ = attrs.get("type", "")
    if type_ not in get_args(TimeType):
        ident = attrs.get("tid") or attrs.get("m_id") or "?"
        raise StorylineError(
            f"{where}: TIMEX3 {ident} has type {type_!r}, not one of {get_args(TimeType)}; "
            "is this a TimeML 1.2 / CAT file?"
        )
    kind: TimeType = type_  # type: ignore[assignment]  # checked against TimeType above
    return TimeExpr(start, end, kind, attrs.get("value") or None, mod=attrs.get("mod") or None)


@dataclass(frozen=True)
class TimexCounts(Tally):
    """Counts of gold and predicted time expressions and of their matches."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0


def _value_key(value: str | None) -> str | None:
    # TIMEX3 values are compared as strings, as TempEval-3's scorer does; only
    # case and stray spaces are forgiven ("2012-w03" is "2012-W03").
    return None if value is None else value.strip().upper()


def count(gold: Sequence[TimeExpr], pred: Sequence[TimeExpr]) -> TimexCounts:
    """Return the match counts of one document's predicted against gold time expressions."""
    gold_spans = [((g.start, g.end),) for g in gold]
    pred_spans = [((p.start, p.end),) for p in pred]
    relaxed = match_overlap(gold_spans, pred_spans)
    type_ok = sum(gold[i].type == pred[j].type for i, j in relaxed)
    value_ok = sum(
        _value_key(pred[j].value) is not None
        and _value_key(gold[i].value) == _value_key(pred[j].value)
        for i, j in relaxed
    )
    return TimexCounts(
        gold=len(gold),
        predicted=len(pred),
        strict=len(match_exact(gold_spans, pred_spans)),
        relaxed=len(relaxed),
        type_ok=type_ok,
        value_ok=value_ok,
    )


def total(pairs: Iterable[tuple[Sequence[TimeExpr], Sequence[TimeExpr]]]) -> TimexCounts:
    """Return the summed counts over ``(gold, predicted)`` pairs, one per document."""
    out = TimexCounts()
    for gold, pred in pairs:
        out = out + count(gold, pred)
    return out


def scores(counts: TimexCounts, system: str, note: str = "") -> list[Score]:
    """Return the TempEval-3 style scores of a system from its summed counts."""
    out = [
        *prf_scores(
            "extraction strict", counts.strict, counts.predicted, counts.gold, system, note
        ),
        *prf_scores(
            "extraction relaxed", counts.relaxed, counts.predicted, counts.gold, system, note
        ),
        Score("type accuracy", _ratio(counts.type_ok, counts.relaxed), system, note),
        Score("value accuracy", _ratio(counts.value_ok, counts.relaxed), system, note),
        *prf_scores("value", counts.value_ok, counts.predicted, counts.gold, system, note),
    ]
    return out


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# --- the baseline: spaCy's DATE/TIME entities, normalized by dateparser as is ---

# dateparser's periods mapped to TIMEX3 value granularity.
_FORMATS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d", "time": "%Y-%m-%dT%H:%M"}


@lru_cache(maxsize=512)
def _parser(published: date | None) -> Any:
    from dateparser.date import DateDataParser

    # Without a document date the parser would resolve "Monday" against the
    # day the evaluation runs; we let it (it is the baseline), but only
    # TempEval-3 and MEANTIME documents with a DCT are scored in practice.
    settings: dict[str, Any] = {"RETURN_TIME_AS_PERIOD": True}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    return DateDataParser(languages=["en"], settings=settings)


def normalize(text: str, published: date | None) -> str | None:
    """Return dateparser's reading of ``text`` as a TIMEX3 value, or None when it has none."""
    with warnings.catch_warnings():
        # dateparser warns about pytz/regex internals on some inputs.
        warnings.simplefilter("ignore")
        data = _parser(published).get_date_data(text)
    moment = data["date_obj"]
    if moment is None:
        return None
    period = data["period"] or "day"
    if period == "week":
        year, week, _ = moment.isocalendar()
        return f"{year}-W{week:02d}"
    return str(moment.strftime(_FORMATS.get(period, "%Y-%m-%d")))


def baseline(parse: Any, published: date | None) -> list[TimeExpr]:
    """Return spaCy's DATE and TIME entities of a parse, each valued by dateparser."""
    found = []
    for ent in parse.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        type_: TimeType = "TIME" if ent.label_ == "TIME" else "DATE"
        found.append(TimeExpr(ent.start_char, ent.end_char, type_, normalize(ent.text, published)))
    return found
