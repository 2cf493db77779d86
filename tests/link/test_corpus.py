"""The cross-article run: stored results in, stories out; incremental; the bundled examples."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from storyline.analyze import analyze
from storyline.link.corpus import decode, encode, link_corpus
from storyline.link.features import ArticleFeatures
from storyline.model import Article, Doc, Entity, Mention, Span, Story
from storyline.settings import Settings
from storyline.store import Store

from conftest import EXAMPLES, SHARED

GOLD: dict[str, Any] = json.loads((EXAMPLES / "gold.json").read_text("utf-8"))
SEEDS = {
    "000_ee4595fd27b3d25a.txt": date(2012, 7, 18),
    "001_c532caaccc6c2104.txt": date(2012, 12, 3),
}


def test_features_round_trip_through_their_stored_form():
    f = ArticleFeatures(
        id="a1", published=date(2025, 3, 14), vector=np.arange(4, dtype=np.float32),
        actors={"e1": 0.75, "e2": 0.25}, places=frozenset({"e3"}), title="Dam fails",
        when=date(2025, 3, 11), words=frozenset({"dam", "gate"}),
    )  # fmt: skip
    back = decode(*encode(f)[2:])
    assert back.id == f.id and back.published == f.published and back.when == f.when
    assert np.array_equal(back.vector, f.vector) and back.vector.dtype == np.float32
    assert dict(back.actors) == dict(f.actors) and back.places == f.places
    assert back.words == f.words and back.title == f.title


# -- hand-built articles in a store (the embedding model, no spaCy) ----------------------------


def report(n: int, text: str, published: date, source: str) -> Doc:
    """Return a doc naming the dam's actors, as the per-article stages would leave it."""
    article = Article(Article.make_id(text), text, title=text.split(".")[0], source=source,
                      published=published, published_origin="given")  # fmt: skip
    names = [("Holvik Dam", "FAC"), ("Nordvale Hydro", "ORG"), ("Veldmark", "GPE")]
    entities, mentions = [], []
    for name, label in names:
        entity = Entity(Entity.make_id(name.lower()), name, label, (name,))
        start = text.find(name)
        if start >= 0:
            entities.append(entity)
            mentions.append(Mention(start, start + len(name), entity.id, label))
    return Doc(article, (Span(0, len(text)),), tuple(entities), tuple(mentions))


DAM = (
    "A spillway gate at the Holvik Dam failed, Nordvale Hydro said, flooding towns in Veldmark. "
    "Thousands of people left their homes as the Holvik Dam reservoir emptied."
)
RACE = "Port Alda Rowing Club won the Ostral Cup on the Alda River by 0.8 seconds on Sunday."


@pytest.mark.slow
def test_new_articles_join_existing_stories_without_relinking_the_rest(tmp_path: Path):
    store = Store(tmp_path / "s.db")
    first = report(1, DAM, date(2025, 3, 14), "Harbor Wire")
    race = report(2, RACE, date(2025, 3, 16), "Ostral Daily")
    store.save([first, race])
    done = link_corpus(store)
    assert done.linked == 2 and done.new_stories == 2 and store.pending_links() == []
    before = {x.article: x for x in store.links()}
    later = report(3, DAM.replace("failed", "gave way") + " An inquiry was announced.",
                   date(2025, 3, 15), "Veldmark Courier")  # fmt: skip
    store.save([later])
    assert store.pending_links() == [later.article.id]
    again = link_corpus(store)
    assert again.linked == 1 and again.stories == 1 and again.new_stories == 0
    after = {x.article: x for x in store.links()}
    assert after[first.article.id] == before[first.article.id]
    assert after[later.article.id].story == before[first.article.id].story
    story = store.story(before[first.article.id].story)
    assert story.articles == (first.article.id, later.article.id)
    assert story.sources == 2 and story.first == date(2025, 3, 14)
    assert link_corpus(store).linked == 0  # nothing pending: a no-op


@pytest.mark.slow
def test_a_reanalyzed_article_keeps_its_story_which_is_rebuilt(tmp_path: Path):
    store = Store(tmp_path / "s.db")
    first = report(1, DAM, date(2025, 3, 14), "Harbor Wire")
    store.save([first, report(2, RACE, date(2025, 3, 16), "Ostral Daily")])
    link_corpus(store)
    before = {x.article: x for x in store.links()}
    store.save([dataclasses.replace(first, stages=("entities.v9",))])
    assert store.pending_links() == [first.article.id]
    again = link_corpus(store)
    assert (again.linked, again.stories, again.new_stories) == (1, 1, 0)
    assert {x.article: x for x in store.links()} == before


# -- the bundled examples and the seeds, end to end --------------------------------------------


def gold_key(path: str | None) -> str:
    return (path or "").removeprefix(str(EXAMPLES / "articles") + "/")


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, dict[str, str]]:
    """Analyze and link the bundled examples; return the store and article id → gold key."""
    store = Store(tmp_path_factory.mktemp("examples") / "x.db")
    analyze([str(EXAMPLES / "articles")], store, Settings())
    link_corpus(store)
    keys = {r.article.id: gold_key(r.article.path) for r in store.articles(status="analyzed")}
    return store, keys


def story_of(store: Store, keys: dict[str, str], gold_name: str) -> Story:
    first = GOLD["stories"][gold_name][0]
    return next(s for s in store.stories() if any(keys[a] == first for a in s.articles))


@pytest.mark.slow
def test_examples_are_grouped_as_the_gold_stories(examples):
    store, keys = examples
    found = sorted(sorted(keys[a] for a in s.articles) for s in store.stories())
    expected = sorted(sorted(v) for v in GOLD["stories"].values())
    assert all(group in found for group in expected)
    assert ["07-newsroom-export.jsonl:3"] in found  # the regatta stands alone


@pytest.mark.slow
def test_conflicting_figures_are_reported_as_contradictions(examples):
    store, keys = examples
    for conflict, name in zip(GOLD["conflicting_figures"], GOLD["stories"], strict=True):
        story = story_of(store, keys, name)
        found = [c for c in store.comparisons(story.id)
                 if c.kind == "figure" and c.relation == "contradicts"]  # fmt: skip
        assert found, conflict["about"]
        values = conflict["values"]
        odd = {k for k, v in values.items() if list(values.values()).count(v) == 1}
        flagged = {keys[c.article] for c in found}
        # Every outlet whose figure differs from the first report's is flagged against it.
        assert odd & flagged, (odd, [c.note for c in found])
        first = next(iter(values.values()))
        assert any(first in c.note for c in found)


@pytest.mark.slow
def test_a_wire_copy_counts_as_one_source(examples):
    store, keys = examples
    story = story_of(store, keys, "holvik-dam")
    original, copy = GOLD["wire_copies"][0]
    ids = {keys[a]: a for a in story.articles}
    pair = {ids[original], ids[copy]}
    shared = [t for t in story.timeline if set(t.articles) == pair]
    assert shared and all(t.sources == 1 for t in shared)
    confirms = [c for c in store.comparisons(story.id)
                if c.article == ids[copy] and c.relation == "confirms"]  # fmt: skip
    assert confirms and all("not independent" in c.note for c in confirms)


@pytest.mark.slow
def test_story_titles_and_summaries_come_from_the_articles(examples):
    store, keys = examples
    story = story_of(store, keys, "kestrel-ambrose")
    docs = [store.doc(a) for a in story.articles]
    assert story.title in {d.article.title for d in docs}
    assert story.summary and any(story.summary.split(". ")[0] in d.text for d in docs)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Store:
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip("../shared/seeds is not present beside the repository")
    store = Store(tmp_path_factory.mktemp("seeds") / "s.db")
    for name, published in SEEDS.items():
        analyze([str(folder / name)], store, Settings(), published)
    link_corpus(store)
    return store


@pytest.mark.slow
def test_the_seeds_are_one_story_of_two_occasions(seeds):
    (story,) = seeds.stories()
    assert len(story.articles) == 2 and len(story.occasions) == 2
    assert (story.first, story.last) == tuple(SEEDS.values())


@pytest.mark.slow
def test_the_seeds_timeline_runs_from_the_2010_deal_to_2022_with_late_june_as_an_interval(seeds):
    (story,) = seeds.stories()
    entries = story.timeline
    keys = [(t.start is None, t.start, t.end) for t in entries]
    assert keys == sorted(keys)
    assert "In 2010, Ankara struck a deal" in entries[0].summary and entries[0].background
    assert "completed by 2022" in entries[-1].summary
    late_june = [t for t in entries if "late June" in t.summary and t.type == "FIGHT"]
    assert late_june and (late_june[0].start, late_june[0].end) == (
        date(2012, 6, 21), date(2012, 6, 30))  # fmt: skip
    july = next(t for t in entries if "due today to meet" in t.summary)
    december = next(t for t in entries if "press conference with Erdogan" in t.summary)
    assert july.start == date(2012, 7, 18) and december.start == date(2012, 12, 3)
    assert july.event != december.event
