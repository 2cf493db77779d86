"""Incremental linking when an arrival merges groups stored by an earlier run."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from link.handmade import feature, make, unit
from storyline.link import corpus
from storyline.link.corpus import link_corpus
from storyline.link.features import ArticleFeatures
from storyline.model import Doc
from storyline.store import Store

# Two reports with no actor and few words in common start two stories; the third names both
# sides, fits both, and merges them (stories and occasions) under the older ids.
FEATURES = {
    f.id: f
    for f in (
        feature("left", unit(1, 0.6), {"e-holvik": 0.6, "e-nordvale": 0.4},
                "dam gate failed spillway", 0),
        feature("right", unit(1, -0.6), {"e-sarn": 0.6, "e-relief": 0.4},
                "flood towns evacuated shelters", 1),
        feature("bridge", unit(1, 0),
                {"e-holvik": 0.3, "e-nordvale": 0.2, "e-sarn": 0.3, "e-relief": 0.2},
                "dam gate failed spillway flood towns evacuated shelters", 2),
        feature("regatta", -unit(1, 0), {"e-port-alda": 1.0}, "rowing regatta cup crew", 3),
    )
}  # fmt: skip


def doc(aid: str) -> Doc:
    return make(aid, f"Report {aid} on the day.", FEATURES[aid].published, [], source=aid)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    def hand_built(docs: Sequence[Doc]) -> list[ArticleFeatures]:
        return [FEATURES[d.article.id] for d in docs]

    monkeypatch.setattr(corpus, "features", hand_built)
    return Store(tmp_path / "s.db")


def groups(store: Store) -> tuple[set[str], set[str]]:
    rows = [x for x in store.links() if x.article in {"left", "right", "bridge"}]
    return {x.story for x in rows}, {x.occasion for x in rows}


def test_a_merge_by_a_later_arrival_is_stored_and_survives_the_next_run(store: Store):
    store.save([doc("left"), doc("right")])
    first = link_corpus(store)
    assert first.new_stories == 2 and len(store.stories()) == 2
    stories, occasions = groups(store)
    assert len(stories) == 2 and len(occasions) == 2

    store.save([doc("bridge")])
    link_corpus(store)
    stories, occasions = groups(store)
    assert len(stories) == 1 and len(occasions) == 1
    (merged,) = store.stories()  # the story merged away is gone; the survivor was rebuilt
    assert merged.id in stories and set(merged.articles) == {"left", "right", "bridge"}

    store.save([doc("regatta")])  # the third run restores the index from the store
    link_corpus(store)
    assert groups(store) == (stories, occasions)
    kept = next(s for s in store.stories() if s.id in stories)
    assert set(kept.articles) == {"left", "right", "bridge"}
