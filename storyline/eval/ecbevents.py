"""ECB+ cross-document event coreference of our cross-article layer, two ways.

Our system runs end to end: each ECB+ article goes through the per-article pipeline (its
events are our own *predicted* mentions), articles are grouped into stories and occasions by
:mod:`storyline.link.stories` (no gold topic is used), and events are merged inside each story
by :func:`storyline.link.events.merge`. ECB+ articles carry no publication date, so merging
rests on triggers, actors, places and occasions.

- **predicted mentions** (what we would deliver): our events in the annotated sentences against
  the gold mentions, scored with the reference CoNLL conventions for mentions on one side only
  (:mod:`storyline.eval.clusters`). An event of ours is identified with a gold mention when its
  trigger lies inside the mention's tokens; our events that match no gold mention stay in (they
  cost precision), gold mentions we miss cost recall.
- **gold mentions** (the setting of the published lemma baseline, 76.4 CoNLL F1): every gold
  mention takes the cluster of the event of ours aligned to it; a gold mention no event of ours
  covers is a singleton. This measures our merging where we found the trigger, and charges a
  missed trigger as a missed link, which the published systems (given all gold mentions) never
  pay.
"""

from __future__ import annotations

import bisect
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from storyline.eval import cat, clusters
from storyline.eval.ecbplus import EcbDocument, EventMention
from storyline.eval.report import PRF, Score
from storyline.eval.system import analyze_texts
from storyline.link import stories
from storyline.link.actors import fold
from storyline.link.events import merge
from storyline.link.features import features
from storyline.link.reports import StoryDocs
from storyline.model import Doc
from storyline.settings import Settings


@dataclass(frozen=True)
class Alignment:
    """Our events in the annotated sentences, keyed like gold mentions where they match one."""

    predicted: dict[Hashable, Hashable]
    gold_setting: dict[Hashable, Hashable]
    matched: int


def _tokens(doc: cat.CatDocument) -> tuple[list[int], list[cat.Token]]:
    tokens = sorted((t for ts in doc.sentences().values() for t in ts), key=lambda t: t.start)
    return [t.start for t in tokens], tokens


def cluster_events(ecb: Sequence[EcbDocument], docs: Sequence[Doc]) -> dict[str, str]:
    """Return our event id → merged event id, stories and occasions predicted (no gold used)."""
    found = features(docs)
    index = stories.index(found, stories.GroupOptions())
    by_id = {d.article.id: d for d in docs}
    occasion = {a: o for o, members in index.occasions().items() for a in members}
    out: dict[str, str] = {}
    for story, members in index.stories().items():
        docs_of = tuple(by_id[a] for a in members)
        sd = StoryDocs(story, docs_of, occasion, fold(docs_of).actor_of)
        for merged in merge(sd):
            out.update(dict.fromkeys(merged.members, merged.id))
    return out


def align(
    ecb: Sequence[EcbDocument],
    docs: Sequence[Doc],
    mentions: Sequence[EventMention],
    sentences: set[tuple[str, int]],
    merged: dict[str, str],
) -> Alignment:
    """Return our clustering keyed for both settings (see the module docstring)."""
    by_doc: dict[str, list[EventMention]] = {}
    for m in mentions:
        by_doc.setdefault(m.key.split("/")[0], []).append(m)
    predicted: dict[Hashable, Hashable] = {}
    gold_setting: dict[Hashable, Hashable] = {m.key: ("singleton", m.key) for m in mentions}
    matched = 0
    for e_doc, doc in zip(ecb, docs, strict=True):
        stem = e_doc.name.removesuffix(".xml")
        starts, tokens = _tokens(e_doc.doc)
        tokens_of = {mk.id: mk.tokens for mk in e_doc.doc.markables}
        spans = {
            m.key: e_doc.doc.span(tokens_of[m.key.split("/", 1)[1]]) for m in by_doc.get(stem, [])
        }
        for e in doc.events:
            i = bisect.bisect_right(starts, e.start) - 1
            if i < 0 or (stem, tokens[i].sentence) not in sentences:
                continue
            hit = next((k for k, (a, b) in spans.items() if a <= e.start < b), None)
            cluster = merged.get(e.id, e.id)
            if hit is None:
                predicted[("ours", e.id)] = cluster
            elif hit not in predicted:
                predicted[hit] = cluster
                gold_setting[hit] = cluster
                matched += 1
    return Alignment(predicted, gold_setting, matched)


def _conll(gold: dict[Hashable, Hashable], pred: dict[Hashable, Hashable]) -> tuple[float, PRF]:
    result = clusters.conll(gold, pred)
    conll, b3 = result["conll"], result["b3"]
    assert isinstance(conll, float) and isinstance(b3, PRF)
    return conll, b3


def scores(
    ecb: Sequence[EcbDocument],
    mentions: Sequence[EventMention],
    sentences: set[tuple[str, int]],
    settings: Settings,
    docs: Sequence[Doc] | None = None,
) -> list[Score]:
    """Return our CoNLL F1 on predicted mentions and on gold mentions, with mention recall.

    ``docs`` are the ECB+ documents already run through the pipeline, in the order of ``ecb``
    (analyzed here when None).
    """
    if docs is None:
        docs = analyze_texts([(d.doc.text, None) for d in ecb], settings)
    merged = cluster_events(ecb, docs)
    aligned = align(ecb, docs, mentions, sentences, merged)
    gold: dict[Hashable, Hashable] = {m.key: m.event for m in mentions}
    predicted_conll, _ = _conll(gold, aligned.predicted)
    gold_conll, _ = _conll(gold, aligned.gold_setting)
    detected = {k: v for k, v in aligned.gold_setting.items() if k in aligned.predicted}
    detected_conll, _ = _conll({k: gold[k] for k in detected}, detected)
    found = PRF.from_counts(aligned.matched, len(aligned.predicted), len(gold))
    return [
        Score(
            "event coreference CoNLL F1", predicted_conll, "storyline",
            "our predicted mentions (events in the annotated sentences), our stories as blocks",
        ),
        Score(
            "event coreference CoNLL F1 [gold mentions]", gold_conll, "storyline",
            "gold mentions, each in the cluster of our event on its trigger; "
            "a gold mention with none is a singleton",
        ),
        Score(
            "event coreference CoNLL F1 [gold mentions we detect]", detected_conll, "storyline",
            f"the {len(detected)} gold mentions our events cover, scored among themselves",
        ),
        Score("event mention detection F1", found.f1, "storyline",
              f"P {found.precision:.3f}, R {found.recall:.3f} against gold ACTION_* mentions"),
    ]  # fmt: skip
