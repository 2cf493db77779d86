"""Analyze inputs into a store: ingest, run the pipeline in batches, save each batch atomically.

Re-running the same input is a no-op: an article whose content id is already
stored with the same stage versions is counted as unchanged and not analyzed
again. Articles stored by older stage versions are analyzed again. A stage
failure on one article is recorded as a skip and the run goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from typing import BinaryIO

from storyline import ingest, stages
from storyline.errors import PipelineError
from storyline.model import Article, Doc, Skip
from storyline.pipeline import Pipeline
from storyline.settings import Settings
from storyline.store import Store

log = logging.getLogger(__name__)


@dataclass
class Summary:
    """What one run did: counts, and the skips it recorded."""

    read: int = 0
    analyzed: int = 0
    unchanged: int = 0
    duplicates: int = 0
    skipped: int = 0
    skips: list[Skip] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.analyzed + self.unchanged + self.duplicates

    def line(self) -> str:
        return (
            f"read {self.read}, analyzed {self.analyzed}, unchanged {self.unchanged}, "
            f"duplicates {self.duplicates}, skipped {self.skipped}"
        )


Progress = Callable[[Summary, str], None]


def analyze(
    paths: Iterable[str],
    store: Store,
    settings: Settings | None = None,
    published: date | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> Summary:
    """Read, analyze and store every article under ``paths``; return what happened."""
    settings = settings or Settings()
    pipeline = stages.build(settings)
    options = ingest.IngestOptions.from_settings(settings, published)
    summary = Summary()
    batch_size = settings["batch_size"]

    def report(where: str) -> None:
        if progress is not None:
            progress(summary, where)

    def pending() -> Iterator[list[Article | Skip]]:
        """Group new articles (and skips) into batches, dropping what is already done."""
        seen: set[str] = set()
        batch: list[Article | Skip] = []
        for item in ingest.read(paths, options, stdin=stdin):
            summary.read += 1
            if isinstance(item, Article):
                if item.id in seen:
                    summary.duplicates += 1
                    report(item.path or item.id)
                    continue
                seen.add(item.id)
                if store.stages_of(item.id) == pipeline.keys:
                    summary.unchanged += 1
                    report(item.path or item.id)
                    continue
            batch.append(item)
            if sum(isinstance(i, Article) for i in batch) >= batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    for docs, skips in _analyze_batches(pending(), pipeline, settings):
        store.save(docs, skips)
        summary.analyzed += len(docs)
        summary.skipped += len(skips)
        summary.skips.extend(skips)
        report(docs[-1].article.path or docs[-1].article.id if docs else "")
    return summary


def _analyze_batches(
    batches: Iterator[list[Article | Skip]], pipeline: Pipeline, settings: Settings
) -> Iterator[tuple[list[Doc], list[Skip]]]:
    workers = settings["workers"]
    if workers <= 1:
        for batch in batches:
            yield analyze_batch(pipeline, batch)
        return
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        # map() keeps input order; a bounded window keeps memory flat on big corpora.
        window: list[object] = []
        for batch in batches:
            window.append(pool.submit(_worker_batch, batch))
            if len(window) > 2 * workers:
                yield window.pop(0).result()  # type: ignore[attr-defined]
        for future in window:
            yield future.result()  # type: ignore[attr-defined]


def analyze_batch(
    pipeline: Pipeline, batch: Sequence[Article | Skip]
) -> tuple[list[Doc], list[Skip]]:
    """Run the pipeline over a batch; an article a stage fails on becomes a skip."""
    skips = [i for i in batch if isinstance(i, Skip)]
    articles = [i for i in batch if isinstance(i, Article)]
    try:
        return list(pipeline.run([Doc(a) for a in articles], len(articles) or 1)), skips
    except PipelineError:
        log.debug("batch failed; retrying its articles one by one", exc_info=True)
    docs = []
    for article in articles:
        try:
            docs.append(pipeline(Doc(article)))
        except PipelineError as exc:
            location = article.path or article.id
            skips.append(Skip(location, "analysis-error", str(exc), article))
    return docs, skips


_worker_pipeline: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_pipeline
    _worker_pipeline = stages.build(settings)


def _worker_batch(batch: list[Article | Skip]) -> tuple[list[Doc], list[Skip]]:
    assert _worker_pipeline is not None
    return analyze_batch(_worker_pipeline, batch)
