"""Story views as plain dicts: what `storyline stories`, `story` and `timeline` show.

Each view is built from the store and returned as JSON-ready data (the terminal rendering in
:mod:`storyline.render` formats the same dicts), so the CLI, the JSON output and a web page
show one thing. ``timeline_rows`` and ``story_record`` are also the export's story shape.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from storyline.link.actors import fold
from storyline.link.corpus import story_docs
from storyline.link.measures import Figure, figures
from storyline.link.reports import stem
from storyline.model import Comparison, Doc, Quantity, Quote, Story, StoryEvent, TimelineEntry
from storyline.stages.cuewords import OBJECT_CUES, REPORTING
from storyline.store import Store

# Actors worth listing: people, organizations and countries (not places of passage).
ACTOR_TYPES = frozenset({"PER", "ORG", "GPE", "NORP"})
# Where quotes with no speaker are listed.
UNATTRIBUTED = "(unattributed)"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def story_row(s: Story) -> dict[str, Any]:
    """Return a story as listed: id, title, articles, span of dates, sources."""
    return {
        "id": s.id, "title": s.title, "articles": len(s.articles), "first": _iso(s.first),
        "last": _iso(s.last), "sources": s.sources, "occasions": len(s.occasions),
    }  # fmt: skip


def entry_record(t: TimelineEntry) -> dict[str, Any]:
    """Return a timeline entry as JSON-ready data (the export's shape)."""
    return {
        "date": t.date, "start": _iso(t.start), "end": _iso(t.end), "event": t.event,
        "articles": list(t.articles), "summary": t.summary, "type": t.type,
        "participants": list(t.participants), "place": t.place,
        "support": [{"article": s.article, "start": s.start, "end": s.end} for s in t.support],
        "sources": t.sources, "background": t.background, "dated_by": t.dated_by,
        "modality": t.modality,
    }  # fmt: skip


def event_record(e: StoryEvent) -> dict[str, Any]:
    """Return a merged cross-article event as JSON-ready data."""
    return {
        "id": e.id, "type": e.type, "trigger": e.trigger, "members": list(e.members),
        "articles": list(e.articles), "source": e.source, "target": e.target, "place": e.place,
        "time": {"value": e.time_value, "start": _iso(e.time_start), "end": _iso(e.time_end)},
        "dated_by": e.dated_by, "modality": e.modality, "sources": e.sources,
        "support": [{"article": s.article, "start": s.start, "end": s.end} for s in e.support],
    }  # fmt: skip


def comparison_record(c: Comparison) -> dict[str, Any]:
    """Return one adds/confirms/contradicts finding as JSON-ready data."""
    return {
        "article": c.article, "relation": c.relation, "kind": c.kind, "start": c.start,
        "end": c.end, "fact": c.fact, "others": list(c.others), "note": c.note,
    }  # fmt: skip


def story_record(
    s: Story, events: Sequence[StoryEvent] = (), comparisons: Sequence[Comparison] = ()
) -> dict[str, Any]:
    """Return a story as the export writes it (docs/format.md, ``stories``)."""
    return {
        "id": s.id, "title": s.title, "articles": list(s.articles), "events": list(s.events),
        "timeline": [entry_record(t) for t in s.timeline], "summary": s.summary,
        "occasions": [{"id": o.id, "articles": list(o.articles)} for o in s.occasions],
        "first": _iso(s.first), "last": _iso(s.last), "sources": s.sources,
        "story_events": [event_record(e) for e in events],
        "comparisons": [comparison_record(c) for c in comparisons],
    }  # fmt: skip


def timeline_rows(s: Story, docs: dict[str, Doc] | None = None) -> list[dict[str, Any]]:
    """Return a story's timeline as flat rows (CSV-ready), with outlets when docs are given."""
    rows = []
    for t in s.timeline:
        outlets = [(docs[a].article.source or a) if docs and a in docs else a for a in t.articles]
        rows.append(
            {
                "date": t.date, "start": _iso(t.start), "end": _iso(t.end), "type": t.type,
                "participants": "; ".join(t.participants), "place": t.place,
                "summary": t.summary, "sources": t.sources, "background": t.background,
                "dated_by": t.dated_by, "modality": t.modality,
                "articles": " ".join(t.articles), "outlets": "; ".join(dict.fromkeys(outlets)),
                "support": " ".join(f"{x.article}:{x.start}-{x.end}" for x in t.support),
            }
        )  # fmt: skip
    return rows


def _actors(docs: Sequence[Doc]) -> list[dict[str, Any]]:
    index = fold(docs)
    mentions: Counter[str] = Counter()
    articles: dict[str, set[str]] = defaultdict(set)
    acts: dict[str, Counter[str]] = defaultdict(Counter)
    for d in docs:
        for m in d.mentions:
            mentions[index.actor_of(m.entity)] += 1
            articles[index.actor_of(m.entity)].add(d.article.id)
        for e in d.events:
            if e.source:
                acts[index.actor_of(e.source)][e.type] += 1
    out = []
    for a in sorted(index.actors(), key=lambda a: (-mentions[a.id], a.name)):
        if a.type not in ACTOR_TYPES or not mentions[a.id]:
            continue
        out.append({
            "id": a.id, "name": a.name, "type": a.type, "mentions": mentions[a.id],
            "articles": len(articles[a.id]), "aliases": list(a.aliases),
            "roles": [
                {"title": r.title, "of": r.of, "since": _iso(r.since), "until": _iso(r.until),
                 "articles": r.articles}
                for r in a.roles
            ],
            "acts": dict(acts[a.id].most_common(5)),
        })  # fmt: skip
    return out


# Reported speech of fewer words is a topic ("differences on Syria"), not what was said.
MIN_WORDS = 4


def _quotes(docs: Sequence[Doc], story: Story) -> list[dict[str, Any]]:
    sd, names = story_docs(story.id, docs, {})
    by_speaker: dict[str, list[dict[str, Any]]] = defaultdict(list)
    listed: dict[tuple[str, str], dict[str, Any]] = {}  # (speaker, words) → its entry
    for d in docs:
        speakers = [
            sd.actor_of(q.speaker) if q.speaker else (q.speaker_text or UNATTRIBUTED)
            for q in d.quotes
        ]
        for i, (q, who) in enumerate(zip(d.quotes, speakers, strict=True)):
            if _inside_another(i, d.quotes, speakers):
                continue  # 'said there was "no indication of a fault"': the quote once, whole
            said = _said(d.text, q)
            if not _worth_listing(q, who, said):
                continue
            # The same words of the same speaker in another article (wire copy carried by
            # several outlets) are one quote, listed with every outlet that carried it.
            seen = listed.get((who, said))
            if seen is not None:
                seen["also"].append({"article": d.article.id, "source": d.article.source})
                continue
            listed[who, said] = {
                "article": d.article.id, "source": d.article.source, "kind": q.kind,
                "cue": q.cue, "text": said, "speaker_text": q.speaker_text, "also": [],
            }  # fmt: skip
            by_speaker[who].append(listed[who, said])
    return [
        {"speaker": names.get(who, who), "id": who, "quotes": quotes}
        # Who said most comes first; what nobody is said to have said ("is expected to ...")
        # comes last, however much of it there is.
        for who, quotes in sorted(
            by_speaker.items(), key=lambda kv: (kv[0] == UNATTRIBUTED, -len(kv[1]))
        )
    ]


def _worth_listing(q: Quote, who: str, said: str) -> bool:
    """Say whether a quote belongs in a story's quotes by speaker.

    Reported speech with no one who said it ("is expected to be completed by 2022"), or of
    fewer than MIN_WORDS words ("discuss differences on Syria", "denied a claim"), says no
    more than its cue; so does the object of an act that is no saying ("offered $4.2bn",
    "recommended the offer", "will defend the cup at home next August"), which the quotes
    layer keeps as an attribution after PolNeAR. Quoted words are listed whoever said them.
    """
    if q.kind != "indirect":
        return True
    words = [w for w in said.split() if w != "…"]  # the ellipsis between pieces is no word
    if who == UNATTRIBUTED or len(words) < MIN_WORDS:
        return False
    return _CLAUSE_OPENER.match(said) is not None or not _act_on_object(q.cue or "")


# Words that open what someone said, thinks or wants: "that ...", "to ...", "whether ...".
_CLAUSE_OPENER = re.compile(r"(?:that|to|whether|if|how|why|what|when|where|who)\b", re.I)


# Cue verbs whose object is the content ("offered $4.2bn"), less those that report saying.
_ACTS_ON_OBJECTS = frozenset(stem(w) for w in OBJECT_CUES) - {stem(w) for w in REPORTING}


def _act_on_object(cue: str) -> bool:
    """Say whether a cue is a verb whose object is the content and that reports no saying."""
    return stem(cue) in _ACTS_ON_OBJECTS


def _said(text: str, q: Quote) -> str:
    """Return what a quote says: its pieces, without the attribution between them."""
    # '"We are looking at the worst flooding," Ferreño told reporters, "and ..."'
    return " … ".join(" ".join(text[s:e].split()) for s, e in q.spans)


def _inside_another(i: int, quotes: Sequence[Quote], speakers: Sequence[str]) -> bool:
    """Return whether quote ``i`` lies within another quote of the same speaker (or repeats one)."""
    q = quotes[i]
    return any(
        j != i and speakers[j] == speakers[i] and o.start <= q.start and q.end <= o.end
        and (o.end - o.start > q.end - q.start or j < i)
        for j, o in enumerate(quotes)
    )  # fmt: skip


def _as_of(q: Quantity) -> str | None:
    """Return the time a figure holds at: its value, or the day a "now" was resolved to."""
    if q.time_value and q.time_value.endswith("_REF") and q.time_start == q.time_end:
        return _iso(q.time_start) or q.time_value  # "right now" in a dated article
    return q.time_value


def what_it_measures(about: str | None, figure: Figure | None) -> str:
    """Return what a figure measures in the article's words, with what happened to them.

    The measure ("dead", "people displaced") is the class figures are compared by; the
    reader gets the article's own noun ("17,000 lives", "trade volume") and the
    measure's qualifiers only where the noun lacks them ("12,000 people (displaced)").
    """
    if not about:
        return figure.label if figure is not None else "?"
    if figure is None:
        return about
    said = about.lower().split()
    extra = sorted(q for q in figure.key.qualifiers - {figure.key.head} if q not in said)
    return f"{about} ({', '.join(extra)})" if extra else about


def _figures(docs: Sequence[Doc]) -> list[dict[str, Any]]:
    """Return the story's figures in article order, each listed once.

    The same figure of the same measure, as of the same time and from the same speaker, in
    another article (wire copy carried by several outlets, or a figure every report repeats)
    is one row, listed with every article that gives it (``also``).
    """
    out = []
    listed: dict[tuple[str, str, str | None, str | None], dict[str, Any]] = {}
    for d in docs:
        measured = {(f.start, f.end): f for f in figures(d)}
        for q in d.quantities:
            text = " ".join(d.text[q.start : q.end].split())
            figure = measured.get((q.start, q.end))
            what = what_it_measures(q.about, figure)
            # Who gives the figure: its speaker, else the outlet (any outlet: the same row).
            who = q.source or (q.source_text if q.source_text != d.article.source else None)
            key = (text, what, _as_of(q), who)
            if (seen := listed.get(key)) is not None:
                carried = {seen["article"], *(a["article"] for a in seen["also"])}
                if d.article.id not in carried:
                    seen["also"].append({"article": d.article.id, "source": d.article.source})
                continue
            listed[key] = {
                "article": d.article.id, "published": _iso(d.article.published),
                "text": text, "value": q.value, "unit": q.unit, "about": q.about,
                "measure": figure.label if figure else None, "what": what,
                "as_of": _as_of(q), "according_to": q.source_text or d.article.source,
                "also": [],
            }  # fmt: skip
            out.append(listed[key])
    return out


def _sources(store: Store, docs: Sequence[Doc], story: Story) -> list[dict[str, Any]]:
    found = store.comparisons(story.id)
    out = []
    for d in docs:
        mine = [c for c in found if c.article == d.article.id]
        counts = Counter(f"{c.relation}" for c in mine)
        out.append({
            "article": d.article.id, "source": d.article.source, "title": d.article.title,
            "published": _iso(d.article.published),
            "adds": counts.get("adds", 0), "confirms": counts.get("confirms", 0),
            "contradicts": counts.get("contradicts", 0),
            "findings": [comparison_record(c) for c in mine],
        })  # fmt: skip
    return out


def story_view(store: Store, story_id: str) -> dict[str, Any]:
    """Return everything `storyline story ID` shows: timeline, actors, sources, quotes, figures."""
    story = store.story(store.resolve_story(story_id))
    docs = [store.doc(a) for a in story.articles]
    return {
        **story_row(story),
        "summary": story.summary,
        "articles": [
            {"id": d.article.id, "source": d.article.source, "title": d.article.title,
             "published": _iso(d.article.published), "path": d.article.path}
            for d in docs
        ],
        "occasions": [{"id": o.id, "articles": list(o.articles)} for o in story.occasions],
        "timeline": [entry_record(t) for t in story.timeline],
        "actors": _actors(docs),
        "compared": _sources(store, docs, story),
        "quotes": _quotes(docs, story),
        "figures": _figures(docs),
    }  # fmt: skip
