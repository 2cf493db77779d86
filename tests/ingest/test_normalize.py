"""normalize: odd characters, markup and layout, and idempotence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.ingest.normalize import normalize, squash


@pytest.mark.parametrize(
    "space",
    ["\u00a0", "\u2000", "\u2003", "\u2007", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000"],
)
def test_odd_spaces_become_plain_spaces(space: str) -> None:
    assert normalize(f"Vladimir{space}Putin") == "Vladimir Putin"


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])
def test_zero_width_characters_and_soft_hyphens_are_removed(invisible: str) -> None:
    assert normalize(f"Erdo{invisible}gan") == "Erdogan"


def test_text_is_nfc() -> None:
    assert normalize("Erdog\u0306an") == "Erdo\u011fan"


def test_removing_a_soft_hyphen_lets_a_combining_mark_compose() -> None:
    assert normalize("Erdog\u00ad\u0306an") == "Erdo\u011fan"


def test_crlf_and_cr_become_lf() -> None:
    assert normalize("one\r\ntwo\rthree") == "one\ntwo\nthree"


def test_trailing_and_repeated_spaces_are_trimmed() -> None:
    assert normalize("  one   two  \nthree\t \n") == "one two\nthree"


def test_runs_of_blank_lines_collapse_to_one() -> None:
    assert normalize("one\n\n\n\n\ntwo\n \n\u00a0\n\nthree") == "one\n\ntwo\n\nthree"


def test_seed_style_nbsp_lines_separate_paragraphs() -> None:
    assert normalize("First.\n\u00a0\nSecond.") == "First.\n\nSecond."


def test_leftover_tags_are_removed_and_blocks_keep_paragraphs_apart() -> None:
    text = "<p>One <b>bold</b> claim.</p><p>Two.<br/>Three.</p><!-- note -->"
    assert normalize(text) == "One bold claim.\n\nTwo.\n\nThree."


def test_entities_are_decoded_but_prose_ampersands_stay() -> None:
    assert normalize("AT&T &amp; R&D &quot;quoted&quot; caf&eacute; &#8364;5") == (
        'AT&T & R&D "quoted" café €5'
    )


def test_escaped_markup_does_not_survive() -> None:
    assert normalize("&lt;b&gt;bold&lt;/b&gt; &amp;amp;") == "bold &"


def test_prose_with_angle_brackets_is_kept() -> None:
    assert normalize("if a < b and c > d, <Reuters>") == "if a < b and c > d, <Reuters>"


def test_control_characters_are_dropped() -> None:
    assert normalize("a\x07b\x1bc\x7fd") == "abcd"


def test_squash_ignores_case_spacing_and_edge_punctuation() -> None:
    assert squash("  Turkey's  ERDOĞAN to press Putin. ") == squash(
        "turkey's erdoğan to press putin"
    )


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


_MARKUPISH = st.text(
    alphabet=st.sampled_from(
        [*"<>&;#/pbr amltgx\n\r\t", "\u00a0", "\u00ad", "\u200b", "\u0306", "\u037e", "g"]
    )
)


@given(_MARKUPISH)
def test_normalize_is_idempotent_on_markup_fragments(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
