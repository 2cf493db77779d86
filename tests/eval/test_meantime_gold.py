from __future__ import annotations

from datetime import date
from pathlib import Path

from lxml import etree

from storyline.eval import cat, meantime
from storyline.model import Mention

CAT = """<Document doc_id="1" doc_name="1_Boeing_wins" lang="en">
<token t_id="1" sentence="0" number="0">Boeing</token>
<token t_id="2" sentence="0" number="1">wins</token>
<token t_id="3" sentence="1" number="2">March</token>
<token t_id="4" sentence="1" number="3">1</token>
<token t_id="5" sentence="1" number="4">,</token>
<token t_id="6" sentence="1" number="5">2008</token>
<token t_id="7" sentence="2" number="6">The</token>
<token t_id="8" sentence="2" number="7">US</token>
<token t_id="9" sentence="2" number="8">Air</token>
<token t_id="10" sentence="2" number="9">Force</token>
<token t_id="11" sentence="2" number="10">chose</token>
<token t_id="12" sentence="2" number="11">it</token>
<token t_id="13" sentence="2" number="12">.</token>
<Markables>
<ENTITY_MENTION m_id="20" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="21" syntactic_type="NAM">
  <token_anchor t_id="7"/><token_anchor t_id="8"/><token_anchor t_id="9"/><token_anchor t_id="10"/>
</ENTITY_MENTION>
<ENTITY_MENTION m_id="22" syntactic_type="PRO"><token_anchor t_id="12"/></ENTITY_MENTION>
<TIMEX3 m_id="30" type="DATE" value="2008-03-01" functionInDocument="CREATION_TIME">
  <token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 m_id="31" type="DATE" value="2058" TAG_DESCRIPTOR="2058"/>
<ENTITY m_id="40" ent_type="ORG" instance_id="ORG_Boeing" TAG_DESCRIPTOR="Boeing"/>
<ENTITY m_id="41" ent_type="ORG" TAG_DESCRIPTOR="USAF"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="20"/><source m_id="22"/><target m_id="40"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="21"/><target m_id="41"/></REFERS_TO>
</Relations>
</Document>
"""


def gold() -> meantime.MeantimeDoc:
    root = etree.fromstring(CAT.encode())
    return meantime.convert(cat.parse(root, Path("corpus_airbus/1_Boeing_wins.xml")))


def test_mentions_take_type_and_cluster_from_the_instance_they_refer_to():
    doc = gold()
    assert doc.topic == "airbus"
    assert doc.dct == date(2008, 3, 1)
    found = {doc.text[g.mention.start : g.mention.end]: g for g in doc.mentions}
    assert set(found) == {"Boeing", "The US Air Force", "it"}
    assert found["Boeing"].mention.entity == found["it"].mention.entity == "ORG_Boeing"
    assert found["it"].syntactic == "PRO"
    # An instance without a corpus-wide id is a cluster of its article only.
    assert found["The US Air Force"].mention.entity == "1_Boeing_wins#41"
    assert found["The US Air Force"].mention.label == "ORG"


def test_only_timex3_with_tokens_are_gold_times():
    doc = gold()
    assert [(doc.text[t.start : t.end], t.value) for t in doc.times] == [
        ("March 1, 2008", "2008-03-01")
    ]


def m(text: str, surface: str, label: str = "ORG") -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), "e", label)


def test_exact_mention_matches_forgive_a_leading_the():
    text = "The US Air Force chose it."
    counts, pairs = meantime.count_mentions(
        text, [m(text, "The US Air Force")], [m(text, "US Air Force")]
    )
    assert (counts.exact, counts.overlap, counts.predicted, counts.gold) == (1, 1, 1, 1)
    assert pairs == [(0, 0)]


def test_predictions_on_non_name_mentions_are_left_out_of_name_precision():
    text = "Boeing said the company chose Paris."
    gold_names = [m(text, "Boeing")]
    neutral = [m(text, "the company")]
    pred = [m(text, "Boeing"), m(text, "company"), m(text, "Paris", "LOC")]
    counts, _ = meantime.count_mentions(text, gold_names, pred, neutral)
    # "company" overlaps only a nominal: neither right nor wrong; "Paris" is wrong.
    assert (counts.overlap, counts.predicted, counts.gold) == (1, 2, 1)
