"""Cue words and cue grammar of reported speech: one hand-made sentence per rule."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.model import Quote
from storyline.stages.entities import resolve
from storyline.stages.quotes import find
from storyline.stages.speech import lemma


@pytest.fixture(scope="module")
def quotes(nlp: Any) -> Any:
    """Return a function from a text to its quotes as (cue, content pieces, speaker span)."""

    def run(text: str) -> list[tuple[str | None, list[str], str | None]]:
        parsed = nlp(text)
        entities, mentions = resolve(
            text, [(e.start_char, e.end_char, e.label_) for e in parsed.ents]
        )
        return [_readable(text, q) for q in find(text, parsed, mentions, entities)]

    return run


def _readable(text: str, quote: Quote) -> tuple[str | None, list[str], str | None]:
    speaker = None
    if quote.speaker_start is not None and quote.speaker_end is not None:
        speaker = text[quote.speaker_start : quote.speaker_end]
    return quote.cue, [text[s:e] for s, e in quote.spans], speaker


def test_lemma_restores_the_e_the_lemmatizer_drops_from_hope() -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    words = ["hoping", "hoped", "hopes", "hopping", "said"]
    doc = Doc(spacy.blank("en").vocab, words=words, lemmas=["hop", "hop", "hop", "hop", "say"])
    assert [lemma(t) for t in doc] == ["hope", "hope", "hope", "hop", "say"]


def test_hoping_is_a_cue_of_intention(quotes: Any) -> None:
    found = quotes("Senator Smith is hoping to win the nomination.")
    assert ("hoping", ["to win the nomination"], "Senator Smith") in found


def test_said_yes_and_said_the_same_of_stand_for_a_clause(quotes: Any) -> None:
    found = quotes("Asked whether he would run again, the governor said yes.")
    assert ("said", ["yes"], "the governor") in found
    text = "Six in 10 voters said Clinton is honest, and three-quarters said the same of Sanders."
    assert ("said", ["the same of Sanders"], "three-quarters") in quotes(text)


def test_a_quoted_object_belongs_to_its_verb_not_to_the_verb_its_comma_hangs_on(
    quotes: Any,
) -> None:
    text = (
        "Mr. Manafort, citing ''the unique magic of Trump,'' said the candidate could win "
        "in Pennsylvania."
    )
    found = quotes(text)
    assert ("citing", ["the unique magic of Trump"], "Mr. Manafort") in found
    assert ("said", ["the candidate could win in Pennsylvania"], "Mr. Manafort") in found


def test_a_verb_of_regarding_attributes_the_thing_and_its_as_phrase(quotes: Any) -> None:
    found = quotes("Many conservatives see him as a uniter.")
    assert found == [("see", ["him as a uniter"], "Many conservatives")]
    # Passive with no agent: the author's report, no source.
    found = quotes("The tournament is now known as the Honda Classic.")
    assert found == [("known", ["The tournament", "as the Honda Classic"], None)]


def test_a_charge_names_who_is_charged_and_with_what(quotes: Any) -> None:
    assert quotes("He was charged with assault.") == [("charged", ["He", "assault"], None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "She recalled a false report from the 2008 campaign.",
            ("recalled", ["a false report from the 2008 campaign"], "She"),
        ),
        (
            "The senator balked at the price of the plan.",
            ("balked", ["the price of the plan"], "The senator"),
        ),
        ("Voters have doubts about the deal.", ("doubts", ["the deal"], "Voters")),
    ],
)
def test_object_preposition_and_noun_cues(quotes: Any, text: str, expected: Any) -> None:
    assert expected in quotes(text)


def test_a_relative_clause_reported_runs_around_its_source_and_cue(quotes: Any) -> None:
    text = "Military spending is sinking to 1.08 percent of GDP, which he said would be its lowest."
    assert ("said", ["which", "would be its lowest"], "he") in quotes(text)
    text = "The club faces what she said is growing demand for pools."
    assert ("said", ["what", "is growing demand for pools"], "she") in quotes(text)


def test_a_quoted_title_beside_a_cue_leaves_the_clause_as_what_was_said(quotes: Any) -> None:
    text = "But he told ABC's “Good Morning America” that the court would rule in June."
    assert quotes(text) == [("told", ["that the court would rule in June"], "he")]


def test_a_quote_that_ended_its_sentence_is_not_the_content_of_the_next_cue(quotes: Any) -> None:
    text = (
        "He paid $8 million for the jet, according to his book ''The Art of the Deal.'' "
        "Mr. Trump said a smaller jet would have cost more."
    )
    assert ("said", ["a smaller jet would have cost more"], "Mr. Trump") in quotes(text)


def test_the_main_clauses_subject_taken_for_an_appositive_is_not_content(quotes: Any) -> None:
    text = (
        "While Moscow has refused to support a tough resolution against Assad, Turkey has "
        "become one of its former ally's harshest critics."
    )
    assert quotes(text) == [("refused", ["to support a tough resolution against Assad"], "Moscow")]
    # "as" opening a clause the parser read as a phrase: its noun is that clause's subject.
    text = (
        "Putin was due today to meet Erdogan to discuss differences on Syria as UN Security "
        "Council prepared to vote on the conflict."
    )
    (discuss,) = [q for q in quotes(text) if q[0] == "discuss"]
    assert discuss[1] == ["differences on Syria"]
    # A true appositive stays: the verb after it has its own subject.
    text = "Moscow has refused to back a resolution against Assad, the Syrian leader, and left."
    (refused,) = [q for q in quotes(text) if q[0] == "refused"]
    assert refused[1] == ["to back a resolution against Assad, the Syrian leader"]
