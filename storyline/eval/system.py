"""Our per-article pipeline run over evaluation texts: the docs the metrics score.

Every dataset hands us plain ``(text, publication date)`` pairs in its own
offsets; we wrap each in an :class:`~storyline.model.Article` with the date
"given" (the dataset's document creation time) and run the default pipeline
in batches, so the spaCy model parses many texts per call.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from storyline import stages
from storyline.model import Article, Doc
from storyline.settings import Settings

TextItem = tuple[str, date | None]


def articles(items: Sequence[TextItem]) -> list[Doc]:
    """Return an empty Doc per ``(text, published)`` pair, the date marked as given."""
    return [
        Doc(
            Article(
                id=Article.make_id(text),
                text=text,
                published=published,
                published_origin="given" if published else "unknown",
            )
        )
        for text, published in items
    ]


def analyze_texts(
    items: Sequence[TextItem], settings: Settings, *, keep_parse: bool = False
) -> list[Doc]:
    """Return the analyzed Doc of each ``(text, published)`` pair, in input order.

    With ``keep_parse`` the spaCy parse stays on ``Doc.parse``: baselines
    measured in the same run read spaCy's own entities from it instead of
    parsing every text a second time (parsing is most of the cost).
    """
    pipeline = stages.build(settings)
    docs = articles(items)
    size = max(1, int(settings["batch_size"]))
    if not keep_parse:
        return list(pipeline.run(docs, batch_size=size))
    # The same batched walk as Pipeline.run, minus its final drop of the
    # parse; stages and their version marks are applied identically.
    out: list[Doc] = []
    for begin in range(0, len(docs), size):
        batch = docs[begin : begin + size]
        for st in pipeline.stages:
            batch = st.batch(batch) if st.batch is not None else [st(d) for d in batch]
            batch = [dataclasses.replace(d, stages=(*d.stages, st.key)) for d in batch]
        out += batch
    return out
