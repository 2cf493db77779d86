from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.stages.published import infer_published, published_stage
from storyline.stages.times import times_stage

CAPTION = (
    "MOSCOW - Agence France-Presse\n\n"
    "Putin (R) speaks with Erdogan (L) during their meeting at the G20 summit in Los Cabos, "
    "Mexico, 18 June 2012. EPA Photo\n\n"
    "Russian President Vladimir Putin was due today to meet Turkish Prime Minister Erdogan."
)


# --- what the text supports -------------------------------------------------------------


def test_a_caption_date_is_a_lower_bound_and_the_estimate_with_low_confidence():
    # The photo may be weeks old (the AFP seed's is a month older than the story), and
    # "today" is not tied to it: the earliest possible day is the honest estimate.
    found = infer_published(CAPTION)
    assert found is not None
    assert (found.date, found.precision) == (date(2012, 6, 18), "day")
    assert found.confidence < 0.5
    assert "photo caption" in found.evidence and "18 June 2012" in found.evidence


def test_a_month_reported_after_the_caption_moves_the_estimate_past_it():
    text = CAPTION + " A Turkish jet was shot down over the Mediterranean in late June."
    found = infer_published(text)
    assert found is not None
    assert (found.date, found.precision) == (date(2012, 7, 1), "month")
    assert "late June" in found.evidence and "18 June 2012" in found.evidence


def test_the_latest_reported_date_wins_and_plans_never_raise_it():
    text = (
        "The talks began on 2 March 2011 and collapsed on 9 March 2011. "
        "The ministers will meet again on 4 May 2011."
    )
    found = infer_published(text)
    assert found is not None
    assert found.date == date(2011, 3, 9)
    assert "9 March 2011" in found.evidence


def test_due_dates_are_plans_even_in_a_past_sentence():
    text = "The company sold $150 million of notes due March 1, 2011, it said on 18 May 1989."
    found = infer_published(text)
    assert found is not None and found.date == date(1989, 5, 18)


def test_other_dates_close_below_raise_the_confidence():
    alone = infer_published("The vote was held on 9 March 2011.")
    agreed = infer_published("Protests began on 2 March 2011. The vote was held on 9 March 2011.")
    assert alone is not None and agreed is not None
    assert agreed.date == alone.date and agreed.confidence > alone.confidence


def test_a_plan_before_the_estimate_lowers_the_confidence():
    alone = infer_published("The vote was held on 9 March 2011.")
    torn = infer_published("The vote was held on 9 March 2011. It will resume on 1 March 2011.")
    assert alone is not None and torn is not None
    assert torn.confidence < alone.confidence and "plan" in torn.evidence


def test_a_dateline_date_is_the_filing_day():
    found = infer_published("PORT ALDA, March 3, 2012 (Harbor Wire) - The port would reopen.")
    assert found is not None
    assert (found.date, found.precision) == (date(2012, 3, 3), "day")
    assert found.confidence >= 0.5 and "dateline" in found.evidence


def test_a_yearless_dateline_is_no_surer_than_the_year_it_borrows():
    # The filing day is March 3 of the first year the reported dates allow; a year read
    # from one older date (a lower bound) leaves the estimate unsure.
    text = (
        "PORT ALDA, March 3 (Harbor Wire) - The port will reopen, the mayor said on Tuesday. "
        "Dockers had walked out. The shipping line objected. The mayor was elected on "
        "14 November 2011."
    )
    found = infer_published(text)
    assert found is not None
    assert (found.date, found.precision) == (date(2012, 3, 3), "day")
    assert found.confidence < 0.4 and "dateline" in found.evidence


def test_a_year_only_gives_the_year_after_it_with_low_confidence():
    # The Al Jazeera seed names only 2010: published after it, year-level, and unsure.
    found = infer_published("In 2010, Ankara struck a deal with Moscow to build a plant.")
    assert found is not None
    assert (found.date, found.precision) == (date(2011, 1, 1), "year")
    assert found.confidence < 0.3


def test_a_yearless_day_reported_moves_a_year_level_estimate_into_its_year():
    # 2010 is over: published in 2011 or later, and "Oct. 13" reported is the one of 2011
    found = infer_published("In 2010, Ankara struck a deal. The plant opened on Oct. 13.")
    assert found is not None
    assert (found.date, found.precision) == (date(2011, 10, 13), "day")
    assert found.confidence <= 0.15 and "2010" in found.evidence


def test_a_yearless_month_never_carries_a_year_level_estimate_past_its_year():
    found = infer_published("In 2010, Ankara struck a deal. Talks resumed in December.")
    assert found is not None and found.date.year == 2011


def test_a_fiscal_year_may_end_within_the_year_it_is_named_for():
    found = infer_published("Net income for fiscal 1989 rose 5%.")
    assert found is not None
    assert (found.date, found.precision) == (date(1989, 4, 1), "year")


def test_forecasts_and_effective_dates_are_plans():
    for text in (
        "The bank expects record earnings in 1990. Profit fell in 1988.",
        "Profit fell in 1988. The rules are effective Dec. 7, 1990.",
    ):
        found = infer_published(text)
        assert found is not None and found.date == date(1989, 1, 1), text


def test_the_title_counts_as_text():
    found = infer_published("The mayor resigned.", title="Mayor quits, 14 November 2011")
    assert found is not None and found.date == date(2011, 11, 14)


def test_no_explicit_date_gives_none():
    text = "Putin said Tuesday he met Erdogan yesterday; they will meet again next week."
    assert infer_published(text) is None
    assert infer_published("") is None


def test_decades_and_plans_alone_give_none():
    assert infer_published("Growth was strong in the 1990s.") is None
    assert infer_published("The plant is to open by 2022.") is None


# --- the stage ----------------------------------------------------------------------------


@dataclass
class FakeParse:
    ents: list[object]


SUPPORTED = (
    "Talks opened on 2 March 2011. They collapsed on 9 March 2011. "
    "Putin said Tuesday he was still hopeful."
)


def test_the_stage_stores_the_inferred_date_origin_and_confidence(make_doc):
    doc = published_stage(make_doc(SUPPORTED))
    article = doc.article
    assert (article.published, article.published_origin) == (date(2011, 3, 9), "inferred")
    assert 0.4 <= article.meta["published_confidence"] <= 1
    assert article.meta["published_precision"] == "day"
    assert "9 March 2011" in article.meta["published_evidence"]
    assert published_stage.key == "published.v3"


def test_a_lone_reported_date_is_a_bound_not_the_date(make_doc):
    # Past its lead, most full dates a story writes are background: one alone does not
    # date the story.
    text = (
        "Putin said Tuesday he was still hopeful. Talks would resume. Aides agreed. "
        "The last round collapsed on 9 March 2011."
    )
    doc = times_stage(published_stage(make_doc(text)))
    article = doc.article
    assert (article.published, article.published_origin) == (None, "unknown")
    assert article.meta["published_estimate"] == "2011-03-09"
    assert article.meta["published_precision"] == "day"
    assert {text[t.start : t.end]: t.value for t in doc.times}["Tuesday"] is None


def test_a_date_in_the_lead_is_the_news_of_the_day_unless_it_names_an_event():
    lead = infer_published("Kestrel bids for Ambrose\n\nThe offer, disclosed on 16 June 2025, "
                           "values each share at $14.20. Unions reacted with alarm.")  # fmt: skip
    assert lead is not None and lead.confidence >= 0.4 and "lead" in lead.evidence
    named = infer_published("The Aug. 7, 1998 bombings killed 224 people. A suspect was held.")
    assert named is not None and named.confidence < 0.4 and "lead" not in named.evidence


def test_abbreviations_do_not_end_the_lead():
    text = "Mr. Putin met U.S. envoys on Aug. 3. Talks began. Officials met on 5 May 2011."
    found = infer_published(text)
    assert found is not None and "lead" in found.evidence
    later = "Putin met envoys. Talks began. Aides spoke. Officials met on 5 May 2011."
    found = infer_published(later)
    assert found is not None and "lead" not in found.evidence


def test_a_caption_or_dateline_date_is_adopted(make_doc):
    doc = published_stage(make_doc(CAPTION))
    assert (doc.article.published, doc.article.published_origin) == (date(2012, 6, 18), "inferred")


def test_relative_times_resolve_against_the_inferred_date(make_doc):
    text = SUPPORTED
    doc = times_stage(published_stage(make_doc(text)))
    values = {text[t.start : t.end]: t.value for t in doc.times}
    assert values == {"2 March 2011": "2011-03-02", "9 March 2011": "2011-03-09",
                      "Tuesday": "2011-03-08"}  # fmt: skip


def test_the_stage_keeps_a_given_date(make_doc):
    doc = make_doc("The talks collapsed on 9 March 2011.", date(2011, 3, 10))
    assert published_stage(doc) is doc


def test_without_evidence_the_stage_leaves_the_date_unknown_and_times_unresolved(make_doc):
    text = "Putin said Tuesday he met Erdogan yesterday."
    doc = times_stage(published_stage(make_doc(text)))
    assert (doc.article.published, doc.article.published_origin) == (None, "unknown")
    assert [(text[t.start : t.end], t.value) for t in doc.times] == [
        ("Tuesday", None),
        ("yesterday", None),
    ]


def test_a_year_level_estimate_is_recorded_but_not_adopted(make_doc):
    text = "In 2010, Ankara struck a deal. Putin arrived on Monday."
    doc = times_stage(published_stage(make_doc(text)))
    article = doc.article
    assert (article.published, article.published_origin) == (None, "unknown")
    assert article.meta["published_estimate"] == "2011-01-01"
    assert article.meta["published_precision"] == "year"
    assert {text[t.start : t.end]: t.value for t in doc.times}["Monday"] is None


# --- invariants ---------------------------------------------------------------------------

# Words of time with no date in them: whatever their order, nothing dates the text.
UNDATED = [
    "today", "yesterday", "tomorrow", "Tuesday", "last", "next", "week", "month", "year", "ago",
    "three", "days", "now", "recently", "soon", "this", "morning", "said", "will", "meet", "on",
    "in", "the", "spring", "quarter", "third", "later", "earlier", "June", "May", "18", "noon",
    "10:30", "Christmas", ",", ".", "\n\n", "MOSCOW -", "Photo", "(R)",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(UNDATED), max_size=40))
def test_a_text_without_dates_never_gets_one_so_never_today(words):
    assert infer_published(" ".join(words)) is None


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([*UNDATED, "2011", "18 June 2012", "in 1995"]), max_size=40))
def test_an_inferred_date_is_never_today_unless_the_text_says_so(words):
    text = " ".join(words)
    found = infer_published(text)
    if found is not None:
        assert found.date != date.today() or found.date.isoformat() in text
        assert 0 <= found.confidence <= 1


def test_a_weekday_written_with_a_yearless_date_names_its_year():
    # 1994 only bounds the year; Monday, Oct. 26 first falls on a Monday in 1998.
    found = infer_published("Voters went to the polls on Monday, Oct. 26. In 1994 the party won.")
    assert found is not None
    assert (found.date, found.precision) == (date(1998, 10, 26), "day")
    assert found.confidence >= 0.4 and "weekday" in found.evidence
    bare = infer_published("Voters went to the polls on Oct. 26. In 1994 the party won.")
    assert bare is not None and bare.date == date(1995, 10, 26) and bare.confidence < 0.4
