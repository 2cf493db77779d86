"""ESC gold dates, creation days and which predictions are scored, on hand-written XML."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from storyline.eval import cat, eventstoryline
from storyline.eval.report import EvalOptions
from storyline.model import TimeExpr

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

SENTENCES = [
    "Quake hits Friday",
    "May 3 , 2013 10:30",
    "It struck at dawn in 2010",
    "Aid came in 2011",
]
WORDS = [(n, w) for n, sentence in enumerate(SENTENCES) for w in sentence.split()]


def esc(markables: str) -> cat.CatDocument:
    tokens = "".join(
        f'<token t_id="{i}" sentence="{s}" number="{i}">{w}</token>'
        for i, (s, w) in enumerate(WORDS, start=1)
    )
    xml = (
        f'<Document doc_name="1_1ecbplus.xml">{tokens}<Markables>{markables}</Markables></Document>'
    )
    return cat.parse(etree.fromstring(xml), Path("1_1ecbplus.xml.xml"))


MARKABLES = """
<TIME_DATE m_id="1" DCT="FALSE" value="2013-05-03"><token_anchor t_id="3"/></TIME_DATE>
<TIME_OF_THE_DAY m_id="2" DCT="TRUE" value="2013-5-3T10:30Z">
  <token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
  <token_anchor t_id="7"/><token_anchor t_id="8"/>
</TIME_OF_THE_DAY>
<TIME_OF_THE_DAY m_id="3" DCT="FALSE" value=""><token_anchor t_id="12"/></TIME_OF_THE_DAY>
<TIME_DATE m_id="4" DCT="FALSE" value="2010"><token_anchor t_id="14"/></TIME_DATE>
<TIME_DATE m_id="5" DCT="FALSE" value="" TAG_DESCRIPTOR="t_2010"/>
"""


def test_gold_dates_creation_day_and_unscored_spans() -> None:
    doc = eventstoryline.convert(esc(MARKABLES))
    assert doc.dct == date(2013, 5, 3)  # read leniently from a time-of-day DCT
    assert [(doc.text[d.start : d.end], d.value) for d in doc.dates] == [
        ("Friday", "2013-05-03"),
        ("2010", "2010"),
    ]
    assert [doc.text[s:e] for s, e in doc.ignored] == ["May 3, 2013 10:30", "dawn"]
    # Sentence 3 has no markable: ESC did not annotate it.
    assert [doc.text[s:e] for s, e in doc.annotated][-1] == "It struck at dawn in 2010"
    assert len(doc.annotated) == 3


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2009-12-4", date(2009, 12, 4)),
        ("2013:05:02T10:00:00Z", date(2013, 5, 2)),
        ("t_2013-05-02", date(2013, 5, 2)),
        ("2006", None),
        ("PRESENT_REF", None),
    ],
)
def test_creation_day_is_read_leniently(value: str, expected: date | None) -> None:
    markable = (
        f'<TIME_DATE m_id="9" DCT="TRUE" value="{value}"><token_anchor t_id="3"/></TIME_DATE>'
    )
    assert eventstoryline.convert(esc(markable)).dct == expected


def test_only_dates_in_annotated_sentences_off_unscored_spans_count() -> None:
    doc = eventstoryline.convert(esc(MARKABLES))
    text = doc.text

    def at(word: str, type_: str = "DATE") -> TimeExpr:
        start = text.index(word)
        return TimeExpr(start, start + len(word), type_, None)  # type: ignore[arg-type]

    predicted = [at("Friday"), at("dawn"), at("2011"), at("2010", "DURATION"), at("2010")]
    kept = eventstoryline.scored(doc, predicted)
    assert [text[p.start : p.end] for p in kept] == ["Friday", "2010"]


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "eventstoryline").is_dir(), reason="../shared/data is absent")
def test_run_on_the_first_documents() -> None:
    report = eventstoryline.run(EvalOptions(DATA, limit=5))
    assert report.documents == 5
    assert report.value("extraction relaxed F1") is not None
    assert report.value("value F1", "baseline:spaCy+dateparser") is not None
    assert report.value("causal relation (PLOT_LINK) F1") is None
