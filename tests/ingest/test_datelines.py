"""find_dateline: the wire forms, place title-casing, and what is not a dateline."""

from __future__ import annotations

import pytest

from storyline.ingest.datelines import find_dateline


@pytest.mark.parametrize(
    ("text", "place", "agency", "dateline"),
    [
        (
            "MOSCOW - Agence France-Presse\n\nRussian President Vladimir Putin was due today.",
            "Moscow",
            "Agence France-Presse",
            "MOSCOW - Agence France-Presse",
        ),
        ("LISBON - Reuters\n\nThe government fell.", "Lisbon", "Reuters", "LISBON - Reuters"),
        (
            "PORT ALDA, March 3 (Harbor Wire) - The mayor said the port would close.",
            "Port Alda",
            "Harbor Wire",
            "PORT ALDA, March 3 (Harbor Wire) -",
        ),
        (
            "ISTANBUL (AP) \u2014 Protesters gathered outside.",
            "Istanbul",
            "AP",
            "ISTANBUL (AP) \u2014",
        ),
        ("WASHINGTON \u2014 The Senate voted on Tuesday.", "Washington", None, "WASHINGTON \u2014"),
        (
            "NEW YORK, July 17 (Reuters) - Stocks fell sharply.",
            "New York",
            "Reuters",
            "NEW YORK, July 17 (Reuters) -",
        ),
        (
            "BEIRUT, Lebanon (AP) \u2014 Shelling resumed.",
            "Beirut",
            "AP",
            "BEIRUT, Lebanon (AP) \u2014",
        ),
        ("DAR ES SALAAM (AFP) - Rain fell.", "Dar es Salaam", "AFP", "DAR ES SALAAM (AFP) -"),
        ("ST. LOUIS (AP) \u2014 A storm hit.", "St. Louis", "AP", "ST. LOUIS (AP) \u2014"),
        ("SÃO PAULO \u2013 Markets rose.", "São Paulo", None, "SÃO PAULO \u2013"),
    ],
)
def test_dateline_forms(text: str, place: str, agency: str | None, dateline: str) -> None:
    found = find_dateline(text)
    assert found is not None
    assert (found.place, found.agency) == (place, agency)
    assert text[found.start : found.end] == dateline


def test_dateline_after_a_standfirst_is_found_with_its_offsets() -> None:
    text = "A short standfirst here.\n\nLONDON, July 17 (Reuters) - Shares fell."
    found = find_dateline(text)
    assert found is not None
    assert text[found.start : found.end] == "LONDON, July 17 (Reuters) -"
    assert found.date == "July 17"


@pytest.mark.parametrize(
    "text",
    [
        "The Senate - today voted.",
        "Russian President Vladimir Putin was due today to meet.",
        "Some intro.\n\nNATO \u2014 the alliance met.",  # a bare CAPS word later on is too weak
        "BREAKING: Putin arrives",
        "",
    ],
)
def test_not_a_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_place_with_region_opens_a_later_paragraph() -> None:
    text = "World / Veldmark\n\nBREVIK FERRY, Veldmark - Three weeks after the flood."
    found = find_dateline(text)
    assert found is not None
    assert (found.place, found.agency) == ("Brevik Ferry", None)
    assert text[found.start : found.end] == "BREVIK FERRY, Veldmark -"


def test_a_sentence_after_the_dash_is_not_an_agency() -> None:
    found = find_dateline("WASHINGTON \u2014 The Senate voted")
    assert found is not None
    assert found.agency is None
