"""Sources compared, fact by fact: what each article of a story adds, confirms or contradicts.

Articles are read in arrival order (publication date, then id). A fact is a happening (a
timeline entry), a quote or a figure. An article *adds* a fact no earlier article had,
*confirms* one an earlier article had (a syndicated copy or the same outlet confirms nothing:
its relation says so in ``note``), and *contradicts* an earlier article when:

- **figures**: both measure the same thing (:mod:`storyline.link.measures`: same kind of
  measure and what it counts, same currency) at compatible times, and their values differ
  beyond rounding ("about 12,000" and "12,000" agree; 12,000 and 15,000 do not);
- **dates**: both date the same happening (same trigger, a shared actor or near-identical
  wording) to a precise day or week, the dates do not overlap, and lie within a fortnight of
  each other (further apart, they are two happenings: the July meeting and the December talks);
- **denials**: one says a thing happened and the other that it did not (a negated event of
  the same trigger and actor), or that an actor of it denied it ("a claim Putin denied": a
  deny cue whose sentence names the same kind of happening and a shared actor).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from storyline.link import measures
from storyline.link.events import COPY_JACCARD
from storyline.link.reports import StoryDocs, content_words, jaccard, sentence_of, stem
from storyline.model import Comparison, ComparisonRelation, Doc, Event, StoryEvent, TimelineEntry

FACT_CHARS = 160
# Quotes by one speaker sharing half their content words say the same thing.
QUOTE_JACCARD = 0.5
# Two dates of one happening more than this many days apart are two happenings.
DATE_CONFLICT_DAYS = 14
# A date finer than this (a day, a week) can contradict another; "in March" cannot.
PRECISE_DAYS = 7
DENY_STEMS = frozenset({"deny", "dismiss", "refut", "rebut", "disput", "reject", "contest"})
SPEECH_TYPES = frozenset({"STATEMENT"})


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= FACT_CHARS else flat[: FACT_CHARS - 1].rstrip() + "…"


@dataclass(frozen=True)
class _Context:
    story: StoryDocs
    order: Mapping[str, int]
    docs: Mapping[str, Doc]

    def earlier(self, article: str, others: Sequence[str]) -> list[str]:
        return [o for o in others if self.order[o] < self.order[article]]

    def independent(self, article: str, others: Sequence[str]) -> list[str]:
        key = self.story.source_key(article)
        return [o for o in others if self.story.source_key(o) != key]

    def outlet(self, article: str) -> str:
        return self.docs[article].article.outlet


def _relation(
    ctx: _Context, article: str, earlier: Sequence[str]
) -> tuple[ComparisonRelation, tuple[str, ...], str]:
    """Return adds/confirms, the earlier articles, and a note for a fact seen ``earlier``."""
    if not earlier:
        return "adds", (), ""
    independent = ctx.independent(article, earlier)
    if independent:
        return "confirms", tuple(independent), ""
    return "confirms", tuple(earlier), f"same source as {ctx.outlet(earlier[0])}: not independent"


def _events(ctx: _Context, entries: Sequence[TimelineEntry]) -> Iterator[Comparison]:
    for entry in entries:
        seen: list[str] = []
        for s in entry.support:
            if s.article in seen:
                continue
            relation, others, note = _relation(ctx, s.article, ctx.earlier(s.article, seen))
            text = ctx.docs[s.article].text[s.start : s.end]
            yield Comparison(
                ctx.story.story, s.article, relation, "event", s.start, s.end,
                _short(text), others, note,
            )  # fmt: skip
            seen.append(s.article)


def _quotes(ctx: _Context) -> Iterator[Comparison]:
    said: list[tuple[str, str, frozenset[str]]] = []  # (article, speaker, words)
    for doc in ctx.story.docs:
        aid = doc.article.id
        for q in doc.quotes:
            speaker = (
                ctx.story.actor_of(q.speaker) if q.speaker else (q.speaker_text or "?").lower()
            )
            words = content_words(" ".join(doc.text[a:b] for a, b in q.spans))
            same = [
                a for a, who, w in said
                if a != aid and ((who == speaker and jaccard(words, w) >= QUOTE_JACCARD)
                                 or jaccard(words, w) >= COPY_JACCARD)
            ]  # fmt: skip
            relation, others, note = _relation(ctx, aid, list(dict.fromkeys(same)))
            who = q.speaker_text or "unattributed"
            text = f"{who}: {doc.text[q.start : q.end]}"
            yield Comparison(
                ctx.story.story, aid, relation, "quote", q.start, q.end,
                _short(text), others, note,
            )  # fmt: skip
            said.append((aid, speaker, words))


def _figures(ctx: _Context) -> Iterator[Comparison]:
    seen: dict[measures.Key, list[measures.Figure]] = defaultdict(list)
    for doc in ctx.story.docs:
        aid = doc.article.id
        own = measures.figures(doc)
        for fig in measures.representatives(own):
            earlier = [f for f in seen.get(fig.key, []) if f.article != aid]
            agree = [f for f in earlier if measures.agree(fig, f)]
            differ = [
                f for f in earlier if not measures.agree(fig, f) and measures.comparable(fig, f)
            ]
            text = f"{fig.text} ({fig.label})"
            independent_differ = ctx.independent(aid, [f.article for f in differ])
            if independent_differ:
                values = ", ".join(
                    dict.fromkeys(f"{f.text} ({ctx.outlet(f.article)})" for f in differ)
                )
                yield Comparison(
                    ctx.story.story, aid, "contradicts", "figure", fig.start, fig.end, _short(text),
                    tuple(dict.fromkeys(independent_differ)),
                    f"{fig.text} here vs {values}: {fig.label}",
                )  # fmt: skip
            else:
                relation, others, note = _relation(
                    ctx, aid, list(dict.fromkeys(f.article for f in agree))
                )
                yield Comparison(
                    ctx.story.story, aid, relation, "figure", fig.start, fig.end,
                    _short(text), others, note,
                )  # fmt: skip
        # Only what an article states as its own figure counts: a cited one is the other's.
        for fig in measures.representatives(own):
            seen[fig.key].append(fig)


def _precise(e: StoryEvent) -> bool:
    return (
        e.dated_by == "text"
        and e.time_start is not None
        and e.time_end is not None
        and (e.time_end - e.time_start).days < PRECISE_DAYS
    )


def _first_support(ctx: _Context, e: StoryEvent) -> tuple[str, int, int]:
    s = min(e.support, key=lambda s: (ctx.order[s.article], s.start))
    return s.article, s.start, s.end


def _dates(ctx: _Context, events: Sequence[StoryEvent]) -> Iterator[Comparison]:
    by_stem: dict[str, list[StoryEvent]] = defaultdict(list)
    for e in events:
        if _precise(e) and e.modality in ("asserted", "reported") and e.type not in SPEECH_TYPES:
            by_stem[stem(e.trigger)].append(e)
    for group in by_stem.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                assert a.time_start and a.time_end and b.time_start and b.time_end
                if a.time_start <= b.time_end and b.time_start <= a.time_end:
                    continue
                gap = abs((a.time_start - b.time_start).days)
                if gap > DATE_CONFLICT_DAYS or not _same_happening(ctx, a, b):
                    continue
                yield from _date_conflict(ctx, a, b)


def _same_happening(ctx: _Context, a: StoryEvent, b: StoryEvent) -> bool:
    actors_a = {x for x in (a.source, a.target, a.place) if x}
    actors_b = {x for x in (b.source, b.target, b.place) if x}
    if actors_a & actors_b:
        return True
    text = {
        e.id: content_words(" ".join(ctx.docs[s.article].text[s.start : s.end] for s in e.support))
        for e in (a, b)
    }
    return jaccard(text[a.id], text[b.id]) >= 0.3


def _date_conflict(ctx: _Context, a: StoryEvent, b: StoryEvent) -> Iterator[Comparison]:
    later, earlier = sorted((a, b), key=lambda e: -min(ctx.order[x] for x in e.articles))
    others = ctx.independent(later.articles[0], list(earlier.articles))
    article, start, end = _first_support(ctx, later)
    mine = [
        x for x in later.articles if ctx.order[x] >= min(ctx.order[y] for y in earlier.articles)
    ]
    if not others or not mine:
        return
    text = ctx.docs[article].text[start:end]
    yield Comparison(
        ctx.story.story, article, "contradicts", "event", start, end, _short(text),
        tuple(others),
        f"dates {later.trigger} to {later.time_value} vs {earlier.time_value} "
        f"({', '.join(ctx.outlet(o) for o in others)})",
    )  # fmt: skip


def _event_actors(e: Event) -> set[str]:
    return {x for x in (e.source, e.target) if x}


def _denials(ctx: _Context) -> Iterator[Comparison]:
    claims: list[tuple[str, Event]] = []
    for doc in ctx.story.docs:
        for e in doc.events:
            if e.modality in ("asserted", "reported") and e.type not in SPEECH_TYPES:
                claims.append((doc.article.id, e))
    for doc in ctx.story.docs:
        aid = doc.article.id
        for e in doc.events:
            for claim_article, claim, why in _denied(ctx, doc, e, claims):
                if claim_article == aid or not ctx.independent(aid, [claim_article]):
                    continue
                span = sentence_of(doc, e.start)
                yield Comparison(
                    ctx.story.story, aid, "contradicts", "event", span.start, span.end,
                    _short(doc.text[span.start : span.end]), (claim_article,),
                    f"{why}: {_short(_sentence(ctx, claim_article, claim))}",
                )  # fmt: skip


def _sentence(ctx: _Context, article: str, e: Event) -> str:
    doc = ctx.docs[article]
    span = sentence_of(doc, e.start)
    return doc.text[span.start : span.end]


def _denied(
    ctx: _Context, doc: Doc, e: Event, claims: Sequence[tuple[str, Event]]
) -> Iterator[tuple[str, Event, str]]:
    """Yield the claims of other articles that event ``e`` of ``doc`` denies, once each."""
    fold = ctx.story.actor_of
    done: set[tuple[str, str]] = set()
    if e.modality == "negated":
        actors = {fold(x) for x in _event_actors(e)}
        for article, c in claims:
            same = stem(c.trigger) == stem(e.trigger) and _times_meet(e, c)
            if (
                same
                and actors & {fold(x) for x in _event_actors(c)}
                and (article, c.id) not in done
            ):
                done.add((article, c.id))
                yield article, c, f"says it did not happen ({e.trigger})"
    if stem(e.trigger) not in DENY_STEMS:
        return
    span = sentence_of(doc, e.start)
    content = [x for x in doc.events if span.start <= x.start < span.end and x.id != e.id]
    actors = {fold(x) for c in (e, *content) for x in _event_actors(c)}
    for article, c in claims:
        same = any(stem(c.trigger) == stem(x.trigger) for x in content)
        if same and actors & {fold(x) for x in _event_actors(c)} and (article, c.id) not in done:
            done.add((article, c.id))
            yield article, c, f"reports a denial ({e.trigger})"


def _times_meet(a: Event, b: Event) -> bool:
    if a.time_start is None or b.time_start is None or a.time_end is None or b.time_end is None:
        return True
    return a.time_start <= b.time_end and b.time_start <= a.time_end


def compare(
    story: StoryDocs, events: Sequence[StoryEvent], entries: Sequence[TimelineEntry]
) -> list[Comparison]:
    """Return what each article of the story adds, confirms and contradicts, in arrival order."""
    ctx = _Context(
        story, {d.article.id: i for i, d in enumerate(story.docs)},
        {d.article.id: d for d in story.docs},
    )  # fmt: skip
    found = [
        *_events(ctx, entries), *_quotes(ctx), *_figures(ctx), *_dates(ctx, events),
        *_denials(ctx),
    ]  # fmt: skip
    kinds = {"event": 0, "quote": 1, "figure": 2}
    # A sentence backing two entries (its date and its undated verb) is one finding.
    unique = list({(c.article, c.kind, c.start, c.end, c.relation): c for c in found}.values())
    return sorted(unique, key=lambda c: (ctx.order[c.article], kinds[c.kind], c.start, c.relation))


def first_dates(story: StoryDocs) -> tuple[date | None, date | None]:
    """Return the first and last publication dates of a story's articles."""
    dates = [d.article.published for d in story.docs if d.article.published]
    return (min(dates), max(dates)) if dates else (None, None)
