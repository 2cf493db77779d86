"""Stories and occasions: articles grouped incrementally, one arrival at a time.

A *story* is a running affair with the same protagonists, spanning months; an *occasion* is one
specific happening inside it (the dam's gate fails; the inquiry reports), the main event an
article reports. :class:`StoryIndex` takes articles one by one (in ``(published, id)`` order,
see :func:`arrival_order`) and puts each into the occasion it reports, or into a new occasion
of the story it continues, or into a new story — without looking at the corpus again.

How well an article fits a group is its average similarity to the group's members (average
linkage) over six signals: the embedding of headline and lead, TF-IDF over the whole text, the
people named and the places named (rare names weigh more), the years the article's dates fall in
(two dated reports of different years are most likely two happenings of one kind, the 2008 fire
and the 2013 one, whatever words they share), and the protagonist, the one person a report is
mostly about (two reports about different people are two happenings, likewise). A story also
weighs every actor (organizations and countries too), since a story is held together by its
protagonists. Each group keeps the sums of its members' unit vectors, so that average costs one
dot product per signal whatever the group's size. When an arrival fits two groups that also fit
each other, they merge: early arrivals that started separate groups for one happening are joined
as soon as the evidence links them. A happening's group large enough to be judged by its average
is joined at a lower bar: by a new report, and, lower still, later, by a lone report that missed it
on arrival.

An article is compared only with the groups that blocking proposes: the occasions that name
one of its main actors (an inverted index, entity → occasions) and the occasions of articles
whose embeddings fall in the same random-hyperplane LSH bucket. Both lists keep only their
most recent entries, groups outside the time window are skipped, and of the rest only the
likeliest few (by mean embedding cosine and shared actors, one matrix product) are scored in
full, so each arrival costs a bounded number of comparisons however large the corpus grows.

Syndicated wire copy is found apart, by :mod:`storyline.link.copies`.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from storyline.link.features import ArticleFeatures, Vector, features
from storyline.link.groups import Group, Profile, dot, unit
from storyline.model import Doc, Story, content_id
from storyline.settings import Settings

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
# Weights of embedding, TF-IDF, people and places in the occasion score: a logistic
# regression of "same occasion" on the four pair similarities over half the ECB+ topics,
# rescaled to sum to 1. Words and figures of the whole text say most; who comes next.
WEIGHTS = (0.17, 0.55, 0.19, 0.09)
# When: two reports whose dates fall in the same years add YEAR_WEIGHT times that agreement;
# two dated reports whose years differ lose YEAR_CONFLICT times the disagreement. Two
# happenings of one kind (the 2008 fire, the 2013 one) share their words and often their
# actors, but not their year. Tuned with the threshold on half the ECB+ topics.
YEAR_WEIGHT = 0.1
YEAR_CONFLICT = 0.1
# Who: two reports about the same protagonist (the one person an article is mostly about, see
# features.protagonist) add PROTAGONIST_WEIGHT; two about different protagonists lose
# PROTAGONIST_CONFLICT. Two DUI arrests of players of one team share every word and the team;
# each report's own player sets them apart. Reports without a protagonist say nothing either
# way. Tuned on half the ECB+ topics, over shuffled arrival orders.
PROTAGONIST_WEIGHT = 0.2
PROTAGONIST_CONFLICT = 0.1
# A story is its protagonists: half its score is the actor similarity, half the occasion one.
STORY_ACTOR_WEIGHT = 0.5
# An average over many reports is steadier evidence than the first few: a report's score with
# an occasion of ABSORB_SIZE reports or more swings less with one odd member, so an arrival joins
# such an occasion at the lower ``large_threshold``. A one-article occasion is most often a report
# that missed its happening on arrival (a one-sentence brief, a place spelled another way, the
# happening's group still small); once an occasion of ABSORB_SIZE reports or more grows, such a
# straggler among the arrival's candidates joins it at the lower still ``absorb_threshold``. Two
# small groups still need the occasion threshold (merged early at a lower bar, they snowball).
# Tuned on half the ECB+ topics, over shuffled arrival orders.
ABSORB_SIZE = 5


@dataclass(frozen=True)
class Assignment:
    """Where one article went: story, occasion, the winning score, and what changed.

    ``renamed`` lists ``(old id, new id)`` for stories and occasions merged away while
    placing the article: rows stored under an old id now belong to the new one.
    """

    story: str
    occasion: str
    score: float
    new_story: bool
    new_occasion: bool = False
    renamed: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class GroupOptions:
    """The thresholds and time windows of grouping, read from the settings table."""

    story_threshold: float = 0.15
    occasion_threshold: float = 0.25
    large_threshold: float = 0.225
    absorb_threshold: float = 0.2
    story_days: int = 365
    occasion_days: int = 60

    @classmethod
    def from_settings(cls, settings: Settings | None) -> GroupOptions:
        """Return the options in force for ``settings`` (the defaults when None)."""
        s = settings or Settings()
        return cls(
            story_threshold=float(s["story_threshold"]),
            occasion_threshold=float(s["occasion_threshold"]),
            large_threshold=float(s["occasion_large_threshold"]),
            absorb_threshold=float(s["occasion_absorb_threshold"]),
            story_days=int(s["story_window_days"]),
            occasion_days=int(s["occasion_window_days"]),
        )


class StoryIndex:
    """Incremental story and occasion assignment; ``add`` one article at a time.

    ``comparisons`` counts the article-to-group and group-to-group scorings done so far:
    blocking keeps it near the number of groups an article could belong to, rather than the
    number of groups in the index. The result depends on the order of arrival; feed articles
    in :func:`arrival_order` for results that do not depend on the order of the input.
    """

    def __init__(self, options: GroupOptions | None = None, dimensions: int = 384) -> None:
        self.options = options or GroupOptions()
        self.dimensions = dimensions
        self.comparisons = 0
        self._stories: dict[str, Group] = {}
        self._occasions: dict[str, Group] = {}
        self._occasion_of: dict[str, str] = {}
        self._renamed: dict[str, str] = {}  # merged-away story or occasion id → its successor
        self._born: dict[str, int] = {}  # group id → creation number; the older id survives
        self._postings: dict[str, list[str]] = defaultdict(list)
        self._buckets: dict[tuple[int, int], list[str]] = defaultdict(list)
        self._df: Counter[str] = Counter()  # articles naming each term, actor and place
        self._articles = 0
        planes = np.random.default_rng(LSH_SEED).standard_normal((LSH_BANDS * LSH_BITS, dimensions))
        self._planes = planes.astype(np.float32)
        self._powers = 1 << np.arange(LSH_BITS, dtype=np.int64)

    # -- blocking ----------------------------------------------------------

    def _keys(self, vector: Vector) -> list[tuple[int, int]]:
        """Return the LSH bucket keys ``(band, bits)`` of an embedding."""
        bits = (self._planes @ vector > 0).reshape(LSH_BANDS, LSH_BITS).astype(np.int64)
        return [(band, int(code)) for band, code in enumerate(bits @ self._powers)]

    @staticmethod
    def _blocking_actors(f: ArticleFeatures) -> list[str]:
        ranked = sorted(f.actors.items(), key=lambda kv: (-kv[1], kv[0]))
        return [e for e, _ in ranked[:BLOCKING_ACTORS]]

    def _current(self, group: str) -> str:
        """Return the id a story or an occasion goes by now, following merges."""
        while group in self._renamed:
            group = self._renamed[group]
        return group

    def candidates(self, f: ArticleFeatures) -> list[str]:
        """Return the ids of the occasions blocking proposes for ``f``, sorted.

        An occasion is proposed when it shares one of the article's main actors or an LSH
        bucket with it, and lies within the time windows of ``f``'s date (it, or its story,
        could still be joined); of those, only the :data:`CANDIDATE_CAP` likeliest are kept.
        """
        shared: dict[str, float] = {}  # occasion → weight of the article's actors it names
        for entity in self._blocking_actors(f):
            weight = f.actors[entity]
            for o in {self._current(o) for o in self._postings.get(entity, ())}:
                shared[o] = shared.get(o, 0.0) + weight
        neighbours: set[str] = set()  # an article met in several bands is looked up once
        for key in self._keys(f.vector):
            neighbours.update(self._buckets.get(key, ()))
        for article in neighbours:
            shared.setdefault(self._occasion_of[article], 0.0)
        if len(shared) <= CANDIDATE_CAP:
            return sorted(o for o in shared if self._in_window(self._occasions[o], f.when))
        return sorted(self._likeliest(f, shared))

    def _in_window(self, occasion: Group, when: date | None) -> bool:
        """Return whether an article of date ``when`` may join the occasion or its story."""
        opts = self.options
        if occasion.days_from(when) <= opts.occasion_days:
            return True
        assert occasion.story is not None
        return self._stories[occasion.story].days_from(when) <= opts.story_days

    def _likeliest(self, f: ArticleFeatures, shared: Mapping[str, float]) -> list[str]:
        """Return the CANDIDATE_CAP occasions of ``shared`` in the time window, likeliest first.

        The estimate is the mean embedding cosine with the occasion's members plus the weight
        of the article's actors it names; ties go by id, so the choice does not depend on the
        order of the postings.
        """
        found = sorted(shared)
        groups = [self._occasions[o] for o in found]
        totals = np.stack([g.total for g in groups])
        sizes = np.array([len(g.members) for g in groups], dtype=np.float64)
        cheap = (totals @ f.vector) / sizes + np.array([shared[o] for o in found])
        kept: list[str] = []
        # A stable sort of ids already in order: equal estimates stay in id order.
        for i in np.argsort(-cheap, kind="stable").tolist():
            if self._in_window(groups[i], f.when):
                kept.append(found[i])
                if len(kept) == CANDIDATE_CAP:
                    break
        return kept

    def _index(self, f: ArticleFeatures, occasion: str) -> None:
        self._occasion_of[f.id] = occasion
        for entity in self._blocking_actors(f):
            posting = self._postings[entity]
            if occasion not in posting[-POSTING_CAP:]:
                posting.append(occasion)
                del posting[:-POSTING_CAP]
        for key in self._keys(f.vector):
            bucket = self._buckets[key]
            bucket.append(f.id)
            del bucket[:-BUCKET_CAP]
        self._articles += 1
        self._df.update(f.terms.keys())
        self._df.update(f.actors.keys() | f.places)

    # -- scoring -----------------------------------------------------------

    def _idf(self, key: str) -> float:
        """Return the smoothed inverse document frequency of a term, actor or place, as of now."""
        return math.log((self._articles + 2) / (self._df.get(key, 0) + 1)) + 1.0

    def profile(self, f: ArticleFeatures) -> Profile:
        """Return the article's unit vectors, weighted by document frequencies as of now."""
        actors = {e: w * self._idf(e) for e, w in f.actors.items()}
        return Profile(
            f.id, f.when, f.vector,
            terms=unit({t: w * self._idf(t) for t, w in f.terms.items()}),
            people=unit({e: w for e, w in actors.items() if e in f.people}),
            places=unit({e: self._idf(e) for e in f.places}),
            actors=unit(actors),
            years=unit(f.years),
            dated=1.0 if f.years else 0.0,
            protagonists={f.protagonist: 1.0} if f.protagonist else {},
            cast=1.0 if f.protagonist else 0.0,
        )  # fmt: skip

    def _similarity(self, a: Profile | Group, b: Group, pairs: int, story: bool) -> float:
        """Return the weighted similarity of two sums of unit vectors, averaged over pairs."""
        self.comparisons += 1
        total = a.total if isinstance(a, Group) else a.vector
        we, wt, wp, wl = WEIGHTS
        years = dot(a.years, b.years)
        # Summed over pairs of dated members, 1 - (year agreement) is the disagreement: the
        # pairs with an undated side say nothing either way.
        conflict = a.dated * b.dated - years
        # Likewise pairs of reports that both have a protagonist agree (same one) or conflict.
        same = dot(a.protagonists, b.protagonists)
        other = a.cast * b.cast - same
        occasion = (
            we * float(total @ b.total) + wt * dot(a.terms, b.terms)
            + wp * dot(a.people, b.people) + wl * dot(a.places, b.places)
            + YEAR_WEIGHT * years - YEAR_CONFLICT * conflict
            + PROTAGONIST_WEIGHT * same - PROTAGONIST_CONFLICT * other
        ) / pairs  # fmt: skip
        if not story:
            return occasion
        actors = dot(a.actors, b.actors) / pairs
        return STORY_ACTOR_WEIGHT * actors + (1.0 - STORY_ACTOR_WEIGHT) * occasion

    def score(self, p: Profile, group: Group, story: bool = False) -> float:
        """Return the average similarity of an article to a group's members."""
        return self._similarity(p, group, len(group.members), story)

    def link(self, a: Group, b: Group, story: bool = False) -> float:
        """Return the average similarity between the members of two groups."""
        return self._similarity(a, b, len(a.members) * len(b.members), story)

    # -- adding ------------------------------------------------------------

    def add(self, f: ArticleFeatures) -> Assignment:
        """Return where ``f`` goes, after adding it to the index."""
        opts = self.options
        p = self.profile(f)
        occasion_scores: dict[str, float] = {}
        story_scores: dict[str, float] = {}
        for occasion_id in self.candidates(f):
            occasion = self._occasions[occasion_id]
            story = self.story_of(occasion_id)
            if story not in story_scores and (
                self._stories[story].days_from(f.when) <= opts.story_days
            ):
                story_scores[story] = self.score(p, self._stories[story], story=True)
            if occasion.days_from(f.when) <= opts.occasion_days:
                occasion_scores[occasion_id] = self.score(p, occasion)
        renamed: dict[str, str] = {}
        ranked = _ranked(occasion_scores)
        fits = [(s, o) for s, o in ranked if s >= self._join_bar(self._occasions[o])]
        if fits:
            top, occasion_id = fits[0]
            self._place(p, f, self.story_of(occasion_id), occasion_id)
            others = [o for _, o in ranked if o != occasion_id]
            occasion_id = self._merge_occasions(occasion_id, others, renamed)
            # The stories the report fits come together as well: a report that links two
            # stories (the rescue and the inquiry) shows them to be one affair.
            fitting = [
                self._current(k) for s, k in _ranked(story_scores) if s >= opts.story_threshold
            ]
            self._merge_stories(self.story_of(occasion_id), fitting, renamed)
            return Assignment(
                self.story_of(occasion_id), occasion_id, top, new_story=False,
                renamed=tuple(sorted(renamed.items())),
            )  # fmt: skip
        ranked = [(s, k) for s, k in _ranked(story_scores) if s >= opts.story_threshold]
        if ranked:
            top, story = ranked[0]
            occasion_id = self._new_occasion(f, story)
            self._place(p, f, story, occasion_id)
            story = self._merge_stories(story, [s for _, s in ranked[1:]], renamed)
            return Assignment(
                story, occasion_id, top, new_story=False, new_occasion=True,
                renamed=tuple(sorted(renamed.items())),
            )  # fmt: skip
        story = content_id(f.id, prefix="st")
        self._stories[story] = self._new_group(story)
        occasion_id = self._new_occasion(f, story)
        self._place(p, f, story, occasion_id)
        best = max(story_scores.values(), default=0.0)
        return Assignment(story, occasion_id, best, new_story=True, new_occasion=True)

    def restore(self, f: ArticleFeatures, story: str, occasion: str) -> None:
        """Put ``f`` where a stored assignment says it belongs, without scoring it.

        Ids merged away since the assignment was stored are followed to the surviving group.
        """
        occasion = self._current(occasion)
        story = self.story_of(occasion) if occasion in self._occasions else self._current(story)
        if story not in self._stories:
            self._stories[story] = self._new_group(story)
        if occasion not in self._occasions:
            self._occasions[occasion] = self._new_group(occasion, story)
            self._stories[story].parts.add(occasion)
        self._place(self.profile(f), f, story, occasion)

    def _new_occasion(self, f: ArticleFeatures, story: str) -> str:
        occasion_id = content_id(f.id, prefix="oc")
        self._occasions[occasion_id] = self._new_group(occasion_id, story)
        self._stories[story].parts.add(occasion_id)
        return occasion_id

    def _new_group(self, group_id: str, story: str | None = None) -> Group:
        self._born.setdefault(group_id, len(self._born))
        return Group(group_id, self.dimensions, story)

    def _older(self, a: Group, b: Group) -> bool:
        return (self._born[a.id], a.id) < (self._born[b.id], b.id)

    def _place(self, p: Profile, f: ArticleFeatures, story: str, occasion: str) -> None:
        self._stories[story].add(p)
        self._occasions[occasion].add(p)
        self._index(f, occasion)

    def _merge_occasions(self, keep: str, others: Sequence[str], renamed: dict[str, str]) -> str:
        """Merge into ``keep`` each other occasion that fits it; return the surviving id."""
        for other in others:
            a, b = self._occasions[keep], self._occasions[other]
            if a.days_from(b.first, b.last) > self.options.occasion_days:
                continue
            if self.link(a, b) < self._merge_bar(a, b):
                continue
            # The older group keeps its id, so ids stay stable as later articles arrive.
            if self._older(b, a):
                a, b = b, a
            story_a, story_b = self.story_of(a.id), self.story_of(b.id)
            if story_a != story_b:
                self._absorb_story(story_a, story_b, renamed)
            self._stories[self.story_of(a.id)].parts.discard(b.id)
            a.absorb(b)
            for article in b.members:
                self._occasion_of[article] = a.id
            self._renamed[b.id] = renamed[b.id] = a.id
            del self._occasions[b.id]
            keep = a.id
        return keep

    def _join_bar(self, occasion: Group) -> float:
        """Return the score an arrival needs to join an occasion (see ABSORB_SIZE)."""
        if len(occasion.members) >= ABSORB_SIZE:
            return self.options.large_threshold
        return self.options.occasion_threshold

    def _merge_bar(self, a: Group, b: Group) -> float:
        """Return the average similarity two occasions need to merge (see ABSORB_SIZE)."""
        small, large = sorted((len(a.members), len(b.members)))
        if small == 1 and large >= ABSORB_SIZE:
            return self.options.absorb_threshold
        return self.options.occasion_threshold

    def _merge_stories(self, keep: str, others: Sequence[str], renamed: dict[str, str]) -> str:
        """Merge into ``keep`` each other story that fits it; return the surviving id."""
        for other in others:
            if other not in self._stories or other == keep:
                continue
            a, b = self._stories[keep], self._stories[other]
            if a.days_from(b.first, b.last) > self.options.story_days:
                continue
            if self.link(a, b, story=True) >= self.options.story_threshold:
                keep = self._absorb_story(keep, other, renamed)
        return keep

    def _absorb_story(self, x: str, y: str, renamed: dict[str, str]) -> str:
        """Join stories ``x`` and ``y`` under the id of the older one; return that id."""
        a, b = self._stories[x], self._stories[y]
        if self._older(b, a):
            a, b = b, a
        a.absorb(b)
        for occasion in b.parts:
            self._occasions[occasion].story = a.id
        self._renamed[b.id] = renamed[b.id] = a.id
        for old, new in renamed.items():
            if new == b.id:
                renamed[old] = a.id
        del self._stories[b.id]
        return a.id

    # -- reading -----------------------------------------------------------

    def stories(self) -> dict[str, list[str]]:
        """Return story id → its article ids in arrival order."""
        return {k: list(g.members) for k, g in self._stories.items()}

    def occasions(self) -> dict[str, list[str]]:
        """Return occasion id → its article ids in arrival order."""
        return {k: list(g.members) for k, g in self._occasions.items()}

    def placement(self, article: str) -> tuple[str, str]:
        """Return ``(story, occasion)`` an indexed article belongs to now."""
        occasion = self._occasion_of[article]
        return self.story_of(occasion), occasion

    def story_of(self, occasion: str) -> str:
        """Return the id of the story an occasion belongs to."""
        story = self._occasions[self._current(occasion)].story
        assert story is not None
        return story

    def central(self, story: str, vectors: Mapping[str, Vector]) -> str:
        """Return the member of a story whose embedding lies nearest its centroid."""
        group = self._stories[story]
        return max(group.members, key=lambda a: (float(vectors[a] @ group.total), a))


def _ranked(scores: Mapping[str, float]) -> list[tuple[float, str]]:
    """Return ``(score, id)`` pairs, best first (ties by id, for a stable order)."""
    return sorted(((s, k) for k, s in scores.items()), key=lambda x: (-x[0], x[1]))


def arrival_order(items: Iterable[ArticleFeatures]) -> list[ArticleFeatures]:
    """Return features sorted by (publication date, id): undated articles come last."""
    return sorted(items, key=lambda f: (f.published is None, f.published or date.min, f.id))


def index(items: Sequence[ArticleFeatures], options: GroupOptions | None = None) -> StoryIndex:
    """Return a StoryIndex holding ``items``, added in arrival order."""
    built = StoryIndex(options, dimensions=items[0].vector.shape[0] if items else 384)
    for f in arrival_order(items):
        built.add(f)
    return built


def group(docs: Sequence[Doc], settings: Settings | None = None) -> list[Story]:
    """Return the stories of ``docs``, each titled by its most central article."""
    items = features(docs)
    built = index(items, GroupOptions.from_settings(settings))
    vectors = {f.id: f.vector for f in items}
    titles = {f.id: f.title for f in items}
    order = {f.id: i for i, f in enumerate(arrival_order(items))}
    out = [
        Story(
            id=story,
            title=titles[built.central(story, vectors)],
            articles=tuple(sorted(members, key=order.__getitem__)),
        )
        for story, members in built.stories().items()
    ]
    return sorted(out, key=lambda s: s.id)
