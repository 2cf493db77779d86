from __future__ import annotations

from typing import Any

import pytest

from storyline.model import Article, Doc, Quote
from storyline.stages import quotemarks
from storyline.stages.entities import resolve
from storyline.stages.quotes import find, quotes_stage


@pytest.fixture(scope="module")
def quotes(nlp: Any) -> Any:
    """Find the quotes of a text, with mentions resolved from spaCy's entities."""

    def run(text: str) -> list[tuple[Quote, dict[str, str]]]:
        parsed = nlp(text)
        entities, mentions = resolve(
            text, [(e.start_char, e.end_char, e.label_) for e in parsed.ents]
        )
        names = {e.id: e.name for e in entities}
        return [(q, names) for q in find(text, parsed, mentions, entities)]

    return run


def pieces(text: str, quote: Quote) -> list[str]:
    return [text[s:e] for s, e in quote.spans]


def speaker_span(text: str, quote: Quote) -> str | None:
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    return text[quote.speaker_start : quote.speaker_end]


def only(found: list[tuple[Quote, dict[str, str]]]) -> tuple[Quote, dict[str, str]]:
    assert len(found) == 1, [q for q, _ in found]
    return found[0]


# ---------------------------------------------------------------- direct quotes


def test_seed_direct_quote_with_inverted_said(quotes: Any) -> None:
    text = (
        "“Russia and Turkey for the moment cannot find a mutual approach on the methods of how "
        "to regulate the situation in Syria. But our assessment of the situation completely "
        "coincides,” said Putin during a press conference with Erdogan on Monday."
    )
    quote, names = only(quotes(text))
    assert quote.kind == "direct"
    assert quote.cue == "said"
    assert pieces(text, quote) == [text[1 : text.index("coincides") + len("coincides")]]
    assert names[quote.speaker or ""] == "Putin"
    assert speaker_span(text, quote) == "Putin"


def test_split_quote_is_one_quote_and_he_is_the_last_person_named(quotes: Any) -> None:
    text = (
        "Erdogan arrived in Moscow on Tuesday. "
        "“We are doing fine,” he said, “but we need more help from our friends.”"
    )
    quote, names = only(quotes(text))
    assert pieces(text, quote) == ["We are doing fine", "but we need more help from our friends"]
    assert quote.cue == "said"
    assert speaker_span(text, quote) == "he"
    assert names[quote.speaker or ""] == "Erdogan"
    assert quote.speaker_text == "Erdogan"


@pytest.mark.parametrize(
    ("text", "said", "cue"),
    [
        (
            'Merkel met Hollande in Paris. "We will not accept a divided Europe," Merkel told '
            "reporters.",
            "We will not accept a divided Europe",
            "told",
        ),
        (
            "Putin replied: ‘We have to stay together in this crisis.’ Trump’s answer was short.",
            "We have to stay together in this crisis",
            "replied",
        ),
        (
            "''We are going to win this state,'' Mr. Trump said at the rally.",
            "We are going to win this state",
            "said",
        ),
        ("Merkel said: «We will never give in to fear.»", "We will never give in to fear", "said"),
    ],
    ids=["straight", "single-curly", "doubled-apostrophes", "guillemets"],
)
def test_every_quotation_style_is_a_direct_quote(
    quotes: Any, text: str, said: str, cue: str
) -> None:
    quote, _ = only(quotes(text))
    assert (quote.kind, quote.cue, pieces(text, quote)) == ("direct", cue, [said])


def test_quote_running_over_paragraphs_is_one_quote(quotes: Any) -> None:
    # The first paragraph never closes its quote; the next one reopens it.
    text = (
        "Putin spoke for an hour.\n\n"
        "“We are not defenders of the regime. We have said this many times.\n\n"
        "“There will be a gap in the government,” Putin said."
    )
    quote, names = only(quotes(text))
    assert pieces(text, quote) == [
        "We are not defenders of the regime. We have said this many times",
        "There will be a gap in the government",
    ]
    assert names[quote.speaker or ""] == "Putin"


def test_paragraph_initial_quote_continues_the_previous_speaker(quotes: Any) -> None:
    text = (
        "“Russia and Turkey cannot find a mutual approach,” said Putin during a press "
        "conference with Erdogan on Monday.\n\n"
        "Erdogan told Putin that Russia should stop supporting the regime of Syria’s Bashar "
        "al-Assad, a claim Putin denied.\n\n"
        "“We are not defenders of the existing regime in Syria, I have already stated this, "
        "we are concerned about something else.”"
    )
    found = quotes(text)
    last, names = found[-1]
    assert pieces(text, last) == [
        "We are not defenders of the existing regime in Syria, I have already stated this, "
        "we are concerned about something else"
    ]
    assert last.kind == "direct" and last.cue is None
    assert names[last.speaker or ""] == "Putin"
    told = next(q for q, _ in found if q.cue == "told")
    assert names[told.speaker or ""] == "Erdogan"


def test_quoted_paragraph_after_a_colon_takes_its_cue(quotes: Any) -> None:
    text = "Putin told reporters:\n\n“We are not defenders of the existing regime in Syria.”"
    quote, names = only(quotes(text))
    assert (quote.cue, names[quote.speaker or ""]) == ("told", "Putin")
    assert pieces(text, quote) == ["We are not defenders of the existing regime in Syria"]


def test_transcript_lines_are_quotes_of_the_named_speaker(quotes: Any) -> None:
    text = (
        "WALLACE: Will she be at the debate tomorrow night?\n\n"
        "PENCE: She will not be attending the debate tomorrow.\n\n"
        "PENCE: Because we have a campaign to run."
    )
    found = [q for q, _ in quotes(text)]
    assert [(q.cue, speaker_span(text, q), pieces(text, q)) for q in found] == [
        (":", "WALLACE", ["Will she be at the debate tomorrow night?"]),
        (":", "PENCE", ["She will not be attending the debate tomorrow"]),
        (":", "PENCE", ["Because we have a campaign to run"]),
    ]


def test_quote_signed_with_a_dash(quotes: Any) -> None:
    text = "“The most unqualified child to ever run for president.” ― Francisco Herrero"
    quote, _ = only(quotes(text))
    assert (quote.cue, quote.speaker_text) == ("―", "Francisco Herrero")


def test_titles_and_scare_quotes_are_not_direct_quotes(quotes: Any) -> None:
    text = "Later he appeared on “Meet the Press” to talk about the “truce.”"
    assert all(q.kind == "indirect" for q, _ in quotes(text))
    assert not any("Meet the Press" in pieces(text, q) for q, _ in quotes(text))


# ---------------------------------------------------------------- reported speech


def test_seed_told_that(quotes: Any) -> None:
    text = "Erdogan told Putin that Russia should stop supporting the regime."
    quote, names = only(quotes(text))
    assert (quote.kind, quote.cue) == ("indirect", "told")
    assert pieces(text, quote) == ["that Russia should stop supporting the regime"]
    assert names[quote.speaker or ""] == "Erdogan"
    assert speaker_span(text, quote) == "Erdogan"


def test_according_to_opposition_monitors(quotes: Any) -> None:
    text = (
        "Russia and Turkey are still at odds over the violence, which has claimed 17,000 "
        "lives since last spring, according to opposition monitors."
    )
    quote, _ = only(quotes(text))
    assert quote.cue == "according to"
    assert pieces(text, quote) == [text[: text.index(", according")]]
    # A role noun names no entity: the span is the speaker, unresolved.
    assert (quote.speaker, quote.speaker_text) == (None, "opposition monitors")
    assert speaker_span(text, quote) == "opposition monitors"


def test_pronoun_speaker_resolves_to_the_previous_subject(quotes: Any) -> None:
    text = "Erdogan arrived in Moscow on Tuesday. He said that Turkey wants peace in Syria."
    quote, names = only(quotes(text))
    assert speaker_span(text, quote) == "He"
    assert names[quote.speaker or ""] == "Erdogan"
    assert pieces(text, quote) == ["that Turkey wants peace in Syria"]


@pytest.mark.parametrize(
    ("text", "cue", "said", "speaker"),
    [
        (
            "The economy will grow by three percent next year, the minister said.",
            "said",
            ["The economy will grow by three percent next year"],
            "the minister",
        ),
        (
            "But Turkey insists the missiles would be used for purely defensive purposes.",
            "insists",
            ["the missiles would be used for purely defensive purposes"],
            "Turkey",
        ),
        (
            "The Kremlin denies that Russian troops are fighting in Syria.",
            "denies",
            ["that Russian troops are fighting in Syria"],
            "The Kremlin",
        ),
        (
            "Erdogan warned that such a move could spark a broader conflict.",
            "warned",
            ["that such a move could spark a broader conflict"],
            "Erdogan",
        ),
        ("Erdogan believes that Assad must go.", "believes", ["that Assad must go"], "Erdogan"),
        (
            "Putin wants to keep the naval base in Tartus.",
            "wants",
            ["to keep the naval base in Tartus"],
            "Putin",
        ),
        (
            "Syria accused Turkey of training and supplying militants.",
            "accused",
            ["Turkey", "training and supplying militants"],
            "Syria",
        ),
        (
            "It was reported by AFP that Putin will visit Ankara in December.",
            "reported",
            ["that Putin will visit Ankara in December"],
            "AFP",
        ),
    ],
    ids=["said-after", "insists", "denies", "warned", "believes", "wants", "accused", "passive"],
)
def test_reported_speech_content_and_speaker(
    quotes: Any, text: str, cue: str, said: list[str], speaker: str
) -> None:
    quote, _ = only(quotes(text))
    assert (quote.kind, quote.cue, pieces(text, quote)) == ("indirect", cue, said)
    assert speaker_span(text, quote) == speaker


def test_partial_quote_inside_reported_speech_is_indirect(quotes: Any) -> None:
    text = "Lowell said that he does not “prefer” pickles at all."
    quote, _ = only(quotes(text))
    assert (quote.kind, pieces(text, quote)) == (
        "indirect",
        ["that he does not “prefer” pickles at all"],
    )


def test_nested_attribution_of_another_source_is_two_quotes(quotes: Any) -> None:
    text = "AFP reports that Putin said the talks in Istanbul had failed."
    (outer, names), (inner, _) = quotes(text)
    assert (names[outer.speaker or ""], outer.cue) == ("AFP", "reports")
    assert (names[inner.speaker or ""], inner.cue) == ("Putin", "said")
    assert pieces(text, inner) == ["the talks in Istanbul had failed"]
    assert outer.start <= inner.start and inner.end <= outer.end


def test_same_speaker_restating_is_one_quote(quotes: Any) -> None:
    text = "Putin said he believed the talks had failed."
    quote, _ = only(quotes(text))
    assert (quote.cue, pieces(text, quote)) == ("said", ["he believed the talks had failed"])


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Putin’s spokesman, Dmitry Peskov, said there were differences over Syria.",
            "Putin’s spokesman, Dmitry Peskov",
        ),
        (
            "Kremlin spokesman Dmitry Peskov said there were differences over Syria.",
            "Kremlin spokesman Dmitry Peskov",
        ),
    ],
)
def test_role_noun_with_a_name_beside_it_is_that_person(quotes: Any, text: str, span: str) -> None:
    quote, names = only(quotes(text))
    assert names[quote.speaker or ""] == "Dmitry Peskov"
    assert speaker_span(text, quote) == span


def test_role_noun_alone_stays_unresolved(quotes: Any) -> None:
    text = "The minister said the economy will grow."
    quote, _ = only(quotes(text))
    assert (quote.speaker, quote.speaker_text, speaker_span(text, quote)) == (
        None,
        "The minister",
        "The minister",
    )


# ---------------------------------------------------------------- stage and invariants


def test_stage_adds_quotes_and_none_without_a_parse(nlp: Any) -> None:
    text = "Erdogan told Putin that Russia should stop supporting the regime."
    article = Article(id=Article.make_id(text), text=text)
    assert quotes_stage(Doc(article)).quotes == ()
    parsed = nlp(text)
    entities, mentions = resolve(text, [(e.start_char, e.end_char, e.label_) for e in parsed.ents])
    doc = Doc(article, entities=tuple(entities), mentions=tuple(mentions), parse=parsed)
    (quote,) = quotes_stage(doc).quotes
    assert quote.cue == "told"


def test_spans_lie_inside_the_text_and_inside_start_end(quotes: Any) -> None:
    text = (
        "“We will not leave,” Putin said. He added that Russia would keep its base, "
        "according to Interfax.\n\n“Nobody can force us,” he said, “and nobody will.”"
    )
    for quote, _ in quotes(text):
        assert quote.spans and list(quote.spans) == sorted(quote.spans)
        assert quote.start == quote.spans[0][0] and quote.end == quote.spans[-1][1]
        assert all(0 <= s < e <= len(text) for s, e in quote.spans)


# ---------------------------------------------------------------- quoted strings


def test_quoted_strings_exclude_marks_and_skip_apostrophes() -> None:
    text = "Trump’s aide said “it’s over” and the voters’ mood ‘soured’."
    found = quotemarks.quoted_strings(text)
    assert [text[q.start : q.end] for q in found] == ["it’s over", "soured"]
    assert [q.single for q in found] == [False, True]


def test_open_quote_runs_on_into_the_paragraph_that_reopens_it() -> None:
    text = "“First part of the speech.\n\n“Second part,” he said.\n\nNext paragraph."
    first, second = quotemarks.quoted_strings(text)
    assert (text[first.start : first.end], first.runs_on) == ("First part of the speech.", True)
    assert (text[second.start : second.end], second.runs_on) == ("Second part,", False)


def test_quote_left_open_without_continuation_ends_with_its_paragraph() -> None:
    text = "He said:\n\n“We are not defenders of the regime.\n\nThe talks ended."
    (only_one,) = quotemarks.quoted_strings(text)
    assert text[only_one.start : only_one.end] == "We are not defenders of the regime."
    assert not only_one.runs_on


def test_cue_less_quote_after_an_unattributed_paragraph_is_left_out(quotes: Any) -> None:
    text = (
        "The vote was close on Tuesday.\n\n"
        "“We are not defenders of the existing regime in Syria, I have already stated this.”"
    )
    assert quotes(text) == []


def test_markup_tag_named_tweet_is_no_cue(quotes: Any) -> None:
    text = (
        "Here is what he wrote on Monday:\n\n"
        '<tweet pic="" author="realDonaldTrump" timestamp="1449075600">Praying for those '
        "impacted by the shooting in California today.</tweet>"
    )
    assert [q.cue for q, _ in quotes(text)] == []


def test_a_fronted_clause_taken_for_the_subject_leaves_the_speaker_after_its_comma(
    quotes: Any,
) -> None:
    text = (
        "Adding to the tensions between Moscow and Ankara, a source in Russia's military "
        "recently accused Turkey of violating Syrian air space."
    )
    (quote, _), *_ = quotes(text)
    assert (quote.cue, quote.speaker_text) == ("accused", "a source in Russia's military")


def test_what_was_said_starts_after_the_dateline(quotes: Any) -> None:
    text = "TERAVO - Rail workers have voted overwhelmingly to strike, their union said yesterday."
    quote, _ = only(quotes(text))
    assert pieces(text, quote) == ["Rail workers have voted overwhelmingly to strike"]


def test_quoted_words_inside_reported_speech_continue_no_earlier_quote(quotes: Any) -> None:
    text = (
        'A survey recommended replacing two gates "as a matter of urgency". Opposition leader '
        "Ilse Marrow said that the documents proved the company had \"gambled with people's "
        'lives".'
    )
    found = {q.cue: pieces(text, q) for q, _ in quotes(text)}
    assert found["recommended"] == ['replacing two gates "as a matter of urgency']
    assert found["said"] == [text[text.index("that the") : text.rindex("lives") + 5]]


def test_a_description_in_the_lead_is_the_organization_named_later(quotes: Any) -> None:
    text = (
        "Rail workers have voted overwhelmingly to strike, their union said on Wednesday. Of "
        "the 5,100 members of the Calveran Rail Workers' Union who took part, 81% voted yes."
    )
    (quote, names), *_ = quotes(text)
    assert (quote.cue, names.get(quote.speaker or "")) == ("said", "Calveran Rail Workers' Union")


def test_a_description_owned_by_a_common_noun_is_definite(quotes: Any) -> None:
    text = (
        "Four people remain missing, the country's civil protection agency said on Friday. "
        "Colonel Petra Audun heads the Veldmark Civil Protection Agency."
    )
    (quote, names), *_ = quotes(text)
    assert names.get(quote.speaker or "") == "Veldmark Civil Protection Agency"
