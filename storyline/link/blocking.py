"""Blocking: the few occasions an arriving article is compared with, however large the corpus.

An occasion is proposed when it names one of the article's main actors (an inverted index,
entity → occasions) or holds an article whose embedding falls in one of the article's
random-hyperplane LSH buckets. Both lists keep only their most recent entries; of what they
propose, :func:`likeliest` keeps the few with the highest cheap estimate of the score (mean
embedding cosine and shared actors, one matrix product), so each arrival costs a bounded number
of full comparisons (:mod:`storyline.link.stories`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping

import numpy as np

from storyline.link.features import ArticleFeatures, Vector
from storyline.link.groups import Group

# Random-hyperplane LSH over the unit embeddings: 16 bands of 12 bits. Two articles at cosine
# 0.8 agree on a bit with probability 1 - acos(0.8)/pi = 0.80, so they share a band with
# probability 1 - (1 - 0.80^12)^16 = 0.65, and an article meets a group of several such members
# almost surely (the actor postings propose the rest); at cosine 0.2 (unrelated news) the
# chance per pair is 0.016. Sentence embeddings of news crowd into a narrow cone, so with
# fewer bits a bucket fills with unrelated recent articles and proposes hundreds of occasions.
LSH_BITS = 12
LSH_BANDS = 16
LSH_SEED = 20120718
# Blocking keeps the most recent entries of each LSH bucket and each actor's posting list: a
# running story is recent, and the cap bounds the work per arrival in a corpus of any size.
BUCKET_CAP = 32
POSTING_CAP = 64
# Only an article's heaviest actors propose candidates; minor names ("Reuters", a passing
# "United States") would make every story a candidate.
BLOCKING_ACTORS = 8
# Of the occasions blocking proposes, only the CANDIDATE_CAP likeliest are scored in full
# (four sparse dot products each, and a group-to-group link for each merge tried). Likeliest
# means the highest cheap estimate of the score: the mean embedding cosine with the members,
# plus the weight of the article's actors that the occasion also names. In a dense corpus the
# postings and buckets propose hundreds of occasions of which a handful can reach a threshold.
CANDIDATE_CAP = 24


class Blocking:
    """The actor postings and LSH buckets of the articles indexed so far."""

    def __init__(self, dimensions: int) -> None:
        self._postings: dict[str, list[str]] = defaultdict(list)  # entity → occasion ids
        self._buckets: dict[tuple[int, int], list[str]] = defaultdict(list)  # → article ids
        planes = np.random.default_rng(LSH_SEED).standard_normal((LSH_BANDS * LSH_BITS, dimensions))
        self._planes = planes.astype(np.float32)
        self._powers = 1 << np.arange(LSH_BITS, dtype=np.int64)

    def keys(self, vector: Vector) -> list[tuple[int, int]]:
        """Return the LSH bucket keys ``(band, bits)`` of an embedding."""
        bits = (self._planes @ vector > 0).reshape(LSH_BANDS, LSH_BITS).astype(np.int64)
        return [(band, int(code)) for band, code in enumerate(bits @ self._powers)]

    @staticmethod
    def actors(f: ArticleFeatures) -> list[str]:
        """Return the article's heaviest actors, the ones that propose candidates."""
        ranked = sorted(f.actors.items(), key=lambda kv: (-kv[1], kv[0]))
        return [e for e, _ in ranked[:BLOCKING_ACTORS]]

    def proposed(
        self,
        f: ArticleFeatures,
        current: Callable[[str], str],
        occasion_of: Mapping[str, str],
    ) -> dict[str, float]:
        """Return occasion id → weight of ``f``'s actors it names, for each occasion proposed.

        ``current`` follows a merged-away occasion id to the one it goes by now;
        ``occasion_of`` maps an indexed article to its occasion.
        """
        shared: dict[str, float] = {}
        for entity in self.actors(f):
            weight = f.actors[entity]
            for o in {current(o) for o in self._postings.get(entity, ())}:
                shared[o] = shared.get(o, 0.0) + weight
        neighbours: set[str] = set()  # an article met in several bands is looked up once
        for key in self.keys(f.vector):
            neighbours.update(self._buckets.get(key, ()))
        for article in neighbours:
            shared.setdefault(occasion_of[article], 0.0)
        return shared

    def add(self, f: ArticleFeatures, occasion: str) -> None:
        """Post the article under its main actors and its LSH buckets."""
        for entity in self.actors(f):
            posting = self._postings[entity]
            if occasion not in posting[-POSTING_CAP:]:
                posting.append(occasion)
                del posting[:-POSTING_CAP]
        for key in self.keys(f.vector):
            bucket = self._buckets[key]
            bucket.append(f.id)
            del bucket[:-BUCKET_CAP]


def likeliest(
    f: ArticleFeatures,
    shared: Mapping[str, float],
    occasions: Mapping[str, Group],
    in_window: Callable[[Group], bool],
) -> list[str]:
    """Return the CANDIDATE_CAP occasions of ``shared`` in the time window, likeliest first.

    The estimate is the mean embedding cosine with the occasion's members plus the weight
    of the article's actors it names; ties go by id, so the choice does not depend on the
    order of the postings.
    """
    found = sorted(shared)
    groups = [occasions[o] for o in found]
    totals = np.stack([g.total for g in groups])
    sizes = np.array([len(g.members) for g in groups], dtype=np.float64)
    cheap = (totals @ f.vector) / sizes + np.array([shared[o] for o in found])
    kept: list[str] = []
    # A stable sort of ids already in order: equal estimates stay in id order.
    for i in np.argsort(-cheap, kind="stable").tolist():
        if in_window(groups[i]):
            kept.append(found[i])
            if len(kept) == CANDIDATE_CAP:
                break
    return kept
