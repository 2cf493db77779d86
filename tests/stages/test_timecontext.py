"""What the clause around a time expression says of it (storyline.stages.timecontext)."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.stages.times import find

JULY_18 = date(2012, 7, 18)  # a Wednesday


def values(text: str, published: date | None = JULY_18) -> dict[str, str | None]:
    """Return each expression found in ``text`` by its surface."""
    return {text[t.start : t.end]: t.value for t in find(text, published)}


# --- a weekday still to come ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "would" and a verb in reported speech look ahead from the report
        (
            "Officials said the father would be traveling to the United States Thursday.",
            "2012-07-19",
        ),
        # the present simple of a planned event is the future
        ("He and the prime minister meet separately Monday with the envoy.", "2012-07-23"),
        ("The talks resume Monday in Geneva.", "2012-07-23"),
        # a report verb in the present, a refusal, a day named by what happened: past
        ("The minister says Monday that the plan failed.", "2012-07-16"),
        ("The spokesman would not comment Monday on the report.", "2012-07-16"),
        ("Investors would look for ways around Monday's ruling.", "2012-07-16"),
        ("He did not meet Monday with the envoy.", "2012-07-16"),
        # a report after "would" dates the report, not what would happen
        ("The deal would be signed soon, he said Monday.", "2012-07-16"),
    ],
)
def test_a_weekday_governed_by_would_or_a_planned_present_is_the_next_one(text, expected):
    found = values(text)
    day = next(v for s, v in found.items() if s.endswith("day"))
    assert day == expected, found


def test_would_does_not_reach_into_a_clause_of_its_own():
    text = "They said they would resume the talks, which began Monday in Geneva."
    assert values(text)["Monday"] == "2012-07-16"


# --- a month in a clause opened by "since" ------------------------------------------------

OCT_30 = date(1989, 10, 30)


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # the past verb of a "since" clause dates a month that has begun, though the next
        # February is nearer to an October paper
        ("Since KKR bought RJR in February, it has sold several units.", "February", "1989-02"),
        ("Since the company was founded on Feb. 9, it has grown.", "Feb. 9", "1989-02-09"),
        # outside such a clause, the nearer coming month stays
        ("KKR plans to pay down the loan by February.", "February", "1990-02"),
        ("He agreed to buy the bank in February.", "February", "1990-02"),
        # "since" as a cause, with what is still to be done, looks ahead
        ("Since the rules are to be published in February, banks wait.", "February", "1990-02"),
    ],
)
def test_a_month_dated_by_a_past_verb_in_a_since_clause_has_begun(text, surface, expected):
    assert values(text, OCT_30)[surface] == expected
