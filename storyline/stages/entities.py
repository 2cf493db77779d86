"""Entities: people, organizations and places named in an article, one entity per name.

Mentions come from spaCy's named-entity recognizer, with offsets into the
article text. Names fold to one entity when they normalize alike (case,
diacritics, a leading "the", a possessive "'s"), and within an article a
surname alone folds into the full name it abbreviates ("Putin" into
"Vladimir Putin"). Ids come from the normalized name, so the same name gets
the same id in every article.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from unidecode import unidecode

from storyline.model import Doc, Entity, Mention
from storyline.pipeline import stage

# spaCy labels we keep, mapped to our coarse types. NORP (demonyms such as
# "Turkish") is left to the actors layer, which ties it to a country.
LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC"}

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"\s+")


def normalize(name: str) -> str:
    """Return the folding key of a name: ASCII, lower case, no article or possessive."""
    key = unidecode(_POSSESSIVE.sub("", name.strip()))
    key = _LEADING_THE.sub("", key)
    key = _NON_WORD.sub(" ", key).casefold()
    return _SPACES.sub(" ", key).strip()


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Return a mention's bounds without a leading "the" or a trailing possessive."""
    surface = text[start:end]
    lead = _LEADING_THE.match(surface)
    if lead and end - start > lead.end():
        start += lead.end()
    tail = _POSSESSIVE.search(text[start:end])
    if tail and tail.start() > 0:
        end = start + tail.start()
    return start, end


def _surname_owner(found: Sequence[tuple[int, int, str, str]]) -> dict[str, str]:
    """Map each one-word name to the single longer person name ending with it.

    Only person and organization mentions fold: the small model often tags a
    surname on its own as an organization ("Marrow said"), while a one-word
    place that ends a person's name ("Putin's Russia") is a different thing.
    """
    people = {key for _, _, type_, key in found if type_ == "PER" and " " in key}
    owners: dict[str, str] = {}
    for short in {key for _, _, type_, key in found if type_ in ("PER", "ORG") and " " not in key}:
        longer = [k for k in people if k.split()[-1] == short]
        if len(longer) == 1:
            owners[short] = longer[0]
    return owners


def resolve(text: str, spans: Sequence[tuple[int, int, str]]) -> tuple[list[Entity], list[Mention]]:
    """Return the entities and mentions for NER spans ``(start, end, spaCy label)``.

    One entity per normalized name; its type is the label most of its
    mentions carry (the small model tags the same company PER in one
    sentence and ORG in the next).
    """
    found: list[tuple[int, int, str, str]] = []
    for start, end, label in spans:
        type_ = LABELS.get(label)
        if type_ is None:
            continue
        start, end = trim(text, start, end)
        key = normalize(text[start:end])
        if key:
            found.append((start, end, type_, key))

    owners = _surname_owner(found)
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    keyed: list[tuple[int, int, str]] = []
    for start, end, type_, key in found:
        key = owners.get(key, key)
        surfaces[key][text[start:end]] += 1
        types[key][type_] += 1
        keyed.append((start, end, key))

    kind = {key: counts.most_common(1)[0][0] for key, counts in types.items()}
    mentions = [Mention(s, e, Entity.make_id(key), kind[key]) for s, e, key in keyed]
    entities = []
    for key, counts in surfaces.items():
        # The canonical name is the longest form, then the most frequent: a
        # full name beats a surname, "Erdoğan" beats nothing but a tie.
        name = max(counts, key=lambda s: (len(s.split()), counts[s], s))
        entities.append(Entity(Entity.make_id(key), name, kind[key], tuple(sorted(counts))))
    entities.sort(key=lambda e: e.id)
    return entities, mentions


@stage("entities", 1, requires=("article", "parse"), assigns=("entities", "mentions"))
def entities_stage(doc: Doc) -> Doc:
    """Add the named people, organizations and places of the article."""
    spans = (
        []
        if doc.parse is None
        else [(ent.start_char, ent.end_char, ent.label_) for ent in doc.parse.ents]
    )
    entities, mentions = resolve(doc.text, spans)
    return dataclasses.replace(doc, entities=tuple(entities), mentions=tuple(mentions))
