"""Values of time expressions read from their rule matches (storyline.stages.timevalues)."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.stages.times import find

NOV_2 = date(1989, 11, 2)  # a Thursday


def values(text: str, published: date) -> dict[str, str | None]:
    """Return each expression found in ``text`` by its surface."""
    return {text[t.start : t.end]: t.value for t in find(text, published)}


# --- comparisons: "year-ago" is deictic, "year-earlier" anaphoric --------------------------


def test_year_ago_counts_from_the_article_date_not_the_year_named_before():
    text = "It lost $195 million in 1988. The year-ago results included a charge."
    assert values(text, NOV_2)["The year-ago"] == "1988"


def test_year_earlier_counts_from_the_time_named_before():
    text = "It lost $195 million in 1986. The year-earlier results included a charge."
    assert values(text, NOV_2)["The year-earlier"] == "1985"


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "The slump will last through the first two quarters of 1990.",
            "the first two quarters of 1990",
            "1990-H1",
        ),
        ("Sales fell in the first two quarters.", "the first two quarters", "1989-H1"),
        (
            "Sales rose in the last two quarters of 1988.",
            "the last two quarters of 1988",
            "1988-H2",
        ),
        # the last two quarters with no year are the latest six months, a length
        ("Sales rose in the last two quarters.", "the last two quarters", "P2Q"),
    ],
)
def test_two_quarters_of_a_year_are_its_half(text, surface, expected):
    assert values(text, NOV_2)[surface] == expected


# --- year-end and the weekend ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("It expects to complete the sale by year-end.", "year-end", "1989-12-31"),
        # since the books last closed, not since the coming close
        ("The percentage change is since year-end.", "year-end", "1988-12-31"),
        ("Sales rose by month-end.", "month-end", "1989-11-30"),
    ],
)
def test_a_period_end_is_its_last_day(text, surface, expected):
    assert values(text, NOV_2)[surface] == expected


def test_ahead_of_the_weekend_is_the_coming_weekend():
    found = values("Traders squared positions ahead of the weekend.", NOV_2)
    assert found["the weekend"] == "1989-W44-WE"
    assert values("Prices rose over the weekend.", NOV_2)["the weekend"] == "1989-W43-WE"
    assert values("It is due by the coming weekend.", NOV_2)["the coming weekend"] == "1989-W44-WE"


# --- durations in the unit the text uses ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("It has had losses in the past two quarters.", "the past two quarters", "P2Q"),
        ("But a minute and a half later, a pilot called.", "a minute and a half", "PT1M30S"),
        ("The talks lasted an hour and a half.", "an hour and a half", "PT1H30M"),
        ("He served two and a half years in jail.", "two and a half years", "P2Y6M"),
    ],
)
def test_durations_keep_the_unit_the_text_uses(text, surface, expected):
    assert values(text, NOV_2)[surface] == expected
