"""Store and export scaling: 1k, 10k and 100k synthetic articles saved to SQLite and exported.

Linking (stories across articles) is measured in ``linking.py`` (3b, 3c); this
measures the store it reads from: synthetic articles are
built by recombining the sentences of real news texts, carrying the layers a
real pipeline run found in those sentences (entities, mentions, times, and
any other layer present) with their offsets shifted. Articles are generated
one at a time, saved in batches of ``batch_size`` as ``analyze`` does, then
the whole store is streamed out with ``export.lines`` (the JSONL export) to a
file. One process fills one store through every checkpoint (1k, 10k, 100k),
exporting it at each, so the numbers show how the cost per 1k articles and
the peak memory grow with the size of the store. Nothing holds the corpus in
memory: generation, save and export all stream.
"""

from __future__ import annotations

import copy
import dataclasses
import random
import re
import tempfile
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bench.measure import MeasurementFailed, Peak, Stopwatch, isolated, peak_now
from bench.report import Table
from bench.texts import Corpus, NewsText

# Synthetic articles take 8 to 25 sentences, about the length of the real ones.
_SENTENCES = (8, 25)
_PARAGRAPH = 3  # sentences per paragraph
_OFFSET_FIELDS = ("start", "end", "speaker_start", "speaker_end")
_FIRST_DAY = date(2012, 1, 1).toordinal()  # synthetic articles spread over ~3 years from here


@dataclass(frozen=True)
class Piece:
    """One real sentence and the records found inside it, offsets relative to its start."""

    text: str
    layers: dict[str, tuple[Any, ...]]
    entities: tuple[Any, ...]


@dataclass(frozen=True)
class Checkpoint:
    """The store at one size: cumulative save time, the export of all of it, and memory."""

    articles: int
    save_seconds: float
    save_last_1k: float
    export_seconds: float
    export_lines: int
    export_mb: float
    db_mb: float
    peak_after_save: Peak
    peak_after_export: Peak


@dataclass(frozen=True)
class ScaleRun:
    """Every checkpoint reached, and why the run stopped early (None if it did not)."""

    checkpoints: list[Checkpoint]
    synthesis_seconds: float
    stopped: str | None


# -- the sample: real layers from a real pipeline run ------------------------


def analyzed_sample(texts: Sequence[NewsText]) -> list[Any]:
    """Return the docs the real pipeline makes of ``texts`` (run in a fresh process)."""
    from storyline import stages
    from storyline.model import Article, Doc

    docs = [
        Doc(Article(Article.make_id(t.text, t.title), t.text, title=t.title,
                    published=t.published, source=t.source,
                    published_origin="given" if t.published else "unknown"))
        for t in texts
    ]  # fmt: skip
    return list(stages.build().run(docs))


def plain_sample(texts: Sequence[NewsText]) -> list[Any]:
    """Return docs with sentence spans only (split at end punctuation), when no pipeline runs."""
    from storyline.model import Article, Doc, Span

    docs = []
    for t in texts:
        spans = tuple(Span(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", t.text))
        article = Article(Article.make_id(t.text, t.title), t.text, published=t.published)
        kept = tuple(s for s in spans if t.text[s.start : s.end].strip())
        docs.append(Doc(article, sentences=kept))
    return docs


def pieces(docs: Sequence[Any]) -> list[Piece]:
    """Return every sentence of ``docs`` with the records inside it."""
    layers = [f.name for f in dataclasses.fields(docs[0]) if f.name not in
              {"article", "sentences", "entities", "stages", "parse"}] if docs else []  # fmt: skip
    out = []
    for doc in docs:
        by_id = {e.id: e for e in doc.entities}
        for s in doc.sentences:
            inside = {
                name: tuple(_shift(r, -s.start) for r in getattr(doc, name)
                            if s.start <= r.start and r.end <= s.end)
                for name in layers
            }  # fmt: skip
            named = {m.entity for m in inside.get("mentions", ())}
            entities = tuple(by_id[i] for i in sorted(named) if i in by_id)
            out.append(Piece(doc.text[s.start : s.end], inside, entities))
    return out


def _shift(record: Any, delta: int) -> Any:
    """Return ``record`` with every character offset moved by ``delta``."""
    changes = {
        name: getattr(record, name) + delta
        for name in _OFFSET_FIELDS
        if getattr(record, name, None) is not None
    }
    if getattr(record, "spans", None):
        changes["spans"] = tuple((a + delta, b + delta) for a, b in record.spans)
    # A copy with its offsets set, rather than dataclasses.replace: the record was valid and a
    # shift keeps it so, and skipping __init__ makes each shift about twice as fast.
    shifted = copy.copy(record)
    for name, value in changes.items():
        object.__setattr__(shifted, name, value)
    return shifted


# -- synthetic articles -------------------------------------------------------


def synthetic(number: int, parts: Sequence[Piece], stage_keys: tuple[str, ...]) -> Any:
    """Return synthetic article ``number``: real sentences recombined, their layers carried."""
    from storyline.model import Article, Doc, Span, content_id

    rng = random.Random(number)
    chosen = [rng.choice(parts) for _ in range(rng.randint(*_SENTENCES))]
    text_parts: list[str] = []
    sentences: list[Any] = []
    layers: dict[str, list[Any]] = {name: [] for name in chosen[0].layers}
    entities: dict[str, Any] = {}
    offset = 0
    for position, piece in enumerate(chosen):
        if position:
            gap = "\n\n" if position % _PARAGRAPH == 0 else " "
            text_parts.append(gap)
            offset += len(gap)
        text_parts.append(piece.text)
        sentences.append(Span(offset, offset + len(piece.text)))
        for name, records in piece.layers.items():
            layers[name] += [_shift(r, offset) for r in records]
        entities.update((e.id, e) for e in piece.entities)
        offset += len(piece.text)
    text = "".join(text_parts)
    title = f"Synthetic article {number}"
    article = Article(
        id=Article.make_id(text, title), text=text, title=title,
        source=f"outlet-{number % 50}", published=date.fromordinal(_FIRST_DAY + number % 1000),
        published_origin="given", path=f"synthetic/{number}",
    )  # fmt: skip
    if "events" in layers:  # event ids are store-wide keys: give each its own
        layers["events"] = [
            dataclasses.replace(e, id=content_id(article.id, str(e.start), prefix="v"))
            for e in layers["events"]
        ]
    return Doc(article, sentences=tuple(sentences), entities=tuple(entities.values()),
               stages=stage_keys, **{k: tuple(v) for k, v in layers.items()})  # fmt: skip


# -- the measurement, in one fresh process -----------------------------------


def fill_and_export(
    parts: list[Piece],
    stage_keys: tuple[str, ...],
    checkpoints: list[int],
    batch_size: int,
    folder: str,
    budget_seconds: float,
) -> ScaleRun:
    """Fill one store up to each checkpoint, exporting all of it at each; stop past the budget."""
    from storyline.store import Store

    db = Path(folder) / "scale.db"
    out = Path(folder) / "export.jsonl"
    watch = Stopwatch()
    reached: list[Checkpoint] = []
    saved, save_seconds, synthesis_seconds = 0, 0.0, 0.0
    # (articles saved, save seconds) before each of the batches that make the last ~1k articles
    recent: deque[tuple[int, float]] = deque(maxlen=-(-1000 // batch_size))
    with Store(db) as store:
        for target in checkpoints:
            stopped: str | None = None
            while saved < target:
                if watch.seconds > budget_seconds:
                    stopped = (
                        f"stopped at {saved:,} of {target:,} articles: past the "
                        f"{budget_seconds:.0f} s budget of this section"
                    )
                    break
                recent.append((saved, save_seconds))
                made = Stopwatch()
                batch = [
                    synthetic(n, parts, stage_keys)
                    for n in range(saved, min(saved + batch_size, target))
                ]
                synthesis_seconds += made.seconds
                clock = Stopwatch()
                store.save(batch)
                save_seconds += clock.seconds
                saved += len(batch)
            if saved == 0 or (reached and reached[-1].articles == saved):
                return ScaleRun(reached, synthesis_seconds, stopped)
            first, before = recent[0]
            after_save = peak_now()
            clock = Stopwatch()
            lines = _export(store, out)
            reached.append(
                Checkpoint(
                    articles=saved, save_seconds=save_seconds,
                    save_last_1k=(save_seconds - before) / max(saved - first, 1) * 1000,
                    export_seconds=clock.seconds, export_lines=lines,
                    export_mb=out.stat().st_size / 1e6, db_mb=_size_mb(db),
                    peak_after_save=after_save, peak_after_export=peak_now(),
                )
            )  # fmt: skip
            if stopped:
                return ScaleRun(reached, synthesis_seconds, stopped)
    return ScaleRun(reached, synthesis_seconds, None)


def growth(checkpoints: Sequence[Checkpoint]) -> list[str]:
    """Return the line saying how saving and exporting grow from the first checkpoint to the last.

    Flat costs per 1k mean the total grows linearly with the store; the marginal save cost
    (last 1k) is the one that would show an index or a trigger scanning the whole store.
    """
    if len(checkpoints) < 2:
        return ["growth: fewer than two checkpoints reached, so no ratio is given."]
    small, large = checkpoints[0], checkpoints[-1]
    export_small = small.export_seconds / small.articles
    export_large = large.export_seconds / large.articles
    peak = max(large.peak_after_save.own_mb, large.peak_after_export.own_mb)
    verdict = "under" if peak < 1024 else "over"
    return [
        f"**growth** from {small.articles:,} to {large.articles:,} articles "
        f"(x{large.articles / small.articles:,.0f}): save s / 1k (last 1k) "
        f"x{large.save_last_1k / small.save_last_1k:.2f}, export s / 1k "
        f"x{export_large / export_small:.2f}; peak RSS {peak:,.0f} MB ({verdict} 1 GB)."
    ]


def _export(store: Any, out: Path) -> int:
    """Stream the whole store to ``out`` as JSONL; return the number of lines."""
    from storyline import export

    lines = 0
    with out.open("w", encoding="utf-8") as stream:
        for line in export.lines(store):
            stream.write(line + "\n")
            lines += 1
    return lines


def _size_mb(db: Path) -> float:
    files = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
    return sum(f.stat().st_size for f in files if f.exists()) / 1e6


# -- section -----------------------------------------------------------------


def measure(corpus: Corpus, checkpoints: list[int], batch_size: int, budget: float) -> Table:
    """Return the store-and-export scaling table for synthetic corpora of ``checkpoints`` sizes."""
    table = Table(
        "3. Store and export scaling (synthetic articles; linking is in 3b and 3c)",
        ("articles in store", "save s (total)", "save s / 1k (last 1k)", "export s",
         "export s / 1k", "export MB", "store MB", "peak RSS after save", "after export"),
    )  # fmt: skip
    try:
        docs = isolated(analyzed_sample, list(corpus.texts)).value
        origin = f"layers from a real pipeline run over {len(docs)} real texts"
    except MeasurementFailed as exc:
        docs = plain_sample(corpus.texts)
        origin = f"sentences only, no layers: the pipeline could not run ({exc})"
    parts = [p for p in pieces(docs) if p.text.strip()]
    if not parts:
        table.notes.append("not measured: the sample has no sentences")
        return table
    keys = docs[0].stages if docs else ()
    with tempfile.TemporaryDirectory(prefix="storyline-bench-") as tmp:
        try:
            m = isolated(fill_and_export, parts, keys, checkpoints, batch_size, tmp, budget,
                         timeout=budget * 3 + 120)  # fmt: skip
        except MeasurementFailed as exc:
            table.notes.append(f"not measured: {exc}")
            return table
    run = m.value
    for c in run.checkpoints:
        table.add(f"{c.articles:,}", f"{c.save_seconds:.1f}", f"{c.save_last_1k:.2f}",
                  f"{c.export_seconds:.1f}", f"{c.export_seconds / c.articles * 1000:.2f}",
                  f"{c.export_mb:,.0f}", f"{c.db_mb:,.0f}", c.peak_after_save.describe(),
                  c.peak_after_export.describe())  # fmt: skip
        if c.export_lines != c.articles:
            table.notes.append(f"at {c.articles:,}: export wrote {c.export_lines:,} lines.")
    if run.stopped:
        table.notes.append(run.stopped + ".")
    table.notes += growth(run.checkpoints)
    layer_counts = {
        name: sum(len(p.layers[name]) for p in parts) for name in (parts[0].layers if parts else {})
    }
    carried = ", ".join(f"{n} {name}" for name, n in layer_counts.items() if n) or "none"
    table.notes += [
        f"{len(parts):,} real sentences recombined, 8-25 per article ({origin}; "
        f"carried in the sample: {carried}); generating the articles took "
        f"{run.synthesis_seconds:.1f} s, not counted above.",
        f"one store grows through the checkpoints; saved in batches of {batch_size} "
        "(one transaction each, as `analyze` does); each checkpoint exports the whole store "
        "with `export.lines` (JSONL, one article per line) to a file.",
        "peak RSS is the high-water mark of the measuring process so far (it only grows).",
        "this is the store that `link_corpus` reads; linking itself is timed in 3b and 3c.",
    ]
    return table
