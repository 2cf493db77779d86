"""A story's title and summary, extractive: the headline and sentences at its centre.

No language model writes anything: the title is an article's headline and the summary is a few
of the story's own sentences, each pointing back to its article.

Centrality of a sentence is the weight of the timeline entries it supports (an entry counts
its independent sources, a bonus for news of the day over background and for a date read in
the text) plus the cosine of its content words with the story's word profile (a bag-of-words
centroid: the cheap stand-in for embedding every sentence). The title is the headline of the
article whose embedding lies nearest the story's centroid, ties and near-ties going to the
article that supports the heaviest entries; the summary is the top sentences, one per entry,
no two near-identical (syndicated copies say the same), in timeline order.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from storyline.link.events import COPY_JACCARD
from storyline.link.features import Vector, headline
from storyline.link.reports import StoryDocs, content_words, jaccard, sentence_text
from storyline.model import Support, TimelineEntry

SUMMARY_SENTENCES = 3
NEWS_BONUS = 0.5
TEXT_DATE_BONUS = 0.25
# Headline choice: centroid cosine dominates; entry weight (scaled to 0..1) breaks near-ties.
ENTRY_SHARE = 0.2


@dataclass(frozen=True)
class Digest:
    """A story's title, extractive summary and the sentences the summary is made of."""

    title: str
    summary: str
    sentences: tuple[Support, ...]


def entry_weight(entry: TimelineEntry) -> float:
    """Return how central an entry is: independent sources, news of the day, a text date."""
    weight = float(max(1, entry.sources))
    if not entry.background:
        weight += NEWS_BONUS
    if entry.dated_by == "text":
        weight += TEXT_DATE_BONUS
    return weight


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _title(
    story: StoryDocs, entries: Sequence[TimelineEntry], vectors: Mapping[str, Vector]
) -> str:
    weight: dict[str, float] = defaultdict(float)
    for e in entries:
        for a in {s.article for s in e.support}:
            weight[a] += entry_weight(e)
    top = max(weight.values(), default=0.0) or 1.0
    dims = next(iter(vectors.values())).shape[0] if vectors else 1
    centroid = np.zeros(dims, dtype=np.float64)
    for d in story.docs:
        if d.article.id in vectors:
            centroid += vectors[d.article.id]
    norm = float(np.linalg.norm(centroid))

    def score(i: int) -> tuple[float, int]:
        aid = story.docs[i].article.id
        near = float(vectors[aid] @ centroid) / norm if norm and aid in vectors else 0.0
        return (near + ENTRY_SHARE * weight[aid] / top, -i)

    best = max(range(len(story.docs)), key=score)
    return headline(story.docs[best])


def digest(
    story: StoryDocs, entries: Sequence[TimelineEntry], vectors: Mapping[str, Vector]
) -> Digest:
    """Return the story's title and summary from its most central entries and sentences."""
    if not story.docs:
        return Digest("", "", ())
    docs = {d.article.id: d for d in story.docs}
    profile: Counter[str] = Counter()
    for d in story.docs:
        profile.update(content_words(d.text))
    scored: list[tuple[float, int, Support, frozenset[str]]] = []
    for rank, e in enumerate(entries):
        for s in e.support:
            words = content_words(docs[s.article].text[s.start : s.end])
            centrality = _cosine(dict.fromkeys(words, 1.0), profile)
            scored.append((entry_weight(e) + centrality, rank, s, words))
    scored.sort(key=lambda x: (-x[0], x[1]))
    chosen: list[tuple[int, Support, frozenset[str]]] = []
    for _, rank, s, words in scored:
        if len(chosen) >= SUMMARY_SENTENCES:
            break
        if any(r == rank or jaccard(words, w) >= COPY_JACCARD for r, _, w in chosen):
            continue
        chosen.append((rank, s, words))
    chosen.sort(key=lambda x: x[0])
    sentences = tuple(s for _, s, _ in chosen)
    summary = " ".join(
        " ".join(sentence_text(docs[s.article], s.start, s.end).split()) for s in sentences
    )
    return Digest(_title(story, entries, vectors), summary, sentences)
