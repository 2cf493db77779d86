from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from storyline.errors import StorylineError
from storyline.eval import giveme5w1h
from storyline.model import Article, Doc, Entity, Event, Mention, Span, TimeExpr

RECORD = {
    "title": "Trump meets Obama",
    "description": "Donald Trump met Barack Obama.",
    "text": "Donald Trump met Barack Obama. They talked. Trump left. Later news.",
    "date_publish": "2016-11-10 00:00:00",
    "fiveWoneH": {
        "who": {
            "annotated": [
                {"text": "Donald Trump", "coderPhraseCount": 3},
                {"text": "x", "coderPhraseCount": 0},
            ]
        },
        "when": {
            "annotated": [{"text": "Thursday", "parsed": "2016-11-10", "coderPhraseCount": 2}]
        },
        "where": {"annotated": [{"coderPhraseCount": 3}]},
    },
}


def test_a_record_becomes_title_and_body_without_repeating_the_description():
    doc = giveme5w1h.parse(RECORD, "r.json")
    assert doc.text == "Trump meets Obama\n\n" + RECORD["text"]
    assert doc.text[doc.body_start :].startswith("Donald Trump met")
    assert doc.published == date(2016, 11, 10)
    assert [a.text for a in doc.answers["who"]] == ["Donald Trump"]  # count 0 dropped
    assert doc.answers["when"][0].parsed == date(2016, 11, 10)
    assert doc.answers["where"] == ()  # coders agreed there is no answer


def test_a_record_missing_its_text_names_the_file():
    with pytest.raises(StorylineError, match=r"r\.json"):
        giveme5w1h.parse({"fiveWoneH": {}}, "r.json")


def test_matching_is_a_shared_content_word_or_the_same_day():
    gold = giveme5w1h.parse(RECORD, "r.json").answers
    assert giveme5w1h.correct("who", ("President-elect Trump",), gold["who"])
    assert not giveme5w1h.correct("who", ("the President",), gold["who"])
    assert giveme5w1h.correct("who", ("the President", "Trump"), gold["who"])  # an alias
    assert not giveme5w1h.correct("who", (), gold["who"])
    assert giveme5w1h.correct("when", ("2016-11-10",), gold["when"])
    assert not giveme5w1h.correct("when", ("2016-11",), gold["when"])


def test_our_answers_are_the_most_mentioned_actor_and_first_dated_expression():
    text = "Obama met Trump. Trump spoke. Obama left Washington on Thursday. More text here."
    ids = {"Trump": "e-trump", "Obama": "e-obama"}

    def mention(surface: str, nth: int, label: str = "PER") -> Mention:
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        key = ids.get(surface, "e-" + surface.lower())
        return Mention(start, start + len(surface), key, label)

    mentions = (
        mention("Obama", 0), mention("Trump", 0), mention("Trump", 1), mention("Obama", 1),
        mention("Washington", 0, "GPE"),
    )  # fmt: skip
    when = text.index("Thursday")
    doc = Doc(
        Article("a", text),
        sentences=(Span(0, 16), Span(17, 29), Span(30, 63), Span(64, len(text))),
        entities=(Entity(ids["Trump"], "Donald Trump", "PER"), Entity(ids["Obama"], "Obama", "PER"),
                  Entity(mentions[-1].entity, "Washington", "GPE")),
        mentions=mentions,
        times=(TimeExpr(when, when + 8, "DATE", "2016-11-10"),),
    )  # fmt: skip
    end = giveme5w1h.lead_end(doc, 0)
    assert end == 63  # three sentences
    # A tie (two mentions each) goes to the actor named first.
    assert giveme5w1h.ours(doc, end) == {
        "who": ("Obama",),
        "when": ("2016-11-10",),
        "where": ("Washington",),
    }


def test_our_when_is_a_day_a_time_names_else_the_publication_day():
    text = "Fans gathered on Sunday morning. The race began in 1994. Fans left."
    at = text.index("Sunday morning")
    year = text.index("1994")
    doc = Doc(
        Article("a", text, published=date(2016, 11, 8)),
        sentences=(Span(0, 32), Span(33, 56), Span(57, len(text))),
        times=(TimeExpr(at, at + 14, "TIME", "2016-11-06TMO"),),
    )
    assert giveme5w1h.ours(doc, len(text))["when"] == ("2016-11-06TMO",)
    # A year names no day; with no day in the lead, the news is of its publication day.
    doc = Doc(
        Article("a", text, published=date(2016, 11, 8)),
        sentences=doc.sentences,
        times=(TimeExpr(year, year + 4, "DATE", "1994"),),
    )
    assert giveme5w1h.ours(doc, len(text))["when"] == ("2016-11-08",)


def test_our_who_is_the_doer_of_the_leads_first_act_by_a_person_or_group():
    text = "Obama met Trump. Trump spoke. Trump left."
    doc = Doc(
        Article("a", text),
        sentences=(Span(0, 16), Span(17, 29), Span(30, len(text))),
        entities=(Entity("e-obama", "Barack Obama", "PER", ("Obama",)),
                  Entity("e-trump", "Donald Trump", "PER"), Entity("e-dc", "Washington", "GPE")),
        mentions=(Mention(0, 5, "e-obama", "PER"), Mention(10, 15, "e-trump", "PER"),
                  Mention(17, 22, "e-trump", "PER"), Mention(30, 35, "e-trump", "PER")),
        events=(Event("v1", 6, 9, "met", "CONSULT", source="e-obama", target="e-trump"),),
    )  # fmt: skip
    # Trump is mentioned most, but Obama is the one who acts.
    assert giveme5w1h.ours(doc, len(text))["who"] == ("Barack Obama", "Obama")
    placed = dataclasses.replace(doc, events=(Event("v1", 6, 9, "met", "CONSULT", source="e-dc"),))
    assert giveme5w1h.ours(placed, len(text))["who"] == ("Donald Trump",)  # a place acts: no
