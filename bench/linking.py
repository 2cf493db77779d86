"""Linking scale: story grouping over 1k, 10k and 100k synthetic articles, and its real inputs.

Embedding 100k texts with MiniLM on two cores takes longer than the whole benchmark may run,
so the scale rows feed :class:`~storyline.link.stories.StoryIndex` *synthetic* features built
from real ones: the real ``features()`` of a few hundred real texts give MiniLM vectors and a
vocabulary, and each synthetic article belongs to one of many latent "affairs" (a running story
with its own actors, terms and a centre that is a normalized mixture of real vectors), dated
over one year, with noise (other actors, other words, a second real vector mixed in, and some
articles that belong to no affair). Articles are generated one at a time in arrival order, as a
pure function of their number, so nothing holds the corpus: the index is the only state.

The real embedding throughput of ``features()`` is measured on its own so a reader can
extrapolate, and ``link_corpus`` runs end to end (embedding included) on a small store of
articles recombined from real sentences.
"""

from __future__ import annotations

import random
import tempfile
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from bench.measure import MeasurementFailed, Peak, Stopwatch, isolated, peak_now
from bench.report import Table
from bench.scale import Piece, plain_sample, synthetic
from bench.texts import Corpus, NewsText

Matrix = npt.NDArray[np.float32]

_FIRST_DAY = date(2016, 1, 1)
_DAYS = 365
# An affair runs for about a month: an article picks one of the affairs started in the last
# AFFAIR_SPAN days. About ARTICLES_PER_AFFAIR articles report each, whatever the corpus size.
AFFAIR_SPAN = 30
ARTICLES_PER_AFFAIR = 20
NOISE_SHARE = 0.1  # articles that belong to no affair
ACTORS_PER_AFFAIR = 5
TERMS_PER_AFFAIR = 12
# How far an article's vector strays from its affair's centre: one other real vector is mixed
# in with this weight, plus Gaussian noise of this scale per dimension.
MIX = 0.5
JITTER = 0.02


@dataclass(frozen=True)
class Basis:
    """What synthetic features are built from: real MiniLM vectors and real words."""

    vectors: Matrix  # unit rows
    words: tuple[str, ...]


@dataclass(frozen=True)
class GroupingRun:
    """One StoryIndex fed ``articles`` synthetic arrivals: time, comparisons, groups, memory."""

    articles: int  # the corpus size
    reached: int  # arrivals added before the budget ran out (``articles`` if it did not)
    add_seconds: float
    make_seconds: float
    comparisons: int
    last_1k_seconds: float  # add seconds per 1k over the last ~1k arrivals (marginal cost)
    last_1k_comparisons: float  # comparisons per article over the same arrivals
    stories: int
    occasions: int
    affairs: int
    peak: Peak


@dataclass(frozen=True)
class EmbedRun:
    """``features()`` over real texts: how many, how long, and the basis it yields."""

    texts: int
    seconds: float
    basis: Basis


@dataclass(frozen=True)
class EndToEnd:
    """``link_corpus`` over a store of synthetic recombined articles."""

    articles: int
    save_seconds: float
    link_seconds: float
    stories: int
    peak: Peak


# -- synthetic features --------------------------------------------------------------------


def affairs_for(articles: int) -> int:
    """Return the number of latent affairs for a corpus of ``articles``."""
    return max(1, articles // ARTICLES_PER_AFFAIR)


def _unit(v: npt.NDArray[Any]) -> npt.NDArray[np.float32]:
    norm = float(np.linalg.norm(v))
    return (v / norm if norm else v).astype(np.float32)


def _affair(seed: int, k: int, basis: Basis, actor_pool: int) -> tuple[Any, list[str], list[str]]:
    """Return affair ``k``'s centre vector, actors and terms (a pure function of its number)."""
    rng = random.Random(f"{seed}/affair/{k}")
    rows = rng.sample(range(len(basis.vectors)), 3)
    weights = np.array([rng.random() + 0.2 for _ in rows], dtype=np.float32)
    centre = _unit(weights @ basis.vectors[rows])
    actors = [f"ent-{rng.randrange(actor_pool)}" for _ in range(ACTORS_PER_AFFAIR)]
    terms = rng.sample(basis.words, min(TERMS_PER_AFFAIR, len(basis.words)))
    return centre, actors, terms


def synthetic_features(articles: int, basis: Basis, seed: int = 0) -> Iterator[Any]:
    """Yield ``articles`` synthetic ArticleFeatures in arrival order (by date, then id).

    Deterministic for a seed. Dates spread evenly over one year; each article reports one of
    the affairs started in the month before it (or, for a tenth of them, none), naming 2-4 of
    its actors among 0-3 others drawn from a skewed pool (a few names are everywhere), and
    using some of its terms among words of the real vocabulary.
    """
    from storyline.link.features import ArticleFeatures

    count = affairs_for(articles)
    pool = max(200, count * 2)
    per_day = count / _DAYS
    width = len(str(articles))
    for n in range(articles):
        rng = random.Random(f"{seed}/article/{n}")
        day = n * _DAYS // articles
        when = _FIRST_DAY + timedelta(days=day)
        other = basis.vectors[rng.randrange(len(basis.vectors))]
        extra_actors = [f"ent-{int(pool * rng.random() ** 3)}" for _ in range(rng.randint(0, 3))]
        words = rng.sample(basis.words, min(40, len(basis.words)))
        if rng.random() < NOISE_SHARE:
            vector, actors, terms = other, extra_actors, words
        else:
            newest = min(count - 1, int((day + 1) * per_day))
            oldest = max(0, int((day - AFFAIR_SPAN) * per_day))
            centre, cast, affair_terms = _affair(seed, rng.randint(oldest, newest), basis, pool)
            vector = centre + MIX * other
            actors = rng.sample(cast, rng.randint(2, 4)) + extra_actors
            terms = rng.sample(affair_terms, TERMS_PER_AFFAIR // 2) + words[:30]
        noise = np.asarray(np.random.default_rng([seed, n]).normal(0, JITTER, vector.shape))
        weights: dict[str, float] = {}
        for position, actor in enumerate(actors):
            weights[actor] = weights.get(actor, 0.0) + (2.0 if position < 2 else 1.0)
        total = sum(weights.values())
        yield ArticleFeatures(
            id=f"syn-{n:0{width}d}", published=when, vector=_unit(vector + noise),
            actors={a: w / total for a, w in sorted(weights.items())},
            places=frozenset(a for a in actors[1:2]), title=f"Synthetic article {n}", when=when,
            people=frozenset(actors[:1]), words=frozenset(terms[:10]),
            terms={t: 1.0 for t in sorted(set(terms))},
        )  # fmt: skip


# -- measurements, each in a fresh process --------------------------------------------------


def embed_real(texts: Sequence[NewsText]) -> EmbedRun:
    """Return how long ``features()`` takes over ``texts`` (model loaded first), and the basis."""
    from storyline.embed import embedder
    from storyline.link.features import features

    docs = plain_sample(texts)
    embedder().embed(["warm up"])  # load the model before the clock starts
    clock = Stopwatch()
    found = features(docs)
    seconds = clock.seconds
    vectors = np.stack([np.asarray(f.vector, dtype=np.float32) for f in found])
    words = sorted({w for f in found for w in f.words})
    return EmbedRun(len(docs), seconds, Basis(vectors, tuple(words)))


def group_synthetic(articles: int, basis: Basis, seed: int, budget_s: float) -> GroupingRun:
    """Feed a fresh StoryIndex synthetic arrivals of an ``articles`` corpus; time only ``add``.

    Stops after ``budget_s`` seconds of adding; the run then covers a prefix of the corpus.
    """
    from storyline.link.stories import StoryIndex

    index = StoryIndex(dimensions=basis.vectors.shape[1])
    made = Stopwatch()
    add_seconds, reached = 0.0, 0
    # (arrivals, add seconds, comparisons) every 100 arrivals, to read the last ~1k
    marks: deque[tuple[int, float, int]] = deque([(0, 0.0, 0)], maxlen=11)
    for f in synthetic_features(articles, basis, seed):
        clock = Stopwatch()
        index.add(f)
        add_seconds += clock.seconds
        reached += 1
        if reached % 100 == 0:
            marks.append((reached, add_seconds, index.comparisons))
            if add_seconds > budget_s:
                break
    first, before, compared = marks[0]
    span = max(reached - first, 1)
    return GroupingRun(
        articles, reached, add_seconds, made.seconds - add_seconds, index.comparisons,
        (add_seconds - before) / span * 1000, (index.comparisons - compared) / span,
        len(index.stories()), len(index.occasions()), affairs_for(articles), peak_now(),
    )  # fmt: skip


def link_store(parts: list[Piece], articles: int, batch_size: int, folder: str) -> EndToEnd:
    """Fill a store with synthetic recombined articles, then run ``link_corpus`` on all of it."""
    from storyline.link.corpus import link_corpus
    from storyline.settings import Settings
    from storyline.store import Store

    Path(folder).mkdir(parents=True, exist_ok=True)
    with Store(Path(folder) / "link.db") as store:
        clock = Stopwatch()
        for begin in range(0, articles, batch_size):
            end = min(begin + batch_size, articles)
            store.save([synthetic(n, parts, ("sentences.v1",)) for n in range(begin, end)])
        saved = clock.seconds
        done = link_corpus(store, Settings())
        return EndToEnd(articles, saved, done.seconds, done.stories, peak_now())


# -- section -------------------------------------------------------------------------------


def measure(
    corpus: Corpus,
    sizes: list[int],
    end_to_end: list[int],
    batch_size: int,
    budget_per_size: float,
    seed: int = 20160101,
) -> list[Table]:
    """Return the linking tables: grouping at each size, real embedding, link_corpus."""
    from storyline.link.blocking import BUCKET_CAP, CANDIDATE_CAP, POSTING_CAP

    grouping = Table(
        "3b. Linking scale: story grouping (StoryIndex) over synthetic article features",
        ("corpus", "arrivals added", "group s", "ms / article (all)", "ms / article (last 1k)",
         "comparisons / article (all)", "(last 1k)", "stories", "occasions", "peak RSS"),
    )  # fmt: skip
    inputs = Table(
        "3c. Linking inputs and end to end: real embedding, `link_corpus`",
        ("what", "articles", "seconds", "articles/s", "peak RSS"),
    )
    try:
        embedded = isolated(embed_real, list(corpus.texts), timeout=300)
    except MeasurementFailed as exc:
        grouping.notes.append(f"not measured: embedding the real texts failed ({exc})")
        return [grouping]
    e = embedded.value
    inputs.add("`features()` on real texts (MiniLM, headline + lead)", f"{e.texts:,}",
               f"{e.seconds:.1f}", f"{e.texts / e.seconds:,.1f}",
               embedded.peak.describe())  # fmt: skip
    runs: list[GroupingRun] = []
    for size in sizes:
        try:
            g = isolated(group_synthetic, size, e.basis, seed, budget_per_size,
                         timeout=budget_per_size * 3 + 60).value  # fmt: skip
        except MeasurementFailed as exc:
            grouping.notes.append(f"{size:,}: not measured ({exc}).")
            continue
        runs.append(g)
        grouping.add(f"{g.articles:,} ({g.affairs:,} affairs)", f"{g.reached:,}",
                     f"{g.add_seconds:.1f}", f"{g.add_seconds / g.reached * 1000:.2f}",
                     f"{g.last_1k_seconds:.2f}", f"{g.comparisons / g.reached:.0f}",
                     f"{g.last_1k_comparisons:.0f}", f"{g.stories:,}", f"{g.occasions:,}",
                     g.peak.describe())  # fmt: skip
        if g.reached < g.articles:
            day = g.reached * _DAYS // g.articles
            grouping.notes.append(
                f"{g.articles:,}: stopped after {g.reached:,} arrivals ({day} of {_DAYS} days), "
                f"past the {budget_per_size:.0f} s budget per size; the last-1k columns are "
                "the marginal cost at that point."
            )
    grouping.notes += growth(runs)
    grouping.notes += [
        "**synthetic features, not embedded texts**: MiniLM on 2 cores cannot embed 100k texts "
        f"within this run, so each article's vector is a normalized mixture of the real MiniLM "
        f"vectors of {e.texts} real texts (its affair's centre: 3 of them; plus one other at "
        f"weight {MIX}, plus noise), its terms are words of those texts and its actors are "
        "synthetic ids (2-4 of its affair's, 0-3 from a skewed pool shared by all).",
        f"one latent affair per {ARTICLES_PER_AFFAIR} articles, each running about "
        f"{AFFAIR_SPAN} days; dates spread over one year whatever the size (so a larger corpus "
        f"is a denser one); {NOISE_SHARE:.0%} of the articles belong to no affair. Stories and "
        "occasions are what the index made of the arrivals added.",
        "group s times `StoryIndex.add` only (blocking, scoring, merging), arrivals in date "
        "order; generating the features is not counted. comparisons are article-to-group "
        "and group-to-group scorings (`StoryIndex.comparisons`). Each size runs in a fresh "
        "process: peak RSS is its own (Python, numpy and the index), the corpus never held.",
        "if blocking bounds the work per arrival, comparisons / article stop growing once "
        f"the blocking caps bind (the {POSTING_CAP} most recent occasions per actor posting "
        f"and {BUCKET_CAP} articles per LSH bucket, groups outside the time windows dropped, "
        f"the {CANDIDATE_CAP} likeliest occasions scored in full); ms / article still grows "
        "with the density of the corpus: more occasions are proposed before the cheap "
        "ranking, and stories (which may last the whole year) gather members, so merging two "
        "groups compares larger summed vectors. Embedding a real article adds "
        "1 / (articles/s of 3c) on top.",
    ]
    parts = _parts(corpus)
    with tempfile.TemporaryDirectory(prefix="storyline-bench-link-") as tmp:
        for size in end_to_end:
            try:
                m = isolated(link_store, parts, size, batch_size, f"{tmp}/{size}",
                             timeout=budget_per_size * 3 + 60)  # fmt: skip
            except MeasurementFailed as exc:
                inputs.notes.append(f"`link_corpus` on {size:,}: not measured ({exc}).")
                continue
            r = m.value
            inputs.add(f"`link_corpus` end to end ({r.stories:,} stories)", f"{r.articles:,}",
                       f"{r.link_seconds:.1f}", f"{r.articles / r.link_seconds:,.1f}",
                       r.peak.describe())  # fmt: skip
    inputs.notes += [
        f"`features()` runs on {e.texts} real texts split into sentences (no entity layers), "
        "after the model is loaded: per article, the cost the grouping rows of 3b leave out.",
        "`link_corpus` runs on a fresh store of synthetic articles recombined from real "
        "sentences (as in 3, sentences only): it embeds every article, groups, and rebuilds "
        "and saves each story. Filling the store is not counted. Embedding dominates, so "
        "larger stores were not linked end to end within the run's time.",
    ]
    return [grouping, inputs]


def growth(runs: Sequence[GroupingRun]) -> list[str]:
    """Return the lines saying how the cost per article grows from the smallest to the largest run.

    Only runs that added their whole corpus are compared; all-pairs linking would make the
    time per article grow as fast as the corpus.
    """
    done = [g for g in runs if g.reached == g.articles]
    if len(done) < 2:
        return ["growth: fewer than two sizes ran in full, so no ratio is given."]
    small, large = done[0], done[-1]

    def per_article(g: GroupingRun) -> float:
        return g.add_seconds / g.articles

    lines = [
        f"**growth** from {small.articles:,} to {large.articles:,} articles "
        f"(x{large.articles / small.articles:,.0f}): time per article "
        f"x{per_article(large) / per_article(small):.2f}, comparisons per article "
        f"x{(large.comparisons / large.articles) / (small.comparisons / small.articles):.2f}, "
        f"total time x{large.add_seconds / small.add_seconds:,.0f} (linear would be "
        f"x{large.articles / small.articles:,.0f}; all pairs "
        f"x{(large.articles / small.articles) ** 2:,.0f})."
    ]
    peak = max(g.peak.own_mb for g in done)
    verdict = "under" if peak < 1024 else "over"
    lines.append(
        f"peak RSS of the largest run: {large.peak.describe()} ({verdict} 1 GB), the corpus "
        "streamed: features are made one at a time and only the index is kept."
    )
    return lines


def _parts(corpus: Corpus) -> list[Piece]:
    from bench.scale import pieces

    return [p for p in pieces(plain_sample(corpus.texts)) if p.text.strip()]
