from __future__ import annotations

from datetime import date

import pytest

from storyline.errors import StorylineError
from storyline.eval import tempeval3, timex
from storyline.model import TimeExpr

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2012-07-18"
 functionInDocument="CREATION_TIME">July 18</TIMEX3></DCT>
<TEXT>
Putin met Erdogan <TIMEX3 tid="t1" type="DATE" value="2012-07-18">today</TIMEX3>.
The talks <EVENT eid="e1" class="OCCURRENCE">lasted</EVENT>
<TIMEX3 tid="t2" type="DURATION" value="PT3H">three <SIGNAL sid="s1">hours</SIGNAL></TIMEX3>.
</TEXT>
</TimeML>
"""


def test_timeml_text_is_stripped_of_tags_and_offsets_point_into_it():
    doc = tempeval3.parse(TIMEML, "x.tml")
    assert doc.dct == date(2012, 7, 18)
    assert "<" not in doc.text
    surfaces = [doc.text[t.start : t.end] for t in doc.times]
    assert surfaces == ["today", "three hours"]
    assert [t.value for t in doc.times] == ["2012-07-18", "PT3H"]
    assert [t.type for t in doc.times] == ["DATE", "DURATION"]


def test_unparsable_timeml_names_the_file():
    with pytest.raises(StorylineError, match=r"broken\.tml"):
        tempeval3.parse("<TimeML><TEXT>", "broken.tml")
    with pytest.raises(StorylineError, match=r"odd\.tml.*'WEEKDAY'"):
        tempeval3.parse(
            '<TimeML><TEXT><TIMEX3 tid="t1" type="WEEKDAY">x</TIMEX3></TEXT></TimeML>', "odd.tml"
        )


def test_a_dct_with_a_time_gives_its_day():
    assert timex.parse_date("1998-01-08T18:30") == date(1998, 1, 8)
    assert timex.parse_date("XXXX-XX-XX") is None
    assert timex.parse_date(None) is None


def t(start: int, end: int, value: str | None, type_: str = "DATE") -> TimeExpr:
    return TimeExpr(start, end, type_, value)  # type: ignore[arg-type]


def test_counts_follow_tempeval3_strict_relaxed_and_value():
    gold = [t(0, 5, "2012-07-18"), t(10, 20, "P3H", "DURATION"), t(30, 35, "2012")]
    pred = [
        t(0, 5, "2012-07-18"),  # exact, right value
        t(12, 20, "PT3H", "DURATION"),  # overlap, right type, wrong value
        t(40, 45, "2013"),  # spurious
    ]
    c = timex.count(gold, pred)
    assert c == timex.TimexCounts(gold=3, predicted=3, strict=1, relaxed=2, type_ok=2, value_ok=1)
    scores = {s.metric: s.value for s in timex.scores(c, "x")}
    assert scores["extraction strict F1"] == pytest.approx(1 / 3)
    assert scores["extraction relaxed P"] == pytest.approx(2 / 3)
    assert scores["type accuracy"] == pytest.approx(1.0)
    assert scores["value accuracy"] == pytest.approx(0.5)
    assert scores["value F1"] == pytest.approx(1 / 3)


def test_a_missing_value_is_never_right():
    c = timex.count([t(0, 5, None)], [t(0, 5, None)])
    assert (c.relaxed, c.value_ok) == (1, 0)


def test_nothing_predicted_leaves_precision_unmeasured():
    c = timex.count([t(0, 5, "2012")], [])
    scores = {s.metric: s.value for s in timex.scores(c, "x")}
    assert scores["extraction strict P"] is None
    assert scores["extraction strict R"] == 0.0
    assert scores["value accuracy"] is None


def test_counts_add_up_over_documents():
    one = timex.TimexCounts(1, 2, 1, 1, 1, 0)
    assert one + one == timex.TimexCounts(2, 4, 2, 2, 2, 0)


@pytest.mark.parametrize(
    ("text", "value"),
    [("July 17, 2012", "2012-07-17"), ("June 2012", "2012-06"), ("yesterday", "2012-07-17")],
)
def test_the_dateparser_baseline_resolves_against_the_document_date(text, value):
    assert timex.normalize(text, date(2012, 7, 18)) == value


def test_the_development_halves_are_stable_and_split_the_documents():
    names = [f"TimeBank/wsj_{n:04d}.tml" for n in range(200)]
    halves = [tempeval3.half(n) for n in names]
    assert set(halves) == {"A", "B"}
    assert 60 < halves.count("A") < 140
    assert halves == [tempeval3.half(n) for n in names]  # no per-run salt
    assert tempeval3.half("TimeBank/wsj_0171.tml") == "A"  # crc32, not Python's hash()
