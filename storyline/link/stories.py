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
on arrival. The occasion an arrival joins, while small, is then tidied (:meth:`StoryIndex._settle`):
a member that fits another occasion of the story better than its own moves there, and an
occasion whose members fall into two unlike halves (:mod:`storyline.link.halves`) splits, so
that what the first few arrivals got wrong does not stick. Once a story holds two established
happenings, a small occasion beside them (a brief, a passing mention) joins the one it fits
better (:meth:`StoryIndex._place_fragments`): compared, not measured against a fixed bar.

An article is compared only with the groups that blocking proposes
(:mod:`storyline.link.blocking`): the occasions that name one of its main actors or hold an
article in one of its LSH buckets, within the time windows, the likeliest few of them; so each
arrival costs a bounded number of comparisons however large the corpus grows.

Syndicated wire copy is found apart, by :mod:`storyline.link.copies`.
"""

from __future__ import annotations

import math
from collections import Counter, OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from storyline.link import blocking
from storyline.link.blocking import Blocking, likeliest
from storyline.link.features import ArticleFeatures, Vector, features
from storyline.link.groups import Group, Profile, dot, unit
from storyline.link.halves import halves, matrix
from storyline.model import Doc, Story, content_id
from storyline.settings import Settings

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
# An occasion of at most LOCAL_SIZE reports is tidied each time a report joins it: the index keeps
# its members' profiles and their pairwise similarities (at most 120 pairs, each computed once),
# checks whether a member fits one of the SIBLINGS occasions of the story that the arrival scored
# best better than it fits its own (the average over its own occasion's other members), and
# moves it there if so; then, from SPLIT_SIZE reports, splits the occasion in two when its
# halves, of HALF_SIZE reports or more each, are less alike than the ``split_threshold``. Early
# arrivals decide which reports an occasion starts from; this undoes what an unlucky order
# glued together. Larger occasions are settled: their profiles are dropped, so the memory and
# the work per arrival stay bounded. Tuned on half the ECB+ topics, over shuffled arrival orders.
LOCAL_SIZE = 16
# Only the LOCAL_OCCASIONS small occasions joined most recently keep their profiles: an occasion
# no report has joined for weeks (about that many occasions later in a dense feed of 300
# articles a day) is settled too, so the profiles kept do not grow with the corpus.
LOCAL_OCCASIONS = 2048
SIBLINGS = 2
# A member whose average similarity with the rest of its occasion reaches SETTLED_FIT, well above
# the join bars, plainly belongs there: it is not scored against the siblings (a third fewer
# comparisons for tidying, no change on the tuning topics).
SETTLED_FIT = 0.35
SPLIT_SIZE = 4
HALF_SIZE = 2
# Once a story holds two happenings of FRAGMENT_HOME reports or more, a report that started an
# occasion of at most FRAGMENT_SIZE reports beside them (a one-paragraph brief, a blog post that
# names the happening in passing) is placed by comparison: it joins the one it fits better, when
# it fits it at ``fragment_threshold`` at least. An absolute bar cannot place such reports: they
# score as low with their own happening as a first report of a new one does with an old one.
# With one established happening there is nothing to compare, and a new one is left to grow.
# Tuned on half the ECB+ topics, over shuffled arrival orders.
FRAGMENT_SIZE = 3
FRAGMENT_HOME = 4


@dataclass(frozen=True)
class Assignment:
    """Where one article went: story, occasion, the winning score, and what changed.

    ``renamed`` lists ``(old id, new id)`` for stories and occasions merged away while
    placing the article: rows stored under an old id now belong to the new one. ``moved``
    lists the other articles that changed occasion (within their story) while the occasion the
    article joined was tidied: see :meth:`StoryIndex.placement` for where each is now.
    """

    story: str
    occasion: str
    score: float
    new_story: bool
    new_occasion: bool = False
    renamed: tuple[tuple[str, str], ...] = ()
    moved: tuple[str, ...] = ()


@dataclass(frozen=True)
class GroupOptions:
    """The thresholds and time windows of grouping, read from the settings table."""

    story_threshold: float = 0.15
    occasion_threshold: float = 0.2625
    large_threshold: float = 0.25
    absorb_threshold: float = 0.2
    split_threshold: float = 0.2
    fragment_threshold: float = 0.125
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
            split_threshold=float(s["occasion_split_threshold"]),
            fragment_threshold=float(s["occasion_fragment_threshold"]),
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
        self._blocking = Blocking(dimensions)
        self._df: Counter[str] = Counter()  # articles naming each term, actor and place
        # The profiles of the members of small occasions, and each small occasion's pairwise
        # member similarities keyed by sorted article ids (see LOCAL_SIZE).
        self._profiles: dict[str, Profile] = {}
        self._pairs: dict[str, dict[tuple[str, str], float]] = {}
        self._recent: OrderedDict[str, None] = OrderedDict()  # small occasions, last joined last
        self._articles = 0

    # -- blocking (see storyline.link.blocking) -----------------------------

    def _current(self, group: str) -> str:
        """Return the id a story or an occasion goes by now, following merges."""
        while group in self._renamed:
            group = self._renamed[group]
        return group

    def candidates(self, f: ArticleFeatures) -> list[str]:
        """Return the ids of the occasions blocking proposes for ``f``, sorted.

        An occasion is proposed when it shares one of the article's main actors or an LSH
        bucket with it, and lies within the time windows of ``f``'s date (it, or its story,
        could still be joined); of those, only the
        :data:`~storyline.link.blocking.CANDIDATE_CAP` likeliest are kept.
        """
        shared = self._blocking.proposed(f, self._current, self._occasion_of)
        if len(shared) <= blocking.CANDIDATE_CAP:
            return sorted(o for o in shared if self._in_window(self._occasions[o], f.when))
        return sorted(likeliest(f, shared, self._occasions, lambda g: self._in_window(g, f.when)))

    def _in_window(self, occasion: Group, when: date | None) -> bool:
        """Return whether an article of date ``when`` may join the occasion or its story."""
        opts = self.options
        if occasion.days_from(when) <= opts.occasion_days:
            return True
        assert occasion.story is not None
        return self._stories[occasion.story].days_from(when) <= opts.story_days

    def _index(self, f: ArticleFeatures, occasion: str) -> None:
        self._occasion_of[f.id] = occasion
        self._blocking.add(f, occasion)
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

    def _similarity(self, a: Profile | Group, b: Profile | Group, pairs: int, story: bool) -> float:
        """Return the weighted similarity of two sums of unit vectors, averaged over pairs."""
        self.comparisons += 1
        total = a.total if isinstance(a, Group) else a.vector
        other = b.total if isinstance(b, Group) else b.vector
        we, wt, wp, wl = WEIGHTS
        years = dot(a.years, b.years)
        # Summed over pairs of dated members, 1 - (year agreement) is the disagreement: the
        # pairs with an undated side say nothing either way.
        conflict = a.dated * b.dated - years
        # Likewise pairs of reports that both have a protagonist agree (same one) or conflict.
        same = dot(a.protagonists, b.protagonists)
        differ = a.cast * b.cast - same
        occasion = (
            we * float(total @ other) + wt * dot(a.terms, b.terms)
            + wp * dot(a.people, b.people) + wl * dot(a.places, b.places)
            + YEAR_WEIGHT * years - YEAR_CONFLICT * conflict
            + PROTAGONIST_WEIGHT * same - PROTAGONIST_CONFLICT * differ
        ) / pairs  # fmt: skip
        if not story:
            return occasion
        actors = dot(a.actors, b.actors) / pairs
        return STORY_ACTOR_WEIGHT * actors + (1.0 - STORY_ACTOR_WEIGHT) * occasion

    def score(self, p: Profile, group: Group, story: bool = False) -> float:
        """Return the average similarity of an article to a group's members."""
        return self._similarity(p, group, len(group.members), story)

    def pair(self, a: ArticleFeatures, b: ArticleFeatures) -> float:
        """Return the occasion similarity of two articles, weighted by frequencies as of now."""
        return self._similarity(self.profile(a), self.profile(b), 1, story=False)

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
            moved = self._settle(occasion_id, [self._current(o) for o in others])
            self._place_fragments([occasion_id, *others], renamed)
            story, occasion_id = self.placement(f.id)
            return Assignment(
                story, occasion_id, top, new_story=False,
                renamed=tuple(sorted(renamed.items())),
                moved=tuple(sorted(a for a in moved if a != f.id)),
            )  # fmt: skip
        ranked = [(s, k) for s, k in _ranked(story_scores) if s >= opts.story_threshold]
        if ranked:
            top, story = ranked[0]
            started = self._new_occasion(f, story)
            self._place(p, f, story, started)
            self._merge_stories(story, [s for _, s in ranked[1:]], renamed)
            self._place_fragments([started, *occasion_scores], renamed)
            story, occasion_id = self.placement(f.id)
            return Assignment(
                story, occasion_id, top, new_story=False, new_occasion=occasion_id == started,
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
        self._profiles[p.id] = p
        self._keep_local(occasion)

    def _merge_occasions(self, keep: str, others: Sequence[str], renamed: dict[str, str]) -> str:
        """Merge into ``keep`` each other occasion that fits it; return the surviving id."""
        for other in others:
            a, b = self._occasions[keep], self._occasions[other]
            if a.days_from(b.first, b.last) > self.options.occasion_days:
                continue
            if self.link(a, b) < self._merge_bar(a, b):
                continue
            keep = self._fold(a, b, renamed)
        return keep

    def _fold(self, a: Group, b: Group, renamed: dict[str, str]) -> str:
        """Merge two occasions (and their stories); return the id of the one that remains."""
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
        self._recent.pop(b.id, None)
        self._pairs.setdefault(a.id, {}).update(self._pairs.pop(b.id, {}))
        self._keep_local(a.id)
        return a.id

    def _place_fragments(self, scored: Iterable[str], renamed: dict[str, str]) -> None:
        """Fold small occasions into the better of two established ones (see FRAGMENT_SIZE).

        ``scored`` are the occasions an arrival was compared with, and its own first: only
        those, within the arrival's story, are looked at, so the work per arrival stays bounded.
        """
        near = list(dict.fromkeys(self._current(o) for o in scored))
        story = self.story_of(near[0])
        near = [o for o in near if self.story_of(o) == story]
        for small in near:
            fragment = self._occasions.get(small)  # None once folded into another
            if fragment is None or len(fragment.members) > FRAGMENT_SIZE:
                continue
            homes = {self._current(o) for o in near} - {small}
            fits = sorted(
                (self.link(fragment, self._occasions[h]), h)
                for h in homes
                if len(self._occasions[h].members) >= FRAGMENT_HOME
            )
            if len(fits) < 2:
                continue
            (second, _), (best, home) = fits[-2:]
            if best >= self.options.fragment_threshold and best > second:
                self._fold(self._occasions[home], fragment, renamed)

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

    # -- tidying small occasions ----------------------------------------------

    def _keep_local(self, occasion: str) -> None:
        """Note that a report joined an occasion; settle it, or the stalest, when due.

        An occasion grown past LOCAL_SIZE is settled at once; a small one joins the recent
        ones, and the least recently joined of those is settled past LOCAL_OCCASIONS.
        """
        if len(self._occasions[occasion].members) > LOCAL_SIZE:
            self._forget(occasion)
            return
        self._recent[occasion] = None
        self._recent.move_to_end(occasion)
        while len(self._recent) > LOCAL_OCCASIONS:
            self._forget(next(iter(self._recent)))

    def _forget(self, occasion: str) -> None:
        """Drop an occasion's profiles and pairs: it is settled, and no longer tidied."""
        self._recent.pop(occasion, None)
        self._pairs.pop(occasion, None)
        if occasion in self._occasions:
            for article in self._occasions[occasion].members:
                self._profiles.pop(article, None)

    def _tidy(self, occasion: str, smallest: int) -> bool:
        """Return whether an occasion is to be tidied: not settled, of a size in bounds."""
        members = self._occasions[occasion].members
        if not smallest <= len(members) <= LOCAL_SIZE:
            return False
        return all(m in self._profiles for m in members)

    def _local(self, occasion: str) -> tuple[list[str], np.ndarray]:
        """Return a small occasion's members and their pairwise similarity matrix.

        Pairs are computed once each (a profile does not change once added) and kept while
        both members stay in the occasion.
        """
        members = list(self._occasions[occasion].members)
        known = self._pairs.get(occasion, {})
        pairs: dict[tuple[str, str], float] = {}
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                key = (a, b) if a < b else (b, a)
                if key not in known:
                    known[key] = self._similarity(self._profiles[a], self._profiles[b], 1, False)
                pairs[key] = known[key]
        self._pairs[occasion] = pairs
        return members, matrix(members, pairs)

    def _settle(self, occasion: str, scored: Sequence[str]) -> list[str]:
        """Tidy a small occasion a report just joined; return the articles that moved.

        ``scored`` lists the occasions the arrival was scored against, best first: the
        story's SIBLINGS best among them are where a member may move (see LOCAL_SIZE).
        """
        if not self._tidy(occasion, 2):
            return []
        story = self.story_of(occasion)
        siblings = [
            o for o in dict.fromkeys(scored)  # merged ids follow to one survivor: once each
            if o != occasion and o in self._occasions and self.story_of(o) == story
        ]  # fmt: skip
        moved = self._rehome(occasion, siblings[:SIBLINGS])
        return moved + self._split(occasion)

    def _rehome(self, occasion: str, siblings: Sequence[str]) -> list[str]:
        """Move each member that fits a sibling occasion better than its own; return them."""
        if not siblings:
            return []
        members, sims = self._local(occasion)
        staying = list(range(len(members)))
        moved: list[str] = []
        for i, article in enumerate(members):
            if len(staying) < 2:
                break  # the last member keeps the occasion
            own = sum(sims[i, j] for j in staying if j != i) / (len(staying) - 1)
            if own >= SETTLED_FIT:
                continue
            p = self._profiles[article]
            best, target = max((self.score(p, self._occasions[s]), s) for s in siblings)
            # The sibling must take the member as it would an arrival, and fit it better.
            if best >= self._join_bar(self._occasions[target]) and best > own:
                self._move(article, occasion, target)
                staying.remove(i)
                moved.append(article)
        return moved

    def _split(self, occasion: str) -> list[str]:
        """Split an occasion whose two halves are unlike; return the articles split off."""
        if not self._tidy(occasion, SPLIT_SIZE):
            return []
        members, sims = self._local(occasion)
        parts = halves(sims)
        if parts.link >= self.options.split_threshold:
            return []
        if min(len(parts.first), len(parts.second)) < HALF_SIZE:
            return []
        # The half holding the oldest member keeps the id; the other gets one made from the
        # occasion and its own members, salted past any id in use or merged away before.
        leaving = [members[i] for i in parts.second]
        new_id, salt = content_id(occasion, *leaving, prefix="oc"), 0
        while new_id in self._occasions or new_id in self._renamed:
            salt += 1
            new_id = content_id(occasion, *leaving, str(salt), prefix="oc")
        story = self.story_of(occasion)
        self._occasions[new_id] = self._new_group(new_id, story)
        self._stories[story].parts.add(new_id)
        for article in leaving:
            self._move(article, occasion, new_id)
        return leaving

    def _move(self, article: str, source: str, target: str) -> None:
        """Move one article from an occasion to another of the same story."""
        p = self._profiles[article]
        self._occasions[source].remove(p)
        self._occasions[target].add(p)
        self._occasion_of[article] = target
        self._keep_local(target)

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
