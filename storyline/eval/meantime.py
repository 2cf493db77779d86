"""MEANTIME (Wikinews, CAT XML): a Report on entities, cross-document entity links and times.

Gold is read with :mod:`storyline.eval.cat` (which rebuilds the running text
from the tokens): ``ENTITY_MENTION`` spans typed by the ``ENTITY`` instance
they ``REFERS_TO``, that instance's corpus-wide ``instance_id`` as the
cross-document cluster, and ``TIMEX3`` spans with values, the creation time
giving the publication date, and the events that TLINKs anchor to a time
(:mod:`storyline.eval.anchoring`). We score the ``intra_cross-doc_annotation``
topics present in our copy (``corpus_stock`` is held out).
"""

from __future__ import annotations

import re
import time
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from storyline.errors import StorylineError
from storyline.eval import anchoring, cat, timex
from storyline.eval.clusters import conll
from storyline.eval.report import PRF, EvalOptions, Report, Score, Tally, prf_scores
from storyline.eval.spans import covered, match_exact, match_overlap
from storyline.eval.system import analyze_texts
from storyline.link.actors import fold
from storyline.model import Doc, Entity, Mention, TimeExpr

NAME = "meantime"
SUBSET = "intra_cross-doc_annotation"
# Our entity types folded onto MEANTIME's: it has no GPE or FAC, only LOC.
# NORP: a demonym ("Turkish") is a mention of its country, a place in MEANTIME.
TYPE_MAP = {"PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "LOC"}
# Syntactic types that mark a name: NAM, and PRE.NAM for a name used as a
# modifier ("U.S." in "U.S. forces"), which a named-entity tagger also finds.
NAMED = frozenset({"NAM", "PRE.NAM"})
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True)
class GoldMention:
    """A gold entity mention: the Mention (entity = cluster, label = type) and its kind."""

    key: str
    mention: Mention
    syntactic: str


@dataclass(frozen=True)
class MeantimeDoc:
    """One MEANTIME article: text, creation date, gold entities, mentions, times and anchors."""

    name: str
    topic: str
    text: str
    dct: date | None
    entities: tuple[Entity, ...]
    mentions: tuple[GoldMention, ...]
    times: tuple[TimeExpr, ...]
    anchors: tuple[anchoring.Anchor, ...] = ()


def convert(doc: cat.CatDocument) -> MeantimeDoc:
    """Return the gold of one CAT document in our own model types."""
    where = str(doc.path)
    by_id = {m.id: m for m in doc.markables}
    # An ENTITY instance without a corpus-wide id is a cluster of this article only.
    cluster = {
        m.id: m.attrs.get("instance_id") or f"{doc.name}#{m.id}"
        for m in doc.markables
        if m.tag == "ENTITY"
    }
    refers: dict[str, str] = {}
    for rel in doc.relations:
        if rel.tag == "REFERS_TO" and rel.target in cluster:
            for source in rel.sources:
                refers[source] = rel.target
    entities = tuple(
        Entity(
            cluster[i], by_id[i].attrs.get("TAG_DESCRIPTOR", ""), by_id[i].attrs.get("ent_type", "")
        )
        for i in sorted(cluster)
    )
    mentions: list[GoldMention] = []
    times: list[TimeExpr] = []
    dct: date | None = None
    for m in doc.markables:
        if m.tag == "TIMEX3" and m.attrs.get("functionInDocument") == "CREATION_TIME":
            dct = timex.parse_date(m.attrs.get("value"))
        if not m.tokens:  # instances and token-less TIMEX3 have no span in the text
            continue
        start, end = doc.span(m.tokens)
        key = f"{doc.name}#{m.id}"
        if m.tag == "ENTITY_MENTION":
            target = refers.get(m.id)
            type_ = by_id[target].attrs.get("ent_type", "") if target else ""
            # A mention that refers to nothing is a cluster of its own.
            entity = cluster[target] if target else key
            mentions.append(
                GoldMention(
                    key, Mention(start, end, entity, type_), m.attrs.get("syntactic_type", "")
                )
            )
        elif m.tag == "TIMEX3":
            times.append(timex.gold_time({"m_id": m.id, **m.attrs}, start, end, where))
    topic = doc.path.parent.name.removeprefix("corpus_")
    anchors = tuple(anchoring.gold(doc))
    return MeantimeDoc(
        doc.name, topic, doc.text, dct, entities, tuple(mentions), tuple(times), anchors
    )


def load(folder: Path, limit: int | None = None) -> list[MeantimeDoc]:
    """Return the MEANTIME articles under ``folder``, sorted by path, the first ``limit``."""
    paths = sorted(folder.glob("corpus_*/*.xml"))
    if not paths:
        raise StorylineError(f"no corpus_*/*.xml under {folder}; is --data the shared data folder?")
    return [convert(cat.read(p)) for p in paths[:limit]]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    # Gold names include their determiner ("the United States Air Force"),
    # our mentions do not; an exact match forgives a leading "the".
    lead = _LEADING_THE.match(text[start:end])
    return (start + lead.end(), end) if lead and start + lead.end() < end else (start, end)


@dataclass(frozen=True)
class MentionCounts(Tally):
    """Counts for mention P/R/F1: exact and overlap true positives, predicted, gold."""

    exact: int = 0
    overlap: int = 0
    predicted: int = 0
    gold: int = 0


def count_mentions(
    text: str, gold: Sequence[Mention], pred: Sequence[Mention], neutral: Sequence[Mention] = ()
) -> tuple[MentionCounts, list[tuple[int, int]]]:
    """Return mention counts and the overlap pairs (gold index, pred index).

    Predictions overlapping a ``neutral`` gold mention (one outside the set
    being scored, such as a pronoun when scoring names) but no scored one
    are left out: they are neither right nor wrong here.
    """
    gold_spans = [(_trimmed(text, g.start, g.end),) for g in gold]
    neutral_spans = [((n.start, n.end),) for n in neutral]
    spans = [((p.start, p.end),) for p in pred]
    kept = [
        i for i, span in enumerate(spans)
        if covered(span, gold_spans) or not covered(span, neutral_spans)
    ]  # fmt: skip
    pred_spans = [(_trimmed(text, pred[i].start, pred[i].end),) for i in kept]
    # Pairs are reported in terms of the caller's ``pred`` indices.
    pairs = [(g, kept[j]) for g, j in match_overlap(gold_spans, pred_spans)]
    counts = MentionCounts(
        len(match_exact(gold_spans, pred_spans)), len(pairs), len(kept), len(gold)
    )
    return counts, pairs


def _ours(doc: Doc) -> list[Mention]:
    return [Mention(m.start, m.end, m.entity, TYPE_MAP.get(m.label, m.label)) for m in doc.mentions]


def _mention_scores(name: str, c: MentionCounts, note: str = "") -> list[Score]:
    return [
        *prf_scores(f"{name} exact", c.exact, c.predicted, c.gold, note=note),
        *prf_scores(f"{name} overlap", c.overlap, c.predicted, c.gold, note=note),
    ]


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _coref_scores(metric: str, gold: dict[Hashable, Hashable], pred: dict[Hashable, Hashable],
                  system: str, note: str) -> list[Score]:  # fmt: skip
    result = conll(gold, pred)
    mean = result["conll"]
    assert isinstance(mean, float)
    out = [Score(f"{metric} CoNLL F1", mean, system, note)]
    for key, label in (("muc", "MUC"), ("b3", "B3"), ("ceafe", "CEAF-e")):
        prf = result[key]
        assert isinstance(prf, PRF)
        out.append(Score(f"{metric} {label} F1", prf.f1, system, note))
    return out


def run(options: EvalOptions) -> Report:
    """Return the MEANTIME report: mentions, cross-document coreference, times and anchoring."""
    began = time.perf_counter()
    docs = load(options.data / NAME / SUBSET, options.limit)
    analyzed = analyze_texts([(d.text, d.dct) for d in docs], options.settings, keep_parse=True)
    actors = fold(analyzed)  # entity ids folded across articles into actor ids

    every, named = MentionCounts(), MentionCounts()
    by_type = {t: MentionCounts() for t in ("PER", "ORG", "LOC")}
    gold_cluster: dict[Hashable, Hashable] = {}
    our_cluster: dict[Hashable, Hashable] = {}
    string_cluster: dict[Hashable, Hashable] = {}
    for gold, doc in zip(docs, analyzed, strict=True):
        ours = _ours(doc)
        all_gold = [g.mention for g in gold.mentions]
        every += count_mentions(gold.text, all_gold, ours)[0]
        names = [g for g in gold.mentions if g.syntactic in NAMED]
        others = [g.mention for g in gold.mentions if g.syntactic not in NAMED]
        counts, pairs = count_mentions(gold.text, [g.mention for g in names], ours, others)
        named += counts
        for type_ in by_type:
            typed = [g.mention for g in names if g.mention.label == type_]
            rest = others + [g.mention for g in names if g.mention.label != type_]
            mine = [m for m in ours if m.label == type_]
            by_type[type_] += count_mentions(gold.text, typed, mine, rest)[0]
        # Coreference over the named gold mentions we found, keyed across articles.
        for g_index, p_index in pairs:
            g = names[g_index]
            gold_cluster[g.key] = g.mention.entity
            our_cluster[g.key] = actors.actor_of(ours[p_index].entity)
            s, e = _trimmed(gold.text, g.mention.start, g.mention.end)
            string_cluster[g.key] = gold.text[s:e].casefold()

    coref_note = f"{len(gold_cluster)} named gold mentions we detected, across all articles"
    anchors = sum(
        (
            anchoring.count(
                g.anchors, a.events, a.times, a.sentences, g.dct.isoformat() if g.dct else None
            )
            for g, a in zip(docs, analyzed, strict=True)
        ),
        anchoring.AnchorCounts(),
    )
    anchor_note = (
        f"{anchors.matched} of {anchors.gold} gold anchored events matched by our triggers "
        f"({anchors.matched_dct} anchored to the DCT)"
    )
    text_note = (
        f"the {anchors.matched - anchors.matched_dct} of them anchored to a time in the text"
    )
    ours_times = timex.total((g.times, a.times) for g, a in zip(docs, analyzed, strict=True))
    base_times = timex.total(
        (g.times, timex.baseline(a.parse, g.dct)) for g, a in zip(docs, analyzed, strict=True)
    )
    scores: list[Score] = [
        *_mention_scores("names", named, "NAM + PRE.NAM gold mentions"),
        *[s for t, c in by_type.items() for s in prf_scores(
            f"names {t} overlap", c.overlap, c.predicted, c.gold, note="type must match")],
        *_mention_scores("all mentions", every, "incl. pronouns and nominals"),
        *_coref_scores("cross-doc entities", gold_cluster, our_cluster, "storyline", coref_note),
        *_coref_scores(
            "cross-doc entities", gold_cluster, string_cluster, "baseline:exact-string", coref_note
        ),
        Score("event-to-time anchoring accuracy", _share(anchors.ours, anchors.matched),
              note=anchor_note),
        Score("event-to-time anchoring accuracy", _share(anchors.baseline, anchors.matched),
              "baseline:first-time-in-sentence", anchor_note),
        Score("event-to-time anchoring accuracy, anchors in the text",
              _share(anchors.ours_text, anchors.matched - anchors.matched_dct), note=text_note),
        Score("event-to-time anchoring accuracy, anchors in the text",
              _share(anchors.baseline_text, anchors.matched - anchors.matched_dct),
              "baseline:first-time-in-sentence", text_note),
        *timex.scores(ours_times, "storyline"),
        *timex.scores(base_times, "baseline:spaCy+dateparser"),
    ]  # fmt: skip
    return Report(
        dataset=NAME,
        scores=tuple(scores),
        documents=len(docs),
        seconds=time.perf_counter() - began,
        notes=(
            f"Topics {', '.join(sorted({d.topic for d in docs}))} of {SUBSET}; "
            "corpus_stock is held out of our copy.",
            "Names: gold NAM and PRE.NAM mentions; a prediction overlapping only a non-name gold "
            "mention (a pronoun, a nominal, or a mention whose syntactic type is unmarked) is left "
            "out of precision. Exact matches forgive a leading 'the'.",
            "Types: our PER/ORG kept, GPE/LOC/FAC folded into MEANTIME's LOC; MEANTIME's PRO and "
            "FIN (products, financial figures) have no counterpart in our types; our demonym "
            "mentions (NORP, 'American' as a mention of the United States) count only untyped.",
            "Cross-document coreference is scored on the named gold mentions we detected: gold "
            "cluster = the REFERS_TO instance_id, ours = our actor id (storyline.link.actors), "
            "baseline = the mention's lower-cased string.",
            f"Times: {ours_times.gold} gold TIMEX3 with a span, DCT as the publication date.",
            "Anchoring: a gold event is anchored to a DATE/TIME expression when a TLINK says it "
            "IS_INCLUDED in it (or the time INCLUDES it, or they are SIMULTANEOUS); an anchor in "
            "the text beats one to the DCT. Scored over the anchored gold events one of our "
            "events has its trigger inside: right when our event's time value (the DCT when it "
            "states none) equals the anchor's value. Baseline: the first DATE/TIME expression "
            "of our times layer in the event's sentence, else the DCT. "
            f"{anchors.matched} of {anchors.gold} anchored gold events matched.",
            "MEANTIME leaves many names and times unannotated (in a sample, most of our false "
            "positives were real names such as Toulouse or UBS, and real dates): precision is a "
            "lower bound here; recall and value accuracy are the informative numbers.",
        ),
        # Recall first: with partial annotation it is the trustworthy half.
        headline=(
            "names overlap R",
            "names overlap F1",
            "cross-doc entities CoNLL F1",
            "extraction relaxed R",
            "value accuracy",
            "event-to-time anchoring accuracy",
        ),
    )
