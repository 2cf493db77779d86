"""Entities: the people, organizations, places and governments an article names, and their roles.

Mentions start from spaCy's named-entity recognizer, with offsets into the
article text, and are then read like an analyst would:

- names fold to one entity when they normalize alike (case, diacritics,
  transliterations, a leading "the", a possessive), a surname alone folds into
  the full name it abbreviates, an acronym into the name it is given for
  (:mod:`~storyline.stages.actors`);
- the small model's slips are corrected with context and gazetteers: a country
  tagged as a person is a place, "state company Rosatom" an organization,
  "Assad" tagged as a place the person Bashar al-Assad, "commission chair Lucía
  Benedek" a person whether tagged an organization or not tagged at all, "the
  Veldmark coast", "In Lutha, ..." and "in Brevik Ferry, where ..." places (and
  "Lutha" in "at Brevik Ferry and Lutha" with them), "Kestrel" a short name of
  Kestrel Freight Group, "the Jaguars" a team, "Avenue Montaigne" a street, "the
  Harry Winston boutique" the jeweller; a "person" whose words the article also
  writes in lower case is a headline's words ("Jewellery Stolen"), and one with
  figures in it no name;
- demonyms mention their country ("Turkish" → Turkey); places carry their
  country and coordinates; a capital acting politically ("Moscow has refused")
  is the government of its country (:mod:`~storyline.stages.places`);
- titles become roles held as of the clause's date or the publication date, and
  a role noun ("the prime minister", "Putin's spokesman") refers to the person
  introduced with that title (:mod:`~storyline.stages.titles`, :mod:`~storyline.stages.roles`).

Ids come from the folded name, so the same name gets the same id in every article.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from storyline.ingest.datelines import find_dateline
from storyline.model import Doc, Entity, Mention, Role, TimeExpr
from storyline.pipeline import stage
from storyline.stages import actors, gazetteer, places, roles
from storyline.stages.gazetteer import Place
from storyline.stages.names import normalize, surname, trim
from storyline.stages.titles import TITLE_WORDS

__all__ = ["LABELS", "Layers", "entities_stage", "find", "normalize", "resolve", "trim"]

# spaCy labels we read, mapped to our coarse types; NORP (nationalities)
# only counts where it names a country ("Turkish").
LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC", "NORP": "NORP"}
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# A one-word "person" that is a city this big is the city ("Toulouse"), unless
# the article gives it a person's cue; smaller ones need "in"/"from" before them.
BIG_CITY = 1_000_000
# A longer "person" that is the whole name of a city this big is the city ("Bandar Abbas",
# "Ras Al Khaimah"), unless the article gives it a person's cue or calls the person by the last
# word alone. Smaller towns share their names with people ("Juan Díaz", 100,000 people).
NAMED_CITY = 200_000


@dataclass(frozen=True)
class Layers:
    """What the entities stage adds to a doc: entities, their mentions, and roles."""

    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    roles: tuple[Role, ...]


@dataclass
class _Found:
    """A mention under construction (token bounds are -1 without a parse)."""

    start: int
    end: int
    type: str
    key: str
    first: int = -1
    last: int = -1
    place: Place | None = None
    named: bool = False  # the place's own name names it ("U.S." is "United States")
    demonym: bool = False  # "Turkish": a mention of Turkey, labelled NORP
    governs: str | None = None
    fixed: bool = False  # typed by context or the gazetteer, not by the tagger's vote


def _place_type(place: Place) -> str:
    return "LOC" if place.kind == "continent" or place.country is None else "GPE"


def _candidates(text: str, spans: Sequence[tuple[int, int, str]], parsed: Any) -> list[_Found]:
    out: list[_Found] = []
    dateline = find_dateline(text)
    for raw_start, raw_end, label in spans:
        type_ = LABELS.get(label)
        if type_ is None:
            continue
        if dateline is not None and raw_start < dateline.end < raw_end:
            continue  # "TERAVO - Rail": the tagger ran the dateline into the words after it
        if type_ in ("NORP", "GPE", "LOC") and parsed is not None:
            span = parsed.char_span(raw_start, raw_end, alignment_mode="expand")
            wider = span is not None and actors.organization_bounds(
                parsed, span.start, span.end - 1
            )
            if wider:  # "Turkish Airlines", "Air China"
                raw_start, raw_end = parsed[wider[0]].idx, _token_end(parsed[wider[1]])
                type_ = "ORG"
        if type_ == "NORP":
            out += [
                _Found(d.start, d.end, _place_type(d.place), normalize(d.place.name),
                       place=d.place, named=True, demonym=True, fixed=True)
                for d in places.demonyms(text, raw_start, raw_end)
            ]  # fmt: skip
            continue
        start, end = trim(text, raw_start, raw_end)
        surface = text[start:end]
        # "harden" tagged GPE: a name has a capital letter or a digit somewhere.
        if not any(c.isupper() or c.isdigit() for c in surface):
            continue
        found = _Found(start, end, type_, "")
        if parsed is not None:
            span = parsed.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            found.first, found.last = span.start, span.end - 1
            if type_ in ("PER", "ORG"):
                first = actors.strip_titles(parsed, found.first, found.last)
                if first != found.first:  # "Spokeswoman Sandy Angers": a person
                    found.first, type_ = first, "PER"
            if type_ == "PER":
                found.first = actors.extend_left(parsed, found.first, found.last)
                if found.first != span.start:
                    found.start = int(parsed[found.first].idx)
            found.type = type_
        found.key = normalize(text[found.start : found.end])
        if found.key:
            out.append(found)
    return out


def _missed_people(text: str, found: list[_Found], parsed: Any) -> list[_Found]:
    """Return people the tagger missed: a full name it left untagged, introduced as a person.

    The small model leaves many names it has not seen untagged ("Lucía Benedek, who chairs
    the commission"). Two or three capitalized proper nouns outside every tagged name count
    when an office comes right before them, a "who" right after, or they say something.
    """
    if parsed is None:
        return []
    taken = {i for f in found for i in range(f.first, f.last + 1)}
    out: list[_Found] = []
    i = 0
    while i < len(parsed):
        j = i
        while j < len(parsed) and j - i < 4 and _name_word(parsed[j]) and j not in taken:
            j += 1
        first, last = i, j - 1
        i = max(j, i + 1)
        if not 2 <= last - first + 1 <= 3:
            continue
        if actors.corporate(parsed, first, last) or gazetteer.place(parsed[first:j].text):
            continue
        if actors.introduced_as_person(parsed, first, last) or actors.person_cue(
            parsed, first, last
        ):
            start, end = int(parsed[first].idx), _token_end(parsed[last])
            out.append(_Found(start, end, "PER", normalize(text[start:end]), first, last))
    return out


def _name_word(token: Any) -> bool:
    """Say whether a token can be a word of a person's name: an untagged capitalized noun."""
    return bool(
        token.pos_ == "PROPN" and token.is_title and not token.ent_type_
        and token.text.casefold().rstrip(".") not in TITLE_WORDS
    )  # fmt: skip


def _drop_products(found: list[_Found], parsed: Any) -> list[_Found]:
    """Return the names without those the tagger took for people that name a make of thing.

    Once "Patriot missiles" shows "Patriot" is a missile, "the US-made Patriots"
    is one too.
    """
    if parsed is None:
        return found
    made = {
        f.key for f in found
        if f.type == "PER" and actors.product_name(parsed, f.first, f.last)
    }  # fmt: skip
    plural = {f"{key}s" for key in made}

    def thing(f: _Found) -> bool:
        return (f.type == "PER" and f.key in made) or (f.type in ("PER", "ORG") and f.key in plural)

    return [f for f in found if not thing(f)]


def _drop_common_words(text: str, found: list[_Found], parsed: Any) -> list[_Found]:
    """Return the names without "people" that are no one's name.

    A person's name has no digits ("html 8 / 2 / 13", a web address run into a date), and
    a name whose every word the article also writes in lower case is the words of a
    title-cased headline ("Daring Diamond Heist", "Jewellery Stolen"), unless the article
    says it is a person's ("Young said") or it is part of a person's full name there.
    """
    lower = set(_LOWER_WORD.findall(text))
    parts = {w for f in found if f.type == "PER" and " " in f.key for w in f.key.split()}

    def common(f: _Found) -> bool:
        if f.type != "PER" or f.fixed:
            return False
        surface = text[f.start : f.end]
        if any(c.isdigit() for w in surface.split() if not _ORDINAL.fullmatch(w) for c in w):
            return True  # but "John S. Pritchard 3rd"
        if parsed is None or f.key in parts:
            return False
        if not all(w.casefold() in lower for w in surface.split()):
            return False
        return not (
            actors.person_cue(parsed, f.first, f.last)
            or actors.introduced_as_person(parsed, f.first, f.last)
        )

    return [f for f in found if not common(f)]


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
# A word in lower case in running prose: after a word or a comma, not in a web address.
_LOWER_WORD = re.compile(r"(?<=[A-Za-z,] )[a-z][a-z'-]*\b")


def _token_end(token: Any) -> int:
    return int(token.idx) + len(token.text)


def _person_not_place(surface: str, f: _Found, parsed: Any) -> bool:
    """Say whether a place-tagged surname of a person in the article is that person.

    Unknown places are; a known town is unless it follows "in", "from" ...;
    countries, big cities and seats of government stay places.
    """
    known = gazetteer.place(surface)
    if known is None:
        return True
    if known.kind != "city" or known.population >= BIG_CITY or gazetteer.seat(surface):
        return False
    return parsed is not None and not places.locative(parsed, f.first)


def _called_by_last_word(text: str, f: _Found) -> bool:
    """Say whether the text uses a full name's last word alone too: "Juan Díaz ... Díaz, 25"."""
    name = text[f.start : f.end]
    last = name.rsplit(maxsplit=1)[-1]
    alone = len(re.findall(rf"\b{re.escape(last)}\b", text))
    return alone > len(re.findall(rf"\b{re.escape(name)}\b", text))


def _correct(text: str, found: list[_Found], parsed: Any) -> None:
    """Retype names the tagger got wrong, from the gazetteer and the words around them."""
    surnames = {surname(f.key) for f in found if f.type == "PER" and " " in f.key}
    teams = {f.key for f in found if f.type == "PER" and _team(text, f)}
    for f in found:
        if f.fixed:
            continue
        surface, one_word = text[f.start : f.end], " " not in f.key
        if one_word and surname(f.key) in surnames:
            if f.type in PLACE_TYPES and _person_not_place(surface, f, parsed):
                f.type, f.fixed = "PER", True  # "against Assad" with Bashar al-Assad about
            continue
        if f.type in ("PER", "ORG") and places.street(f.key):
            f.type, f.fixed = "FAC", True  # "Avenue Montaigne"
            continue
        if f.type == "PER" and f.key in teams:
            f.type, f.fixed = "ORG", True  # "the Jaguars"
            continue
        if (
            f.type in ("PER", "ORG") and parsed is not None and gazetteer.place(surface) is None
            and not actors.corporate(parsed, f.first, f.last)
        ):  # fmt: skip
            if f.type == "ORG" and actors.introduced_as_person(parsed, f.first, f.last):
                f.type, f.fixed = "PER", True  # "commission chair Lucía Benedek"
                continue
            if places.geographic(parsed, f.first, f.last):
                f.type, f.fixed = "GPE", True  # "the Veldmark coast", "central Calvera"
                continue
        if f.type in ("PER", "ORG") and gazetteer.country(surface) is not None:
            f.type, f.fixed = "GPE", True
            continue
        if parsed is None:
            continue
        if f.type == "PER" and not actors.person_cue(parsed, f.first, f.last):
            city = gazetteer.city(surface)
            if (
                city is not None
                and (
                    city.population >= (BIG_CITY if one_word else NAMED_CITY)
                    or places.locative(parsed, f.first)
                )
                and (one_word or not _called_by_last_word(text, f))
            ):
                f.type, f.fixed = "GPE", True
                continue
        known = gazetteer.place(surface)
        unknown_place = f.type in PLACE_TYPES and known is None
        if (f.type == "PER" or unknown_place) and actors.corporate(parsed, f.first, f.last):
            f.type, f.fixed = "ORG", True
        elif f.type == "ORG" and parsed[f.last].text.casefold() in actors.FACILITY_WORDS:
            f.type, f.fixed = "FAC", True  # "Changi International Airport"
        elif (
            f.type in PLACE_TYPES and one_word and gazetteer.seat(surface) is None
            and (known is None or known.kind == "city")
            and actors.person_cue(parsed, f.first, f.last)
        ):  # fmt: skip
            f.type, f.fixed = "PER", True  # "Henderson said"
    if parsed is not None:
        _coordinated_places(text, found, parsed)


def _coordinated_places(text: str, found: list[_Found], parsed: Any) -> None:
    """Retype a name joined by "and" or "or" to a place as a place.

    "the levees at Brevik Ferry and Lutha": once the article shows Brevik Ferry is a
    place ("in Brevik Ferry, where ..."), Lutha beside it is one too.
    """
    places_named = {
        f.key for f in found
        if f.type in PLACE_TYPES and (f.fixed or gazetteer.place(text[f.start : f.end]))
    }  # fmt: skip
    at = {i: f for f in found for i in range(f.first, f.last + 1)}
    for f in found:
        if f.fixed or f.type not in ("PER", "ORG"):
            continue
        root = parsed[f.first : f.last + 1].root
        partners = [c for c in root.children if c.dep_ == "conj"]
        first = root
        if root.dep_ == "conj":
            partners.append(root.head)
            first = root.head
        # Only two names joined by a bare "and" after "in", "at" or "near": lists ("from
        # US, EU and other countries") and subjects ("Reggie Bush and Julius Jones") are no pair.
        if not (first.dep_ == "pobj" and first.head.lower_ in ("in", "at", "near")):
            continue
        for p in partners:
            other = at.get(p.i)
            if other is None or other.key not in places_named:
                continue
            lo, hi = sorted(((f.first, f.last), (other.first, other.last)))
            if [t.lower_ for t in parsed[lo[1] + 1 : hi[0]]] in (["and"], ["or"]):
                f.type, f.fixed = "GPE", True


def _team(text: str, f: _Found) -> bool:
    """Say whether a one-word "person" is a plural that takes "the": "the Jaguars", "the Colts"."""
    surface = text[f.start : f.end]
    return (
        " " not in surface and surface.endswith("s") and not surface.endswith("ss")
        and text[max(0, f.start - 4) : f.start].casefold() == "the "
    )  # fmt: skip


def _locate(text: str, found: list[_Found], parsed: Any) -> None:
    """Resolve places against the gazetteer; turn seats acting politically into governments."""
    near: set[str] = set()
    for f in found:
        country = f.place if f.place is not None else gazetteer.country(text[f.start : f.end])
        if country is not None and country.kind == "country" and country.country:
            near.add(country.country)
    for f in found:
        surface = text[f.start : f.end]
        if f.place is None and f.type in PLACE_TYPES | {"ORG"} and parsed is not None:
            governed = places.government(surface, parsed[f.first : f.last + 1].root)
            if governed is not None:
                country = gazetteer.country(governed)
                f.governs, f.type, f.fixed = governed, "ORG", True
                f.key = normalize(f"government of {governed}" if country else governed)
                f.place = country
                continue
        seat_of = gazetteer.seat(surface)
        if f.type == "ORG" and seat_of and parsed is not None and places.locative(parsed, f.first):
            f.type, f.fixed = "FAC", True  # "met at the Kremlin": the building
        if f.type not in PLACE_TYPES:
            continue
        if f.place is not None:  # a demonym: keyed by its country already
            continue
        located = places.resolve(surface, near)
        if located is not None:
            f.place = located.place
            if located.exact:  # "U.S." and "United States", "Kiev" and "Kyiv" are one
                f.key, f.named = normalize(located.place.name), True
            continue
        # "at the Kremlin": the place, in Russia, at its capital's coordinates
        f.place = gazetteer.country(seat_of) if seat_of else None


def _fold(text: str, found: list[_Found]) -> None:
    """Fold surnames into full names, short names and acronyms into the names they abbreviate."""
    known = frozenset(f.key for f in found if f.place is not None)
    names = [actors.Name(f.key, f.type) for f in found if f.governs is None]
    owners = actors.owners(names, known)
    for f in found:
        if f.key in owners and f.governs is None:
            f.key, f.type = owners[f.key], "PER"
    names = [actors.Name(f.key, f.type, f.fixed) for f in found if f.governs is None]
    companies = actors.short_forms(names, known)
    for f in found:
        if f.key in companies and f.governs is None:
            f.key, f.type, f.fixed = companies[f.key], "ORG", True  # "Kestrel" said
    orgs = [(f.start, f.end, f.key) for f in found if f.type == "ORG" and f.governs is None]
    short = actors.acronyms(text, orgs)
    for f in found:
        f.key = short.get(f.key, f.key)


def find(
    text: str,
    spans: Sequence[tuple[int, int, str]],
    parsed: Any = None,
    published: date | None = None,
    times: Sequence[TimeExpr] = (),
) -> Layers:
    """Return the entities, mentions and roles for NER spans ``(start, end, spaCy label)``.

    Without ``parsed`` (the spaCy doc of ``text``) only what needs no
    context is done: folding, demonyms and the gazetteer; roles need the parse.
    """
    found = _candidates(text, spans, parsed)
    found = _drop_products(found + _missed_people(text, found, parsed), parsed)
    found = _drop_common_words(text, found, parsed)
    _correct(text, found, parsed)
    _locate(text, found, parsed)
    _fold(text, found)
    reader = None
    if parsed is not None:
        reader = roles.Reader(text, found, parsed, roles.Dates(published, tuple(times), parsed))
        reader.read()
        # A name inside a title is part of it: "State" in "Secretary of State".
        found = [
            f for f in found
            if not any(s <= f.start and f.end <= e for s, e in reader.titles)
        ]  # fmt: skip
    return _assemble(text, found, reader)


def _assemble(text: str, found: list[_Found], reader: roles.Reader | None) -> Layers:
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    settled: dict[str, Counter[str]] = defaultdict(Counter)
    where: dict[str, Place] = {}
    named: set[str] = set()
    governs: dict[str, str] = {}
    for f in found:
        surfaces[f.key][" ".join(text[f.start : f.end].split())] += 1
        (settled if f.fixed else votes)[f.key][f.type] += 1
        if f.place is not None:
            where.setdefault(f.key, f.place)
        if f.named:
            named.add(f.key)
        if f.governs is not None:
            governs[f.key] = f.governs
    kind = {k: (settled[k] or votes[k]).most_common(1)[0][0] for k in surfaces}
    # A mention is labelled with its entity's type, except a demonym: "Turkish" is a
    # mention of Turkey (GPE) labelled NORP, so counting places by label counts names.
    spans = [(f.start, f.end, f.key, "NORP" if f.demonym else kind[f.key]) for f in found]
    if reader is not None:
        spans += [(s, e, k, kind[k]) for s, e, k in reader.mentions if k in kind]
    seen: set[tuple[int, int]] = set()
    mentions = []
    for start, end, key, label in sorted(spans):
        if (start, end) not in seen:
            seen.add((start, end))
            mentions.append(Mention(start, end, Entity.make_id(key), label))
    entities = [
        _entity(k, counts, kind[k], where.get(k), governs.get(k), k in named)
        for k, counts in surfaces.items()
    ]
    entities.sort(key=lambda e: e.id)
    names = {e.id: e.name for e in entities}
    found_roles: list[Role] = []
    if reader is not None:
        for key, phrase, of_key, of_name in reader.roles:
            of_id = Entity.make_id(of_key) if of_key else None
            found_roles.append(
                Role(
                    Entity.make_id(key), phrase.title,
                    names.get(of_id, of_name) if of_id else of_name,
                    phrase.start, phrase.end, reader.dates.as_of(phrase), of_id,
                )
            )  # fmt: skip
    found_roles.sort(key=lambda r: (r.start, r.entity))
    return Layers(tuple(entities), tuple(mentions), tuple(found_roles))


def _entity(
    key: str,
    counts: Counter[str],
    type_: str,
    place: Place | None,
    governs: str | None,
    named: bool,
) -> Entity:
    if governs is not None:
        if place is None:  # "Brussels" speaks for the European Union, an actor of its own
            return Entity(Entity.make_id(key), governs, type_, tuple(sorted(counts)))
        return Entity(
            Entity.make_id(key), f"Government of {governs}", type_, tuple(sorted(counts)),
            place.country, government_of=governs,
        )  # fmt: skip
    if place is not None and named and (place.kind != "city" or all(s.isupper() for s in counts)):
        name = place.name  # "Turkey" for "Turkish"; "Moscow" for a "MOSCOW" dateline
    else:
        # The canonical name is the longest form, then the most frequent: a
        # full name beats a surname, "Erdoğan" beats nothing but a tie. A form
        # in capitals (a dateline's "VELDMARK CITY") gives way to the same words
        # written normally, else is written so itself; an acronym ("NATO") stays.
        name = max(counts, key=lambda s: (len(s.split()), not _shouted(s, type_), counts[s], s))
        if _shouted(name, type_):
            name = name.title()
    if place is None:
        return Entity(Entity.make_id(key), name, type_, tuple(sorted(counts)))
    return Entity(
        Entity.make_id(key), name, type_, tuple(sorted(counts)), place.country, place.lat, place.lon
    )


def _shouted(name: str, type_: str) -> bool:
    """Say whether a name is in capitals only for emphasis, not as an acronym."""
    return name.isupper() and (" " in name or type_ in PLACE_TYPES or type_ == "PER")


def resolve(text: str, spans: Sequence[tuple[int, int, str]]) -> tuple[list[Entity], list[Mention]]:
    """Return the entities and mentions for NER spans, without a parse (see :func:`find`)."""
    layers = find(text, spans)
    return list(layers.entities), list(layers.mentions)


@stage("entities", 12, requires=("article", "parse"), assigns=("entities", "mentions", "roles"))
def entities_stage(doc: Doc) -> Doc:
    """Add the named people, organizations, places and governments of the article, with roles.

    Roles are dated by the time of their clause when the times layer is
    already there (run the times stage first for that), else by the
    publication date.
    """
    spans = (
        []
        if doc.parse is None
        else [(ent.start_char, ent.end_char, ent.label_) for ent in doc.parse.ents]
    )
    layers = find(doc.text, spans, doc.parse, doc.article.published, doc.times)
    return dataclasses.replace(
        doc, entities=layers.entities, mentions=layers.mentions, roles=layers.roles
    )
