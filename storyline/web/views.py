"""Web views as plain dicts: each page and its ``.json`` twin are built by one function here.

The dicts reuse :mod:`storyline.views` (what the CLI shows) and add what pages need: timeline
bar positions, article text cut into highlighted segments, an actor across stories. Article text
is untrusted: segments carry plain strings, and the templates escape them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from storyline.errors import NotFound
from storyline.export import doc_records
from storyline.link.actors import fold
from storyline.model import Doc, Story
from storyline.store import Store
from storyline.views import story_row, story_view

# A timeline bar is at least this wide (percent of the axis) so a one-day entry stays visible.
MIN_BAR = 0.8


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True)
class StoryFilters:
    """What the stories list is narrowed by: words, a date range, a source, an actor."""

    q: str = ""
    since: date | None = None
    until: date | None = None
    source: str = ""
    actor: str = ""


def stories_page(store: Store, f: StoryFilters) -> dict[str, Any]:
    """Return the stories matching the filters, with the articles that matched a search."""
    hits = store.search(f.q) if f.q else []
    actor_articles: set[str] | None = None
    if f.actor:
        ids = [e.id for e in store.entities() if e.id == f.actor or f.actor.lower() in
               " ".join((e.name, *e.aliases)).lower()]  # fmt: skip
        actor_articles = set(store.articles_mentioning(ids)) if ids else set()
    by_source = {r.article.id for r in store.articles(source=f.source)} if f.source else None
    titles = {r.article.id: r.article.title for r in store.articles()}
    rows = []
    for s in store.stories():
        members = set(s.articles)
        matched = [a for a in hits if a in members]
        if f.q and not matched and f.q.lower() not in s.title.lower():
            continue
        if f.since and (s.last is None or s.last < f.since):
            continue
        if f.until and (s.first is None or s.first > f.until):
            continue
        if by_source is not None and not members & by_source:
            continue
        if actor_articles is not None and not members & actor_articles:
            continue
        rows.append({
            **story_row(s), "summary": s.summary[:280],
            "matches": [{"id": a, "title": titles.get(a)} for a in matched],
        })  # fmt: skip
    rows.sort(key=lambda r: (r["first"] is None, r["first"] or "", r["id"]))
    return {
        "filters": {"q": f.q, "since": _iso(f.since), "until": _iso(f.until),
                    "source": f.source, "actor": f.actor},
        "sources": sorted({r.article.source for r in store.articles() if r.article.source}),
        "stories": rows,
    }  # fmt: skip


def _axis(entries: list[dict[str, Any]]) -> tuple[date, date] | None:
    """Return the days the axis spans: those of the news entries (background if none).

    Background ("completed in 1974") would squeeze months of news into a sliver, so it is
    drawn at the axis edge, marked as lying outside it.
    """
    news = [e for e in entries if not e["background"]] or entries
    days = [date.fromisoformat(d) for e in news for d in (e["start"], e["end"]) if d]
    return (min(days), max(days)) if days else None


def _bar(axis: tuple[date, date], start: date, end: date) -> dict[str, Any]:
    """Return where an entry's interval lies on the axis, in percent, clamped to its edges."""
    span = (axis[1] - axis[0]).days + 1
    outside = "before" if end < axis[0] else "after" if start > axis[1] else None
    lo, hi = max(start, axis[0]), min(end, axis[1])
    if outside == "before":
        lo = hi = axis[0]
    elif outside == "after":
        lo = hi = axis[1]
    left = 100 * (lo - axis[0]).days / span
    width = max(MIN_BAR, 100 * ((hi - lo).days + 1) / span)
    return {"left": round(min(left, 100 - MIN_BAR), 2), "width": round(width, 2),
            "days": (end - start).days + 1, "outside": outside}  # fmt: skip


def story_page(store: Store, story_id: str) -> dict[str, Any]:
    """Return the story view with each timeline entry placed on a date axis (percent)."""
    view = story_view(store, story_id)
    axis = _axis(view["timeline"])
    for e in view["timeline"]:
        dated = axis and e["start"] and e["end"]
        e["bar"] = (
            _bar(axis, date.fromisoformat(e["start"]), date.fromisoformat(e["end"]))
            if axis and dated
            else None
        )
    view["axis"] = {"start": _iso(axis[0]), "end": _iso(axis[1])} if axis else None
    titles = {a["id"]: a for a in view["articles"]}
    for e in view["timeline"]:
        e["outlets"] = [
            {"id": a, "source": titles[a]["source"] if a in titles else None} for a in e["articles"]
        ]
    return view


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str
    title: str


def _inline_marks(doc: Doc) -> list[_Mark]:
    """Return actor, time and event marks, earliest and longest first, without overlaps."""
    names = {e.id: e.name for e in doc.entities}
    marks = [
        _Mark(m.start, m.end, "actor", f"{names.get(m.entity, m.entity)} ({m.label})")
        for m in doc.mentions
    ]
    for t in doc.times:
        span = f", {_iso(t.interval_start)} .. {_iso(t.interval_end)}" if t.interval_start else ""
        marks.append(_Mark(t.start, t.end, "time", f"{t.type} {t.value or '?'}{span}"))
    for e in doc.events:
        when = f" @ {e.time_value}" if e.time_value else ""
        marks.append(_Mark(e.start, e.end, "event", f"{e.type} ({e.modality}){when}"))
    order = {"actor": 0, "time": 1, "event": 2}
    marks.sort(key=lambda m: (m.start, -(m.end - m.start), order[m.kind]))
    kept: list[_Mark] = []
    for mark in marks:
        if mark.end > mark.start and (not kept or mark.start >= kept[-1].end):
            kept.append(mark)
    return kept


def segments(doc: Doc) -> list[dict[str, Any]]:
    """Return the text as blocks (a quote, or plain text), each a list of marked pieces.

    A block is ``{"quote": {"title": ...} | None, "pieces": [{"text", "kind", "title"}]}``;
    a piece with a ``kind`` is an annotation whose normalized value is its ``title``.
    """
    text, names = doc.text, {e.id: e.name for e in doc.entities}
    quote_at: list[int | None] = [None] * len(text)
    quote_titles: list[str] = []
    for q in doc.quotes:
        who = names.get(q.speaker, q.speaker_text) if q.speaker else q.speaker_text
        quote_titles.append(f"{q.kind} quote by {who or 'unattributed'} ({q.cue or 'no cue'})")
        for start, end in q.spans:
            for i in range(max(0, start), min(end, len(text))):
                quote_at[i] = len(quote_titles) - 1
    marks = _inline_marks(doc)
    cuts = {0, len(text)}
    for m in marks:
        cuts |= {m.start, m.end}
    cuts |= {i for i in range(1, len(text)) if quote_at[i] != quote_at[i - 1]}
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    mark_at = {m.start: m for m in marks}
    blocks: list[dict[str, Any]] = []
    current: _Mark | None = None
    for a, b in pairwise(bounds):
        if a in mark_at:
            current = mark_at[a]
        if current and a >= current.end:
            current = None
        qi = quote_at[a]
        piece = {"text": text[a:b], "kind": current.kind if current else None,
                 "title": current.title if current else None}  # fmt: skip
        if not blocks or blocks[-1]["qi"] != qi:
            blocks.append({"qi": qi, "quote": None if qi is None else {"title": quote_titles[qi]},
                           "pieces": []})  # fmt: skip
        blocks[-1]["pieces"].append(piece)
    for block in blocks:
        del block["qi"]
    return blocks


def article_page(store: Store, article_id: str) -> dict[str, Any]:
    """Return an article's records (the export shape) and its text as highlighted blocks."""
    doc = store.doc(store.resolve_id(article_id))
    records = doc_records(doc)
    article = records["articles"][0]
    stories = [
        {"id": s.id, "title": s.title} for s in store.stories() if doc.article.id in s.articles
    ]
    return {
        "article": {k: v for k, v in article.items() if k != "sentences"},
        "stories": stories,
        "blocks": segments(doc),
        "actors": sorted(
            {(m["entity"], m["entity_name"], m["type"]) for m in records["mentions"]},
            key=lambda x: (x[1] or "", x[0]),
        ),
        "times": records["times"],
        "quotes": records["quotes"],
        "events": records["events"],
        "quantities": records["quantities"],
    }


def actor_page(store: Store, actor_id: str) -> dict[str, Any]:
    """Return one actor across the store: names, roles over time, mentions, quotes, stories."""
    first = store.articles_mentioning([actor_id])
    if not first:
        raise NotFound(f"no actor with id {actor_id!r}; open a story to find its actors")
    docs = [store.doc(a) for a in first]
    index = fold(docs)
    root = index.actor_of(actor_id)
    actor = next(a for a in index.actors() if a.id == root)
    members = set(actor.members) | {actor_id}
    mentions, quotes = [], []
    roles: list[dict[str, Any]] = []
    for d in docs:
        for m in d.mentions:
            if m.entity in members:
                lo, hi = max(0, m.start - 60), min(len(d.text), m.end + 60)
                mentions.append({
                    "article": d.article.id, "source": d.article.source,
                    "published": _iso(d.article.published), "text": d.text[m.start : m.end],
                    "before": " ".join(d.text[lo : m.start].split()),
                    "after": " ".join(d.text[m.end : hi].split()),
                })  # fmt: skip
        for q in d.quotes:
            if q.speaker in members:
                quotes.append({"article": d.article.id, "source": d.article.source,
                               "published": _iso(d.article.published), "kind": q.kind,
                               "text": " ".join(d.text[q.start : q.end].split())})  # fmt: skip
        for r in d.roles:
            if r.entity in members:
                roles.append({"title": r.title, "of": r.of, "as_of": _iso(r.as_of),
                              "article": d.article.id, "source": d.article.source})  # fmt: skip
    roles.sort(key=lambda r: (r["as_of"] is None, r["as_of"] or "", r["title"]))
    in_stories: dict[str, list[str]] = defaultdict(list)
    all_stories: list[Story] = store.stories()
    for s in all_stories:
        for a in s.articles:
            if a in first:
                in_stories[s.id].append(a)
    return {
        "id": actor.id, "name": actor.name, "type": actor.type, "aliases": list(actor.aliases),
        "members": sorted(members), "country": actor.country,
        "roles_summary": [
            {"title": r.title, "of": r.of, "since": _iso(r.since), "until": _iso(r.until),
             "articles": r.articles}
            for r in actor.roles
        ],
        "roles": roles, "mentions": mentions, "quotes": quotes,
        "stories": [
            {"id": s.id, "title": s.title, "articles": len(in_stories[s.id])}
            for s in all_stories if s.id in in_stories
        ],
    }  # fmt: skip


def failures_page(store: Store) -> dict[str, Any]:
    """Return the skipped inputs with where and why."""
    return {
        "failures": [
            {"location": s.location, "kind": s.kind, "reason": s.reason} for s in store.skips()
        ]
    }
