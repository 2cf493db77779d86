"""Blocking in the story index: which occasions an arrival is scored against, and at what cost."""

from __future__ import annotations

import random

import numpy as np

from link.handmade import DIM, feature, unit
from storyline.link import blocking, groups
from storyline.link.features import ArticleFeatures
from storyline.link.stories import GroupOptions, StoryIndex


def test_an_occasion_whose_story_ended_long_before_the_article_is_not_a_candidate():
    options = GroupOptions(story_days=100, occasion_days=10)
    built = StoryIndex(options, dimensions=DIM)
    built.add(feature("old", unit(1, 0.2), {"e-dam": 1.0}, "dam gate flood", 0))
    recent = built.add(feature("recent", unit(0.2, 1), {"e-port": 1.0}, "rowing cup", 150))
    # The dam's occasion and story ended 200 days before: blocking drops them.
    late = feature("late", unit(1, 0.2), {"e-dam": 1.0, "e-port": 0.1}, "dam gate flood", 200)
    assert built.candidates(late) == [recent.occasion]


def test_an_occasion_out_of_its_window_stays_a_candidate_while_its_story_is_running():
    options = GroupOptions(story_days=100, occasion_days=10)
    built = StoryIndex(options, dimensions=DIM)
    first = built.add(feature("first", unit(1, 0.2), {"e-dam": 1.0}, "dam gate flood", 0))
    # Sixty days on: too late to join the first occasion, not too late for its story.
    later = feature("later", unit(1, 0.2), {"e-dam": 1.0}, "dam inquiry report", 60)
    assert built.candidates(later) == [first.occasion]
    assert built.add(later).story == first.story


def test_an_undated_article_is_not_blocked_by_time():
    options = GroupOptions(story_days=100, occasion_days=10)
    built = StoryIndex(options, dimensions=DIM)
    first = built.add(feature("first", unit(1, 0.2), {"e-dam": 1.0}, "dam gate flood", 0))
    undated = feature("undated", unit(1, 0.2), {"e-dam": 1.0}, "dam gate flood", None)
    assert built.candidates(undated) == [first.occasion]


def crowd(count: int, seed: int) -> list[ArticleFeatures]:
    """Return ``count`` one-article occasions naming one shared actor, each its own words."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(count):
        v = rng.standard_normal(DIM).astype(np.float32)
        out.append(feature(f"c{i:03d}", v / np.linalg.norm(v), {"e-city": 1.0}, f"w{i}", i % 5))
    return out


def test_only_the_likeliest_occasions_are_scored_when_blocking_proposes_many(monkeypatch):
    monkeypatch.setattr(blocking, "CANDIDATE_CAP", 5)
    built = StoryIndex(GroupOptions(occasion_threshold=2.0, story_threshold=2.0), dimensions=DIM)
    for f in crowd(40, seed=3):  # thresholds out of reach: every article is its own occasion
        built.add(f)
    target = unit(1, 1, 1)
    article = feature("new", target, {"e-city": 1.0}, "w7", 4)
    found = built.candidates(article)
    assert len(found) == 5 and found == sorted(found)
    # Every occasion names the actor, so the mean embedding cosine ranks them.
    by_cosine = sorted(
        built.occasions(),
        key=lambda o: -float(built._occasions[o].total @ target),
    )
    assert set(found) == set(by_cosine[:5])


def test_the_capped_candidates_do_not_depend_on_the_order_of_arrival(monkeypatch):
    monkeypatch.setattr(blocking, "CANDIDATE_CAP", 5)
    options = GroupOptions(occasion_threshold=2.0, story_threshold=2.0)
    items = crowd(40, seed=4)
    article = feature("new", unit(1, -1, 0.5), {"e-city": 1.0}, "w3", 4)
    found = []
    for seed in range(3):
        shuffled = list(items)
        random.Random(seed).shuffle(shuffled)
        built = StoryIndex(options, dimensions=DIM)
        for f in shuffled:
            built.add(f)
        # Occasion ids differ with the order; the articles they hold do not.
        found.append(sorted(m for o in built.candidates(article) for m in built.occasions()[o]))
    assert len(found[0]) == 5 and found[0] == found[1] == found[2]


def test_the_dot_product_sums_the_same_products_in_the_same_order():
    rng = random.Random(5)
    for _ in range(200):
        a = {f"k{rng.randrange(60)}": rng.random() for _ in range(rng.randrange(1, 30))}
        b = {f"k{rng.randrange(60)}": rng.random() for _ in range(rng.randrange(1, 30))}
        small, large = (a, b) if len(a) <= len(b) else (b, a)
        expected = sum(w * large.get(k, 0.0) for k, w in small.items())
        assert groups.dot(a, b) == expected  # exactly: scores must not move
    assert groups.dot({}, {"k": 1.0}) == 0.0


def test_an_article_is_proposed_the_occasions_naming_its_main_actors_with_their_weight():
    index = blocking.Blocking(DIM)
    index.add(feature("a", unit(1), {"e-city": 0.7, "e-mayor": 0.3}, "w1"), "oc-a")
    index.add(feature("b", unit(0, 1), {"e-mayor": 1.0}, "w2"), "oc-b")
    # Opposite embedding: no shared LSH bucket, so only the postings propose.
    probe = feature("new", -unit(1, 1), {"e-city": 0.5, "e-mayor": 0.5}, "w3")
    found = index.proposed(probe, current=lambda o: o, occasion_of={"a": "oc-a", "b": "oc-b"})
    assert found == {"oc-a": 1.0, "oc-b": 0.5}
