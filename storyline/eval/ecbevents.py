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
  mention becomes an event mention of ours (:func:`gold_event_mentions`: its head token the
  trigger, the entities of its sentence the participants, the type, time and modality of our
  event on that head where there is one) and our merging clusters them, inside the stories
  and occasions our index predicts. Unlike the published systems, which are handed the gold
  sub-topics as blocks, ours never sees a topic: a split occasion costs links, a merged one
  invites false ones. The same-run lemma baseline *is* given the gold sub-topics.

Both settings are reported on the held-out half of the topics (every other visible topic, the
halves of :mod:`storyline.eval.ecbplus`) and on the tuning half, where the merge weights of
:mod:`storyline.link.events` were chosen.
"""

from __future__ import annotations

import bisect
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from storyline.eval import cat, clusters
from storyline.eval.ecbplus import EcbDocument, EventMention, Head
from storyline.eval.report import PRF, Score
from storyline.eval.system import analyze_texts
from storyline.link import events as linking
from storyline.link import stories
from storyline.link.actors import fold
from storyline.link.features import features
from storyline.link.reports import StoryDocs, content_words
from storyline.model import Doc, Event, Span
from storyline.settings import Settings
from storyline.stages import plover

# Who takes part: people, organizations, countries and places named in the mention's sentence.
PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


@dataclass(frozen=True)
class Alignment:
    """Our events in the annotated sentences, keyed like gold mentions where they match one."""

    predicted: dict[Hashable, Hashable]
    matched: int


@dataclass(frozen=True)
class GoldTrigger:
    """A gold mention placed in our text: its key, head token span and lemma, its sentence."""

    key: str
    start: int
    end: int
    lemma: str
    sentence: Span


def _tokens(doc: cat.CatDocument) -> tuple[list[int], list[cat.Token]]:
    tokens = sorted((t for ts in doc.sentences().values() for t in ts), key=lambda t: t.start)
    return [t.start for t in tokens], tokens


def story_docs(docs: Sequence[Doc], settings: Settings | None = None) -> list[StoryDocs]:
    """Return our stories with their occasions and folded actors, predicted (no gold used)."""
    found = features(docs)
    index = stories.index(found, stories.GroupOptions.from_settings(settings))
    by_id = {d.article.id: d for d in docs}
    occasion = {a: o for o, members in index.occasions().items() for a in members}
    out = []
    for story, members in index.stories().items():
        docs_of = tuple(by_id[a] for a in members)
        out.append(StoryDocs(story, docs_of, occasion, fold(docs_of).actor_of))
    return out


def cluster_events(blocks: Sequence[StoryDocs]) -> dict[str, str]:
    """Return our event id → merged event id, merged inside each of our stories."""
    out: dict[str, str] = {}
    for sd in blocks:
        for merged in linking.merge(sd):
            out.update(dict.fromkeys(merged.members, merged.id))
    return out


def align(
    ecb: Sequence[EcbDocument],
    docs: Sequence[Doc],
    mentions: Sequence[EventMention],
    sentences: set[tuple[str, int]],
    merged: dict[str, str],
) -> Alignment:
    """Return our predicted events keyed like the gold mention whose tokens hold their trigger."""
    by_doc: dict[str, list[EventMention]] = {}
    for m in mentions:
        by_doc.setdefault(m.key.split("/")[0], []).append(m)
    predicted: dict[Hashable, Hashable] = {}
    matched = 0
    for e_doc, doc in zip(ecb, docs, strict=True):
        name = e_doc.name.removesuffix(".xml")
        starts, tokens = _tokens(e_doc.doc)
        tokens_of = {mk.id: mk.tokens for mk in e_doc.doc.markables}
        spans = {
            m.key: e_doc.doc.span(tokens_of[m.key.split("/", 1)[1]]) for m in by_doc.get(name, [])
        }
        for e in doc.events:
            i = bisect.bisect_right(starts, e.start) - 1
            if i < 0 or (name, tokens[i].sentence) not in sentences:
                continue
            hit = next((k for k, (a, b) in spans.items() if a <= e.start < b), None)
            cluster = merged.get(e.id, e.id)
            if hit is None:
                predicted[("ours", name, e.id)] = cluster
            elif hit not in predicted:
                predicted[hit] = cluster
                matched += 1
    return Alignment(predicted, matched)


def gold_triggers(
    ecb: Sequence[EcbDocument],
    docs: Sequence[Doc],
    mentions: Sequence[EventMention],
    heads: Sequence[Head],
) -> dict[str, list[GoldTrigger]]:
    """Return the gold mentions of each article (by our article id), placed in its text."""
    by_name = {d.name.removesuffix(".xml"): (d.doc, doc) for d, doc in zip(ecb, docs, strict=True)}
    out: dict[str, list[GoldTrigger]] = {}
    for m, head in zip(mentions, heads, strict=True):
        name, markable = m.key.split("/", 1)
        cat_doc, doc = by_name[name]
        first = next(mk.tokens[0] for mk in cat_doc.markables if mk.id == markable)
        sentence = cat_doc.sentences()[cat_doc.token(first).sentence]
        token = sentence[head.position]
        out.setdefault(doc.article.id, []).append(
            GoldTrigger(
                m.key, token.start, token.end, head.lemma,
                Span(sentence[0].start, sentence[-1].end),
            )
        )  # fmt: skip
    for found in out.values():
        found.sort(key=lambda g: (g.start, g.key))
    return out


def _type_of(lemma: str) -> str:
    """Return the event type our lexicon gives a lemma, as verb or as noun; OTHER if none."""
    sense = plover.VERBS.get(lemma) or plover.noun_sense(lemma)
    return sense.type if sense is not None else "OTHER"


def gold_event_mentions(
    sd: StoryDocs, doc: Doc, gold: Sequence[GoldTrigger]
) -> list[linking.EventMention]:
    """Return a gold mention of ``doc`` each as an event mention our merging compares.

    The head token is the trigger and the entities named in the mention's sentence are its
    participants. Our own event on the head, where the events stage found one, adds what the
    parse knows: type, time, modality, place, and which participant is the doer (source).
    """
    ours = {e.start: e for e in doc.events}
    out = []
    for g in gold:
        found = next((e for s, e in ours.items() if g.start <= s < g.end), None)
        inside = [m for m in doc.mentions if g.sentence.start <= m.start < g.sentence.end]
        named = frozenset(sd.actor_of(m.entity) for m in inside if m.label in PARTICIPANT_LABELS)
        event = Event(
            id=g.key,
            start=g.start,
            end=g.end,
            trigger=doc.text[g.start : g.end],
            type=found.type if found is not None else _type_of(g.lemma),
            time_value=found.time_value if found is not None else None,
            time_start=found.time_start if found is not None else None,
            time_end=found.time_end if found is not None else None,
            modality=found.modality if found is not None else "asserted",
        )
        sources = frozenset({sd.actor_of(found.source)} if found and found.source else ())
        targets = frozenset({sd.actor_of(found.target)} if found and found.target else ())
        out.append(
            linking.EventMention(
                event, doc.article.id, doc.article.published, sd.occasions.get(doc.article.id),
                linking.trigger_key(g.lemma), sources | targets | named, sources,
                sd.actor_of(found.place) if found and found.place else None, g.sentence,
                content_words(doc.text[g.sentence.start : g.sentence.end]),
            )
        )  # fmt: skip
    return out


def gold_setting(
    blocks: Sequence[StoryDocs], gold: dict[str, list[GoldTrigger]]
) -> dict[Hashable, Hashable]:
    """Return gold mention key → our cluster, our merging run on the gold mentions per story."""
    out: dict[Hashable, Hashable] = {}
    for sd in blocks:
        items: list[linking.EventMention] = []
        for doc in sd.docs:
            items += gold_event_mentions(sd, doc, gold.get(doc.article.id, ()))
        for group in linking.cluster(items):
            out.update(dict.fromkeys((items[i].event.id for i in group), items[group[0]].event.id))
    return out


def gold_blocks(
    ecb: Sequence[EcbDocument], docs: Sequence[Doc], blocks: Sequence[StoryDocs]
) -> list[StoryDocs]:
    """Return the articles blocked by their GOLD sub-topic, each its own story and occasion.

    Only for comparing our merging with the lemma baseline on the blocks that baseline is
    given; actors stay folded as in our own stories.
    """
    actor_of = {d.article.id: sd.actor_of for sd in blocks for d in sd.docs}
    grouped: dict[str, list[Doc]] = {}
    for e_doc, doc in zip(ecb, docs, strict=True):
        grouped.setdefault(e_doc.subtopic, []).append(doc)
    return [
        StoryDocs(
            f"gold:{sub}", tuple(members), dict.fromkeys((d.article.id for d in members), sub),
            actor_of.get(members[0].article.id, lambda e: e),
        )
        for sub, members in grouped.items()
    ]  # fmt: skip


def _conll(gold: dict[Hashable, Hashable], pred: dict[Hashable, Hashable]) -> float:
    conll = clusters.conll(gold, pred)["conll"]
    assert isinstance(conll, float)
    return conll


def halves(mentions: Sequence[EventMention]) -> dict[str, set[str]]:
    """Return the topics of the held-out and of the tuning half.

    The tuning half is every other visible topic in numeric order, as in
    :mod:`storyline.eval.ecbplus`; with one topic both halves hold it.
    """
    topics = sorted({m.topic for m in mentions}, key=int)
    tune = set(topics[0::2]) if len(topics) > 1 else set(topics)
    return {"held-out half": (set(topics) - tune) or tune, "tuning half": tune}


def _topic(key: Hashable) -> str:
    """Return the topic of a gold key ("3_1ecb/12") or of our own ("ours", "3_1ecb", id)."""
    name = key[1] if isinstance(key, tuple) else str(key).split("/", 1)[0]
    return str(name).split("_", 1)[0]


def scores(
    ecb: Sequence[EcbDocument],
    mentions: Sequence[EventMention],
    sentences: set[tuple[str, int]],
    settings: Settings,
    heads: Sequence[Head],
    docs: Sequence[Doc] | None = None,
) -> list[Score]:
    """Return our CoNLL F1 on predicted and on gold mentions, by half, with mention recall.

    ``heads`` are the gold mentions' heads (:func:`storyline.eval.ecbplus.mention_heads`);
    ``docs`` the ECB+ documents already run through the pipeline, in the order of ``ecb``
    (analyzed here when None).
    """
    if docs is None:
        docs = analyze_texts([(d.doc.text, None) for d in ecb], settings)
    blocks = story_docs(docs, settings)
    aligned = align(ecb, docs, mentions, sentences, cluster_events(blocks))
    triggers = gold_triggers(ecb, docs, mentions, heads)
    on_gold = gold_setting(blocks, triggers)
    # Our merging alone, on the gold sub-topics the lemma baseline is given: equal footing.
    on_gold_blocks = gold_setting(gold_blocks(ecb, docs, blocks), triggers)
    gold: dict[Hashable, Hashable] = {m.key: m.event for m in mentions}
    # The lemma baseline inside our occasions instead of the gold sub-topics: what our
    # blocking alone allows, so the gap to the gold-blocked baseline can be told apart.
    occasion = {d.article.id: sd.occasions.get(d.article.id) for sd in blocks for d in sd.docs}
    article = {e.name.removesuffix(".xml"): d.article.id for e, d in zip(ecb, docs, strict=True)}
    lemma_ours: dict[Hashable, Hashable] = {
        m.key: (occasion[article[m.key.split("/", 1)[0]]], h.lemma)
        for m, h in zip(mentions, heads, strict=True)
    }
    found = PRF.from_counts(aligned.matched, len(aligned.predicted), len(gold))
    out = [
        Score(
            "event coreference CoNLL F1", _conll(gold, aligned.predicted), "storyline",
            "our predicted mentions (events in the annotated sentences), our stories as blocks",
        ),
        Score(
            "event coreference CoNLL F1 [gold mentions]", _conll(gold, on_gold), "storyline",
            "gold mentions clustered by our merging inside our predicted stories and occasions "
            "(no gold topic or sub-topic)",
        ),
        Score("event mention detection F1", found.f1, "storyline",
              f"P {found.precision:.3f}, R {found.recall:.3f} against gold ACTION_* mentions"),
    ]  # fmt: skip
    for half, topics in halves(mentions).items():
        sub_gold = {k: v for k, v in gold.items() if _topic(k) in topics}
        predicted = {k: v for k, v in aligned.predicted.items() if _topic(k) in topics}
        out.append(Score(f"event coreference CoNLL F1 [{half}]", _conll(sub_gold, predicted),
                         "storyline", "our predicted mentions"))  # fmt: skip
        on_half = {k: v for k, v in on_gold.items() if _topic(k) in topics}
        out.append(Score(f"event coreference CoNLL F1 [gold mentions, {half}]",
                         _conll(sub_gold, on_half), "storyline",
                         "gold mentions, our merging in our predicted occasions"))  # fmt: skip
        within = {k: v for k, v in on_gold_blocks.items() if _topic(k) in topics}
        out.append(Score(f"event coreference CoNLL F1 [gold mentions, gold sub-topics, {half}]",
                         _conll(sub_gold, within), "storyline:merging alone",
                         "our merging inside the gold sub-topics, the blocks the lemma baseline "
                         "is given: the merge rules compared on equal footing"))  # fmt: skip
        lemma_half = {k: v for k, v in lemma_ours.items() if _topic(k) in topics}
        out.append(Score(f"event coreference CoNLL F1 [gold mentions, {half}]",
                         _conll(sub_gold, lemma_half), "baseline:lemma within our occasions",
                         "same head lemma inside our predicted occasions"))  # fmt: skip
    return out
