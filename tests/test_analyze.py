"""The analyze run: batches, re-runs, interruption, stage failures, worker processes."""

from __future__ import annotations

import dataclasses
import shutil
import string
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline import stages
from storyline.analyze import analyze
from storyline.export import records, schema
from storyline.model import Doc
from storyline.pipeline import Pipeline, stage
from storyline.settings import Settings
from storyline.store import Store

from conftest import EXAMPLES

pytestmark = pytest.mark.slow

PARAGRAPH = (
    "Officials in Veldmark City said on Tuesday that the Holvik Dam would stay closed until "
    "engineers finish their inspection, which began three weeks ago."
)


def write_articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"{i:02d}.md"
        path.write_text(
            f"---\ntitle: Report {i}\npublished: 2025-03-{i + 1:02d}\nsource: Wire\n---\n\n"
            f"{PARAGRAPH} This is report number {i}.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def with_extra_stage(monkeypatch: pytest.MonkeyPatch, extra: object) -> None:
    real_build = stages.build

    def build(settings: Settings | None = None) -> Pipeline:
        return Pipeline([*real_build(settings).stages, extra])  # type: ignore[list-item]

    monkeypatch.setattr(stages, "build", build)


def test_an_interrupted_run_keeps_whole_batches_and_the_next_run_finishes(tmp_path, monkeypatch):
    write_articles(tmp_path / "in", 5)
    calls = {"n": 0}

    @stage("interrupt", 1, requires=("sentences",), assigns=())
    def interrupt(doc: Doc) -> Doc:
        calls["n"] += 1
        if calls["n"] == 3:  # the first article of the second batch
            raise KeyboardInterrupt
        return doc

    with_extra_stage(monkeypatch, interrupt)
    config = Settings().with_overrides({"batch_size": 2})
    with Store(tmp_path / "s.db") as store:
        with pytest.raises(KeyboardInterrupt):
            analyze([str(tmp_path / "in")], store, config)
        assert store.counts()["articles"] == 2
        assert all(len(store.doc(r.article.id).sentences) == 2 for r in store.articles())
    monkeypatch.undo()
    with Store(tmp_path / "s.db") as store:
        summary = analyze([str(tmp_path / "in")], store, config)
        # The two saved before the interruption were analyzed by a pipeline
        # with one more stage, so they count as changed and are redone.
        assert summary.analyzed == 5
        assert store.counts()["articles"] == 5


def test_a_stage_failure_skips_that_article_and_keeps_the_rest(tmp_path, monkeypatch):
    write_articles(tmp_path / "in", 4)

    @stage("fragile", 1, requires=("sentences",), assigns=())
    def fragile(doc: Doc) -> Doc:
        if "number 2" in doc.text:
            raise ValueError("cannot handle report 2")
        return doc

    with_extra_stage(monkeypatch, fragile)
    with Store(tmp_path / "s.db") as store:
        summary = analyze([str(tmp_path / "in")], store, Settings())
        assert (summary.analyzed, summary.skipped) == (3, 1)
        (skip,) = store.skips()
        assert skip.kind == "analysis-error" and "fragile.v1 failed" in skip.reason
        assert skip.location.endswith("02.md")


def test_duplicates_in_one_run_are_counted_once_stored(tmp_path):
    (a,) = write_articles(tmp_path / "in", 1)
    shutil.copy(a, tmp_path / "in" / "copy.md")
    with Store(tmp_path / "s.db") as store:
        summary = analyze([str(tmp_path / "in")], store)
        assert (summary.analyzed, summary.duplicates) == (1, 1)


def test_two_worker_processes_store_the_same_as_one(tmp_path):
    inputs = [str(EXAMPLES / "articles")]
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "two.db") as two:
        analyze(inputs, one, Settings().with_overrides({"batch_size": 3}))
        analyze(inputs, two, Settings().with_overrides({"batch_size": 3, "workers": 2}))
        assert records(one) == records(two)


WORDS = st.sampled_from(
    ["Putin", "Erdoğan", "met", "in", "Moscow", "on", "Tuesday", "said", "the", "\u00a0",
     "late", "June", "“", "”", "\u00ad", "three", "months", "ago", ".", ",", "\n\n", "2012"]
)  # fmt: skip


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(WORDS, min_size=12, max_size=80),
    noise=st.text(alphabet=string.ascii_letters + " .,", max_size=40),
)
def test_any_article_round_trips_with_valid_spans_and_reruns_as_a_no_op(tmp_path, words, noise):
    folder = tmp_path / "prop"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Putin and Erdoğan met in Moscow. " + " ".join(words) + " " + noise, encoding="utf-8"
    )
    db = folder / "s.db"
    with Store(db) as store:
        first = analyze([str(folder / "a.txt")], store, published=None)
        exported = records(store)
        before = store.counts()
        second = analyze([str(folder / "a.txt")], store)
        assert store.counts() == before
        assert records(store) == exported
    assert second.analyzed == 0 and second.unchanged == first.analyzed
    jsonschema.validate(exported, schema())
    texts = {a["id"]: a["text"] for a in exported["articles"]}
    for key in ("mentions", "times"):
        for r in exported[key]:
            assert 0 <= r["start"] < r["end"] <= len(texts[r["article"]])
            assert texts[r["article"]][r["start"] : r["end"]] == r["text"]


def test_stage_versions_are_stored_with_the_output(tmp_path):
    write_articles(tmp_path / "in", 1)
    with Store(tmp_path / "s.db") as store:
        analyze([str(tmp_path / "in")], store)
        (row,) = store.articles()
        assert row.stages == stages.build().keys
        assert all(dataclasses.is_dataclass(s) for s in stages.build().stages)
