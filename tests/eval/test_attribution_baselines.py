from __future__ import annotations

import pytest

from storyline import nlp
from storyline.eval import attribution
from storyline.settings import Settings

pytestmark = pytest.mark.slow


def parse(text: str):  # type: ignore[no-untyped-def]
    settings = Settings()
    return nlp.load(settings["spacy_model"], settings["check_model_hashes"])(text)


def surface(text: str, quote) -> str:  # type: ignore[no-untyped-def]
    return " ".join(text[s:e] for s, e in quote.spans)


def test_reported_speech_takes_the_subject_and_the_reported_clause():
    text = "The minister said that the talks would resume in March."
    [quote] = attribution.reported_speech(parse(text))
    assert quote.speaker_text == "The minister"
    assert quote.cue == "said"
    assert surface(text, quote) == "that the talks would resume in March"


def test_according_to_makes_its_object_the_speaker():
    text = "According to Reuters, the plant will close next year."
    [quote] = attribution.reported_speech(parse(text))
    assert quote.speaker_text == "Reuters"
    assert surface(text, quote) == "the plant will close next year"


def test_a_quoted_string_gets_the_nearest_name_of_its_sentence():
    text = 'Police were called. "We will not back down now," Vladimir Putin told reporters.'
    [quote] = attribution.quoted_strings(parse(text))
    assert surface(text, quote) == "We will not back down now"
    assert quote.speaker_text == "Vladimir Putin"
    assert quote.cue == "told"


def test_scare_quotes_are_not_quotes():
    assert attribution.quoted_strings(parse('He called it a "crazy system" on Monday.')) == []
