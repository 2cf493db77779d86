"""What an evaluation produces: scores with their system and dataset, rendered as Markdown.

Every number names the system that made it: ``storyline`` (ours), a
``baseline:...`` computed in the same run, or a ``published:...`` anchor
quoted from the literature (with its dataset, which may differ from ours).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Self

from storyline.settings import Settings


class Tally:
    """Counts that add up over documents, field by field (mix into a frozen dataclass of ints)."""

    def __add__(self, other: Self) -> Self:
        return type(self)(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))  # type: ignore[arg-type]


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 from counts of true positives, predictions and gold items."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, correct: float, predicted: float, gold: float) -> PRF:
        p = correct / predicted if predicted else 0.0
        r = correct / gold if gold else 0.0
        return cls(p, r, 2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True)
class Score:
    """One number: which metric, on which system, and a note on what it covers."""

    metric: str
    value: float | None
    system: str = "storyline"
    note: str = ""


@dataclass(frozen=True)
class EvalOptions:
    """How to evaluate: the data folder, an optional document limit, the settings in force."""

    data: Path
    limit: int | None = None
    settings: Settings = field(default_factory=Settings)


@dataclass(frozen=True)
class Report:
    """The scores of one dataset, with how much was evaluated and how long it took."""

    dataset: str
    scores: tuple[Score, ...]
    documents: int
    seconds: float
    notes: tuple[str, ...] = ()
    # Metrics shown in the summary table of docs/EVALUATION.md, most important first.
    headline: tuple[str, ...] = ()

    def value(self, metric: str, system: str = "storyline") -> float | None:
        """Return one score's value, or None when it was not measured."""
        for s in self.scores:
            if s.metric == metric and s.system == system:
                return s.value
        return None


def prf_scores(
    metric: str,
    correct: float,
    predicted: float,
    gold: float,
    system: str = "storyline",
    note: str = "",
) -> list[Score]:
    """Return the precision, recall and F1 scores of ``metric`` from counts.

    Precision is ``None`` (not measured) when nothing was predicted, so an
    empty layer reads as "not built", not as a precision of zero.
    """
    prf = PRF.from_counts(correct, predicted, gold)
    return [
        Score(f"{metric} P", prf.precision if predicted else None, system, note),
        Score(f"{metric} R", prf.recall if gold else None, system, note),
        Score(f"{metric} F1", prf.f1, system, note),
    ]


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def markdown(reports: Sequence[Report]) -> str:
    """Return the reports as Markdown sections, one table per dataset."""
    out: list[str] = []
    for r in reports:
        out += [
            f"### {r.dataset}",
            "",
            f"{r.documents} documents, {r.seconds:.1f} s.",
            "",
            "| metric | system | value | note |",
            "|---|---|---|---|",
        ]
        out += [f"| {s.metric} | {s.system} | {_fmt(s.value)} | {s.note} |" for s in r.scores]
        out += [""] + [f"- {n}" for n in r.notes] + ([""] if r.notes else [])
    return "\n".join(out)
