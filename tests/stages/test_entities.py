from __future__ import annotations

import pytest

from storyline.stages.entities import normalize, resolve, trim

TEXT = (
    "Turkish Prime Minister Recep Tayyip Erdoğan met Putin in Moscow. "
    "Erdogan said the Kremlin's view had not changed. Vladimir Putin smiled."
)


def spans(*items: tuple[str, str, int]) -> list[tuple[int, int, str]]:
    """Locate each (surface, label, occurrence) in TEXT by hand."""
    out = []
    for surface, label, nth in items:
        start = -1
        for _ in range(nth + 1):
            start = TEXT.index(surface, start + 1)
        out.append((start, start + len(surface), label))
    return out


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Erdoğan", "erdogan"),
        ("the Kremlin", "kremlin"),
        ("Kremlin's", "kremlin"),
        ("  Recep   Tayyip Erdogan ", "recep tayyip erdogan"),
        ("Al-Assad", "al-assad"),
    ],
)
def test_names_fold_on_case_diacritics_articles_and_possessives(name, key):
    assert normalize(name) == key


def test_trim_drops_a_leading_the_and_a_possessive():
    text = "the Kremlin's view"
    assert text[slice(*trim(text, 0, 13))] == "Kremlin"


def test_spellings_and_surnames_fold_into_one_person():
    entities, mentions = resolve(
        TEXT,
        spans(
            ("Recep Tayyip Erdoğan", "PERSON", 0),
            ("Putin", "PERSON", 0),
            ("Moscow", "GPE", 0),
            ("Erdogan", "PERSON", 0),
            ("Kremlin's", "ORG", 0),
            ("Vladimir Putin", "PERSON", 0),
        ),
    )
    by_name = {e.name: e for e in entities}
    assert set(by_name) == {"Recep Tayyip Erdoğan", "Vladimir Putin", "Moscow", "Kremlin"}
    assert by_name["Recep Tayyip Erdoğan"].aliases == ("Erdogan", "Recep Tayyip Erdoğan")
    erdogan = by_name["Recep Tayyip Erdoğan"].id
    assert [TEXT[m.start : m.end] for m in mentions if m.entity == erdogan] == [
        "Recep Tayyip Erdoğan",
        "Erdogan",
    ]
    kremlin = next(m for m in mentions if m.entity == by_name["Kremlin"].id)
    assert TEXT[kremlin.start : kremlin.end] == "Kremlin"


def test_an_ambiguous_surname_stays_its_own_entity():
    text = "John Smith and Mary Smith arrived. Smith spoke."
    found = [(0, 10, "PERSON"), (15, 25, "PERSON"), (35, 40, "PERSON")]
    entities, _ = resolve(text, found)
    assert {e.name for e in entities} == {"John Smith", "Mary Smith", "Smith"}


def test_ids_are_the_same_in_every_article():
    a, _ = resolve("Putin spoke.", [(0, 5, "PERSON")])
    b, _ = resolve("Yesterday Putin left.", [(10, 15, "PERSON")])
    assert a[0].id == b[0].id


def test_labels_outside_our_types_are_ignored():
    entities, mentions = resolve("Turkish troops", [(0, 7, "NORP")])
    assert entities == [] and mentions == []


def test_one_entity_per_name_typed_by_majority_label():
    text = "Nordvale Hydro said no. Nordvale Hydro denied it. Nordvale Hydro shut the plant."
    found = [(0, 14, "PERSON"), (24, 38, "ORG"), (50, 64, "ORG")]
    entities, mentions = resolve(text, found)
    assert [(e.name, e.type) for e in entities] == [("Nordvale Hydro", "ORG")]
    assert {m.label for m in mentions} == {"ORG"}


def test_a_surname_tagged_as_organization_folds_into_the_person():
    text = "Opposition leader Ilse Marrow objected. Marrow said so."
    entities, mentions = resolve(text, [(18, 29, "PERSON"), (40, 46, "ORG")])
    assert [(e.name, e.type) for e in entities] == [("Ilse Marrow", "PER")]
    assert len({m.entity for m in mentions}) == 1
