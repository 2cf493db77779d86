"""Article features for grouping: what clustering needs from a stored Doc, computed once.

Each analyzed article becomes an :class:`ArticleFeatures`: a sentence embedding of its headline
and lead, its actors (people, organizations and countries, weighted by how often and how early
they are named), its places, its content words, its dates and their years, and the person it is
mostly about. Grouping reads only these, so a new article costs one embedding and never touches
the text of the others again.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt

from storyline.embed import embedder
from storyline.model import Doc, Entity
from storyline.stages.entities import normalize

# The headline and the first sentences carry what a report is about; later paragraphs drift
# into background ("in 2019 a similar gate failed ...") shared with other stories.
LEAD_SENTENCES = 3
# A name in the headline says whom the article is about more than three passing mentions do;
# a name in the lead counts double (the inverted pyramid puts the protagonists first).
HEADLINE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
BODY_WEIGHT = 1.0
# Actors are who acts; places are where. A country is both ("Turkey intercepted a plane"),
# and a demonym names its country as an actor ("Turkish jets": the entities stage links NORP
# mentions to the country) but says nothing of where things happened.
ACTOR_LABELS = frozenset({"PER", "ORG", "GPE", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A headline longer than this is a first sentence standing in for one; keep the display short.
TITLE_CHARS = 160
# The years an article's calendar dates fall in tell two happenings of one kind apart (the 2008
# fire from the 2013 one) when no publication date does. A date as long as a year ("in 2005")
# counts; a decade or an open range does not pin a year.
YEAR_DAYS = 366
# A report has a protagonist when one person outweighs every other named person at least this
# many times over (headline and lead count most, see the weights above): "Chargers' Williams
# arrested" names the earlier arrest of a teammate in passing, far below Williams himself.
PROTAGONIST_RATIO = 2.0

# Terms are words and numbers, as scikit-learn's default tokenizer finds them: figures
# ("9-14 start", "31-24", "6.1") tell one happening from another of the same kind.
_TERM = re.compile(r"(?u)\b\w\w+\b")

Vector = npt.NDArray[np.float32]


@dataclass(frozen=True, eq=False)
class ArticleFeatures:
    """What grouping knows about one article.

    ``actors`` maps entity ids to weights summing to 1; ``places`` holds entity ids of places
    (and of the dateline place). ``published`` and ``when`` are the publication date where the
    source gave one, else None (see :func:`known_date`): grouping orders and windows by them.
    ``people`` are the actors that are persons. ``words`` are the content words of headline
    and lead (what a story's keywords are drawn from). ``terms`` maps each word and number of the
    whole article (and ``@YYYY-MM`` for each month it dates) to ``1 + log(count)``.
    ``years`` maps each year the article's dates fall in ("2013") to how many of its dates do.
    ``protagonist`` is the surname of the person the article is mostly about, if one is.
    """

    id: str
    published: date | None
    vector: Vector
    actors: Mapping[str, float]
    places: frozenset[str]
    title: str
    when: date | None = None
    people: frozenset[str] = field(default_factory=frozenset)
    words: frozenset[str] = field(default_factory=frozenset)
    terms: Mapping[str, float] = field(default_factory=dict)
    years: Mapping[str, float] = field(default_factory=dict)
    protagonist: str | None = None


def headline(doc: Doc) -> str:
    """Return the article's headline, or its first sentence where it has none."""
    if doc.article.title and doc.article.title.strip():
        return doc.article.title.strip()
    first = doc.sentences[0] if doc.sentences else None
    text = doc.text[first.start : first.end] if first else doc.text
    return " ".join(text.split())[:TITLE_CHARS]


def lead_end(doc: Doc) -> int:
    """Return the character offset where the article's lead (first sentences) ends."""
    if not doc.sentences:
        return min(len(doc.text), 600)
    return doc.sentences[min(LEAD_SENTENCES, len(doc.sentences)) - 1].end


def lead_text(doc: Doc) -> str:
    """Return headline and lead as one string, the text that is embedded."""
    lead = " ".join(doc.text[: lead_end(doc)].split())
    title = doc.article.title.strip() if doc.article.title else ""
    if title and not lead.startswith(title):
        return f"{title}. {lead}"
    return lead


def _in_headline(doc: Doc, entities: Mapping[str, Entity]) -> set[str]:
    """Return the ids of entities whose name or an alias appears in the headline."""
    title = doc.article.title
    if not title:
        return set()
    folded = f" {normalize(title)} "
    found = set()
    for entity in entities.values():
        names = {normalize(n) for n in (entity.name, *entity.aliases)}
        if any(n and f" {n} " in folded for n in names):
            found.add(entity.id)
    return found


def _surnames(entities: Mapping[str, Entity]) -> dict[str, str]:
    """Map a one-word actor to the one longer person name of the article that ends with it.

    The entities stage folds "Putin" into "Vladimir Putin" when the model tags both as people;
    it leaves "Jackson" apart when the model called it a place or an organization once.
    """
    people: dict[str, list[str]] = defaultdict(list)
    for e in entities.values():
        words = normalize(e.name).split()
        if e.type == "PER" and len(words) > 1:
            people[words[-1]].append(e.id)
    owners = {}
    for e in entities.values():
        key = normalize(e.name)
        if " " not in key and len(people.get(key, ())) == 1:
            owners[e.id] = people[key][0]
    return owners


def actor_weights(doc: Doc) -> dict[str, float]:
    """Return entity id → weight of the article's actors, normalized to sum to 1."""
    entities = {e.id: e for e in doc.entities}
    owners = _surnames(entities)
    boundary = lead_end(doc)
    weights: dict[str, float] = defaultdict(float)
    for m in doc.mentions:
        if m.label in ACTOR_LABELS or m.entity in owners:
            entity = owners.get(m.entity, m.entity)
            weights[entity] += LEAD_WEIGHT if m.start < boundary else BODY_WEIGHT
    for entity_id in _in_headline(doc, entities):
        entity_id = owners.get(entity_id, entity_id)
        if entity_id in weights:
            weights[entity_id] += HEADLINE_WEIGHT
    total = sum(weights.values())
    return {e: w / total for e, w in sorted(weights.items())} if total else {}


def person_ids(doc: Doc) -> frozenset[str]:
    """Return the entity ids of the people among the article's actors."""
    return frozenset(e.id for e in doc.entities if e.type == "PER")


def place_ids(doc: Doc) -> frozenset[str]:
    """Return the entity ids of the places the article names, its dateline place included."""
    found = {m.entity for m in doc.mentions if m.label in PLACE_LABELS}
    if doc.article.dateline_place:
        key = normalize(doc.article.dateline_place)
        if key:
            found.add(Entity.make_id(key))
    return frozenset(found)


def known_date(doc: Doc) -> date | None:
    """Return the publication date the source gave (metadata, user, crawl), else None.

    A date inferred from the text is a guess (the latest date the text reports, which may be a
    background event's): as a hard window it splits reports of one happening apart, and as an
    arrival order it sends every dated report ahead of the undated ones. The dates the text
    names still count, softly, through ``years``.
    """
    if doc.article.published_origin == "inferred":
        return None
    return doc.article.published


def content_words(text: str) -> frozenset[str]:
    """Return the lower-cased words of a text, less stop words and numbers."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    words = (w.lower() for w in _TERM.findall(text) if not any(c.isdigit() for c in w))
    return frozenset(w for w in words if len(w) > 2 and w not in ENGLISH_STOP_WORDS)


def term_weights(doc: Doc) -> dict[str, float]:
    """Return term → ``1 + log(count)`` over headline and text, with the months it dates.

    Terms are the words and numbers of the text, less stop words, plus ``@YYYY-MM`` for each
    calendar date it names: two reports of one happening name the same month.
    """
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    text = f"{doc.article.title or ''}\n{doc.text}".lower()
    counts = Counter(w for w in _TERM.findall(text) if w not in ENGLISH_STOP_WORDS)
    for t in doc.times:
        start, end = t.interval_start, t.interval_end
        # A day, a week or a month dates a happening; a year or a season is background.
        if t.type == "DATE" and start is not None and end is not None and (end - start).days <= 31:
            counts[f"@{start:%Y-%m}"] += 1
    return {w: 1.0 + math.log(c) for w, c in sorted(counts.items())}


def event_years(doc: Doc) -> dict[str, float]:
    """Return year → number of the article's calendar dates (a year long at most) in that year.

    A report names the dates of its happening ("on March 12, 2013", "Saturday" resolved
    against it) more often than any other; background years come up once or twice.
    """
    counts: Counter[int] = Counter()
    for t in doc.times:
        start, end = t.interval_start, t.interval_end
        if t.type != "DATE" or start is None or end is None:
            continue
        if start.year == end.year and (end - start).days <= YEAR_DAYS:
            counts[start.year] += 1
    # Keyed by the year's digits, as terms are by words: the features go through JSON.
    return {str(y): float(c) for y, c in sorted(counts.items())}


def protagonist(doc: Doc, actors: Mapping[str, float]) -> str | None:
    """Return the surname of the article's dominant person, or None when no person dominates.

    The person must weigh at least :data:`PROTAGONIST_RATIO` times the next one among the
    actors. The last word of the name is kept, so that "Vincent Jackson", "Jackson" and a
    headline's "Chargers WR Jackson" name one protagonist across articles; a "Jr." after it is
    no surname.
    """
    names = {e.id: e.name for e in doc.entities if e.type == "PER"}
    ranked = sorted(((w, e) for e, w in actors.items() if e in names), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] < PROTAGONIST_RATIO * ranked[1][0]):
        return None
    words = normalize(names[ranked[0][1]]).split()
    while len(words) > 1 and words[-1] in GENERATIONS:  # "Arcade Joseph Comeaux Jr."
        words.pop()
    return words[-1] if words else None


# Suffixes after a surname that tell apart a father and his son, not two families.
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def features(docs: Sequence[Doc]) -> list[ArticleFeatures]:
    """Return the features of each doc, in order; headlines and leads are embedded in one batch."""
    texts = [lead_text(d) for d in docs]
    vectors = embedder().embed(texts)
    actors = [actor_weights(doc) for doc in docs]
    return [
        ArticleFeatures(
            id=doc.article.id,
            published=known_date(doc),
            vector=vectors[i],
            actors=actors[i],
            places=place_ids(doc),
            title=headline(doc),
            when=known_date(doc),
            people=person_ids(doc),
            words=content_words(texts[i]),
            terms=term_weights(doc),
            years=event_years(doc),
            protagonist=protagonist(doc, actors[i]),
        )
        for i, doc in enumerate(docs)
    ]
