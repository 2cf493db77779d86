"""SemEval-2015 TimeLine: the gold file reader and the temporal-awareness scorer, by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyline.errors import StorylineError
from storyline.eval import semeval2015
from storyline.eval.report import EvalOptions
from storyline.eval.semeval2015 import Slot, Timeline

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

GOLD_FILE = (
    "Steve Jobs\n"
    "0\tXXXX-XX-XX\t1-4-said\n"
    "1\t1955-02-24\t1-5-born\n"
    "2\t1976\t1-6-started\t2-3-founded\n"
    "2\t1976\t1-5-built\n"
    "3\t1985\t1-7-fired\n"
)


def timeline(*slots: tuple[int, str]) -> Timeline:
    return Timeline("x", tuple(Slot(o, "", tuple(m.split())) for o, m in slots))


def test_gold_file_is_read_into_slots(tmp_path: Path) -> None:
    path = tmp_path / "steve_jobs.txt"
    path.write_text(GOLD_FILE, encoding="utf-8")
    gold = semeval2015.read_timeline(path)
    assert gold.entity == "Steve Jobs"
    assert gold.slots[2] == Slot(2, "1976", ("1-6-started", "2-3-founded"))
    assert [s.ordinal for s in gold.slots] == [0, 1, 2, 2, 3]


def test_a_bad_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("Apple\n1\t2008\t1-1-sold\nfirst\t2008\n", encoding="utf-8")
    with pytest.raises(StorylineError, match="line 3"):
        semeval2015.read_timeline(path)


def test_closure_and_reduction_of_a_timeline() -> None:
    closure, reduced = semeval2015.relations(timeline((1, "a"), (2, "b c"), (3, "d"), (0, "x y")))
    # a < b, a < c, a < d, b < d, c < d, b = c, x = y.
    assert closure == {
        ("<", "a", "b"),
        ("<", "a", "c"),
        ("<", "a", "d"),
        ("<", "b", "d"),
        ("<", "c", "d"),
        ("=", "b", "c"),
        ("=", "x", "y"),
    }
    # A chain: a < b (first of the next class), b = c, b < d, and x = y.
    assert reduced == {("<", "a", "b"), ("=", "b", "c"), ("<", "b", "d"), ("=", "x", "y")}


def test_awareness_of_a_timeline_against_itself_is_perfect() -> None:
    gold = timeline((1, "a"), (2, "b c"), (3, "d"))
    counts = semeval2015.awareness([(gold, gold)])
    assert counts.verified_system == counts.system == counts.verified_gold == counts.gold == 3


def test_awareness_by_hand() -> None:
    gold = timeline((1, "a"), (2, "b"), (3, "c"))
    system = timeline((1, "a"), (2, "c"), (3, "b"), (4, "z"))
    counts = semeval2015.awareness([(gold, system)])
    # System reduced: a<c (in gold closure), c<b (wrong), b<z (z unknown) → 1 of 3.
    # Gold reduced: a<b (in system closure a<c<b), b<c (system says c<b) → 1 of 2.
    assert (counts.verified_system, counts.system, counts.verified_gold, counts.gold) == (
        1,
        3,
        1,
        2,
    )


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "semeval2015-timeline").is_dir(), reason="../shared/data is absent")
def test_run_on_the_trial_data() -> None:
    report = semeval2015.run(EvalOptions(DATA, limit=10))
    assert report.documents == 10
    f1 = report.value("temporal awareness F1", "baseline:entity sentences by date")
    assert f1 is not None and 0.0 <= f1 <= 1.0
    ours = report.value("temporal awareness F1")  # ours: storyline.eval.entity_timelines
    assert ours is not None and 0.0 <= ours <= 1.0


TRIAL_DOC = """<Document doc_id="10718" doc_name="10718_Apple.txt">
<token number="0" sentence="0" t_id="1">Apple</token>
<token number="1" sentence="0" t_id="2">sells</token>
<token number="2" sentence="1" t_id="3">January</token>
<token number="3" sentence="1" t_id="4">09</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2008</token>
<Markables>
<EVENT_MENTION m_id="1"><token_anchor t_id="2"/></EVENT_MENTION>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="2" type="DATE" value="2008-01-09">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
</Markables>
</Document>
"""


def test_trial_document_has_its_id_and_creation_day(tmp_path: Path) -> None:
    path = tmp_path / "10718_Apple.xml"
    path.write_text(TRIAL_DOC, encoding="utf-8")
    doc = semeval2015.read_document(path)
    assert (doc.id, doc.dct) == ("10718", date(2008, 1, 9))
    assert doc.doc.text == "Apple sells\nJanuary 09, 2008"
    path.write_text(TRIAL_DOC.replace(' doc_id="10718"', ""), encoding="utf-8")
    with pytest.raises(StorylineError, match="no doc_id"):
        semeval2015.read_document(path)
