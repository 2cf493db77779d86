"""Gold event-to-time anchors from CAT TLINKs; anchoring accuracy of ours and the baseline."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from storyline.eval import anchoring, cat, meantime
from storyline.eval.anchoring import Anchor, AnchorCounts
from storyline.model import Event, Span, TimeExpr

WORDS = [
    "Boeing", "protested", "on", "Monday", ".",
    "Airbus", "won", "the", "deal", "in", "2008", "for", "years", ".",
]  # fmt: skip
TOKENS = "\n".join(
    f'<token t_id="{i}" sentence="{0 if i <= 5 else 1}" number="{i - 1}">{w}</token>'
    for i, w in enumerate(WORDS, start=1)
)
CAT = f"""<Document doc_name="1_Airbus_wins">
{TOKENS}
<Markables>
<EVENT_MENTION m_id="1"><token_anchor t_id="2"/></EVENT_MENTION>
<EVENT_MENTION m_id="2"><token_anchor t_id="7"/></EVENT_MENTION>
<EVENT_MENTION m_id="3"><token_anchor t_id="9"/></EVENT_MENTION>
<EVENT_MENTION m_id="4"><token_anchor t_id="1"/></EVENT_MENTION>
<TIMEX3 m_id="10" type="DATE" value="2008-03-03"><token_anchor t_id="4"/></TIMEX3>
<TIMEX3 m_id="11" type="DATE" value="2008"><token_anchor t_id="11"/></TIMEX3>
<TIMEX3 m_id="12" type="DURATION" value="PXY">
  <token_anchor t_id="12"/><token_anchor t_id="13"/>
</TIMEX3>
<TIMEX3 m_id="13" type="DATE" value="2008-03-05" functionInDocument="CREATION_TIME"/>
</Markables>
<Relations>
<TLINK r_id="1" reltype="IS_INCLUDED"><source m_id="1"/><target m_id="10"/></TLINK>
<TLINK r_id="2" reltype="IS_INCLUDED"><source m_id="2"/><target m_id="13"/></TLINK>
<TLINK r_id="3" reltype="INCLUDES"><source m_id="11"/><target m_id="2"/></TLINK>
<TLINK r_id="4" reltype="IS_INCLUDED"><source m_id="3"/><target m_id="13"/></TLINK>
<TLINK r_id="5" reltype="BEFORE"><source m_id="4"/><target m_id="10"/></TLINK>
<TLINK r_id="6" reltype="SIMULTANEOUS"><source m_id="4"/><target m_id="12"/></TLINK>
</Relations>
</Document>
"""


def document() -> cat.CatDocument:
    return cat.parse(etree.fromstring(CAT.encode()), Path("corpus_airbus/1_Airbus_wins.xml"))


def test_tlinks_of_inclusion_anchor_events_and_the_text_beats_the_dct() -> None:
    doc = document()
    anchors = anchoring.gold(doc)
    found = {doc.text[a.start : a.end]: (a.value, a.dct) for a in anchors}
    # "won" is anchored both to the DCT and (time INCLUDES event) to "2008": the text wins.
    # "Boeing" is only BEFORE a time and SIMULTANEOUS with a duration: not anchored.
    assert found == {
        "protested": ("2008-03-03", False),
        "won": ("2008", False),
        "deal": ("2008-03-05", True),
    }
    assert meantime.convert(doc).anchors == tuple(anchors)


def event(doc: cat.CatDocument, word: str, value: str | None = None) -> Event:
    start = doc.text.index(word)
    return Event(word, start, start + len(word), word, "OTHER", time_value=value)


def test_ours_and_the_baseline_are_scored_on_the_events_we_find() -> None:
    doc = document()
    anchors = anchoring.gold(doc)
    second = doc.text.index("Airbus")
    sentences = [Span(0, second - 1), Span(second, len(doc.text))]
    monday = doc.text.index("Monday")
    in_2008 = doc.text.index("2008")
    times = [
        TimeExpr(monday, monday + 6, "DATE", "2008-03-03"),
        TimeExpr(in_2008, in_2008 + 4, "DATE", "2008"),
    ]
    # "protested" dated right; "won" left undated (so the DCT: wrong); "deal" not found.
    events = [event(doc, "protested", "2008-03-03"), event(doc, "won")]
    c = anchoring.count(anchors, events, times, sentences, "2008-03-05")
    # The baseline takes each sentence's first time: right for both.
    assert c == AnchorCounts(
        gold=3, matched=2, matched_dct=0, ours=1, baseline=2, ours_text=1, baseline_text=2
    )
    # Found now, "deal" is anchored to the DCT: our undated event is right there, and the
    # baseline's "2008" of its sentence is wrong.
    c = anchoring.count(anchors, [*events, event(doc, "deal")], times, sentences, "2008-03-05")
    assert (c.matched, c.matched_dct, c.ours, c.baseline, c.ours_text) == (3, 1, 2, 2, 1)


def test_a_trigger_must_lie_inside_the_gold_mention() -> None:
    anchors = [Anchor(10, 16, "2008", False)]
    outside = Event("v", 8, 12, "x won", "OTHER", time_value="2008")
    c = anchoring.count(anchors, [outside], [], [], None)
    assert (c.gold, c.matched) == (1, 0)
    assert AnchorCounts(1, 1) + AnchorCounts(2, 0, 0, 0, 1) == AnchorCounts(3, 1, 0, 0, 1)
