"""Hand-built docs for the linking tests: text, sentences, entities and events, no model."""

from __future__ import annotations

import re
from datetime import date

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
