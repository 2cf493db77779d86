"""The data model: frozen records, free of I/O.

Every annotation is a pair of character offsets into ``Article.text`` (the
normalized text); the surface string is derived with :func:`surface`, never
copied. Ids come from content, so ingesting or analyzing the same input twice
produces the same records.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

PublishedOrigin = Literal["metadata", "given", "crawl", "inferred", "unknown"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
QuoteKind = Literal["direct", "indirect"]
DatedBy = Literal["text", "published"]
ComparisonRelation = Literal["adds", "confirms", "contradicts"]
FactKind = Literal["event", "quote", "figure"]


def content_id(*parts: str, prefix: str = "", length: int = 16) -> str:
    """Return a stable hex id derived from ``parts`` (joined with a unit separator)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]
    return f"{prefix}{digest}"


def outlet_name(source: str | None, path: str | None) -> str | None:
    """Return what an article goes by: its outlet, else its file's name ("04-kestrel-bid.txt")."""
    return source or (path or "").rsplit("/", 1)[-1] or None


@dataclass(frozen=True)
class Article:
    """One news article: normalized text plus what is known about where it came from.

    ``published_origin`` says how ``published`` was obtained: from the input's
    own metadata, given by the user, a crawl date (WARC), inferred from the
    content, or unknown. ``raw`` keeps the original input (file text, HTML,
    feed entry or JSON record) so nothing is lost by normalization.
    """

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    published_origin: PublishedOrigin = "unknown"
    path: str | None = None
    language: str | None = None
    author: str | None = None
    dateline_place: str | None = None
    dateline_agency: str | None = None
    flags: tuple[str, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)
    raw: str | None = field(default=None, repr=False)

    @property
    def outlet(self) -> str:
        """Return what the article goes by: its outlet, else its file's name, else its id."""
        return outlet_name(self.source, self.path) or self.id

    @staticmethod
    def make_id(text: str, title: str | None = None) -> str:
        """Return the content id of an article: same headline and body, same id."""
        return content_id(title or "", text, prefix="a")


@dataclass(frozen=True)
class Skip:
    """An input that could not be turned into an analyzed article, and why.

    ``location`` names the file and, inside it, the record or line
    (``feed.xml#entry=3``, ``dump.jsonl:12``); ``kind`` is a short machine
    word (``empty``, ``binary``, ``too-large``, ``not-english`` ...).
    ``article`` is set when the input was read but must not be analyzed (a
    non-English article): it is stored, marked skipped, so nothing is lost.
    """

    location: str
    kind: str
    reason: str
    article: Article | None = None

    @property
    def id(self) -> str:
        return content_id(self.location, self.kind, prefix="s")


@dataclass(frozen=True)
class Span:
    """A stretch of an article's text, ``text[start:end]``."""

    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """An actor or place: one id per distinct normalized name.

    ``country`` is the ISO 3166-1 alpha-3 code of the country a place lies
    in (or is), and ``lat``/``lon`` its coordinates, where the gazetteer
    knows them. A government named by its seat ("Moscow has refused", "the
    Kremlin said") is its own actor of type ``ORG`` with ``government_of``
    naming the country ("Russia").
    """

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    government_of: str | None = None

    @staticmethod
    def make_id(key: str) -> str:
        """Return the id of the entity with normalized name ``key``."""
        return content_id(key, prefix="e")


@dataclass(frozen=True)
class Mention:
    """A mention of an entity in the text."""

    start: int
    end: int
    entity: str
    label: str


@dataclass(frozen=True)
class Role:
    """A title an actor held, as one article states it ("Russian President Vladimir Putin").

    ``title`` is the office ("President"); ``of`` names the country or
    organization it is held in ("Russia"), and ``of_entity`` is that
    party's entity id where the article names it (for "Putin's spokesman",
    Putin). ``start``/``end`` locate the role phrase; ``as_of`` is the day
    the role is stated for: the time of its clause when the text gives one,
    else the publication date; ``None`` for a former role with no date.
    """

    entity: str
    title: str
    of: str | None
    start: int
    end: int
    as_of: date | None = None
    of_entity: str | None = None


@dataclass(frozen=True)
class TimeExpr:
    """A time expression with its TIMEX3-style value and calendar interval.

    ``value`` is ``2012-07-17``, ``2012-06``, ``2011-SP``, ``P3M``,
    ``PRESENT_REF`` ... or ``None`` when it cannot be normalized (for example
    a relative date in an article whose publication date is unknown).
    ``interval_start``/``interval_end`` bound the days it may denote
    (inclusive); ``None`` where not a calendar date.
    """

    start: int
    end: int
    type: TimeType
    value: str | None
    interval_start: date | None = None
    interval_end: date | None = None
    mod: str | None = None


@dataclass(frozen=True)
class Quote:
    """Speech attributed to a speaker: direct (quotation marks) or reported.

    ``spans`` holds the content pieces when a quote is interrupted by its
    attribution or runs over paragraphs; ``start``/``end`` cover them all.
    """

    start: int
    end: int
    spans: tuple[tuple[int, int], ...]
    kind: QuoteKind
    cue: str | None = None
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(frozen=True)
class Event:
    """Something that happened (or was planned, denied ...), anchored to a trigger.

    ``source``/``target`` are entity ids where the actor maps to one;
    ``source_start``/``source_end`` (and the target's) locate the actor's
    phrase in the text even when it does not ("Hungarian officials").
    ``mode`` refines the type (PLOVER modes, e.g. ``ceasefire`` for AGREE).
    """

    id: str
    start: int
    end: int
    trigger: str
    type: str
    source: str | None = None
    target: str | None = None
    place: str | None = None
    time_value: str | None = None
    time_start: date | None = None
    time_end: date | None = None
    modality: str = "asserted"
    mode: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    target_start: int | None = None
    target_end: int | None = None


@dataclass(frozen=True)
class Quantity:
    """A figure: its value, unit, what it measures, as of when and according to whom.

    ``kind`` is ``money``, ``percent``, ``count`` or ``vague``; a vague amount
    ("tens of thousands") has ``value`` as its lower and ``upper`` as its upper
    bound; ``mod`` is a TimeML-style qualifier (``APPROX``, ``MORE_THAN`` ...).
    ``source`` is the speaker's entity id when the figure is quoted, and
    ``source_text`` the speaker, the "according to" party or the outlet.
    """

    start: int
    end: int
    value: float | None
    unit: str | None
    about: str | None = None
    kind: str | None = None
    mod: str | None = None
    upper: float | None = None
    time_value: str | None = None
    time_start: date | None = None
    time_end: date | None = None
    source: str | None = None
    source_text: str | None = None


@dataclass(frozen=True)
class Support:
    """A sentence backing a cross-article fact: the article and the sentence's offsets."""

    article: str
    start: int
    end: int


@dataclass(frozen=True)
class StoryEvent:
    """One happening of a story as reported by one or more articles: member events merged.

    ``members`` are the per-article :class:`Event` ids; ``source``/``target`` are actor ids
    folded across articles; ``time_*`` is the narrowest interval the members agree on, and
    ``dated_by`` says whether it comes from the text or, for an undated event, from the
    publication date of its first report. ``sources`` counts independent sources (a
    syndicated copy counts once).
    """

    id: str
    story: str
    type: str
    trigger: str
    members: tuple[str, ...]
    articles: tuple[str, ...]
    source: str | None = None
    target: str | None = None
    place: str | None = None
    time_value: str | None = None
    time_start: date | None = None
    time_end: date | None = None
    dated_by: DatedBy = "text"
    modality: str = "asserted"
    sources: int = 1
    support: tuple[Support, ...] = ()


@dataclass(frozen=True)
class TimelineEntry:
    """One entry of a story's timeline, pointing back to the sentences it came from.

    ``start``/``end`` bound the days the entry may denote ("late June" is ten days, not one);
    ``dated_by`` is ``published`` when the text gives no date and the entry is anchored to
    the publication date of its first report. ``background`` marks times well before the
    reporting article's date ("in 2010"), as opposed to news of the day.
    """

    date: str | None
    start: dt.date | None
    end: dt.date | None
    event: str | None
    articles: tuple[str, ...]
    summary: str
    type: str | None = None
    participants: tuple[str, ...] = ()
    place: str | None = None
    support: tuple[Support, ...] = ()
    sources: int = 0
    background: bool = False
    dated_by: DatedBy = "text"
    modality: str = "asserted"


@dataclass(frozen=True)
class Comparison:
    """What one article does with one fact of its story: adds, confirms or contradicts it.

    ``kind`` is ``event``, ``quote`` or ``figure``; ``start``/``end`` locate the fact in the
    article; ``others`` are the earlier articles it confirms or contradicts, and ``note``
    says how ("12,000 vs 15,000 people").
    """

    story: str
    article: str
    relation: ComparisonRelation
    kind: FactKind
    start: int
    end: int
    fact: str
    others: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Occasion:
    """One specific happening inside a story, with the articles that report it."""

    id: str
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Story:
    """Articles that tell one running affair, with its merged timeline.

    ``events`` are the ids of its :class:`StoryEvent` records; ``first``/``last`` span the
    publication dates of its articles and ``sources`` counts its independent sources.
    """

    id: str
    title: str
    articles: tuple[str, ...]
    events: tuple[str, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    summary: str = ""
    occasions: tuple[Occasion, ...] = ()
    first: date | None = None
    last: date | None = None
    sources: int = 0


@dataclass(frozen=True)
class Doc:
    """An article with the layers the pipeline has added so far.

    ``stages`` lists the versioned names of the stages that produced the
    layers (``times.v1``), stored with the output. ``parse`` is the transient
    spaCy parse shared by the stages of one run; it is never stored or
    compared.
    """

    article: Article
    sentences: tuple[Span, ...] = ()
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    roles: tuple[Role, ...] = ()
    stages: tuple[str, ...] = ()
    parse: Any = field(default=None, compare=False, repr=False)

    @property
    def text(self) -> str:
        return self.article.text


def surface(text: str, start: int, end: int) -> str:
    """Return the surface string of a span, the one place spans become strings."""
    return text[start:end]
