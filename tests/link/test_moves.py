"""Stored links follow the articles that tidying a small occasion moves (link/corpus.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

import pytest

from link.handmade import START
from link.test_stories import glued
from storyline.link import corpus
from storyline.link.corpus import link_corpus
from storyline.link.features import ArticleFeatures
from storyline.model import Article, Doc, Span
from storyline.store import Store


def doc(text: str) -> Doc:
    article = Article(Article.make_id(text), text, title=text.split(".")[0], source="Wire",
                      published=START, published_origin="given")  # fmt: skip
    return Doc(article, (Span(0, len(text)),))


def test_stored_rows_of_articles_split_off_an_occasion_follow_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    docs = {f.id: doc(f"Report {f.id} on the ridge.") for f in glued()}
    made = {
        docs[f.id].article.id: dataclasses.replace(f, id=docs[f.id].article.id) for f in glued()
    }

    def fake(found: Sequence[Doc]) -> list[ArticleFeatures]:
        return [made[d.article.id] for d in found]

    monkeypatch.setattr(corpus, "features", fake)
    store = Store(tmp_path / "s.db")
    store.save([docs["quake1"], docs["ruling1"], docs["ruling2"]])
    link_corpus(store)
    before = {x.article: x.occasion for x in store.links()}
    assert len(set(before.values())) == 1  # one occasion, glued by the first two reports
    store.save([docs["quake2"]])
    link_corpus(store)
    after = {x.article: x.occasion for x in store.links()}
    ids = {name: d.article.id for name, d in docs.items()}
    assert after[ids["quake1"]] == after[ids["quake2"]] == before[ids["quake1"]]
    assert after[ids["ruling1"]] == after[ids["ruling2"]] != after[ids["quake1"]]
