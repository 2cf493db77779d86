"""Time-to-event TLINKs (Event StoryLine): gold placements, calendar values, and the scoring."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lxml import etree

from storyline.eval import cat, tlinks
from storyline.model import Event, Span, TimeExpr

WORDS = ["A", "quake", "hit", "on", "Monday", ".", "Rescuers", "came", "."]
TOKENS = "\n".join(
    f'<token t_id="{i}" sentence="{0 if i <= 6 else 1}" number="{i - 1}">{w}</token>'
    for i, w in enumerate(WORDS, start=1)
)
CAT = f"""<Document doc_name="9_1ecbplus.xml">
{TOKENS}
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="3"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="8"/></ACTION_OCCURRENCE>
<NEG_ACTION_OCCURRENCE m_id="3"><token_anchor t_id="2"/></NEG_ACTION_OCCURRENCE>
<TIME_DATE m_id="10" value="2013-05-06"><token_anchor t_id="5"/></TIME_DATE>
<TIME_DATE m_id="11" value="2013-05-08" DCT="TRUE"/>
<TIME_DATE m_id="12" value="PRESENT_REF"/>
</Markables>
<Relations>
<TLINK r_id="1" relType="CONTAINS"><source m_id="10"/><target m_id="1"/></TLINK>
<TLINK r_id="2" relType="AFTER"><source m_id="11"/><target m_id="1"/></TLINK>
<TLINK r_id="3" relType="BEFORE"><source m_id="10"/><target m_id="2"/></TLINK>
<TLINK r_id="4" relType="CONTAINS"><source m_id="12"/><target m_id="2"/></TLINK>
<TLINK r_id="5" relType="CONTAINS"><source m_id="10"/><target m_id="3"/></TLINK>
</Relations>
</Document>
"""


def document() -> cat.CatDocument:
    return cat.parse(etree.fromstring(CAT.encode()), Path("9/9_1ecbplus.xml.xml"))


def test_calendar_values_name_their_days_and_references_none() -> None:
    assert tlinks.interval("2012-06-08") == (date(2012, 6, 8), date(2012, 6, 8))
    assert tlinks.interval("2010-09") == (date(2010, 9, 1), date(2010, 9, 30))
    assert tlinks.interval("2009-12-4") == (date(2009, 12, 4), date(2009, 12, 4))  # a slip
    assert tlinks.interval("2013:05:02T16:56Z") == (date(2013, 5, 2), date(2013, 5, 2))
    assert tlinks.interval("2008-W10") == (date(2008, 3, 3), date(2008, 3, 9))
    assert tlinks.interval("2012-Q3") == (date(2012, 7, 1), date(2012, 9, 30))
    assert tlinks.interval("PRESENT_REF") is None
    assert tlinks.interval("P3D") is None


def test_gold_reads_where_each_event_lies_against_a_dated_time() -> None:
    doc = document()
    found = [(doc.text[g.start : g.end], g.where, g.dct) for g in tlinks.gold(doc)]
    # "Rescuers came" after Monday; the PRESENT_REF link names no day; the negated
    # quake is no event to place.
    assert found == [("hit", "within", False), ("hit", "before", True), ("came", "after", False)]


def test_ours_are_placed_by_their_days_or_the_publication_date() -> None:
    doc = document()
    links = tlinks.gold(doc)
    hit, came = doc.text.index("hit"), doc.text.index("came")
    monday = date(2013, 5, 6)
    ours = [
        Event("v1", hit, hit + 3, "hit", "OTHER", time_start=monday, time_end=monday),
        Event("v2", came, came + 4, "came", "OTHER"),  # undated: the publication date
    ]
    times = [TimeExpr(doc.text.index("Monday"), doc.text.index("Monday") + 6, "DATE",
                      "2013-05-06", monday, monday)]  # fmt: skip
    sentences = [Span(0, doc.text.index(".") + 1), Span(doc.text.index("Rescuers"), len(doc.text))]
    counts = tlinks.count(links, ours, times, sentences, date(2013, 5, 8))
    assert (counts.gold, counts.matched, counts.matched_dct) == (3, 3, 1)
    assert (counts.ours, counts.ours_dct) == (3, 1)
    # the baseline dates "came" by its own sentence, which has no time: the DCT, right too;
    # "hit" by Monday: within Monday, and before the DCT.
    assert counts.baseline == 3
    assert tlinks.count(links, ours, times, sentences, None).matched == 0
