"""Events across articles: the same happening reported by several articles, merged into one.

Merging runs inside one story only (the story is the blocking key), so its cost grows with the
size of a story, never with the corpus. Inside a story, a mention is compared only with the
clusters that share its trigger stem or one of its (type, actor) keys.

A mention joins a cluster when the evidence adds up to ``merge_threshold`` (1.25: the same
trigger in the same occasion is enough, unless something speaks against it):

- the same trigger stem ("met", "meeting", "meet") counts 1.0; the same type under another
  word ("talks" and "summit", both CONSULT) 0.3; other types never merge;
- the same family of words counts as the same trigger: a verb and its nominalization, a
  causative and its result, plain synonyms ("died" / "death" / "killed", "quake" /
  "temblor"; :func:`trigger_key`);
- each shared participant (actors folded across articles) 0.5, at most two; two acts of a
  directed type whose doers are both known and different never merge ("Syria accused",
  "Putin accused"); other participants that differ do not count against;
- time: two explicit dates must overlap (then +0.5); an undated mention merges only within
  its own occasion (+0.25); against a dated one of another article only on the same trigger
  word: "the flood" of a report of this occasion repeats "the March floods";
- an untyped general verb ("made", "went") merges only with a shared participant;
- the same place +0.25, a different one -0.5; a negated or hypothetical mention never joins
  a told one (a denial is a different fact: :mod:`storyline.link.compare` reports it; a
  supposition is none);
- near-identical sentences (syndicated copy, shared wire text) +1.0. Speech acts ("said")
  merge only on such sentences, or across articles of one occasion for one speaker published
  within COPY_DAYS (one press statement, reported everywhere): two things Putin said in one
  article are two, and so are his words of March and of May.

Two mentions of one sentence are never merged: a sentence that names two triggers reports two
things. Mentions are taken in arrival order; a second look then lets a group join an earlier one
that a later report tied it to (at most ``SECOND_LOOK`` earlier groups each).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from storyline.link.reports import (
    STOP_WORDS,
    ActorOf,
    StoryDocs,
    content_words,
    jaccard,
    sentence_of,
    stem,
)
from storyline.model import DatedBy, Doc, Event, Span, StoryEvent, Support, content_id

# Undated mentions of one occasion are close in time by construction; across occasions an
# undated mention may be anything, so it does not merge.
MERGE_THRESHOLD = 1.25
STEM_SCORE = 1.0
TYPE_SCORE = 0.3
ACTOR_SCORE = 0.5
MAX_SHARED_ACTORS = 2
TIME_SCORE = 0.5
OCCASION_SCORE = 0.25
PLACE_SCORE = 0.25
PLACE_PENALTY = -0.5
COPY_SCORE = 1.0
# Earlier groups a group is checked against on the second look (see ``_consolidate``).
SECOND_LOOK = 32
# Sentences sharing this share of their content words are one text (a wire copy, a quote
# repeated verbatim); measured on word sets, so an edited headline word does not break it.
COPY_JACCARD = 0.6
COPY_DAYS = 7
SPEECH_TYPES = frozenset({"STATEMENT"})
WEAK_TYPES = frozenset({"OTHER"})

_CALENDAR_WORDS = (
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
)
_MONTHS = frozenset(_CALENDAR_WORDS.split())
# Types where who acts on whom is symmetric ("Putin met Erdogan" = "Erdogan met Putin").
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE", "FIGHT", "OTHER"})

# One happening in its verbal and nominal forms, and the plain synonyms reports of one
# happening trade ("died" / "death", "quake" / "temblor", "arrested" / "detention"). Written
# for general news predicates; a causative goes with what it causes ("killed" / "died": one
# death), a result with its act ("defeated" / "won"), the two sides of one contest ("won" /
# "lost"). A word sits in one family only, and a
# word that names two different things ("fire": a blaze or a dismissal) in none.
_FAMILIES = """
die: die died dies dying dead death deaths kill killed kills killing killings fatal fatally
     murder murdered murders slay slew slain slaying homicide
attack: attack attacked attacks assault assaulted assaults
shoot: shoot shot shoots shooting shootings gunfire gunshot gunshots
arrest: arrest arrested arrests detain detained detains detention apprehend apprehended
charge: charge charged charges indict indicted indictment indictments
convict: convict convicted conviction convictions
sentence: sentence sentenced sentences sentencing
quake: earthquake earthquakes quake quakes temblor temblors tremor tremors
hit: hit hits strike struck strikes impact
explode: explode exploded explodes explosion explosions blast blasts detonate detonation
bomb: bomb bombed bombs bombing bombings
crash: crash crashed crashes collide collided collision collisions accident accidents
injure: injure injured injures injury injuries wound wounded wounds
kidnap: kidnap kidnapped kidnapping abduct abducted abduction
rob: rob robbed robbery robberies heist
steal: steal stole stolen theft thefts
acquire: acquire acquired acquires acquisition acquisitions takeover
buy: buy bought buys purchase purchased purchases
merge: merge merged merger
resign: resign resigned resigns resignation
retire: retire retired retires retirement
appoint: appoint appointed appoints appointment
nominate: nominate nominated nominates nomination
elect: elect elected election elections
win: win won wins winning victory beat beats beaten defeat defeated defeats
     lose lost loses losing loss losses
announce: announce announced announces announcement
invade: invade invaded invasion
marry: marry married marriage wedding
evacuate: evacuate evacuated evacuation
sink: sink sank sunk capsize capsized
rescue: rescue rescued rescues
investigate: investigate investigated investigation probe
treat: treat treated treatment rehab rehabilitation
release: release released releases issue issued issues
escape: escape escaped escapes flee fled flees
enter: enter entered enters entering entry
damage: damage damaged damages destroy destroyed destroys destruction devastate devastated
     devastation wreck wrecked
repair: repair repaired repairs fix fixed fixes mend mended
"""


def _family_table(text: str) -> dict[str, str]:
    table: dict[str, str] = {}
    key = ""
    for line in text.strip().splitlines():
        head, _, words = line.rpartition(":") if ":" in line else ("", "", line)
        key = head.strip() or key  # an indented line goes on the family above
        for word in words.split():
            table[word] = key
            table.setdefault(stem(word), key)
    return table


FAMILIES = _family_table(_FAMILIES)


def trigger_key(word: str) -> str:
    """Return what two triggers must share to name one happening: family, else crude stem.

    "died", "death" → "die"; "quake", "temblor" → "quake"; "meeting", "met" → "meet".
    """
    lower = word.lower().strip()
    found = FAMILIES.get(lower) or FAMILIES.get(stem(lower))
    if found:
        return found
    key = stem(lower)
    # An irregular form comes back as its base ("made" -> "make"), which the regular forms
    # reach without the final e ("making" -> "mak"): drop it here too.
    return key[:-1] if len(key) > 3 and key.endswith("e") else key


# Verbs that say almost nothing of what happened: an untyped one merges only with actors.
_GENERAL = (
    "be have do get go come make take give put set keep let seem become begin start "
    "continue remain stay find show see look use want need try leave bring run turn"
)
GENERAL_VERBS = frozenset(trigger_key(w) for w in _GENERAL.split())


@dataclass(frozen=True)
class EventMention:
    """One per-article event with what merging compares: stem, actors, time, sentence."""

    event: Event
    article: str
    published: date | None
    occasion: str | None
    stem: str
    actors: frozenset[str]
    sources: frozenset[str]
    place: str | None
    sentence: Span
    words: frozenset[str]

    @property
    def dated(self) -> bool:
        return self.event.time_start is not None and self.event.time_end is not None


def _role(
    entity: str | None, start: int | None, end: int | None, doc: Doc, actor_of: ActorOf
) -> frozenset[str]:
    """Return who fills a role: the folded actor, else the names in its phrase ("Tajikistan").

    A phrase with no entity ("a source in Russia's military") still tells two actors apart
    by its capitalized words; a pronoun tells nothing.
    """
    if entity:
        return frozenset({actor_of(entity)})
    if start is None or end is None:
        return frozenset()
    names = {
        "name:" + w.removesuffix("'s").removesuffix("’s").lower()
        for w in doc.text[start:end].split()[1:4] + doc.text[start:end].split()[:1]
        if w[:1].isupper() and w.lower() not in STOP_WORDS and w not in _MONTHS
    }
    return frozenset(names)


def mentions(story: StoryDocs) -> list[EventMention]:
    """Return the event mentions of a story's docs, in arrival and text order."""
    out = []
    for doc in story.docs:
        aid = doc.article.id
        words: dict[int, frozenset[str]] = {}
        for e in doc.events:
            sentence = sentence_of(doc, e.start)
            if sentence.start not in words:
                words[sentence.start] = content_words(doc.text[sentence.start : sentence.end])
            sources = _role(e.source, e.source_start, e.source_end, doc, story.actor_of)
            targets = _role(e.target, e.target_start, e.target_end, doc, story.actor_of)
            out.append(
                EventMention(
                    e, aid, doc.article.published, story.occasions.get(aid), trigger_key(e.trigger),
                    sources | targets, sources, story.actor_of(e.place) if e.place else None,
                    sentence, words[sentence.start],
                )
            )  # fmt: skip
    return out


class _Cluster:
    """Mentions merged so far, with the running profile they are compared against."""

    __slots__ = (
        "actors",
        "articles",
        "end",
        "members",
        "places",
        "sentences",
        "sources",
        "start",
        "types",
    )

    def __init__(self) -> None:
        self.members: list[EventMention] = []
        self.types: Counter[str] = Counter()
        self.actors: Counter[str] = Counter()
        self.sources: Counter[str] = Counter()
        self.places: Counter[str] = Counter()
        self.articles: set[str] = set()
        self.sentences: set[tuple[str, int]] = set()
        self.start: date | None = None
        self.end: date | None = None

    def add(self, m: EventMention) -> None:
        self.members.append(m)
        self.types[m.event.type] += 1
        self.actors.update(m.actors)
        self.sources.update(m.sources)
        if m.place:
            self.places[m.place] += 1
        self.articles.add(m.article)
        self.sentences.add((m.article, m.sentence.start))
        if m.dated:
            assert m.event.time_start is not None and m.event.time_end is not None
            # Keep the narrowest interval the members agree on ("March" then "March 11").
            self.start = max(self.start or m.event.time_start, m.event.time_start)
            self.end = min(self.end or m.event.time_end, m.event.time_end)
            if self.start > self.end:
                self.start, self.end = m.event.time_start, m.event.time_end

    @property
    def dated(self) -> bool:
        return self.start is not None


def _days_apart(m: EventMention, x: EventMention) -> int | None:
    """Return how many days apart two mentions were published, None when a date is unknown."""
    if m.published is None or x.published is None:
        return None
    return abs((x.published - m.published).days)


def _near(m: EventMention, c: _Cluster) -> bool:
    """Return whether ``m`` was published within COPY_DAYS of a report in ``c``."""
    return any((d := _days_apart(m, x)) is not None and d <= COPY_DAYS for x in c.members)


def _same_statement(m: EventMention, c: _Cluster) -> bool:
    """Return whether a speech act may repeat ``c``'s: same speaker, occasion, other article.

    One press statement is reported by every article of its occasion ("Peskov confirmed"),
    within days of it; two things one speaker says in one article are two statements, and
    so are her words of March and of May (where both reports are dated).
    """
    return (
        bool(m.sources & set(c.sources))
        and m.article not in c.articles
        and m.occasion is not None
        and any(
            x.occasion == m.occasion and ((d := _days_apart(m, x)) is None or d <= COPY_DAYS)
            for x in c.members
        )
    )


def _types_agree(m: EventMention, c: _Cluster) -> float | None:
    """Return the trigger/type score of ``m`` against ``c``, None when they cannot merge."""
    if any(x.stem == m.stem for x in c.members):
        return STEM_SCORE
    if m.event.type in WEAK_TYPES or m.event.type in SPEECH_TYPES:
        return None
    return TYPE_SCORE if c.types.get(m.event.type) else None


def score(m: EventMention, c: _Cluster) -> float | None:
    """Return the evidence that ``m`` reports the happening of ``c``; None when it cannot."""
    if (m.article, m.sentence.start) in c.sentences:
        return None
    mood = _mood(m)
    if any(_mood(x) != mood for x in c.members):
        return None
    kind = _types_agree(m, c)
    if kind is None:
        return None
    copy = max((jaccard(m.words, x.words) for x in c.members), default=0.0) >= COPY_JACCARD
    if not copy and m.event.type in SPEECH_TYPES and not _same_statement(m, c):
        return None
    if not copy and _vague(m) and not m.actors:
        return None
    total = kind + (COPY_SCORE if copy else 0.0)
    if m.actors and c.actors:
        shared = len(m.actors & set(c.actors))
        if (
            not shared
            and m.sources
            and c.sources
            and m.event.type not in SYMMETRIC_TYPES
            and not copy
        ):
            return None  # another doer of the same act: "Syria accused", "Putin accused"
        # Participants that differ otherwise (a victim named in one report, the town in
        # another) are no evidence against: the parse fills roles too unevenly for that.
        total += ACTOR_SCORE * min(MAX_SHARED_ACTORS, shared)
    same_occasion = m.occasion is not None and any(x.occasion == m.occasion for x in c.members)
    if m.dated and c.dated:
        assert m.event.time_start is not None and m.event.time_end is not None
        assert c.start is not None and c.end is not None
        if m.event.time_start > c.end or m.event.time_end < c.start:
            return None
        total += TIME_SCORE
    elif same_occasion:
        # Dated against undated: across articles only the same word ties "the flood" to its
        # date ("the March floods" of another report of this occasion), never the type alone.
        if (m.dated or c.dated) and m.article not in c.articles and not copy and kind < 1.0:
            return None
        total += OCCASION_SCORE
    elif not (copy and _near(m, c)):
        # Across occasions an undated report may be anything; recycled wording counts only
        # between reports of the same days (a wire story and its copies).
        return None
    if m.place and c.places:
        total += PLACE_SCORE if m.place in c.places else PLACE_PENALTY
    return total


def _mood(m: EventMention) -> str:
    """Return how a mention claims its happening: as a fact, denied, or as a supposition.

    A denial is a different fact from the claim (:mod:`storyline.link.compare` reports it),
    and a supposition ("selling the line would not change ...", "a company bought with
    borrowed money") is not the sale or the purchase a report tells: neither merges with the
    other two. A plan ("will meet") and its telling ("met") are one happening.
    """
    modality = m.event.modality
    return modality if modality in ("negated", "hypothetical") else "told"


def _vague(m: EventMention) -> bool:
    """Say whether a trigger tells too little to merge on alone: an untyped general verb."""
    return m.event.type in WEAK_TYPES and m.stem in GENERAL_VERBS


def _keys(m: EventMention) -> list[tuple[str, str]]:
    """Return the blocking keys of a mention: its stem, and (type, actor) per actor."""
    keys = [("stem", m.stem)]
    keys += [("actor", f"{m.event.type}|{a}") for a in sorted(m.actors) if ":" not in a]
    return keys


def cluster(items: Sequence[EventMention], threshold: float = MERGE_THRESHOLD) -> list[list[int]]:
    """Return the mentions grouped into happenings, as lists of indices into ``items``."""
    clusters: list[_Cluster] = []
    members: list[list[int]] = []
    blocks: dict[tuple[str, str], list[int]] = {}
    for i, m in enumerate(items):
        candidates = sorted({c for k in _keys(m) for c in blocks.get(k, ())})
        best: tuple[float, int] | None = None
        for c in candidates:
            s = score(m, clusters[c])
            if s is not None and s >= threshold and (best is None or s > best[0]):
                best = (s, c)
        if best is None:
            clusters.append(_Cluster())
            members.append([])
            target = len(clusters) - 1
        else:
            target = best[1]
        clusters[target].add(m)
        members[target].append(i)
        for k in _keys(m):
            block = blocks.setdefault(k, [])
            if not block or block[-1] != target:
                block.append(target)
    return _consolidate(items, clusters, members, blocks, threshold)


def _consolidate(
    items: Sequence[EventMention],
    clusters: list[_Cluster],
    members: list[list[int]],
    blocks: dict[tuple[str, str], list[int]],
    threshold: float,
) -> list[list[int]]:
    """Return the groups after a second look: a later group that fits an earlier one joins it.

    One pass in arrival order leaves a happening split when its first reports
    did not match each other but a later one matches both. A group joins an
    earlier one sharing a blocking key when some member of it scores the
    threshold against the earlier group and none of its members is ruled out
    there (another sentence's twin, a denial, another date, another doer).
    """
    owner = list(range(len(clusters)))

    def root(c: int) -> int:
        while owner[c] != c:
            c = owner[c]
        return c

    for later in range(len(clusters)):
        keys = {k for i in members[later] for k in _keys(items[i])}
        earlier = sorted({root(c) for k in keys for c in blocks.get(k, ()) if root(c) < later})
        for c in earlier[-SECOND_LOOK:]:  # a bounded few, the nearest
            target = clusters[c]
            scores = [score(items[i], target) for i in members[later]]
            vetoed = sum(s is None for s in scores)
            if 2 * vetoed >= len(scores) or max(s or 0.0 for s in scores) < threshold:
                continue
            for i in members[later]:
                target.add(items[i])
            members[c] += members[later]
            members[later] = []
            owner[later] = c
            break
    return [sorted(group) for group in members if group]


def _most(counter: Counter[str]) -> str | None:
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0] if counter else None


@dataclass(frozen=True)
class When:
    """The time of a merged happening: its interval, TIMEX3 value and where it comes from."""

    start: date | None
    end: date | None
    value: str | None
    dated_by: DatedBy


def _when(group: Sequence[EventMention]) -> When:
    """Return the narrowest interval the dated members agree on, else the first report's date."""
    dated = [m.event for m in group if m.dated]
    if dated:
        narrow = min(dated, key=lambda e: (_days(e.time_start, e.time_end), e.start))
        start, end = narrow.time_start, narrow.time_end
        assert start is not None and end is not None
        for e in dated:
            assert e.time_start is not None and e.time_end is not None
            lo, hi = max(start, e.time_start), min(end, e.time_end)
            if lo <= hi:
                start, end = lo, hi
        return When(start, end, narrow.time_value, "text")
    published = [m.published for m in group if m.published]
    if not published:
        return When(None, None, None, "published")
    first = min(published)
    return When(first, first, first.isoformat(), "published")


def _days(start: date | None, end: date | None) -> int:
    return (end - start).days if start and end else 1 << 30


def story_event(story: StoryDocs, group: Sequence[EventMention]) -> StoryEvent:
    """Return the merged record of one group of mentions (the first mention names it)."""
    first = group[0]
    types = Counter(m.event.type for m in group)
    strong = Counter({t: n for t, n in types.items() if t not in WEAK_TYPES})
    sources = Counter(story.actor_of(m.event.source) for m in group if m.event.source)
    targets = Counter(story.actor_of(m.event.target) for m in group if m.event.target)
    places = Counter(m.place for m in group if m.place)
    modalities = Counter(m.event.modality for m in group)
    support = sorted(
        {(m.article, m.sentence.start, m.sentence.end) for m in group},
        key=lambda s: ([m.article for m in group].index(s[0]), s[1]),
    )
    articles = tuple(dict.fromkeys(m.article for m in group))
    when = _when(group)
    return StoryEvent(
        id=content_id(story.story, first.event.id, prefix="se"),
        story=story.story,
        type=_most(strong) or _most(types) or "OTHER",
        trigger=first.event.trigger.lower(),
        members=tuple(m.event.id for m in group),
        articles=articles,
        source=_most(sources),
        target=_most(targets),
        place=_most(places),
        time_value=when.value,
        time_start=when.start,
        time_end=when.end,
        dated_by=when.dated_by,
        modality="asserted" if modalities.get("asserted") else _most(modalities) or "asserted",
        sources=story.sources(articles),
        support=tuple(Support(a, s, e) for a, s, e in support),
    )


def merge(story: StoryDocs, threshold: float = MERGE_THRESHOLD) -> list[StoryEvent]:
    """Return the story's happenings: its per-article events merged across articles."""
    items = mentions(story)
    groups = cluster(items, threshold)
    return [story_event(story, [items[i] for i in g]) for g in groups]
