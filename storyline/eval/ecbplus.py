"""ECB+ scores: article clustering into stories and cross-document event coreference.

Gold: 43 topics (33 here; 36-45 are held out, 15 and 17 do not exist), each with two occasions
(sub-topics) of the same kind of event — ``<topic>_<n>ecb.xml`` tell occasion 1,
``<topic>_<n>ecbplus.xml`` occasion 2. A story is an occasion, so sub-topic scores are the
headline; topic scores say whether articles of the same kind of affair land together.

Ours: every article goes through the per-article pipeline, then :mod:`storyline.link.stories`
groups the articles incrementally into stories and occasions, told neither the topics nor how
many occasions there are (its thresholds are settings, tuned on the tuning half). Occasions are
scored against sub-topics, stories against topics (a story holds occasions that share
protagonists, so two occasions of one topic land in one story only when they do). The
baselines are measured in the same run so the numbers to beat are real.
"""

from __future__ import annotations

import csv
import dataclasses
import random
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage  # type: ignore[import-untyped]
from scipy.spatial.distance import squareform  # type: ignore[import-untyped]
from sklearn.feature_extraction.text import TfidfVectorizer

from storyline import nlp
from storyline.errors import StorylineError
from storyline.eval import cat, clusters
from storyline.eval.report import PRF, EvalOptions, Report, Score
from storyline.eval.system import analyze_texts
from storyline.model import Doc
from storyline.settings import Settings

if TYPE_CHECKING:
    from storyline.link.features import ArticleFeatures
    from storyline.link.stories import GroupOptions

FILENAME = re.compile(r"^(?P<topic>\d+)_(?P<n>\d+)(?P<kind>ecb|ecbplus)\.xml$")
# spaCy labels that name who and where; dates and numbers are shared across occasions of a
# topic ("Friday", "two") and would pull the two occasions together.
ENTITY_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)


@dataclass(frozen=True)
class EcbDocument:
    """One ECB+ article with its gold topic and sub-topic (occasion)."""

    name: str
    topic: str
    subtopic: str
    doc: cat.CatDocument


@dataclass(frozen=True)
class EventMention:
    """A gold event mention: its sentence's tokens, the mention's token numbers, its event."""

    key: str
    topic: str
    subtopic: str
    words: tuple[str, ...]
    positions: tuple[int, ...]
    event: str


def load(folder: Path, limit: int | None = None) -> list[EcbDocument]:
    """Return the ECB+ documents under ``folder/docs``, the first ``limit`` in topic order."""
    docs_dir = folder / "docs"
    if not docs_dir.is_dir():
        raise StorylineError(f"ECB+ expects its documents in {docs_dir}, which does not exist")
    found = []
    for path in docs_dir.glob("*/*.xml"):
        m = FILENAME.match(path.name)
        if m is None:
            raise StorylineError(
                f"cannot read ECB+ file {path}: name is not <topic>_<n>ecb[plus].xml"
            )
        found.append((int(m["topic"]), m["kind"] == "ecbplus", int(m["n"]), path, m["topic"]))
    found.sort()
    if limit is not None:
        found = found[:limit]
    return [
        EcbDocument(path.name, topic, f"{topic}{'ecbplus' if plus else 'ecb'}", cat.read(path))
        for _, plus, _, path, topic in found
    ]


def annotated_sentences(path: Path) -> set[tuple[str, int]]:
    """Return ``(document file stem, sentence number)`` of the fully annotated sentences."""
    out: set[tuple[str, int]] = set()
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                try:
                    out.add((f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])))
                except (KeyError, TypeError, ValueError) as exc:
                    raise StorylineError(
                        f"cannot read {path} line {number}: expected Topic,File,Sentence Number"
                    ) from exc
    except OSError as exc:
        raise StorylineError(f"cannot read {path}: {exc}") from exc
    return out


def event_mentions(
    docs: Sequence[EcbDocument], sentences: set[tuple[str, int]]
) -> list[EventMention]:
    """Return the gold ACTION_* mentions of the annotated sentences, with their event ids.

    The event is the CROSS_DOC_COREF instance (its ``note``); a mention only in an
    INTRA_DOC_COREF chain shares its chain's id; any other mention is a singleton. Singletons
    stay in: they are part of the gold-mention setting the published numbers use.
    """
    out = []
    for d in docs:
        stem = d.name.removesuffix(".xml")
        event: dict[str, str] = {}
        for rel in d.doc.relations:
            if rel.tag == "CROSS_DOC_COREF" and rel.attrs.get("note"):
                event.update(dict.fromkeys(rel.sources, rel.attrs["note"]))
            elif rel.tag == "INTRA_DOC_COREF":
                for m in rel.sources:
                    event.setdefault(m, f"{stem}/intra/{rel.target}")
        by_sentence = d.doc.sentences()
        for mk in d.doc.markables:
            if not mk.tag.startswith("ACTION_") or not mk.tokens:
                continue
            toks = [d.doc.token(t) for t in mk.tokens]
            sentence = toks[0].sentence
            if (stem, sentence) not in sentences:
                continue
            out.append(
                EventMention(
                    key=f"{stem}/{mk.id}",
                    topic=d.topic,
                    subtopic=d.subtopic,
                    words=tuple(t.text for t in by_sentence[sentence]),
                    positions=tuple(t.number for t in toks),
                    event=event.get(mk.id, f"{stem}/{mk.id}"),
                )
            )
    return out


@dataclass(frozen=True)
class Head:
    """A mention's syntactic head: its token number in the sentence, spaCy lemma and POS."""

    position: int
    lemma: str
    pos: str


def head_lemmas(mentions: Sequence[EventMention], model: str, check: bool) -> list[str]:
    """Return the spaCy lemma of each mention's syntactic head (see :func:`mention_heads`)."""
    return [h.lemma for h in mention_heads(mentions, model, check)]


def mention_heads(mentions: Sequence[EventMention], model: str, check: bool) -> list[Head]:
    """Return each mention's syntactic head, parsing each sentence once.

    Sentences are parsed from the gold tokens, so token numbers line up with the annotation.
    The head is the mention token whose parent lies outside the mention ("checked ... into"
    → "check").
    """
    from spacy.tokens import Doc as SpacyDoc

    language = nlp.load(model, check)
    sentences = sorted({m.words for m in mentions})
    with language.select_pipes(disable=["ner"]):
        parsed = dict(
            zip(
                sentences,
                language.pipe(SpacyDoc(language.vocab, words=list(w)) for w in sentences),
                strict=True,
            )
        )
    out = []
    for m in mentions:
        doc = parsed[m.words]
        inside = set(m.positions)
        heads = [i for i in m.positions if doc[i].head.i == i or doc[i].head.i not in inside]
        head = doc[(heads or list(m.positions))[0]]
        out.append(Head(head.i, head.lemma_.lower(), head.pos_))
    return out


def entity_sets(docs: Sequence[EcbDocument], model: str, check: bool) -> list[frozenset[str]]:
    """Return the lowercased named entities (who and where) spaCy finds in each document."""
    language = nlp.load(model, check)
    with language.select_pipes(enable=["tok2vec", "ner"]):
        return [
            frozenset(e.text.lower() for e in parsed.ents if e.label_ in ENTITY_LABELS)
            for parsed in language.pipe((d.doc.text for d in docs), batch_size=32)
        ]


ALL = " [all topics]"
TUNED = " [tuning half]"
# Distance thresholds tried when tuning (cosine distance, 0.05 to 0.975).
THRESHOLDS = tuple(round(0.05 + 0.025 * i, 3) for i in range(38))
# Entity weights tried for baseline (b); the weight is tuned with the threshold.
WEIGHTS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass(frozen=True)
class Tuned:
    """A clustering baseline's tuned threshold and entity weight, and its scores by split."""

    threshold: float
    weight: float
    scores: dict[str, float]


def similarities(
    texts: Sequence[str], entities: Sequence[frozenset[str]], weight: float
) -> np.ndarray:
    """Return (1 - weight) · TF-IDF cosine + weight · entity Jaccard for every pair of texts.

    The vectorizer is fitted on the texts being clustered (no labels are used), as a system
    clustering a fresh pile of articles would.
    """
    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    cosine = (vectors @ vectors.T).toarray()  # rows are L2-normalized
    if not weight:
        return np.asarray(cosine)
    vocabulary = {name: i for i, name in enumerate(sorted(set().union(*entities)))}
    member = np.zeros((len(texts), max(1, len(vocabulary))), dtype=np.float32)
    for row, names in enumerate(entities):
        member[row, [vocabulary[n] for n in names]] = 1.0
    shared = member @ member.T
    sizes = member.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - shared
    jaccard = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    return np.asarray((1 - weight) * cosine + weight * jaccard)


def cut(similarity: np.ndarray, thresholds: Sequence[float]) -> list[list[int]]:
    """Return cluster labels for each distance threshold of one average-linkage tree.

    scipy's linkage is built once and cut at every threshold (the same clusters as sklearn's
    AgglomerativeClustering with ``distance_threshold``, without rebuilding the tree per cut).
    """
    if len(similarity) < 2:
        return [[1] * len(similarity) for _ in thresholds]
    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    return [[int(c) for c in fcluster(tree, t, criterion="distance")] for t in thresholds]


def partition_scores(
    gold_topic: Sequence[str], gold_sub: Sequence[str], pred: Sequence[int], split: str
) -> dict[str, float]:
    """Return B3 F1, pairwise F1 and adjusted Rand of one clustering, by topic and sub-topic.

    ``split`` is appended to every metric name ("" or " [all topics]").
    """
    predicted = dict(enumerate(pred))
    out = {}
    for level, labels in (("topic", gold_topic), ("sub-topic", gold_sub)):
        gold = dict(enumerate(labels))
        out[f"{level} B3 F1{split}"] = clusters.b_cubed(gold, predicted).f1
        out[f"{level} pairwise F1{split}"] = clusters.pairwise(gold, predicted).f1
        out[f"{level} adjusted Rand{split}"] = clusters.adjusted_rand(gold, predicted)
    return out


def tune_and_score(
    texts: Sequence[str],
    entities: Sequence[frozenset[str]],
    gold_topic: Sequence[str],
    gold_sub: Sequence[str],
    in_tune: Sequence[bool],
    weights: Sequence[float],
) -> Tuned:
    """Return the threshold and weight best on the tuning documents, scored on the others and all.

    Tuning maximizes sub-topic B3 F1 (ties go to the smaller threshold and weight).
    """

    def pick(rows: Sequence[int]) -> tuple[list[str], list[str], list[str], list[frozenset[str]]]:
        return (
            [gold_topic[i] for i in rows],
            [gold_sub[i] for i in rows],
            [texts[i] for i in rows],
            [entities[i] for i in rows],
        )

    tune = [i for i, flag in enumerate(in_tune) if flag]
    held = [i for i, flag in enumerate(in_tune) if not flag]
    _, sub, tune_texts, tune_entities = pick(tune)
    gold_sub_tune = dict(enumerate(sub))
    best = (-1.0, THRESHOLDS[0], weights[0])
    for weight in weights:
        sims = similarities(tune_texts, tune_entities, weight)
        for threshold, labels in zip(THRESHOLDS, cut(sims, THRESHOLDS), strict=True):
            f1 = clusters.b_cubed(gold_sub_tune, dict(enumerate(labels))).f1
            if f1 > best[0]:
                best = (f1, threshold, weight)
    _, threshold, weight = best
    scores: dict[str, float] = {}
    # Unsuffixed names are the held-out half, the honest number; " [all topics]" clusters every
    # visible topic together (half of them seen in tuning).
    for split, rows in (("", held), (ALL, list(range(len(texts))))):
        if not rows:
            continue
        topic, sub, split_texts, split_entities = pick(rows)
        labels = cut(similarities(split_texts, split_entities, weight), [threshold])[0]
        scores |= partition_scores(topic, sub, labels, split)
    return Tuned(threshold, weight, scores)


def _clustering_scores(docs: Sequence[EcbDocument], model: str, check: bool) -> list[Score]:
    """Return the TF-IDF and TF-IDF + entity clustering baselines and our (missing) scores."""
    texts = [d.doc.text for d in docs]
    entities = entity_sets(docs, model, check)
    topics = sorted({d.topic for d in docs}, key=int)
    # The tuning half is fixed (every other visible topic in numeric order), so the reported
    # half never influences the threshold; with one topic there is nothing to hold out.
    tune_topics = set(topics[0::2]) if len(topics) > 1 else set(topics)
    gold_topic = [d.topic for d in docs]
    gold_sub = [d.subtopic for d in docs]
    scores: list[Score] = []
    for system, weights in (("baseline:tfidf", (0.0,)), ("baseline:tfidf+entities", WEIGHTS)):
        tuned = tune_and_score(
            texts, entities, gold_topic, gold_sub, [d.topic in tune_topics for d in docs], weights
        )
        note = f"threshold {tuned.threshold:.3f}, entity weight {tuned.weight:.1f}"
        for metric, value in tuned.scores.items():
            scores.append(Score(f"clustering {metric}", value, system, note))
    return scores


def _story_scores(
    docs: Sequence[EcbDocument], analyzed: Sequence[Doc], settings: Settings
) -> list[Score]:
    """Return our occasions against sub-topics and stories against topics, by split.

    Each split is grouped on its own, from an empty index, in arrival order; the row number
    stands in for the article id, so two documents with the same text stay two articles.
    """
    from storyline.link import stories
    from storyline.link.features import features

    topics = sorted({d.topic for d in docs}, key=int)
    tune_topics = set(topics[0::2]) if len(topics) > 1 else set(topics)
    found = [dataclasses.replace(f, id=str(i)) for i, f in enumerate(features(analyzed))]
    options = stories.GroupOptions.from_settings(settings)
    scores: list[Score] = []
    splits = (
        ("", [i for i, d in enumerate(docs) if d.topic not in tune_topics]),
        (TUNED, [i for i, d in enumerate(docs) if d.topic in tune_topics]),
        (ALL, list(range(len(docs)))),
    )
    for split, rows in splits:
        if not rows:
            continue
        built = stories.index([found[i] for i in rows], options)
        gold_topic = [docs[i].topic for i in rows]
        gold_sub = [docs[i].subtopic for i in rows]
        for name, groups in (("occasions", built.occasions()), ("stories", built.stories())):
            label = _labels(groups)
            pred = [label[str(i)] for i in rows]
            note = f"{len(groups)} {name} for {len(set(gold_sub))} sub-topics, {len(rows)} docs"
            for metric, value in partition_scores(gold_topic, gold_sub, pred, split).items():
                # Occasions are the headline against sub-topics, stories against topics; the
                # other pairings are reported under their own system name.
                level_ok = metric.startswith("sub-topic") == (name == "occasions")
                system = "storyline" if level_ok else f"storyline:{name}"
                scores.append(Score(f"clustering {metric}", value, system, note))
    held = splits[0][1]
    if held:
        f1s = [_shuffled_b3(docs, [found[i] for i in held], held, options, seed)
               for seed in range(1, SHUFFLES + 1)]  # fmt: skip
        note = f"mean of {SHUFFLES} arrival orders (lowest {min(f1s):.3f}), {len(held)} docs"
        scores.append(Score(f"clustering sub-topic B3 F1{SHUFFLED}", float(np.mean(f1s)),
                            "storyline", note))  # fmt: skip
    return scores


# ECB+ documents have no dates, so the row order is their arrival order; how well articles
# group should not hang on one order, so the held-out half is also grouped in shuffled orders.
SHUFFLED = " [held-out half, shuffled arrivals]"
SHUFFLES = 8


def _shuffled_b3(
    docs: Sequence[EcbDocument],
    found: Sequence[ArticleFeatures],
    rows: Sequence[int],
    options: GroupOptions,
    seed: int,
) -> float:
    """Return the occasions' sub-topic B3 F1 when ``rows`` arrive in a seeded random order."""
    from storyline.link import stories

    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    ids = [f"{order[k]:06d}" for k in range(len(rows))]  # ids sort in the shuffled order
    built = stories.index([dataclasses.replace(f, id=i) for f, i in zip(found, ids, strict=True)],
                          options)  # fmt: skip
    label = _labels(built.occasions())
    gold = {k: docs[i].subtopic for k, i in enumerate(rows)}
    return clusters.b_cubed(gold, {k: label[ids[k]] for k in range(len(rows))}).f1


def _labels(groups: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """Return each member's group as a number: the predicted labels a partition is scored by."""
    return {a: n for n, members in enumerate(groups.values()) for a in members}


# Our similarity clustered in one batch inside each gold topic: what the signal allows with the
# story given and no arrival order (a diagnostic, not a system: it is told the topics).
WITHIN_TOPICS = "storyline:batch within gold topics"
# Similarity bars tried (our similarity runs from about -0.3 to 1.3).
BARS = tuple(round(0.05 + 0.025 * i, 3) for i in range(17))


def _within_topic_scores(docs: Sequence[EcbDocument], analyzed: Sequence[Doc]) -> list[Score]:
    """Return sub-topic B3 of average-linkage clustering on our similarity within gold topics.

    The bar is tuned on the tuning half, as the occasion thresholds are. This separates what
    the similarity can tell apart from what grouping one arrival at a time costs.
    """
    from storyline.link import stories
    from storyline.link.features import features

    found = [dataclasses.replace(f, id=str(i)) for i, f in enumerate(features(analyzed))]
    topics = sorted({d.topic for d in docs}, key=int)
    tune_topics = set(topics[0::2]) if len(topics) > 1 else set(topics)

    def labels(rows: Sequence[int]) -> list[list[str]]:
        """Return, per bar, each row's cluster ("topic-number"), from one index of the rows."""
        built = stories.index([found[i] for i in rows])
        by_topic: dict[str, list[int]] = {}
        for k, i in enumerate(rows):
            by_topic.setdefault(docs[i].topic, []).append(k)
        out = [[""] * len(rows) for _ in BARS]
        for topic, members in by_topic.items():
            sims = np.eye(len(members))
            for x, a in enumerate(members):
                for y in range(x + 1, len(members)):
                    b = members[y]
                    sims[x, y] = sims[y, x] = built.pair(found[rows[a]], found[rows[b]])
            for cuts, column in zip(cut(sims, [1.0 - bar for bar in BARS]), out, strict=True):
                for k, c in zip(members, cuts, strict=True):
                    column[k] = f"{topic}-{c}"
        return out

    def b3(rows: Sequence[int], predicted: Sequence[str]) -> float:
        gold = {k: docs[i].subtopic for k, i in enumerate(rows)}
        return clusters.b_cubed(gold, dict(enumerate(predicted))).f1

    tune = [i for i, d in enumerate(docs) if d.topic in tune_topics]
    held = [i for i, d in enumerate(docs) if d.topic not in tune_topics] or tune
    tuned = [b3(tune, predicted) for predicted in labels(tune)]
    best = max(range(len(BARS)), key=lambda n: (tuned[n], -n))
    note = f"similarity bar {BARS[best]:.3f}, tuned on the tuning half; told the gold topics"
    return [
        Score("clustering sub-topic B3 F1", b3(held, labels(held)[best]), WITHIN_TOPICS, note),
        Score(f"clustering sub-topic B3 F1{TUNED}", tuned[best], WITHIN_TOPICS, note),
    ]


def _coreference_scores(mentions: Sequence[EventMention], lemmas: Sequence[str]) -> list[Score]:
    """Return the lemma baseline's CoNLL scores within topics and within sub-topics.

    Within sub-topics the baseline is also scored on each half of the topics, beside ours.
    """
    gold = {m.key: m.event for m in mentions}
    scores = []
    topics = sorted({m.topic for m in mentions}, key=int)
    tune = set(topics[0::2]) if len(topics) > 1 else set(topics)
    for half, chosen in (("held-out half", (set(topics) - tune) or tune), ("tuning half", tune)):
        keys = {m.key for m in mentions if m.topic in chosen}
        pred = {m.key: (m.subtopic, lemma) for m, lemma in zip(mentions, lemmas, strict=True)}
        conll = clusters.conll(
            {k: v for k, v in gold.items() if k in keys},
            {k: v for k, v in pred.items() if k in keys},
        )["conll"]
        assert isinstance(conll, float)
        scores.append(
            Score(
                f"event coreference CoNLL F1 [gold mentions, gold sub-topics, {half}]",
                conll, "baseline:lemma within sub-topic",
            )
        )  # fmt: skip
    for scope, group in (("topic", "topic"), ("sub-topic", "subtopic")):
        pred = {
            m.key: (getattr(m, group), lemma) for m, lemma in zip(mentions, lemmas, strict=True)
        }
        result = clusters.conll(gold, pred)
        system = f"baseline:lemma within {scope}"
        # Named apart from ours on predicted mentions, so no table sets the two side by side.
        given = f"[gold mentions, gold {scope}s]"
        for part, name in (("muc", "MUC"), ("b3", "B3"), ("ceafe", "CEAF-e")):
            prf = result[part]
            assert isinstance(prf, PRF)
            scores.append(Score(f"event coreference {name} F1 {given}", prf.f1, system))
        conll = result["conll"]
        assert isinstance(conll, float)
        scores.append(Score(f"event coreference CoNLL F1 {given}", conll, system))
    return scores


# The like-for-like event-coreference row: gold mentions, the gold sub-topics as blocks,
# topics the merge rules were not chosen on. Published numbers are on gold mentions too.
GOLD_HEADLINE = "event coreference CoNLL F1 [gold mentions, gold sub-topics, held-out half]"
ANCHORS = (
    Score("clustering sub-topic B3 F1", 0.87, "published:tfidf", "ECB+ dev topics, DESIGN.md"),
    Score("clustering sub-topic B3 F1", 0.89, "published:tfidf+entities", "ECB+ dev, DESIGN.md"),
    Score("clustering sub-topic B3 F1", 0.87, "published:MiniLM", "ECB+ dev, DESIGN.md"),
    Score("clustering F1", 0.94, "published:Miranda et al. 2018", "their own English data"),
    Score(GOLD_HEADLINE, 0.764, "published:lemma baseline", "ECB+ test topics, gold mentions"),
    Score(
        GOLD_HEADLINE, 0.82, "published:lemma + cross-encoder", "ECB+ test topics, gold mentions"
    ),
)


def run(options: EvalOptions) -> Report:
    """Return the ECB+ report: clustering and event-coreference baselines, ours as None."""
    started = time.perf_counter()
    folder = options.data / "ecbplus"
    docs = load(folder, options.limit)
    if not docs:
        raise StorylineError(f"no ECB+ documents found under {folder / 'docs'}")
    model, check = options.settings["spacy_model"], options.settings["check_model_hashes"]
    scores = _clustering_scores(docs, model, check)
    analyzed = analyze_texts([(d.doc.text, None) for d in docs], options.settings)
    scores += _story_scores(docs, analyzed, options.settings)
    scores += _within_topic_scores(docs, analyzed)
    sentences = annotated_sentences(folder / "ECBplus_coreference_sentences.csv")
    mentions = event_mentions(docs, sentences)
    heads = mention_heads(mentions, model, check)
    scores += _coreference_scores(mentions, [h.lemma for h in heads])
    from storyline.eval import ecbevents  # ours: the cross-article events layer

    scores += ecbevents.scores(docs, mentions, sentences, options.settings, heads, analyzed)
    topics = sorted({d.topic for d in docs}, key=int)
    notes = (
        f"{len(topics)} topics, {len(mentions)} gold event mentions in the annotated sentences; "
        "topics 36-45 are held out, so published test-set anchors are on other topics",
        "clustering: TF-IDF (sublinear tf, English stop words) cosine, average-linkage "
        "agglomerative clustering cut at a distance threshold; threshold (and, for "
        "tfidf+entities, the weight of spaCy-entity Jaccard, 0.1-0.9) tuned for sub-topic B3 "
        "F1 on every other visible topic (1st, 3rd, ... in numeric order). Unsuffixed "
        "clustering scores are on the other, held-out half; '[all topics]' clusters all "
        "visible topics together (half of them seen in tuning). Ours groups articles one by "
        "one in row order (ECB+ documents have no dates); '[held-out half, shuffled arrivals]' "
        "is the held-out half grouped in 8 seeded random orders, since one order can win or "
        "lose a whole topic by what arrives first",
        "text: each document added by ECB+ opens with its source's web address as a sentence; "
        "it is read as the document's source, not its text, by ours and the baselines alike "
        "(as a crawler keeps a page's address apart from its body): the address tokens "
        "('http', 'www', the site's name) are in every such document and in no other, so in "
        "the text they would say which occasion of a topic a document reports",
        "event coreference: ACTION_* mentions of the annotated sentences, linked by "
        "CROSS_DOC_COREF; baseline = same spaCy lemma of the head within the topic (sub-topic)",
        "event coreference [gold mentions], ours: every gold mention becomes an event mention "
        "of ours (head token as trigger, its sentence's entities as participants) and our "
        "merging clusters them inside OUR predicted stories and occasions; the lemma baseline "
        "is handed the GOLD sub-topics, which ours never sees. Merge rules were chosen on the "
        "tuning half; '[held-out half]' rows are the honest comparison",
    )
    return Report(
        "ecbplus",
        tuple(scores) + ANCHORS,
        len(docs),
        time.perf_counter() - started,
        notes,
        headline=(
            "clustering sub-topic B3 F1",
            GOLD_HEADLINE,
            "event coreference CoNLL F1 [gold mentions, held-out half]",
            "event coreference CoNLL F1",
        ),
    )
