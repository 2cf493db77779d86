"""parse_date: explicit dates only, never completed from today."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from storyline.ingest.dates import parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2012-07-17", date(2012, 7, 17)),
        ("2012-07-17T23:30:00+04:00", date(2012, 7, 17)),
        ("2012-07-17T23:30:00Z", date(2012, 7, 17)),
        ("Tue, 17 Jul 2012 23:30:00 -0400", date(2012, 7, 17)),  # the publisher's day, not UTC
        ("July 17, 2012", date(2012, 7, 17)),
        ("17 July 2012", date(2012, 7, 17)),
        (date(2012, 12, 3), date(2012, 12, 3)),
        (datetime(2012, 12, 3, 9, 0), date(2012, 12, 3)),
        (time.strptime("2012-07-18", "%Y-%m-%d"), date(2012, 7, 18)),
    ],
)
def test_explicit_dates_parse(value: object, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "yesterday",
        "3 days ago",
        "Tuesday",
        "July 2012",
        "2012",
        "last spring",
        "",
        "soon",
        None,
        42,
    ],
)
def test_relative_partial_or_junk_dates_are_rejected(value: object) -> None:
    assert parse_date(value) is None
