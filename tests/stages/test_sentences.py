"""Sentence spans: blank lines end sentences; ordinary prose is left to the parser."""

from __future__ import annotations

from storyline.model import Article, Doc
from storyline.settings import Settings
from storyline.stages.sentences import Sentences


def _sentences(text: str) -> list[str]:
    article = Article(id="a", source="t.txt", text=text)
    stage = Sentences(Settings()["spacy_model"])
    doc = stage.one(Doc(article))
    return [text[s.start : s.end] for s in doc.sentences]


def test_caption_without_full_stop_ends_at_the_blank_line() -> None:
    text = (
        "Putin speaks with Erdogan in Los Cabos, 18 June 2012. EPA Photo\n\n"
        "Russian President Vladimir Putin was due today to meet the Turkish leader."
    )
    found = _sentences(text)
    assert "EPA Photo" in found
    assert found[-1].startswith("Russian President Vladimir Putin")


def test_headline_is_its_own_sentence() -> None:
    found = _sentences("Turkey presses Russia on Syria\n\nAnkara said on Monday it would act.")
    assert found == ["Turkey presses Russia on Syria", "Ankara said on Monday it would act."]


def test_single_line_break_inside_a_sentence_does_not_split_it() -> None:
    found = _sentences("The minister said the talks\nwould resume on Friday.")
    assert len(found) == 1
