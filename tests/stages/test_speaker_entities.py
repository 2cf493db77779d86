"""Who a speaker phrase names, when the tagger or the phrase hides it (speakers.py)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from storyline.stages.entities import resolve
from storyline.stages.quotes import find

pytestmark = pytest.mark.slow


def speakers(nlp: Any, text: str, names: dict[str, str]) -> dict[str, str | None]:
    """Return {speaker span: its entity's name}; only ``names`` are tagged.

    Tagging by hand (each name's first occurrence, with its label) fixes what the
    tagger found, so a test says which mentions the article has.
    """
    spans = [(m.start(), m.end(), label) for name, label in names.items()
             if (m := re.search(re.escape(name), text))]  # fmt: skip
    entities, mentions = resolve(text, spans)
    named = {e.id: e.name for e in entities}
    return {
        text[q.speaker_start : q.speaker_end]: named.get(q.speaker or "")
        for q in find(text, nlp(text), mentions, entities)
        if q.speaker_start is not None
    }


def test_an_untagged_surname_is_the_person_of_that_surname(nlp):
    text = (
        "Prime Minister Dália Ferreño visited Brevik Ferry on Friday. "
        '"Nobody will be left alone," she said. Ferreño said that her cabinet would release a fund.'
    )
    found = speakers(nlp, text, {"Dália Ferreño": "PERSON", "Brevik Ferry": "GPE"})
    assert found["Ferreño"] == "Dália Ferreño"


def test_a_surname_two_people_share_names_neither(nlp):
    text = (
        "Dália Ferreño and her brother Jon Ferreño visited Brevik Ferry on Friday. "
        "Ferreño said that the cabinet would release a fund."
    )
    found = speakers(nlp, text, {"Dália Ferreño": "PERSON", "Jon Ferreño": "PERSON"})
    assert found["Ferreño"] is None


def test_a_role_noun_with_an_organization_in_apposition_is_that_organization(nlp):
    text = (
        "The dam's operator, Nordvale Hydro, said in a statement that the gate had passed "
        "its last inspection."
    )
    found = speakers(nlp, text, {"Nordvale Hydro": "ORG"})
    assert found["The dam's operator, Nordvale Hydro"] == "Nordvale Hydro"


def test_a_name_in_apposition_beats_the_employer_named_before_the_role(nlp):
    text = (
        "A former Nordvale inspector, Katrin Mollet, told the hearing in Veldmark City that her "
        'report had been "filed and forgotten".'
    )
    found = speakers(nlp, text, {"Nordvale": "ORG", "Katrin Mollet": "PERSON"})
    assert found["A former Nordvale inspector, Katrin Mollet"] == "Katrin Mollet"


@pytest.mark.parametrize(
    ("text", "named", "speaker", "expected"),
    [
        (
            # The organization last named with the description's head noun.
            "The Calveran Competition Commission opened a review of the deal on Friday. "
            "The commission said that it had serious concerns about freight capacity.",
            "Calveran Competition Commission", "The commission", "Calveran Competition Commission",
        ),
        (
            # Its folded last word, whatever its letters ("Senate" ends in no "'s").
            "The State Senate passed the budget on Friday. "
            "The senate said that it would meet again in March.",
            "The State Senate", "The senate", "State Senate",
        ),
        (
            # No organization ends with "board": unresolved.
            "The Calveran Competition Commission opened a review of the deal on Friday. "
            "The board said that it would consider the offer.",
            "Calveran Competition Commission", "The board", None,
        ),
    ],
)  # fmt: skip
def test_a_definite_description_is_the_organization_last_named_with_its_noun(
    nlp, text, named, speaker, expected
):
    assert speakers(nlp, text, {named: "ORG"})[speaker] == expected


def test_a_wh_word_beside_a_cue_is_never_its_speaker(nlp):
    text = (
        'Anders Klemet said there was "no indication of a design fault" and blamed the '
        "failure on what he called exceptional rainfall."
    )
    found = speakers(nlp, text, {"Anders Klemet": "PERSON"})
    assert "what" not in found
    assert found["he"] == "Anders Klemet"


def test_it_stands_for_the_subject_before_it_when_no_entity_names_that(nlp):
    text = (
        "An independent inquiry concluded on Tuesday that the failure was foreseeable. "
        "It said that Nordvale Hydro had treated gate maintenance as a cost to be managed."
    )
    entities, mentions = resolve(text, [(text.index("Nordvale"), text.index(" had"), "ORG")])
    said = next(q for q in find(text, nlp(text), mentions, entities) if q.cue == "said")
    assert (said.speaker, said.speaker_text) == (None, "An independent inquiry")
    assert text[said.speaker_start : said.speaker_end] == "It"  # the mention in the text
