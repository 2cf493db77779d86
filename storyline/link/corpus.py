"""The cross-article run: stored per-article results in, stories with their timelines out.

:func:`link_corpus` reads only what the store holds for each article (its Doc layers and, for
articles linked before, their grouping features) and never parses text again, so the same
steps could run on Spark over the stored tables. It is incremental: new articles are added to
a :class:`~storyline.link.stories.StoryIndex` rebuilt from the stored features and
assignments (no embedding is recomputed), and only the stories they join (or merge) are rebuilt:

1. group: each new article joins an occasion of an existing story, opens a new occasion of
   one, or starts a story (:mod:`storyline.link.stories`); where it merges groups, the stored
   rows of their articles take the surviving ids and the stories merged away are dropped;
2. per touched story: fold actors across its articles (:mod:`storyline.link.actors`), find
   syndicated copies, merge events (:mod:`storyline.link.events`), build the timeline
   (:mod:`storyline.link.timeline`), compare sources (:mod:`storyline.link.compare`) and
   pick title and summary (:mod:`storyline.link.summary`);
3. save each story in one transaction.

Cost: grouping is blocked (actor postings, LSH buckets, time windows), and each story is
rebuilt from its own articles, so a run costs the new articles plus the stories they touch.
"""

from __future__ import annotations

import json
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

import numpy as np

from storyline.link import compare, events, summary, timeline
from storyline.link import stories as grouping
from storyline.link.actors import fold
from storyline.link.copies import copies
from storyline.link.features import ArticleFeatures, Vector, features
from storyline.link.reports import StoryDocs, independence
from storyline.model import Doc, Occasion, Story, content_id
from storyline.settings import Settings
from storyline.store import LinkRow, Store

log = logging.getLogger(__name__)

# Features are stored per article so that grouping never embeds an article twice; the version
# changes with the record's fields, and stored features of another version are recomputed.
FEATURES_VERSION = content_id(*(f.name for f in fields(ArticleFeatures)), prefix="f", length=8)
BATCH = 64


@dataclass
class LinkSummary:
    """What one linking run did: articles linked, stories touched and created, seconds."""

    linked: int = 0
    stories: int = 0
    new_stories: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"linked {self.linked} articles: {self.stories} stories updated, "
            f"{self.new_stories} new, {self.seconds:.1f} s"
        )


# -- features codec ------------------------------------------------------------------------


def _encode_value(value: Any) -> Any:
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, (set, frozenset)):
        return {"$set": sorted(value)}
    if isinstance(value, Mapping):
        return {"$map": dict(value)}
    return value


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict):
        if "$date" in value:
            return date.fromisoformat(value["$date"])
        if "$set" in value:
            return frozenset(value["$set"])
        if "$map" in value:
            return dict(value["$map"])
    return value


def encode(f: ArticleFeatures) -> tuple[str, str, str, bytes]:
    """Return ``(article, version, JSON record, vector bytes)`` to store an article's features."""
    record = {x.name: _encode_value(getattr(f, x.name)) for x in fields(f) if x.name != "vector"}
    vector = np.asarray(f.vector, dtype=np.float32).tobytes()
    return f.id, FEATURES_VERSION, json.dumps(record, sort_keys=True), vector


def decode(record: str, vector: bytes) -> ArticleFeatures:
    """Return the features stored by :func:`encode`."""
    values = {k: _decode_value(v) for k, v in json.loads(record).items()}
    return ArticleFeatures(vector=np.frombuffer(vector, dtype=np.float32).copy(), **values)


# -- grouping ------------------------------------------------------------------------------


def _features(
    store: Store, known: Sequence[str], targets: Sequence[str]
) -> tuple[dict[str, ArticleFeatures], list[str]]:
    """Return the features of articles and the ids they were computed for (not stored).

    Linked articles keep their stored features; ``targets`` (new or re-analyzed) and any
    article whose features are missing or of another version are computed in batches.
    """
    stored = store.link_features(FEATURES_VERSION)
    out = {a: decode(*stored[a]) for a in known if a in stored}
    missing = [a for a in known if a not in out] + list(targets)
    for begin in range(0, len(missing), BATCH):
        batch = missing[begin : begin + BATCH]
        for f in features([store.doc(a) for a in batch]):
            out[f.id] = f
    return out, missing


def _group(
    store: Store, settings: Settings, targets: Sequence[str]
) -> tuple[dict[str, LinkRow], dict[str, ArticleFeatures], set[str], int]:
    """Return every assignment after adding ``targets``, their features, stories to rebuild, new.

    An arrival that merges stories or occasions renames groups that earlier runs stored: the
    rows of their articles are rewritten with the new ids, the stories merged away are
    dropped, and the surviving stories are rebuilt, all saved with the new assignments.
    """
    links = {x.article: x for x in store.links()}
    linking = set(targets)
    known = [a for a in links if a not in linking]
    feats, computed = _features(store, known, targets)
    index = grouping.StoryIndex(
        grouping.GroupOptions.from_settings(settings),
        dimensions=next(iter(feats.values())).vector.shape[0] if feats else 384,
    )
    for f in grouping.arrival_order(feats[a] for a in known):
        index.restore(f, links[f.id].story, links[f.id].occasion)
    stored = {x.story for x in links.values()}
    moved: set[str] = set()  # story and occasion ids merged away
    shifted: set[str] = set()  # articles moved to another occasion of their story
    new = 0
    fresh = [feats[a] for a in targets]
    for f in grouping.arrival_order(fresh):
        old = links.get(f.id)
        if old is not None:
            # Re-analyzed: keep its place (a story does not move under its readers' feet).
            index.restore(f, old.story, old.occasion)
            continue
        assignment = index.add(f)
        links[f.id] = LinkRow(f.id, assignment.story, assignment.occasion, assignment.score)
        moved.update(old_id for old_id, _ in assignment.renamed)
        shifted.update(assignment.moved)
        new += assignment.new_story
    changed = list(targets)
    if moved or shifted:  # rows stored under an id merged away follow the merge
        for row in list(links.values()):
            if row.story in moved or row.occasion in moved or row.article in shifted:
                story, occasion = index.placement(row.article)
                links[row.article] = replace(row, story=story, occasion=occasion)
                if row.article not in linking:
                    changed.append(row.article)
    touched = {links[a].story for a in changed}
    store.save_links(
        [links[a] for a in changed], [encode(feats[a]) for a in computed], sorted(stored & moved)
    )
    return links, feats, touched, new


# -- per story -----------------------------------------------------------------------------


def _arrival(docs: Iterable[Doc]) -> list[Doc]:
    return sorted(
        docs, key=lambda d: (d.article.published is None, d.article.published or date.min,
                             d.article.id),
    )  # fmt: skip


def story_docs(
    story: str,
    docs: Sequence[Doc],
    occasions: Mapping[str, str],
    settings: Settings | None = None,
) -> tuple[StoryDocs, dict[str, str]]:
    """Return a story's inputs for the cross-article steps, and actor id → display name."""
    ordered = tuple(_arrival(docs))
    folded, names = _actors(ordered)
    independent = independence(ordered, copies(ordered, settings))
    return StoryDocs(story, ordered, occasions, folded, independent), names


def _actors(docs: Sequence[Doc]) -> tuple[Callable[[str], str], dict[str, str]]:
    """Return entity id → actor id folded across the docs, and actor id → display name."""
    index = fold(docs)
    names = {e.id: e.name for d in docs for e in d.entities}
    names.update({a.id: a.name for a in index.actors()})
    return index.actor_of, names


def build_story(
    story: str,
    docs: Sequence[Doc],
    occasions: Mapping[str, str],
    vectors: Mapping[str, Vector],
    settings: Settings,
) -> tuple[Story, list[Any], list[Any]]:
    """Return a story rebuilt from its docs: the Story, its merged events and comparisons."""
    sd, names = story_docs(story, docs, occasions, settings)
    merged = events.merge(sd, float(settings["event_merge_threshold"]))
    entries = timeline.build(sd, merged, names, int(settings["background_days"]))
    compared = compare.compare(sd, merged, entries)
    digest = summary.digest(sd, entries, vectors)
    by_occasion: dict[str, list[str]] = defaultdict(list)
    for d in sd.docs:
        by_occasion[occasions.get(d.article.id, story)].append(d.article.id)
    first, last = compare.first_dates(sd)
    built = Story(
        id=story,
        title=digest.title,
        articles=tuple(d.article.id for d in sd.docs),
        events=tuple(e.id for e in merged),
        timeline=tuple(entries),
        summary=digest.summary,
        occasions=tuple(Occasion(o, tuple(a)) for o, a in by_occasion.items()),
        first=first,
        last=last,
        sources=sd.sources(d.article.id for d in sd.docs),
    )
    return built, merged, compared


def link_corpus(
    store: Store,
    settings: Settings | None = None,
    only: Iterable[str] | None = None,
    full: bool = False,
) -> LinkSummary:
    """Link articles into stories and rebuild the stories they touch; return what was done.

    ``only`` names the articles to link (default: those analyzed since the last run, or
    re-analyzed); ``full`` forgets every story first and links the whole store again.
    """
    began = time.perf_counter()
    settings = settings or Settings()
    if full:
        store.clear_links()
    analyzed = set(store.pending_links()) if only is None else set(only)
    targets = [r.article.id for r in store.articles(status="analyzed") if r.article.id in analyzed]
    if not targets:
        return LinkSummary(seconds=time.perf_counter() - began)
    links, feats, touched, new = _group(store, settings, targets)
    members: dict[str, list[str]] = defaultdict(list)
    for row in links.values():
        if row.story in touched:
            members[row.story].append(row.article)
    for story in sorted(touched):
        docs = [store.doc(a) for a in members[story]]
        occasions = {a: links[a].occasion for a in members[story]}
        vectors = {a: feats[a].vector for a in members[story] if a in feats}
        built, merged, compared = build_story(story, docs, occasions, vectors, settings)
        store.save_story(built, merged, compared)
        log.debug("story %s: %d articles, %d events", story, len(docs), len(merged))
    return LinkSummary(len(targets), len(touched), new, time.perf_counter() - began)
