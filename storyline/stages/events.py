"""Events: who did what to whom, where and when, and how firmly the text asserts it.

The stage assembles three readings of the parse, one module each:
:mod:`~storyline.stages.triggers` finds the event words and their senses,
:mod:`~storyline.stages.participants` their source and target, and
:mod:`~storyline.stages.clauses` the modality, time and place of the clause
around them. The type ontology (PLOVER's political types plus a few general
classes) is documented in :mod:`~storyline.stages.plover` and
``docs/events.md``. An event without a time of its own takes the day its
paragraph is at when it is told in the past (:func:`_told`); else its
``time_value`` is None, and :attr:`Reading.as_of` carries the publication
date it was reported on.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from storyline.model import Doc, Entity, Event, Mention, Quote, TimeExpr, content_id
from storyline.pipeline import stage
from storyline.stages import plover
from storyline.stages.clauses import chain_of, depth_of, modality_of, place_of, time_of
from storyline.stages.participants import (
    NOUN_PREPS,
    TARGET_PREPS,
    Actor,
    Context,
    actors_of,
    agent_of,
    asked_by_noun,
    is_military,
    noun_source,
    object_of,
    prep_actor,
    subject_of,
    undergoer,
    verb_actors,
)
from storyline.stages.plover import Sense
from storyline.stages.triggers import Trigger, find_triggers

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

_PARAGRAPH = re.compile(r"\n\s*\n")
_PAST_HELPERS = frozenset({"was", "were", "had", "been"})
# A credit line says who made the article, not what happened: "This article was supplied by
# Harbor Wire Service", "(Reporting by ...; Editing by ...)", "Copyright 2025 ...".
_CREDIT = re.compile(
    r"^\W*(?:this (?:article|story|report|piece) (?:was|is|has been) (?:supplied|provided|"
    r"written|produced|distributed|(?:first |originally )?published)\b|(?:additional )?"
    r"reporting by\b|(?:editing|writing|compiled|written) by\b|copyright\b|©|all rights reserved)",
    re.IGNORECASE,
)

__all__ = ["Actor", "Reading", "events_stage", "find", "main", "read"]


@dataclass(frozen=True)
class Reading:
    """An event with what the Event record has no field for yet.

    ``depth`` counts the steps from the trigger (or its light verb) to the
    root of its sentence; ``as_of`` is the publication date when the text
    states no time for the event.
    """

    event: Event
    mode: str | None
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]
    depth: int
    sentence: int
    as_of: date | None = None


@dataclass(frozen=True)
class _Clause:
    """What the parse says around one trigger.

    ``anchor`` is the word whose position in the parse counts (the trigger,
    the light verb of a noun, the copula of an adjective); ``chain`` the verbs
    and adjectives of its clause; ``governors`` the lemmas that bear on its
    modality.
    """

    sense: Sense
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]
    anchor: Token
    chain: tuple[Token, ...]
    governors: frozenset[str]


def _read_one(trigger: Trigger, ctx: Context) -> _Clause:
    """Return the clause around one trigger: sense, actors, anchor, chain and governors."""
    token, sense, host = trigger.token, trigger.sense, trigger.host
    governors: set[str] = set()
    source: Token | None
    target: Token | None
    if token.pos_ == "ADJ":
        anchor = token.head
        chain = (*chain_of(anchor), token)
        source = subject_of(anchor)
        target = prep_actor(token, (*TARGET_PREPS, "of"))
    elif token.pos_ == "NOUN":
        chain = tuple(chain_of(host)) if host is not None else ()
        anchor = host if host is not None and trigger.light else token
        if host is not None and trigger.light:
            source = agent_of(host) if token.dep_ == "nsubjpass" else subject_of(host)
            target = prep_actor(token, NOUN_PREPS) or object_of(host, sense)
        elif (victim := undergoer(token, sense)) is not None:
            source, target = noun_source(token), victim
        else:
            source = noun_source(token)
            if source is None and host is not None:
                source = subject_of(host)
            target = prep_actor(token, NOUN_PREPS)
            if target is None and sense.type == "DEMAND":
                target = asked_by_noun(token, host)
            if target is None and host is not None:
                target = object_of(host, sense)
            # "called for sanctions", "cancelled a visit": the verb bears on the noun.
            governors |= {host.lemma_.lower()} if host is not None else set()
    else:
        anchor = token
        chain = tuple(chain_of(token))
        sense, source, target = verb_actors(token, sense)
    governors |= {v.lemma_.lower() for v in chain[1:]} | {v.lower_ for v in chain[1:]}
    # Armed forces killing, shooting or striking fight, anyone else assaults (CAMEO 19 vs 18);
    # beating, torture or abduction stay assaults whoever does them.
    if source is not None and is_military(source):
        armed = sense.type == "ASSAULT" and sense.mode in (None, "explosives", "firearms")
        if armed or (token.lemma_.lower() == "strike" and token.pos_ == "VERB"):
            sense = Sense("FIGHT", sense.mode or "heavy-weapons")
    return _Clause(
        sense,
        actors_of(source, ctx),
        actors_of(target, ctx),
        anchor,
        tuple(chain),
        frozenset(governors),
    )


def read(
    text: str,
    parsed: SpacyDoc,
    mentions: Sequence[Mention],
    entities: Sequence[Entity],
    times: Sequence[TimeExpr],
    published: date | None = None,
    *,
    quotes: Sequence[Quote] = (),
    article_id: str = "",
) -> list[Reading]:
    """Return every event of a parsed text with its mode, actor spans and depth."""
    tokens: dict[int, Mention] = {}
    for mention in mentions:
        span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
        for token in () if span is None else span:
            tokens[token.i] = mention
    ctx = Context(tokens, entities, times, quotes)
    readings = []
    breaks = [m.start() for m in _PARAGRAPH.finditer(text)]
    focus: tuple[int, TimeExpr] | None = None  # the paragraph and time the story is at
    for number, sent in enumerate(parsed.sents):
        if _CREDIT.match(sent.text):
            continue
        for trigger in find_triggers(sent):
            clause = _read_one(trigger, ctx)
            token = trigger.token
            when = time_of(parsed, token, clause.chain, ctx)
            modality = modality_of(token, clause.chain, set(clause.governors), ctx)
            paragraph = bisect.bisect(breaks, token.idx)
            if focus is not None and focus[0] != paragraph:
                focus = None
            told = modality in ("asserted", "reported")
            if when is not None and told and _one_day(when):
                focus = (paragraph, when)
            elif when is None and told and _told(clause.anchor) and focus is not None:
                when = focus[1]  # "A fire broke out on Tuesday. Firefighters rescued five."
            heads = clause.chain if token.pos_ != "NOUN" else (token, *clause.chain)
            start, end = token.idx, token.idx + len(token)
            event = Event(
                id=content_id(article_id, str(start), str(end), prefix="v"),
                start=start,
                end=end,
                trigger=text[start:end],
                type=clause.sense.type,
                source=next((a.entity for a in clause.sources if a.entity), None),
                target=next((a.entity for a in clause.targets if a.entity), None),
                place=place_of(heads, ctx),
                time_value=when.value if when else None,
                time_start=when.interval_start if when else None,
                time_end=when.interval_end if when else None,
                modality=modality,
            )
            readings.append(
                Reading(
                    event,
                    clause.sense.mode,
                    clause.sources,
                    clause.targets,
                    depth_of(clause.anchor),
                    number,
                    None if when else published,
                )
            )
    return readings


def _told(anchor: Token) -> bool:
    """Say whether a clause tells what happened then: a simple past, or a past passive.

    "Firefighters rescued five", "a man was arrested", "had fled": these move
    along the story's time line. Present tenses ("enjoy", "is expected", "has
    been arrested") speak of now, and modals ("can be stored") of no time.
    """
    if anchor.tag_ == "VBD":
        return True
    if anchor.tag_ != "VBN":
        return False
    helpers = [c.lower_ for c in anchor.children if c.dep_ in ("aux", "auxpass")]
    return bool(helpers) and all(h in _PAST_HELPERS for h in helpers)


def _one_day(when: TimeExpr) -> bool:
    """Say whether a time names one day: the day a story's events are told on."""
    return (
        when.type == "DATE"
        and when.interval_start is not None
        and (when.interval_start == when.interval_end)
    )


def find(
    text: str,
    parsed: SpacyDoc,
    mentions: Sequence[Mention],
    entities: Sequence[Entity],
    times: Sequence[TimeExpr],
    published: date | None = None,
    *,
    quotes: Sequence[Quote] = (),
    article_id: str = "",
) -> list[Event]:
    """Return the events of a parsed text, in text order."""
    found = read(
        text, parsed, mentions, entities, times, published, quotes=quotes, article_id=article_id
    )
    return [
        dataclasses.replace(
            r.event,
            mode=r.mode,
            source_start=r.sources[0].start if r.sources else None,
            source_end=r.sources[0].end if r.sources else None,
            target_start=r.targets[0].start if r.targets else None,
            target_end=r.targets[0].end if r.targets else None,
        )
        for r in found
    ]


def main(readings: Sequence[Reading]) -> Reading | None:
    """Return the main event: the political one highest in its parse, else the root verb's.

    Ties go to the earlier trigger. This is the event a sentence-level coder
    (PLOVER, CAMEO) would record; :func:`plover.coded` gives its coded type.
    Pass the readings of one sentence (group them by :attr:`Reading.sentence`).
    """
    political = [r for r in readings if r.event.type in plover.POLITICAL]
    pool = political or [r for r in readings if r.depth == 0] or list(readings)
    if not pool:
        return None
    return min(pool, key=lambda r: (r.depth, r.event.start))


@stage(
    "events",
    7,
    requires=("article", "parse", "entities", "mentions", "times"),
    assigns=("events",),
)
def events_stage(doc: Doc) -> Doc:
    """Return the doc with its events, read from the parse, mentions, times and quotes."""
    if doc.parse is None:
        return doc
    found = find(
        doc.text,
        doc.parse,
        doc.mentions,
        doc.entities,
        doc.times,
        doc.article.published,
        quotes=doc.quotes,
        article_id=doc.article.id,
    )
    return dataclasses.replace(doc, events=tuple(found))
