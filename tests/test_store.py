from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.errors import NotFound, StoreError
from storyline.model import (
    Article,
    Doc,
    Entity,
    Event,
    Mention,
    Quantity,
    Quote,
    Skip,
    Span,
    Story,
    TimeExpr,
    TimelineEntry,
)
from storyline.store import MIGRATIONS, Store

TEXT = 'Putin met Erdogan in Moscow on Tuesday. "We agree," he said. Trade is $35bn.'


def full_doc(text: str = TEXT, published: date | None = date(2012, 7, 18)) -> Doc:
    article = Article(
        id=Article.make_id(text, "T"), text=text, title="T", source="AFP", url="http://x/1",
        published=published, published_origin="given", path="a.txt", language="en",
        dateline_place="Moscow", dateline_agency="AFP", flags=("summary-only",),
        meta={"section": "world"}, raw="RAW " + text,
    )  # fmt: skip
    putin = Entity(Entity.make_id("putin"), "Putin", "PER", ("Putin",))
    return Doc(
        article=article,
        sentences=(Span(0, 38), Span(39, 61)),
        entities=(putin,),
        mentions=(Mention(0, 5, putin.id, "PER"),),
        times=(TimeExpr(31, 38, "DATE", "2012-07-17", date(2012, 7, 17), date(2012, 7, 17)),),
        quotes=(Quote(39, 50, ((40, 48),), "direct", "said", putin.id, "Putin", 51, 53),),
        events=(Event("v1", 6, 9, "met", "CONSULT", putin.id, None, "Moscow", "2012-07-17",
                      date(2012, 7, 17), date(2012, 7, 17), "asserted"),),
        quantities=(Quantity(71, 76, 35e9, "USD", "trade"),),
        stages=("sentences.v1", "entities.v1"),
    )  # fmt: skip


def test_save_then_load_round_trips_every_layer(tmp_path):
    doc = full_doc()
    with Store(tmp_path / "s.db") as store:
        store.save([doc])
        assert store.doc(doc.article.id) == doc
        assert store.raw(doc.article.id) == "RAW " + TEXT


def test_saving_the_same_doc_twice_changes_nothing(tmp_path):
    doc = full_doc()
    with Store(tmp_path / "s.db") as store:
        store.save([doc])
        before = store.counts()
        store.save([doc])
        assert store.counts() == before


def test_reanalysis_replaces_layers_instead_of_adding(tmp_path):
    doc = full_doc()
    with Store(tmp_path / "s.db") as store:
        store.save([doc])
        fewer = Doc(doc.article, sentences=doc.sentences[:1], stages=("sentences.v2",))
        store.save([fewer])
        assert store.doc(doc.article.id).sentences == doc.sentences[:1]
        assert store.counts()["mentions"] == 0
        assert store.stages_of(doc.article.id) == ("sentences.v2",)


def test_a_failed_batch_leaves_the_store_as_it_was(tmp_path):
    good = full_doc()
    with Store(tmp_path / "s.db") as store:
        store.save([good])
        before = store.counts()
        broken = full_doc("Another text that is long enough.")
        broken = Doc(broken.article, sentences=(Span(0, 1), Span(0, 2)))  # duplicate key
        with pytest.raises(sqlite3.IntegrityError):
            store.save([full_doc("A third article text here."), broken])
        assert store.counts() == before


def test_skips_are_recorded_once_and_keep_the_skipped_article(tmp_path):
    article = Article(id="afr", text="Le président a dit bonjour.", language="fr")
    skip = Skip("f.txt", "not-english", "language is fr", article)
    with Store(tmp_path / "s.db") as store:
        store.save([], [skip, skip])
        store.save([], [skip])
        assert store.skips() == [Skip("f.txt", "not-english", "language is fr")]
        rows = list(store.articles(status="skipped"))
        assert [r.article.id for r in rows] == ["afr"]
        assert list(store.articles(status="analyzed")) == []


def test_articles_filter_by_source_and_date(tmp_path):
    docs = [full_doc(f"Text number {i} about things.", date(2012, i, 1)) for i in (1, 5, 9)]
    with Store(tmp_path / "s.db") as store:
        store.save(docs)
        got = list(store.articles(since=date(2012, 2, 1), until=date(2012, 6, 1)))
        assert [r.article.published for r in got] == [date(2012, 5, 1)]
        assert len(list(store.articles(source="afp"))) == 3
        assert list(store.articles(source="Reuters")) == []


def test_stories_replace_and_round_trip(tmp_path):
    entry = TimelineEntry("2012-06", date(2012, 6, 21), date(2012, 6, 30), "v1", ("a",), "Jet down")
    story = Story("s1", "Russia and Turkey", ("a", "b"), ("v1",), (entry,))
    with Store(tmp_path / "s.db") as store:
        store.save_stories([story])
        store.save_stories([story])
        assert store.stories() == [story]


def test_id_prefix_resolution(tmp_path):
    doc = full_doc()
    with Store(tmp_path / "s.db") as store:
        store.save([doc])
        assert store.resolve_id(doc.article.id[:6]) == doc.article.id
        with pytest.raises(NotFound, match="no article"):
            store.resolve_id("zzz")


def test_migrations_are_recorded_and_a_newer_store_is_refused(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.execute(f"PRAGMA user_version={len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this storyline"):
        Store(path)


def test_a_file_that_is_not_sqlite_is_a_clear_error(tmp_path):
    path = tmp_path / "s.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open store"):
        Store(path)


@settings(max_examples=40, deadline=None)
@given(text=st.text(min_size=1, max_size=200), year=st.integers(1900, 2100))
def test_any_article_text_round_trips(tmp_path_factory, text, year):
    doc = Doc(Article(id=Article.make_id(text), text=text, published=date(year, 1, 1)))
    with Store(tmp_path_factory.mktemp("h") / "s.db") as store:
        store.save([doc])
        assert store.doc(doc.article.id) == doc


def _naming(text: str, kind: str) -> Doc:
    """Return a doc that names "Lutha" once, as an entity of type ``kind``."""
    lutha = Entity(Entity.make_id("lutha"), "Lutha", kind)
    article = Article(id=Article.make_id(text, "T"), text=text, published_origin="given")
    return Doc(article, entities=(lutha,), mentions=(Mention(0, 5, lutha.id, kind),))


def test_an_entity_takes_the_type_most_articles_give_it(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.save([_naming("Lutha said so.", "PER")])  # the tagger's slip, saved first
        [lutha] = store.entities()
        store.save([_naming("Lutha is a town.", "GPE")])
        assert store.entities()[0].type == "PER"  # a tie keeps the type stored
        store.save([_naming("Lutha was flooded.", "GPE")])
        assert store.entities()[0].type == "GPE"
        # Saving an article again takes its old vote back: no article counts twice.
        again = _naming("Lutha was flooded.", "PER")
        store.save([dataclasses.replace(again, stages=("entities.v9",))])
        store.save([_naming("Lutha said so.", "PER")])
        assert store.entities()[0].type == "PER"
        assert lutha.id == store.entities()[0].id


def test_a_store_from_before_type_votes_counts_its_articles_once_for_the_type_stored(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.save([_naming("Lutha said so.", "PER"), _naming("Lutha spoke.", "PER")])
    conn = sqlite3.connect(path)  # the store as the migration before the votes left it
    conn.executescript(
        "DROP TABLE entity_types; DROP TABLE entity_type_counts; "
        f"PRAGMA user_version={len(MIGRATIONS) - 1};"
    )
    conn.close()
    with Store(path) as store:
        store.save([_naming("Lutha is a town.", "GPE")])
        assert store.entities()[0].type == "PER"  # two stored votes to one
        store.save([_naming("Lutha was flooded.", "GPE"), _naming("Lutha flooded.", "GPE")])
        assert store.entities()[0].type == "GPE"
