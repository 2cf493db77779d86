"""Speakers and cues the grammar of a sentence gives away (speech, speakers, cuewords).

Each case broke before: the source was missing, or another phrase of the
sentence stood in for it.
"""

from __future__ import annotations

from typing import Any

import pytest

from storyline.stages import speech
from storyline.stages.entities import resolve
from storyline.stages.quotes import find


def attributions(nlp: Any, text: str) -> list[tuple[str | None, str | None, list[str]]]:
    """Return (cue, speaker span, content pieces) of every quote found in ``text``."""
    parsed = nlp(text)
    entities, mentions = resolve(text, [(e.start_char, e.end_char, e.label_) for e in parsed.ents])
    found = []
    for q in find(text, parsed, mentions, entities):
        speaker = None if q.speaker_start is None else text[q.speaker_start : q.speaker_end]
        found.append((q.cue, speaker, [text[s:e] for s, e in q.spans]))
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # An infinitive under an adjective borrows the copula's subject.
            "The senator was quick to point out that the bill had failed twice.",
            ("point", "The senator", ["that the bill had failed twice"]),
        ),
        (
            # A perfect participle is active: its subject is the main clause's.
            "Having announced that he would not run, the governor left the stage.",
            ("announced", "the governor", ["that he would not run"]),
        ),
        (
            # A possessive pronoun on an object points back to the subject.
            "The party leaders have signaled their support for the delay.",
            ("support", "The party leaders", ["the delay"]),
        ),
        (
            # An infinitive on the object of a verb is the verb's subject's purpose.
            "Khan has mounted a public campaign to condemn the proposal.",
            ("condemn", "Khan", ["the proposal"]),
        ),
        (
            # ... and on a possessed noun, the possessor's.
            "Turkey's refusal to acknowledge the killings angered the delegates.",
            ("acknowledge", "Turkey's", ["the killings"]),
        ),
        (
            # The audience of a verb does not speak its participle.
            "The senator emailed supporters saying the fight would go on.",
            ("saying", "The senator", ["the fight would go on"]),
        ),
        (
            # Only a verb of making someone act hands its infinitive to the object.
            "The protester, using an expletive to describe the administration, shouted.",
            ("describe", "The protester", ["the administration"]),
        ),
        (
            # An adjunct's implicit subject is its clause's, passive or not.
            "Since the debate, she has been pushed to the left, criticizing the pipeline.",
            ("criticizing", "she", ["the pipeline"]),
        ),
        (
            "The senator was arrested on Monday and said that the charges were false.",
            ("said", "The senator", ["that the charges were false"]),
        ),
        (
            "The scandal led many voters to say that the race was over.",
            ("say", "many voters", ["that the race was over"]),
        ),
    ],
    ids=["quick-to", "having", "their-support", "campaign-to", "refusal-to", "emailed",
         "using-to", "passive-adjunct", "passive-conjunct", "led-to"],
)  # fmt: skip
def test_source_of_a_cue_without_its_own_subject(
    nlp: Any, text: str, expected: tuple[str, str, list[str]]
) -> None:
    assert expected in attributions(nlp, text)


def test_the_one_told_is_not_the_speaker(nlp: Any) -> None:
    text = (
        "“We were tremendously wrong to not have confronted him from the beginning,” "
        "Ramos, 58, told AFP in an interview in Mexico City on Monday."
    )
    ((cue, speaker, _),) = attributions(nlp, text)
    assert cue == "told"
    assert speaker is not None and speaker.startswith("Ramos")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Senate Republicans have been critical of the president's budget.",
            ("critical", "Senate Republicans", ["the president's budget"]),
        ),
        (
            "The mayor is confident that the new stadium will pay for itself.",
            ("confident", "The mayor", ["that the new stadium will pay for itself"]),
        ),
    ],
    ids=["critical-of", "confident-that"],
)
def test_predicative_adjective_of_attitude_is_a_cue(
    nlp: Any, text: str, expected: tuple[str, str, list[str]]
) -> None:
    assert attributions(nlp, text) == [expected]


def test_attributive_adjective_attributes_nothing(nlp: Any) -> None:
    text = "A skeptical voter asked the candidate about taxes."
    assert [cue for cue, _, _ in attributions(nlp, text)] == ["asked"]


def test_adjective_without_a_complement_attributes_nothing(nlp: Any) -> None:
    parsed = nlp("The mayor is confident.")
    adjective = next(t for t in parsed if t.lower_ == "confident")
    assert speech.is_adjective_cue(adjective)
    assert speech.adjective_content(adjective) == []


@pytest.mark.parametrize(
    "text",
    [
        "When the moderator pointed out that Trump had not answered the question, "
        "the candidate said.",
        "While most voters in the poll liked the senator, only 43 percent said.",
    ],
)
def test_fronted_adverbial_clause_is_not_what_a_final_cue_reports(nlp: Any, text: str) -> None:
    assert [a for a in attributions(nlp, text) if a[0] == "said"] == []


def test_person_beside_a_passive_cue_is_asked_not_the_speaker(nlp: Any) -> None:
    text = (
        "Blumenthal was asked on Wednesday, “If you had known she had a personal server, "
        "would you have told her?”"
    )
    assert [(cue, speaker) for cue, speaker, _ in attributions(nlp, text)] == [("asked", None)]
