"""The CAT XML reader: rebuilt text, token offsets, markables, relations and its errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import StorylineError
from storyline.eval import cat

DOC = """<Document doc_name="9_1ecb.xml" doc_id="D1">
<token t_id="1" sentence="0" number="0">Quake</token>
<token t_id="2" sentence="0" number="1">hits</token>
<token t_id="3" sentence="0" number="2">(</token>
<token t_id="4" sentence="0" number="3">Chile</token>
<token t_id="5" sentence="0" number="4">)</token>
<token t_id="6" sentence="1" number="0">It</token>
<token t_id="7" sentence="1" number="1">was</token>
<token t_id="8" sentence="1" number="2">n't</token>
<token t_id="9" sentence="1" number="3">a</token>
<token t_id="10" sentence="1" number="4">90</token>
<token t_id="11" sentence="1" number="5">-</token>
<token t_id="12" sentence="1" number="6">day</token>
<token t_id="13" sentence="1" number="7">"</token>
<token t_id="14" sentence="1" number="8">drill</token>
<token t_id="15" sentence="1" number="9">"</token>
<token t_id="16" sentence="1" number="10">,</token>
<token t_id="17" sentence="1" number="11">May</token>
<token t_id="18" sentence="1" number="12">3</token>
<token t_id="19" sentence="1" number="13">,</token>
<token t_id="20" sentence="1" number="14">2013</token>
<token t_id="21" sentence="1" number="15">.</token>
<Markables>
<ACTION_OCCURRENCE m_id="5"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
<TIME_DATE m_id="6" value="2013-05-03">
  <token_anchor t_id="17"/><token_anchor t_id="18"/><token_anchor t_id="19"/>
  <token_anchor t_id="20"/>
</TIME_DATE>
<!-- a comment the reader must skip -->
<ACTION_OCCURRENCE m_id="9" TAG_DESCRIPTOR="quake_chile" instance_id="ACT1"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="7" note="ACT1"><source m_id="5"/><target m_id="9"/></CROSS_DOC_COREF>
</Relations>
</Document>
"""


def write(tmp_path: Path, text: str, name: str = "doc.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_text_is_rebuilt_as_a_reader_would_write_it(tmp_path: Path) -> None:
    doc = cat.read(write(tmp_path, DOC))
    assert doc.text == 'Quake hits (Chile)\nIt wasn\'t a 90-day "drill", May 3, 2013.'


def test_token_offsets_point_into_the_text(tmp_path: Path) -> None:
    doc = cat.read(write(tmp_path, DOC))
    for token in doc.tokens:
        assert doc.text[token.start : token.end] == token.text
    date = next(m for m in doc.markables if m.tag == "TIME_DATE")
    assert doc.text[slice(*doc.span(date.tokens))] == "May 3, 2013"
    assert [t.text for t in doc.sentences()[0]] == ["Quake", "hits", "(", "Chile", ")"]


def test_markables_and_relations(tmp_path: Path) -> None:
    doc = cat.read(write(tmp_path, DOC))
    assert [(m.id, m.tag, m.tokens) for m in doc.markables] == [
        ("5", "ACTION_OCCURRENCE", (2,)),
        ("6", "TIME_DATE", (17, 18, 19, 20)),
        ("9", "ACTION_OCCURRENCE", ()),
    ]
    assert doc.markables[1].attrs == {"value": "2013-05-03"}
    (rel,) = doc.relations
    assert (rel.tag, rel.sources, rel.target, rel.attrs["note"]) == (
        "CROSS_DOC_COREF",
        ("5",),
        "9",
        "ACT1",
    )
    assert doc.name == "9_1ecb.xml"


SOURCED = """<Document doc_name="9_1ecbplus.xml">
<token t_id="1" sentence="0" number="0">http</token>
<token t_id="2" sentence="0" number="1">:</token>
<token t_id="3" sentence="0" number="2">/</token>
<token t_id="4" sentence="0" number="3">/</token>
<token t_id="5" sentence="0" number="4">www</token>
<token t_id="6" sentence="0" number="5">.</token>
<token t_id="7" sentence="0" number="6">example</token>
<token t_id="8" sentence="0" number="7">.</token>
<token t_id="9" sentence="0" number="8">com</token>
<token t_id="10" sentence="1" number="0">Quake</token>
<token t_id="11" sentence="1" number="1">hits</token>
<token t_id="12" sentence="2" number="0">It</token>
<token t_id="13" sentence="2" number="1">shook</token>
<token t_id="14" sentence="2" number="2">.</token>
<Markables><ACTION_OCCURRENCE m_id="1"><token_anchor t_id="13"/></ACTION_OCCURRENCE></Markables>
</Document>
"""


def test_a_leading_web_address_is_the_source_not_the_text(tmp_path: Path) -> None:
    doc = cat.read(write(tmp_path, SOURCED))
    assert doc.source == "http://www.example.com"
    assert doc.text == "Quake hits\nIt shook."
    assert doc.text[slice(*doc.span(doc.markables[0].tokens))] == "shook"
    assert cat.read(write(tmp_path, DOC, "plain.xml")).source is None


def test_broken_xml_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "<Document><token t_id='1'", "broken.xml")
    with pytest.raises(StorylineError, match=r"broken\.xml"):
        cat.read(path)


def test_wrong_root_and_bad_anchor_are_refused(tmp_path: Path) -> None:
    with pytest.raises(StorylineError, match="not <Document>"):
        cat.read(write(tmp_path, "<TimeML/>", "a.xml"))
    bad = DOC.replace('<token_anchor t_id="2"/>', '<token_anchor t_id="99"/>')
    with pytest.raises(StorylineError, match=r"unknown tokens \[99\]"):
        cat.read(write(tmp_path, bad, "b.xml"))
    with pytest.raises(StorylineError, match="numeric t_id"):
        cat.read(write(tmp_path, '<Document><token t_id="x">a</token></Document>', "c.xml"))
