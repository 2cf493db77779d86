"""docs/EVALUATION.md, regenerated: every dataset, a summary of headline numbers, the benchmark.

    python -m storyline.eval.document [--out docs/EVALUATION.md] [--limit N] [--data DIR]

Runs the nine datasets of :data:`storyline.eval.DATASETS` and the speed
benchmark (``python bench/run.py --markdown``, run from the repository root
in its own process), then writes one Markdown file: how it was made, the
summary table (ours, the best same-run baseline, the published anchor),
each dataset's section, how every metric is computed (``docs/metrics.md``,
written by hand, included as is) and the benchmark. A dataset that fails is
reported in its section and makes the command exit 1, after the file is
written, so one broken loader does not hide eight good numbers.
"""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from storyline.errors import StorylineError
from storyline.eval import DATASETS, evaluate
from storyline.eval.report import EvalOptions, Report, Score, markdown

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
METRICS = ROOT / "docs" / "metrics.md"
BENCH = ROOT / "bench" / "run.py"
BENCH_TIMEOUT_S = 900  # the full benchmark takes 6-8 minutes on 2 cores

# What each dataset measures, for the summary table.
LAYERS = {
    "tempeval3": "time expressions",
    "meantime": "entities, cross-doc entity links, times",
    "polnear": "quotes with speaker",
    "giveme5w1h-gold": "5W of the main event",
    "ecbplus": "event coreference, story clustering",
    "eventstoryline": "event ordering, storylines",
    "semeval2015-timeline": "cross-document timelines",
    "plover-gsr": "political event coding",
    "wikievents": "event extraction",
}


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _headline(report: Report) -> tuple[str, ...]:
    if report.headline:
        return report.headline
    # A report that names no headline: its first few metrics measured on ours.
    ours = dict.fromkeys(s.metric for s in report.scores if s.system == "storyline")
    return tuple(ours)[:3]


def _demote(markdown_text: str) -> str:
    """Return Markdown with every heading one level deeper, to nest it under ours."""
    return "\n".join(
        "#" + line if line.startswith("#") else line for line in markdown_text.splitlines()
    )


def _ours(scores: Sequence[Score]) -> str:
    mine = next((s for s in scores if s.system == "storyline"), None)
    if mine is None:
        # A row measured on one part of ours only ("storyline:merging alone") says which.
        part = next((s for s in scores if s.system.startswith("storyline:")), None)
        if part is None or part.value is None:
            return "—"
        return f"{_fmt(part.value)} ({part.system.removeprefix('storyline:')})"
    # A layer that does not exist yet says so here, not only in its section.
    if "not built" not in mine.note:
        return _fmt(mine.value)
    return mine.note if mine.value is None else f"{_fmt(mine.value)}; {mine.note}"


def _best(scores: Sequence[Score], prefix: str) -> str:
    found = [s for s in scores if s.system.startswith(prefix) and s.value is not None]
    if not found:
        return "—"
    best = max(found, key=lambda s: s.value or 0.0)
    return f"{_fmt(best.value)} ({best.system.removeprefix(prefix)})"


def summary(reports: Sequence[Report]) -> str:
    """Return the summary table: per dataset and headline metric, ours, baseline, anchor."""
    lines = [
        "| dataset | layer | metric | storyline | best baseline (same run) | published anchor |",
        "|---|---|---|---|---|---|",
    ]
    for r in reports:
        for metric in _headline(r):
            same = [s for s in r.scores if s.metric == metric]
            lines.append(
                f"| {r.dataset} | {LAYERS.get(r.dataset, '')} | {metric} | "
                f"{_ours(same)} | {_best(same, 'baseline:')} | "
                f"{_best(same, 'published:')} |"
            )
    return "\n".join(lines)


def benchmark() -> str:
    """Return the benchmark's Markdown, or a line saying why it is missing."""
    if not BENCH.is_file():
        return "The benchmark section is produced by `python bench/run.py --markdown`.\n"
    try:
        done = subprocess.run(
            [sys.executable, str(BENCH.relative_to(ROOT)), "--markdown"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=BENCH_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"`bench/run.py --markdown` did not finish within {BENCH_TIMEOUT_S} s.\n"
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or ["no message"]
        return f"`bench/run.py --markdown` failed (exit {done.returncode}): {tail[0]}\n"
    return done.stdout


def _section(name: str, options: EvalOptions) -> tuple[Report | None, str]:
    """Return one dataset's report and Markdown, or None and a line saying why it failed."""
    try:
        report = evaluate([name], options)[0]
    except StorylineError as exc:
        return None, f"### {name}\n\nnot evaluated: {exc}\n"
    except Exception as exc:  # a bug in one loader must not cost the other datasets
        log.exception("%s failed", name)
        return None, f"### {name}\n\nnot evaluated: {type(exc).__name__}: {exc}\n"
    return report, markdown([report])


def document(options: EvalOptions, command: str) -> tuple[str, int]:
    """Return the text of EVALUATION.md and the number of datasets that failed."""
    began = time.perf_counter()
    reports: list[Report] = []
    sections: list[str] = []
    for name in DATASETS:
        report, text = _section(name, options)
        sections.append(text)
        if report is not None:
            reports.append(report)
            log.info("  %d documents, %.1f s", report.documents, report.seconds)
    eval_seconds = time.perf_counter() - began
    log.info("benchmark (bench/run.py --markdown) ...")
    bench = benchmark()
    total = time.perf_counter() - began
    metrics = METRICS.read_text(encoding="utf-8") if METRICS.is_file() else ""
    # docs/metrics.md starts with its own title; here it is one section among others.
    metrics = "\n".join(metrics.splitlines()[1:]).strip()
    limit = f", at most {options.limit} documents per dataset" if options.limit else ""
    parts = [
        "# Evaluation",
        "",
        f"Regenerated with `{command}` on {datetime.now(UTC):%Y-%m-%d} "
        f"({eval_seconds / 60:.1f} min for the datasets{limit}, {total / 60:.1f} min with the "
        "benchmark). Every number is measured by that command except the `published:` "
        "anchors, quoted from the literature or the design brief, often on other data.",
        "",
        "## Summary",
        "",
        summary(reports),
        "",
        "## Datasets",
        "",
        *sections,
        "## How each metric is computed",
        "",
        _demote(metrics) or "See `docs/metrics.md`.",
        "",
        "## Speed",
        "",
        _demote(bench).rstrip(),
        "",
    ]
    return "\n".join(parts), len(DATASETS) - len(reports)


def main(argv: Sequence[str] | None = None) -> int:
    """Write docs/EVALUATION.md; return 1 when a dataset could not be evaluated."""
    parser = argparse.ArgumentParser(prog="python -m storyline.eval.document")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "EVALUATION.md")
    parser.add_argument("--limit", type=int, default=None, help="documents per dataset")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    command = "python -m storyline.eval.document" + (f" --limit {args.limit}" if args.limit else "")
    text, failed = document(EvalOptions(args.data, args.limit), command)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}" + (f"; {failed} dataset(s) failed" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
