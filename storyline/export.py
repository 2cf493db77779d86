"""The JSON contract: everything in a store as plain lists of records.

``records`` builds the one object that ``storyline export --format json``
writes; ``lines`` streams one article per line for ``--format jsonl``. The
shape is documented in docs/format.md and fixed by ``format.schema.json``
beside this module; exports are validated against it in the tests.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from importlib import resources
from typing import Any

from storyline.model import Doc, Entity
from storyline.store import Store
from storyline.views import story_record

KEYS = (
    "articles", "entities", "mentions", "times", "quotes", "events", "quantities", "roles",
    "stories",
)  # fmt: skip


def schema() -> dict[str, Any]:
    """Return the JSON Schema of the export object."""
    text = resources.files("storyline").joinpath("format.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _span(start: int | None, end: int | None) -> list[int] | None:
    return None if start is None or end is None else [start, end]


def entity_record(e: Entity) -> dict[str, Any]:
    """Return the export record of an entity: names, type, and where it is or governs."""
    return {
        "id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
        "country": e.country, "lat": e.lat, "lon": e.lon, "government_of": e.government_of,
    }  # fmt: skip


def doc_records(doc: Doc) -> dict[str, list[dict[str, Any]]]:
    """Return one article's records under the export keys (entities included)."""
    a, text = doc.article, doc.text
    names = {e.id: e.name for e in doc.entities}
    return {
        "articles": [
            {
                "id": a.id, "title": a.title, "source": a.source, "url": a.url,
                "published": _iso(a.published), "published_origin": a.published_origin,
                "path": a.path, "language": a.language, "author": a.author,
                "dateline": {"place": a.dateline_place, "agency": a.dateline_agency},
                "flags": list(a.flags), "meta": dict(a.meta), "stages": list(doc.stages),
                "sentences": [[s.start, s.end] for s in doc.sentences], "text": text,
            }
        ],
        "entities": [entity_record(e) for e in doc.entities],
        "mentions": [
            {"article": a.id, "start": m.start, "end": m.end, "text": text[m.start : m.end],
             "entity": m.entity, "entity_name": names.get(m.entity), "type": m.label}
            for m in doc.mentions
        ],
        "times": [
            {"article": a.id, "start": t.start, "end": t.end, "text": text[t.start : t.end],
             "type": t.type, "value": t.value, "mod": t.mod,
             "interval": {"start": _iso(t.interval_start), "end": _iso(t.interval_end)}}
            for t in doc.times
        ],
        "quotes": [
            {"article": a.id, "start": q.start, "end": q.end, "text": text[q.start : q.end],
             "spans": [list(s) for s in q.spans], "speaker": q.speaker,
             "speaker_text": q.speaker_text, "speaker_start": q.speaker_start,
             "speaker_end": q.speaker_end, "cue": q.cue, "kind": q.kind}
            for q in doc.quotes
        ],
        "events": [
            {"id": e.id, "article": a.id, "start": e.start, "end": e.end, "trigger": e.trigger,
             "type": e.type, "source": e.source, "target": e.target, "place": e.place,
             "time": {"value": e.time_value, "start": _iso(e.time_start),
                      "end": _iso(e.time_end)},
             "modality": e.modality, "mode": e.mode,
             "source_span": _span(e.source_start, e.source_end),
             "target_span": _span(e.target_start, e.target_end)}
            for e in doc.events
        ],
        "quantities": [
            {"article": a.id, "start": q.start, "end": q.end, "text": text[q.start : q.end],
             "value": q.value, "unit": q.unit, "about": q.about, "kind": q.kind, "mod": q.mod,
             "upper": q.upper,
             "time": {"value": q.time_value, "start": _iso(q.time_start),
                      "end": _iso(q.time_end)},
             "source": q.source, "source_text": q.source_text}
            for q in doc.quantities
        ],
        "roles": [
            {"article": a.id, "start": r.start, "end": r.end, "text": text[r.start : r.end],
             "entity": r.entity, "entity_name": names.get(r.entity), "title": r.title,
             "of": r.of, "of_entity": r.of_entity, "as_of": _iso(r.as_of)}
            for r in doc.roles
        ],
    }  # fmt: skip


def _analyzed_docs(store: Store) -> Iterator[Doc]:
    for row in store.articles(status="analyzed"):
        yield store.doc(row.article.id)


def records(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Return the whole store as the export object (every key present, lists maybe empty)."""
    out: dict[str, list[dict[str, Any]]] = {key: [] for key in KEYS}
    for doc in _analyzed_docs(store):
        for key, items in doc_records(doc).items():
            if key != "entities":
                out[key].extend(items)
    out["entities"] = [entity_record(e) for e in store.entities()]
    out["stories"] = [
        story_record(s, store.story_events(s.id), store.comparisons(s.id)) for s in store.stories()
    ]
    return out


def lines(store: Store) -> Iterator[str]:
    """Yield one JSON line per analyzed article, holding all its layers."""
    for doc in _analyzed_docs(store):
        per_doc = doc_records(doc)
        article = per_doc.pop("articles")[0]
        yield json.dumps({"article": article, **per_doc}, ensure_ascii=False)
