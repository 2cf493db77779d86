"""The full-text search index kept in step with the articles table, at a cost that stays flat."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from storyline import store as store_module
from storyline.model import Article, Doc
from storyline.store import Store

# The migrations up to, not including, the one that keys search rows by rowid.
BEFORE_REINDEX = store_module.MIGRATIONS[
    : next(i for i, m in enumerate(store_module.MIGRATIONS) if "articles_fts_replace" in m)
]


def doc(text: str, title: str = "T", stages: tuple[str, ...] = ()) -> Doc:
    return Doc(Article(Article.make_id(text, title), text, title=title), stages=stages)


def search_deletes(conn: sqlite3.Connection) -> list[str]:
    """Return each DELETE on the search index that a trigger of ``articles`` runs."""
    triggers = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'articles'"
    ).fetchall()
    found = []
    for (sql,) in triggers:
        found += re.findall(r"DELETE FROM articles_fts WHERE [^;]+", sql)
    return found


def test_saving_an_article_clears_its_old_search_row_by_rowid_not_by_a_scan(tmp_path: Path):
    # Deleting by the unindexed id column scanned the whole index for every article saved,
    # so saving slowed down linearly as the store grew.
    with Store(tmp_path / "s.db") as store:
        deletes = search_deletes(store.conn)
        assert deletes
        for statement in deletes:
            bound = re.sub(r"\b(new|old)\.(id|rowid)\b", "'x'", statement)
            plan = store.conn.execute(f"EXPLAIN QUERY PLAN {bound}").fetchall()
            # FTS5 names a full scan index "0:", a rowid lookup "0:=".
            assert not any(row[3].endswith("INDEX 0:") for row in plan), (statement, plan)


def test_the_old_triggers_would_fail_the_scan_check(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(store_module, "MIGRATIONS", BEFORE_REINDEX)
    with Store(tmp_path / "old.db") as store:
        plans = [
            store.conn.execute(
                "EXPLAIN QUERY PLAN " + re.sub(r"\b(new|old)\.(id|rowid)\b", "'x'", s)
            ).fetchall()
            for s in search_deletes(store.conn)
        ]
    assert any(row[3].endswith("INDEX 0:") for plan in plans for row in plan)


def test_resaving_an_article_keeps_one_search_row_and_finds_it(tmp_path: Path):
    first = doc("A quokka parade crossed Port Alda on Sunday.")
    other = doc("The regatta on the Alda River was won by 0.8 seconds.")
    with Store(tmp_path / "s.db") as store:
        store.save([first, other])
        store.save([doc(first.text, stages=("sentences.v1",))])  # re-analyzed: replaced
        rows = store.conn.execute("SELECT id FROM articles_fts ORDER BY id").fetchall()
        assert sorted(r["id"] for r in rows) == sorted([first.article.id, other.article.id])
        assert store.search("quokka") == [first.article.id]
        assert store.search("regatta") == [other.article.id]


def test_a_store_made_with_the_old_triggers_is_reindexed_on_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    path = tmp_path / "s.db"
    saved = doc("A quokka parade crossed Port Alda on Sunday.")
    with monkeypatch.context() as patch:
        patch.setattr(store_module, "MIGRATIONS", BEFORE_REINDEX)
        # The code of those days kept no votes on entity types.
        patch.setattr(Store, "_take_back_types", lambda *_: None)
        patch.setattr(Store, "_vote_types", lambda *_: None)
        with Store(path) as old:
            old.save([saved])
    with Store(path) as store:
        assert store.search("quokka") == [saved.article.id]
        store.save([doc(saved.text, stages=("sentences.v1",))])
        assert store.conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 1
        assert store.search("parade") == [saved.article.id]


def test_clearing_skips_on_save_uses_an_index(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        plan = store.conn.execute(
            "EXPLAIN QUERY PLAN DELETE FROM skips WHERE article = ? AND kind = 'analysis-error'",
            ("a",),
        ).fetchall()
    assert any("skips_article" in str(tuple(row)) for row in plan), plan
