"""Hand-built docs and features for the linking tests: no model, no embedding."""

from __future__ import annotations

import re
from datetime import date, timedelta

import numpy as np

from storyline.link.features import ArticleFeatures
from storyline.model import Article, Doc, Entity, Event, Quantity, Span, TimeExpr

NAMES = {"putin": "Vladimir Putin", "erdogan": "Recep Tayyip Erdogan", "syria": "Syria"}


def make(
    aid: str,
    text: str,
    published: date | None,
    events: list[dict[str, object]],
    source: str | None = None,
    times: tuple[TimeExpr, ...] = (),
    quantities: tuple[Quantity, ...] = (),
) -> Doc:
    """Build a Doc whose sentences end at each period and whose events sit on their triggers."""
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"\S.*?\.(?=\s|$)", text)]
    built = []
    for i, e in enumerate(events):
        trigger = str(e["trigger"])
        start = text.index(trigger, int(e.get("after", 0)))  # type: ignore[call-overload]
        built.append(
            Event(
                id=f"{aid}-e{i}", start=start, end=start + len(trigger), trigger=trigger,
                type=str(e.get("type", "OTHER")), source=e.get("source"),  # type: ignore[arg-type]
                target=e.get("target"), time_value=e.get("value"),  # type: ignore[arg-type]
                time_start=e.get("start"), time_end=e.get("end"),  # type: ignore[arg-type]
                modality=str(e.get("modality", "asserted")),
            )
        )  # fmt: skip
    return Doc(
        Article(aid, text, published=published, source=source, published_origin="given"),
        sentences=tuple(sentences),
        entities=tuple(Entity(k, v, "PER") for k, v in NAMES.items()),
        events=tuple(built),
        times=times,
        quantities=quantities,
    )


DIM = 8
START = date(2025, 3, 14)


def unit(*weights: float) -> np.ndarray:
    """Return a unit vector of DIM dimensions whose first components are ``weights``."""
    v = np.zeros(DIM, dtype=np.float32)
    v[: len(weights)] = weights
    return v / np.linalg.norm(v)


def feature(
    aid: str,
    vector: np.ndarray,
    actors: dict[str, float],
    words: str,
    day: int | None = 0,
    people: tuple[str, ...] = (),
    places: tuple[str, ...] = (),
) -> ArticleFeatures:
    """Return hand-built features: ``words`` become the article's terms, ``day`` its date."""
    published = None if day is None else START + timedelta(days=day)
    return ArticleFeatures(
        id=aid, published=published, vector=vector, actors=actors, places=frozenset(places),
        title=aid, when=published, people=frozenset(people),
        terms={w: 1.0 for w in words.split()},
    )  # fmt: skip
