"""The benchmark's own logic: text reading, synthetic articles, and table rendering."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # bench/ is a folder of scripts, not an installed package
    sys.path.insert(0, str(ROOT))

from bench import report, scale, texts  # noqa: E402
from storyline.model import Article, Doc, Entity, Event, Mention, Quote, Span, TimeExpr  # noqa: E402

TEXT = 'Putin met Erdogan in Moscow on Tuesday. "We agree," Erdogan said. Talks end in March.'


def analyzed() -> Doc:
    putin, erdogan = Entity("e1", "Putin", "PER"), Entity("e2", "Erdogan", "PER")
    return Doc(
        Article(Article.make_id(TEXT), TEXT, published=date(2012, 7, 18)),
        sentences=(Span(0, 39), Span(40, 66), Span(67, 86)),
        entities=(putin, erdogan),
        mentions=(
            Mention(0, 5, "e1", "PER"),
            Mention(10, 17, "e2", "PER"),
            Mention(52, 59, "e2", "PER"),
        ),
        times=(TimeExpr(31, 38, "DATE", "2012-07-17"), TimeExpr(80, 85, "DATE", "2013-03")),
        quotes=(Quote(40, 51, ((40, 51),), "direct", "said", "e2", "Erdogan", 52, 59),),
        events=(Event("v1", 6, 9, "met", "MEET"),),
    )


def test_pieces_keep_each_record_inside_its_sentence() -> None:
    doc = analyzed()
    parts = scale.pieces([doc])
    assert [p.text for p in parts] == [TEXT[s.start : s.end] for s in doc.sentences]
    assert [len(p.layers["mentions"]) for p in parts] == [2, 1, 0]
    assert [e.id for e in parts[1].entities] == ["e2"]
    assert parts[2].layers["times"][0].start == 80 - 67


def test_synthetic_articles_carry_layers_with_shifted_offsets() -> None:
    doc = analyzed()
    parts = scale.pieces([doc])
    original = {
        "mentions": {TEXT[m.start : m.end] for m in doc.mentions},
        "times": {TEXT[t.start : t.end] for t in doc.times},
    }
    for number in range(20):
        made = scale.synthetic(number, parts, ("sentences.v1",))
        text = made.text
        for s in made.sentences:
            assert text[s.start : s.end] in {p.text for p in parts}
        for m in made.mentions:
            assert text[m.start : m.end] in original["mentions"]
        for t in made.times:
            assert text[t.start : t.end] in original["times"]
        for q in made.quotes:
            assert text[q.speaker_start : q.speaker_end] == "Erdogan"
            assert all(text[a:b] == '"We agree,"' for a, b in q.spans)
        assert {m.entity for m in made.mentions} == {e.id for e in made.entities}
        assert len({e.id for e in made.events}) == len(made.events)
        assert made.stages == ("sentences.v1",)


def test_synthetic_articles_are_distinct_and_reproducible() -> None:
    parts = scale.pieces([analyzed()])
    made = [scale.synthetic(n, parts, ()) for n in range(50)]
    assert len({d.article.id for d in made}) == 50
    assert scale.synthetic(7, parts, ()) == made[7]


def test_timeml_text_loses_its_tags_and_keeps_paragraphs() -> None:
    markup = '\nOn <TIMEX3 tid="t1">Friday</TIMEX3> it\n<EVENT eid="e1">rained</EVENT> &amp; .\n\n'
    assert texts._plain(markup + "Next.") == "On Friday it rained & .\n\nNext."


def test_take_returns_a_prefix_of_about_the_words_asked() -> None:
    corpus = texts.Corpus(tuple(texts.NewsText(f"t{i}", "one two three") for i in range(10)), "x")
    assert len(corpus.take(7).texts) == 3
    assert len(corpus.take(10_000).texts) == 10


def test_interleave_mixes_sources() -> None:
    a = [texts.NewsText(f"a{i}", "x") for i in range(3)]
    b = [texts.NewsText("b0", "y")]
    assert [t.name for t in texts._interleave([a, b])] == ["a0", "b0", "a1", "a2"]


def test_tables_render_failures_and_escape_pipes() -> None:
    table = report.Table("T", ("what", "value"))
    table.add("a|b", "1")
    table.fail("c", "no model")
    out = report.markdown(table)
    assert "| a\\|b | 1 |" in out
    assert "| c | not measured: no model |" in out
    assert report.plain(table).startswith("T\n=")
    assert report.ratio(3.0, 2.0) == "1.50x"
    assert report.ratio(1.0, 0.0) == "n/a"


def checkpoint(articles: int, save_last_1k: float, export_seconds: float, peak_mb: float):
    peak = scale.Peak(peak_mb, 0.0)
    return scale.Checkpoint(
        articles, 0.0, save_last_1k, export_seconds, articles, 0.0, 0.0, peak, peak
    )


def test_store_growth_compares_marginal_save_and_export_per_article() -> None:
    (line,) = scale.growth([checkpoint(1_000, 1.5, 1.2, 80), checkpoint(100_000, 1.8, 150, 1200)])
    assert "from 1,000 to 100,000 articles (x100)" in line
    assert "save s / 1k (last 1k) x1.20" in line and "export s / 1k x1.25" in line
    assert "1,200 MB (over 1 GB)" in line
    assert scale.growth([checkpoint(1_000, 1.5, 1.2, 80)])[0].startswith("growth: fewer")


def test_time_rules_pass_counts_what_it_finds() -> None:
    from bench import timetagging

    dated = [texts.NewsText("a", TEXT, published=date(2012, 7, 18))]
    seconds, found = timetagging.rules_passes(dated, passes=2)
    assert len(seconds) == 2 and all(s >= 0 for s in seconds)
    assert found == 2  # "on Tuesday" and "in March"
