from __future__ import annotations

import dataclasses

import pytest

from storyline.errors import PipelineError
from storyline.model import Doc, Span
from storyline.pipeline import Pipeline, stage


@stage("split", 1, assigns=("sentences",))
def split(doc: Doc) -> Doc:
    spans, start = [], 0
    for i, ch in enumerate(doc.text):
        if ch == ".":
            spans.append(Span(start, i + 1))
            start = i + 2
    return dataclasses.replace(doc, sentences=tuple(spans))


@stage("count", 2, requires=("sentences",), assigns=("quantities",))
def count(doc: Doc) -> Doc:
    assert doc.sentences, "requires sentences"
    return doc


def test_stages_run_in_order_and_record_their_versions(make_doc):
    doc = Pipeline([split, count])(make_doc("One. Two."))
    assert doc.sentences == (Span(0, 4), Span(5, 9))
    assert doc.stages == ("split.v1", "count.v2")


def test_wrong_order_fails_at_build_time_and_names_the_fix():
    with pytest.raises(PipelineError, match="'sentences' is assigned by split: move it before"):
        Pipeline([count, split])


def test_missing_provider_says_to_add_one():
    with pytest.raises(PipelineError, match="no stage assigns 'sentences'"):
        Pipeline([count])


def test_unknown_layer_is_rejected_when_declaring_a_stage():
    with pytest.raises(PipelineError, match="unknown layers"):
        stage("bad", 1, assigns=("tokens",))


def test_duplicate_stage_is_rejected():
    with pytest.raises(PipelineError, match="appears twice"):
        Pipeline([split, split])


def test_batch_run_matches_one_by_one(make_doc):
    pipeline = Pipeline([split, count])
    docs = [make_doc(f"Sentence {i}. And more.") for i in range(5)]
    assert list(pipeline.run(docs, batch_size=2)) == [pipeline(d) for d in docs]


def test_stage_failure_names_stage_and_article(make_doc):
    @stage("boom", 1, assigns=("times",))
    def boom(doc: Doc) -> Doc:
        raise ValueError("bad input")

    doc = make_doc("Some text.")
    with pytest.raises(PipelineError, match=rf"boom\.v1 failed on article {doc.article.id}"):
        Pipeline([boom])(doc)
