"""Grouping articles into stories and occasions, incrementally; syndicated copies."""

from __future__ import annotations

import json
import math
import random
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from link.handmade import DIM, START, feature, unit
from storyline.analyze import analyze
from storyline.link import stories
from storyline.link.copies import copies
from storyline.link.features import ArticleFeatures
from storyline.link.stories import GroupOptions, StoryIndex, arrival_order, index
from storyline.model import Article, Doc
from storyline.settings import Settings
from storyline.store import Store

from conftest import EXAMPLES

DAM = unit(1, 0.2)
DAM_ACTORS = {"e-holvik": 0.5, "e-nordvale": 0.3, "e-veldmark": 0.2}
DAM_WORDS = "dam gate spillway flood sarn valley displaced holvik"


def dam(aid: str, day: int = 0, extra: str = "") -> ArticleFeatures:
    return feature(aid, DAM, DAM_ACTORS, f"{DAM_WORDS} {extra}", day, places=("e-veldmark",))


def regatta(aid: str, day: int = 0) -> ArticleFeatures:
    # The opposite embedding never shares an LSH bucket with the dam's; no actor in common.
    return feature(aid, -DAM, {"e-port-alda": 0.6, "e-ostral-cup": 0.4},
                   "rowing regatta club cup river seconds crew", day)  # fmt: skip


def partition(built: StoryIndex, level: str = "stories") -> set[frozenset[str]]:
    groups = built.stories() if level == "stories" else built.occasions()
    return {frozenset(members) for members in groups.values()}


def test_a_report_of_the_same_happening_joins_its_occasion():
    built = StoryIndex(dimensions=DIM)
    first = built.add(dam("a1"))
    second = built.add(dam("a2", day=1, extra="inquiry"))
    assert first.new_story and first.new_occasion
    assert not second.new_story and not second.new_occasion
    assert (second.story, second.occasion) == (first.story, first.occasion)
    assert second.score >= GroupOptions().occasion_threshold
    assert built.stories() == {first.story: ["a1", "a2"]}


def test_an_unrelated_article_starts_a_story_without_being_compared_with_the_others():
    built = StoryIndex(dimensions=DIM)
    for i in range(5):
        built.add(dam(f"a{i}", day=i))
    before = built.comparisons
    assignment = built.add(regatta("r1", day=3))
    assert assignment.new_story and assignment.score == 0.0
    assert built.comparisons == before  # blocking proposed no candidate at all
    assert partition(built) == {frozenset({"a0", "a1", "a2", "a3", "a4"}), frozenset({"r1"})}


def test_blocking_keeps_the_work_per_arrival_bounded_as_unrelated_stories_pile_up():
    built = StoryIndex(dimensions=DIM)
    rng = np.random.default_rng(7)
    for i in range(200):  # 200 unrelated one-article stories, each with its own actor
        vector = rng.standard_normal(DIM).astype(np.float32)
        built.add(feature(f"x{i}", vector / np.linalg.norm(vector), {f"e{i}": 1.0}, f"w{i}"))
    before = built.comparisons
    built.add(dam("a1"))
    # An arrival is scored against the groups sharing an actor or an LSH bucket, not all 200.
    assert built.comparisons - before < 60


def test_a_later_happening_with_the_same_protagonists_is_a_new_occasion_of_the_story():
    built = StoryIndex(dimensions=DIM)
    flood = built.add(dam("flood"))
    built.add(dam("flood-2", day=1))
    # Five months later: the same dam, operator and country, another happening.
    report = built.add(dam("inquiry-report", day=150, extra="report findings repairs"))
    assert report.story == flood.story and not report.new_story
    assert report.new_occasion and report.occasion != flood.occasion
    assert partition(built, "occasions") == {
        frozenset({"flood", "flood-2"}),
        frozenset({"inquiry-report"}),
    }


def test_the_same_kind_of_happening_with_other_protagonists_is_another_story():
    built = StoryIndex(dimensions=DIM)
    kind = "arrested suspicion drunk driving"
    jackson = "jackson chargers receiver pittsburgh playoff steelers patrol"
    actors = {"e-jackson": 0.7, "e-chargers": 0.3}
    first = built.add(feature("j1", unit(1, 0.3), actors, f"{kind} {jackson}",
                              people=("e-jackson",)))  # fmt: skip
    built.add(feature("j2", unit(1, 0.4), actors, f"{kind} {jackson} bail", day=1,
                      people=("e-jackson",)))  # fmt: skip
    williams = "williams lineman giants court charges december sunday"
    other = built.add(feature("w1", unit(1, 0, 0.9), {"e-williams": 0.9, "e-giants": 0.1},
                              f"{kind} {williams}", day=30, people=("e-williams",)))  # fmt: skip
    assert other.new_story and other.story != first.story


def dated(aid: str, vector: np.ndarray, words: str, years: dict[str, float]) -> ArticleFeatures:
    """Return undated-by-publication features whose text names ``years`` (as ECB+ reports)."""
    return ArticleFeatures(
        id=aid, published=None, vector=vector, actors={"e-harbor": 1.0}, places=frozenset(),
        title=aid, terms={w: 1.0 for w in words.split()}, years=years,
    )  # fmt: skip


FIRE = "fire warehouse blaze firefighters harbor district"
# Another report of a warehouse fire by the same harbor: half its words are the first one's.
LATER = "fire warehouse roof crews mill town river"


@pytest.mark.parametrize(
    ("years", "joins"), [({"2008": 2.0}, True), ({}, False), ({"2013": 3.0}, False)]
)
def test_a_borderline_report_joins_an_occasion_of_its_year_and_not_of_another(years, joins):
    built = StoryIndex(dimensions=DIM)
    first = built.add(dated("first", unit(1, 0.2), FIRE, {"2008": 3.0}))
    second = built.add(dated("second", unit(1, 1.5), LATER, years))
    assert second.story == first.story
    assert (second.occasion == first.occasion) is joins


def test_a_year_conflict_counts_only_between_dated_reports():
    built = StoryIndex(dimensions=DIM)
    built.add(dated("a", unit(1, 0.2), FIRE, {"2008": 3.0}))
    built.add(dated("b", unit(1, 0.2), FIRE, {}))
    ((occasion, members),) = built.occasions().items()
    assert members == ["a", "b"]
    group = built._occasions[occasion]
    assert group.dated == 1.0  # the undated report neither agrees nor disagrees
    probe = built.profile(dated("p", unit(1, 0.2), FIRE, {"2013": 1.0}))
    undated = built.profile(dated("q", unit(1, 0.2), FIRE, {}))
    # One dated pair disagrees out of two pairs: the penalty is half the YEAR_CONFLICT weight.
    gap = built.score(undated, group) - built.score(probe, group)
    assert gap == pytest.approx(stories.YEAR_CONFLICT / 2)


def arrest(aid: str, vector: np.ndarray, words: str, who: str | None) -> ArticleFeatures:
    """Return features of an undated report on a player's arrest, about ``who`` if anyone."""
    return ArticleFeatures(
        id=aid, published=None, vector=vector, actors={"e-team": 1.0}, places=frozenset(),
        title=aid, terms={w: 1.0 for w in words.split()}, protagonist=who,
    )  # fmt: skip


ARREST = "arrested dui chargers suspicion driving patrol freeway"
# Another DUI arrest of a player of the same team: three words in seven are the first one's.
RELAPSE = "arrested dui chargers lineman sunday breathalyzer attorney"


@pytest.mark.parametrize(("who", "joins"), [("jackson", True), (None, True), ("williams", False)])
def test_a_report_about_another_protagonist_starts_another_occasion_of_the_story(who, joins):
    built = StoryIndex(dimensions=DIM)
    first = built.add(arrest("first", unit(1, 0.2), ARREST, "jackson"))
    second = built.add(arrest("second", unit(1, 1.0), RELAPSE, who))
    assert second.story == first.story  # the team holds the story together
    assert (second.occasion == first.occasion) is joins


def test_protagonists_agree_or_conflict_only_between_reports_that_have_one():
    built = StoryIndex(dimensions=DIM)
    built.add(arrest("a", unit(1, 0.2), ARREST, "jackson"))
    built.add(arrest("b", unit(1, 0.2), ARREST, None))
    ((occasion, members),) = built.occasions().items()
    assert members == ["a", "b"]
    group = built._occasions[occasion]
    assert group.cast == 1.0
    same, nobody, other = (
        built.profile(arrest(aid, unit(1, 0.2), ARREST, who))
        for aid, who in (("p", "jackson"), ("q", None), ("r", "williams"))
    )
    # One of the two pairs has a protagonist on both sides: half of each weight counts.
    assert built.score(same, group) - built.score(nobody, group) == pytest.approx(
        stories.PROTAGONIST_WEIGHT / 2
    )
    assert built.score(nobody, group) - built.score(other, group) == pytest.approx(
        stories.PROTAGONIST_CONFLICT / 2
    )


# A one-sentence brief on the flood: it names the dam's engineer, and its embedding leans its
# way (cosine 0.2 or -0.2 with the full reports), but it shares none of their words.
ENGINEER = {"e-holvik": 1.0}


def brief(aid: str, cosine: float) -> ArticleFeatures:
    vector = unit(cosine, math.sqrt(1.0 - cosine * cosine))
    return feature(aid, vector, ENGINEER, "brief", people=("e-holvik",))


def report(aid: str) -> ArticleFeatures:
    return feature(aid, unit(1), ENGINEER, "flood gate spillway", people=("e-holvik",))


def test_a_lone_report_joins_its_happening_once_that_has_enough_reports():
    built = StoryIndex(dimensions=DIM)
    lone = built.add(brief("brief", cosine=0.2))
    first = built.add(report("r1"))
    # The brief fits the story, not the occasion: its score lies between the two thresholds.
    score = built.score(built.profile(brief("probe", 0.2)), built._occasions[first.occasion])
    assert stories.GroupOptions().absorb_threshold <= score < built.options.occasion_threshold
    assert first.story == lone.story and first.occasion != lone.occasion
    for i in range(2, stories.ABSORB_SIZE):
        assert built.add(report(f"r{i}")).renamed == ()  # too few reports to judge by
    grown = built.add(report(f"r{stories.ABSORB_SIZE}"))
    assert (first.occasion, lone.occasion) in grown.renamed  # the brief's occasion is older
    assert grown.occasion == lone.occasion
    assert len(built.occasions()) == 1


def test_a_lone_report_below_the_absorb_threshold_stays_apart():
    built = StoryIndex(dimensions=DIM)
    lone = built.add(brief("brief", cosine=-0.2))
    for i in range(1, stories.ABSORB_SIZE + 3):
        built.add(report(f"r{i}"))
    assert built.placement("brief")[1] == lone.occasion
    assert len(built.occasions()) == 2


def test_two_occasions_of_several_reports_need_the_occasion_threshold_to_merge():
    built = StoryIndex(dimensions=DIM)
    built.add(brief("b1", cosine=0.2))
    pair = built.add(brief("b2", cosine=0.2))
    for i in range(1, stories.ABSORB_SIZE + 3):
        built.add(report(f"r{i}"))
    assert built.occasions()[pair.occasion] == ["b1", "b2"]
    assert len(built.occasions()) == 2


def test_the_absorb_threshold_is_a_setting():
    strict = Settings().with_overrides({"occasion_absorb_threshold": 0.25})
    built = StoryIndex(GroupOptions.from_settings(strict), dimensions=DIM)
    lone = built.add(brief("brief", cosine=0.2))
    for i in range(1, stories.ABSORB_SIZE + 3):
        built.add(report(f"r{i}"))
    assert built.placement("brief")[1] == lone.occasion


def test_a_report_joins_an_occasion_of_many_reports_at_the_lower_large_threshold():
    built = StoryIndex(dimensions=DIM)
    for i in range(1, stories.ABSORB_SIZE + 1):
        first = built.add(report(f"r{i}"))
    # The brief shares the engineer and leans the reports' way (cosine 0.4), no word.
    score = built.score(built.profile(brief("probe", 0.4)), built._occasions[first.occasion])
    assert built.options.large_threshold <= score < built.options.occasion_threshold
    joined = built.add(brief("brief", cosine=0.4))
    assert not joined.new_occasion
    assert joined.occasion == first.occasion
    assert len(built.occasions()) == 1


def test_an_occasion_of_few_reports_still_needs_the_occasion_threshold():
    built = StoryIndex(dimensions=DIM)
    for i in range(1, stories.ABSORB_SIZE):
        first = built.add(report(f"r{i}"))
    apart = built.add(brief("brief", cosine=0.4))
    assert apart.new_occasion
    assert apart.story == first.story and apart.occasion != first.occasion


def test_a_report_below_the_large_threshold_starts_its_own_occasion():
    built = StoryIndex(dimensions=DIM)
    for i in range(1, stories.ABSORB_SIZE + 1):
        first = built.add(report(f"r{i}"))
    # Cosine 0.3 scores 0.17 * 0.3 + 0.19 (the engineer) = 0.241, under 0.25.
    score = built.score(built.profile(brief("probe", 0.3)), built._occasions[first.occasion])
    assert score < built.options.large_threshold
    assert built.add(brief("brief", cosine=0.3)).new_occasion


def test_the_large_threshold_is_a_setting():
    strict = Settings().with_overrides({"occasion_large_threshold": 0.26})
    built = StoryIndex(GroupOptions.from_settings(strict), dimensions=DIM)
    for i in range(1, stories.ABSORB_SIZE + 1):
        built.add(report(f"r{i}"))
    assert built.add(brief("brief", cosine=0.4)).new_occasion


def inquiry(aid: str) -> ArticleFeatures:
    # The inquiry into the flood: the same engineer, other words, an unlike embedding.
    return feature(aid, unit(0, 1), ENGINEER, "inquiry hearing testimony", people=("e-holvik",))


def passing(aid: str) -> ArticleFeatures:
    # A blog post on the flood: it names the engineer but not as a person, shares no word, and
    # its embedding leans the flood's way (cosine 0.9) more than the inquiry's (about 0.44).
    return feature(aid, unit(0.9, math.sqrt(1 - 0.81)), ENGINEER, "blog")


def test_a_brief_is_placed_by_comparison_once_its_story_holds_two_happenings():
    built = StoryIndex(dimensions=DIM)
    flood, *_ = [built.add(report(f"r{i}")) for i in range(stories.FRAGMENT_HOME)]
    hearing, *_ = [built.add(inquiry(f"i{i}")) for i in range(stories.FRAGMENT_HOME)]
    assert hearing.story == flood.story and hearing.occasion != flood.occasion
    # Too far from either happening to join it, or to be absorbed as a straggler ...
    probe = built.profile(passing("probe"))
    fits = [built.score(probe, built._occasions[o.occasion]) for o in (flood, hearing)]
    assert max(fits) < built.options.absorb_threshold
    # ... but closer to the flood than to the inquiry, and close enough to be compared.
    assert fits[0] >= built.options.fragment_threshold > fits[1]
    placed = built.add(passing("blog"))
    assert placed.occasion == flood.occasion and not placed.new_occasion
    assert partition(built, "occasions") == {
        frozenset({"r0", "r1", "r2", "r3", "blog"}),
        frozenset({"i0", "i1", "i2", "i3"}),
    }


def test_a_brief_beside_a_single_happening_is_left_to_start_its_own():
    built = StoryIndex(dimensions=DIM)
    flood, *_ = [built.add(report(f"r{i}")) for i in range(stories.FRAGMENT_HOME)]
    placed = built.add(passing("blog"))
    assert placed.story == flood.story and placed.new_occasion


def rescue(aid: str, actors: dict[str, float], words: str) -> ArticleFeatures:
    return feature(aid, unit(1, 0, 0.5), actors, words)


def test_a_report_joining_an_occasion_brings_together_the_stories_it_fits():
    built = StoryIndex(dimensions=DIM)
    flood = built.add(feature("flood", unit(1), {"e-holvik": 1.0}, "dam gate flood spillway"))
    inquiry = built.add(feature("inquiry", unit(0, 0, 1), {"e-minister": 1.0}, "inquiry hearing"))
    assert flood.story != inquiry.story
    # The report is of the flood, and names the minister and the inquiry too.
    both = {"e-holvik": 0.5, "e-minister": 0.5}
    bridge = built.profile(rescue("bridge", both, "dam gate flood spillway inquiry"))
    opts = built.options
    assert built.score(bridge, built._occasions[flood.occasion]) >= opts.occasion_threshold
    assert built.score(bridge, built._occasions[inquiry.occasion]) < opts.occasion_threshold
    assert built.score(bridge, built._stories[inquiry.story], story=True) >= opts.story_threshold
    joined = built.add(rescue("bridge", both, "dam gate flood spillway inquiry"))
    assert joined.occasion == flood.occasion and not joined.new_occasion
    assert (inquiry.story, flood.story) in joined.renamed
    assert partition(built) == {frozenset({"flood", "bridge", "inquiry"})}
    assert partition(built, "occasions") == {frozenset({"flood", "bridge"}), frozenset({"inquiry"})}


def test_a_report_joining_an_occasion_leaves_a_story_it_does_not_fit_apart():
    built = StoryIndex(dimensions=DIM)
    flood = built.add(feature("flood", unit(1), {"e-holvik": 1.0}, "dam gate flood spillway"))
    race = built.add(regatta("race"))
    joined = built.add(rescue("bridge", {"e-holvik": 1.0}, "dam gate flood spillway"))
    assert joined.story == flood.story and joined.renamed == ()
    assert built.placement("race")[0] == race.story != flood.story


def test_grouping_does_not_depend_on_the_order_of_the_input():
    items = [dam(f"a{i}", day=i % 3) for i in range(6)] + [regatta(f"r{i}", i) for i in range(4)]
    items.append(dam("late", day=200, extra="report findings"))
    reference = index(items)
    for seed in range(5):
        shuffled = list(items)
        random.Random(seed).shuffle(shuffled)
        again = index(shuffled)
        assert again.stories() == reference.stories()
        assert again.occasions() == reference.occasions()


def test_arrival_order_is_by_publication_date_then_id_with_undated_last():
    items = [dam("b", day=2), dam("c", day=None), dam("a", day=2), dam("z", day=0)]
    assert [f.id for f in arrival_order(items)] == ["z", "a", "b", "c"]


def test_an_index_restored_from_stored_assignments_places_new_articles_alike():
    items = [dam(f"a{i}", day=i) for i in range(4)] + [regatta(f"r{i}", i) for i in range(3)]
    built = StoryIndex(dimensions=DIM)
    placed = {f.id: built.add(f) for f in arrival_order(items)}
    restored = StoryIndex(dimensions=DIM)
    for f in arrival_order(items):
        restored.restore(f, *built.placement(f.id))
    assert restored.stories() == built.stories()
    late = dam("a9", day=5, extra="inquiry")
    assert restored.add(late) == built.add(late)
    assert built.placement("a0") == (placed["a0"].story, placed["a0"].occasion)


def test_two_occasions_bridged_by_a_new_report_merge_under_the_older_id():
    built = StoryIndex(GroupOptions(occasion_threshold=0.4), dimensions=DIM)
    left = feature("left", unit(1, 0.5), {"e-dam": 1.0}, "dam gate failed sarn", 0)
    right = feature("right", unit(1, -0.5), {"e-dam": 1.0}, "dam flood towns sarn", 1)
    first = built.add(left)
    second = built.add(right)
    assert second.occasion != first.occasion
    bridge = built.add(feature("bridge", unit(1, 0), {"e-dam": 1.0},
                               "dam gate failed flood towns sarn", 2))  # fmt: skip
    assert bridge.occasion == first.occasion
    assert (second.occasion, first.occasion) in bridge.renamed
    assert built.placement("right") == (first.story, first.occasion)
    assert partition(built, "occasions") == {frozenset({"left", "right", "bridge"})}


RULING = "ruling court appeal judge"
QUAKE = "quake ridge collapse rubble"
RIDGE = {"e-ridge": 1.0}


def glued() -> list[ArticleFeatures]:
    """Return two happenings of one story whose first two reports are alike enough to join."""
    return [
        feature("quake1", unit(1, 0.5), RIDGE, f"{QUAKE} court"),
        feature("ruling1", unit(0.5, 1), RIDGE, f"{RULING} quake"),
        feature("ruling2", unit(0, 1), RIDGE, RULING),
        feature("quake2", unit(1), RIDGE, QUAKE),
    ]


def test_an_occasion_whose_halves_are_unlike_splits_in_two():
    built = StoryIndex(dimensions=DIM)
    placed = [built.add(f) for f in glued()]
    # Each report joined the one occasion on its average: the glue of the first two carried it.
    assert all(not a.new_occasion for a in placed[1:])
    last = placed[-1]
    assert last.moved == ("ruling1", "ruling2")
    assert last.occasion == placed[0].occasion  # the half of the oldest report keeps the id
    assert partition(built, "occasions") == {
        frozenset({"quake1", "quake2"}), frozenset({"ruling1", "ruling2"}),
    }  # fmt: skip
    assert built.placement("ruling1")[0] == last.story  # still one story
    assert len(built.stories()) == 1


def test_the_split_threshold_is_a_setting():
    never = Settings().with_overrides({"occasion_split_threshold": 0.1})
    built = StoryIndex(GroupOptions.from_settings(never), dimensions=DIM)
    placed = [built.add(f) for f in glued()]
    assert placed[-1].moved == ()
    assert len(built.occasions()) == 1


def test_a_split_occasion_keeps_taking_reports_of_each_half():
    built = StoryIndex(dimensions=DIM)
    placed = [built.add(f) for f in glued()]
    more = built.add(feature("ruling3", unit(0, 1), RIDGE, f"{RULING} verdict"))
    assert more.occasion == built.placement("ruling1")[1] != placed[0].occasion


def test_an_index_restored_after_a_split_places_new_articles_alike():
    built = StoryIndex(dimensions=DIM)
    items = glued()
    for f in items:
        built.add(f)
    restored = StoryIndex(dimensions=DIM)
    for f in items:
        restored.restore(f, *built.placement(f.id))
    assert restored.occasions() == built.occasions()
    late = feature("ruling3", unit(0, 1), RIDGE, f"{RULING} verdict")
    assert restored.add(late) == built.add(late)


def test_a_member_that_fits_another_occasion_of_the_story_better_moves_there():
    built = StoryIndex(dimensions=DIM)
    first = built.add(feature("quake1", unit(1, 0.3), RIDGE, QUAKE))
    # A report naming both happenings joins the quake's occasion while it is the only one.
    both = built.add(feature("both", unit(0.3, 1), RIDGE, "quake ridge court appeal judge"))
    assert both.occasion == first.occasion
    ruling = built.add(feature("ruling1", unit(-1, 0.6), RIDGE, RULING))
    built.add(feature("ruling2", unit(-1, 0.6), RIDGE, f"{RULING} verdict"))
    assert ruling.new_occasion and ruling.story == first.story
    # The next quake report joins; its occasion is tidied, and the report of both, which now
    # fits the ruling's two reports better than the quake's two, moves to the ruling.
    later = built.add(feature("quake2", unit(1, 0.3), RIDGE, f"{QUAKE} aftershock"))
    assert later.occasion == first.occasion
    assert later.moved == ("both",)
    assert built.placement("both") == (first.story, ruling.occasion)
    assert built.occasions()[first.occasion] == ["quake1", "quake2"]


def _quake_both_ruling_quake() -> tuple[StoryIndex, stories.Assignment]:
    """Return the index after a quake, a report of both, two of a ruling, and a second quake."""
    built = StoryIndex(dimensions=DIM)
    built.add(feature("quake1", unit(1, 0.3), RIDGE, QUAKE))
    built.add(feature("both", unit(0.3, 1), RIDGE, "quake ridge court appeal judge"))
    built.add(feature("ruling1", unit(-1, 0.6), RIDGE, RULING))
    built.add(feature("ruling2", unit(-1, 0.6), RIDGE, f"{RULING} verdict"))
    return built, built.add(feature("quake2", unit(1, 0.3), RIDGE, f"{QUAKE} aftershock"))


def test_a_member_that_plainly_fits_its_own_occasion_is_not_moved(monkeypatch):
    # The report of both fits the quake's two reports at about 0.30 on average.
    monkeypatch.setattr(stories, "SETTLED_FIT", 0.25)
    built, later = _quake_both_ruling_quake()
    assert later.moved == ()
    assert built.placement("both")[1] == later.occasion


def test_no_member_moves_without_a_sibling_occasion_to_take_it(monkeypatch):
    monkeypatch.setattr(stories, "SIBLINGS", 0)
    built, later = _quake_both_ruling_quake()
    assert later.moved == ()
    assert built.placement("both")[1] == later.occasion


def test_an_occasion_past_the_local_size_keeps_no_profiles():
    built = StoryIndex(dimensions=DIM)
    for i in range(stories.LOCAL_SIZE):
        placed = built.add(dam(f"a{i}", day=0))
    assert len(built._pairs[placed.occasion]) == stories.LOCAL_SIZE * (stories.LOCAL_SIZE - 1) // 2
    built.add(dam("last", day=0))
    assert placed.occasion not in built._pairs
    assert not built._profiles


def test_an_occasion_no_report_joined_lately_is_settled_and_not_split(monkeypatch):
    monkeypatch.setattr(stories, "LOCAL_OCCASIONS", 1)
    built = StoryIndex(dimensions=DIM)
    *early, last = glued()
    for f in early:
        built.add(f)
    built.add(regatta("race"))  # the most recent occasion now: the glued one is settled
    assert set(built._profiles) == {"race"}
    assert built.add(last).moved == ()
    assert len(built.occasions()) == 2


def make_doc(text: str, published: date = START) -> Doc:
    return Doc(Article(Article.make_id(text), text, published=published))


WIRE = (
    "VELDMARK CITY, March 14 (Harbor Wire) - Floodwater released by a failed spillway gate at "
    "the Holvik Dam has swept through three towns in Veldmark's Sarn valley, forcing about "
    "12,000 people from their homes, the country's civil protection agency said. The gate gave "
    "way on Tuesday after nine days of heavy rain, engineers said, and the reservoir emptied "
    "into the valley overnight while rescue teams moved families to schools and sports halls."
)


def test_near_identical_texts_are_copies_of_one_report():
    wire = make_doc(WIRE)
    republished = make_doc(WIRE.replace("Veldmark's Sarn valley", "the Sarn valley"))
    other = make_doc("Port Alda Rowing Club won the Ostral Cup on the Alda River by 0.8 seconds.")
    rewritten = make_doc(" ".join(reversed(WIRE.split())))  # the same words, another report
    found = copies([other, republished, wire, rewritten])
    assert found == [{wire.article.id, republished.article.id}]


def test_the_copy_threshold_is_a_setting():
    wire = make_doc(WIRE)
    half = make_doc(WIRE[: len(WIRE) // 2])
    assert copies([wire, half]) == []
    loose = Settings().with_overrides({"copy_threshold": 0.4})
    assert copies([wire, half], loose) == [{wire.article.id, half.article.id}]


# -- the bundled examples, through the real pipeline ------------------------------------------

GOLD: dict[str, Any] = json.loads((EXAMPLES / "gold.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def example_docs(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Doc], dict[str, str]]:
    """Analyze the bundled examples into a fresh store; return their docs and gold keys."""
    store = Store(Path(tmp_path_factory.mktemp("stories")) / "x.db")
    analyze([str(EXAMPLES / "articles")], store, Settings())
    prefix = str(EXAMPLES / "articles") + "/"
    rows = list(store.articles(status="analyzed"))
    keys = {r.article.id: (r.article.path or "").removeprefix(prefix) for r in rows}
    return [store.doc(r.article.id) for r in rows], keys


@pytest.mark.slow
def test_the_examples_group_into_the_gold_stories(example_docs):
    docs, keys = example_docs
    found = sorted(sorted(keys[a] for a in s.articles) for s in stories.group(docs))
    expected = sorted(sorted(v) for v in GOLD["stories"].values())
    assert found == sorted([*expected, ["07-newsroom-export.jsonl:3"]])


@pytest.mark.slow
def test_the_examples_story_titles_are_article_headlines(example_docs):
    docs, _ = example_docs
    headlines = {d.article.title for d in docs}
    assert all(s.title in headlines for s in stories.group(docs))


@pytest.mark.slow
def test_the_wire_copy_in_the_examples_is_found(example_docs):
    docs, keys = example_docs
    found = [sorted(keys[a] for a in group) for group in copies(docs)]
    assert found == [sorted(GOLD["wire_copies"][0])]
