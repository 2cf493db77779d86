"""Actors across articles: every spelling, surname and title of one party folded into one actor.

Within an article the entities stage already folds what the text makes
certain ("Putin" under "Vladimir Putin"); entity ids come from folded names,
so "Erdoğan" and "Erdogan" share one id in every article. Across articles
this module folds what needs the corpus:

- a surname alone ("Erdogan", in an article that never gives the full name)
  into the one full-name person of the corpus with that surname, when their
  roles do not conflict; where several full names share the surname, into the
  one whose co-occurring actors overlap clearly more, else nowhere — two
  people sharing a surname stay apart;
- a shorter form of a name ("Tayyip Erdogan") into the one longer name it abbreviates;
- a name that an article used as an alias of another ("EADS", given in brackets
  after "European Aeronautic Defence and Space") into that entity;
- a company name with a generic trailing word ("Apple Computer") into the bare
  name ("Apple") when both are organizations.

An actor keeps the id of the name it folds into, and goes by the name most of its articles
give it, never a shorter one (:func:`_display_name`).

Each actor keeps the roles its members held, with the dates they were stated
for. :func:`fold` streams: it keeps per-entity summaries, never the docs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from storyline.model import Doc
from storyline.stages.names import normalize, surname, wordset
from storyline.stages.titles import canonical

# Trailing words that do not make a company a different one: "Apple Computer", "Ford Motor".
GENERIC_ORG_WORDS = wordset(
    "computer computers motor motors group holdings international company corp co inc spa"
)
# Co-occurring actors kept per entity; enough to tell two namesakes apart.
CO_ACTORS = 200
# Among namesakes, the best must share this many more co-actors than the next.
MARGIN = 2


@dataclass(frozen=True)
class ActorRole:
    """A title an actor held, over the dates articles stated it for."""

    title: str
    of: str | None
    since: date | None
    until: date | None
    articles: int


@dataclass(frozen=True)
class Actor:
    """One party across articles: its members' entity ids, names and roles over time."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]
    roles: tuple[ActorRole, ...] = ()
    country: str | None = None
    government_of: str | None = None


@dataclass
class _Held:
    """A role of one entity over the dates it was stated for, and in how many articles."""

    title: str
    since: date | None
    until: date | None
    articles: int = 0

    def widen(self, since: date | None, until: date | None) -> None:
        self.since = _earliest(self.since, since)
        self.until = _latest(self.until, until)


@dataclass
class _Summary:
    """What the corpus says about one entity id, kept instead of the docs."""

    names: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    co: Counter[str] = field(default_factory=Counter)
    roles: dict[tuple[str, str | None], _Held] = field(default_factory=dict)
    country: str | None = None
    government_of: str | None = None

    @property
    def name(self) -> str:
        return max(self.names, key=lambda n: (self.names[n], len(n), n)) if self.names else ""

    @property
    def type(self) -> str:
        return self.types.most_common(1)[0][0] if self.types else "PER"

    @property
    def key(self) -> str:
        return normalize(self.name)

    def titles(self) -> set[str]:
        return {title for title, _ in self.roles}


class ActorIndex:
    """The folded actors: which actor each entity id belongs to, and the actors themselves."""

    def __init__(self, summaries: dict[str, _Summary], parent: dict[str, str]) -> None:
        self._summaries = summaries
        self._parent = parent

    def actor_of(self, entity_id: str) -> str:
        """Return the actor id of an entity id (the id itself when nothing folds it)."""
        seen = 0
        while entity_id in self._parent and seen < 8:
            entity_id, seen = self._parent[entity_id], seen + 1
        return entity_id

    def actors(self) -> list[Actor]:
        """Return every actor with its members, aliases and roles over time, sorted by id."""
        members: dict[str, list[str]] = {}
        for entity_id in self._summaries:
            members.setdefault(self.actor_of(entity_id), []).append(entity_id)
        return [self._actor(actor_id, sorted(ids)) for actor_id, ids in sorted(members.items())]

    def _actor(self, actor_id: str, ids: list[str]) -> Actor:
        head = self._summaries[actor_id]
        aliases: set[str] = set()
        spans: dict[tuple[str, str | None], _Held] = {}
        for entity_id in ids:
            summary = self._summaries[entity_id]
            aliases |= summary.aliases | set(summary.names)
            for role_key, held in summary.roles.items():
                merged = spans.setdefault(role_key, _Held(held.title, held.since, held.until))
                merged.widen(held.since, held.until)
                merged.articles += held.articles
        roles = sorted(
            (ActorRole(h.title, of, h.since, h.until, h.articles) for (_, of), h in spans.items()),
            key=lambda r: (r.since is None, r.since or date.min, r.title, r.of or ""),
        )
        name = _display_name(head.name, [self._summaries[i] for i in ids])
        return Actor(
            actor_id, name, head.type, tuple(sorted(aliases)), tuple(ids), tuple(roles),
            head.country, head.government_of,
        )  # fmt: skip


def _display_name(head: str, members: Iterable[_Summary]) -> str:
    """Return the name an actor goes by: the one most of its articles use, never a shorter one.

    A company folds into its bare name ("Kestrel Freight Group" into "Kestrel Freight"), which
    keeps its id; readers know it by the name the articles give it. A surname ("Putin") names
    fewer words than the full name it folds into, so it never stands for the actor. On a tie
    the longer name wins, then the one with diacritics ("Dália Ferreño" over "Dalia Ferreno").
    """
    floor = len(head.split())
    counts: Counter[str] = Counter()
    for summary in members:
        for name, articles in summary.names.items():
            if len(name.split()) >= floor:
                counts[name] += articles
    return max(counts, key=lambda n: (counts[n], len(n), n)) if counts else head


def _earliest(a: date | None, b: date | None) -> date | None:
    return min(d for d in (a, b) if d) if (a or b) else None


def _latest(a: date | None, b: date | None) -> date | None:
    return max(d for d in (a, b) if d) if (a or b) else None


class ActorFolder:
    """Collects per-entity summaries doc by doc; :meth:`index` folds them into actors."""

    def __init__(self) -> None:
        self.summaries: dict[str, _Summary] = {}

    def add(self, doc: Doc) -> None:
        """Record what one analyzed doc says about its entities."""
        names = {e.id: e.name for e in doc.entities}
        present = sorted({m.entity for m in doc.mentions} | set(names))
        for entity in doc.entities:
            summary = self.summaries.setdefault(entity.id, _Summary())
            summary.names[entity.name] += 1
            summary.types[entity.type] += 1
            summary.aliases.update(entity.aliases)
            summary.country = summary.country or entity.country
            summary.government_of = summary.government_of or entity.government_of
            summary.co.update(other for other in present if other != entity.id)
            if len(summary.co) > 2 * CO_ACTORS:
                summary.co = Counter(dict(summary.co.most_common(CO_ACTORS)))
        stated: set[tuple[str, tuple[str, str | None]]] = set()
        for role in doc.roles:
            summary = self.summaries.setdefault(role.entity, _Summary())
            of = names.get(role.of_entity, role.of) if role.of_entity else role.of
            role_key = (canonical(role.title.split()), of)
            held = summary.roles.setdefault(role_key, _Held(role.title, role.as_of, role.as_of))
            held.widen(role.as_of, role.as_of)
            if (role.entity, role_key) not in stated:  # count articles, not sentences
                stated.add((role.entity, role_key))
                held.articles += 1

    def index(self) -> ActorIndex:
        """Return the actor index for everything added so far."""
        return ActorIndex(self.summaries, _parents(self.summaries))


def fold(docs: Iterable[Doc]) -> ActorIndex:
    """Return the actors of a stream of analyzed docs, folding names across articles."""
    folder = ActorFolder()
    for doc in docs:
        folder.add(doc)
    return folder.index()


def _parents(summaries: dict[str, _Summary]) -> dict[str, str]:
    """Return entity id → the entity id it folds into (one step; targets never fold further)."""
    keys = {entity_id: s.key for entity_id, s in summaries.items()}
    people = {i for i, s in summaries.items() if s.type == "PER" and " " in keys[i]}
    by_surname: dict[str, list[str]] = {}
    for i in people:
        by_surname.setdefault(surname(keys[i]), []).append(i)
    by_alias: dict[str, set[str]] = {}
    for i, s in summaries.items():
        if " " in keys[i]:
            for alias in s.aliases:
                folded = normalize(alias)
                if folded and folded != keys[i]:
                    by_alias.setdefault(folded, set()).add(i)
    by_key = {key: i for i, key in keys.items()}

    parent: dict[str, str] = {}
    for i, s in sorted(summaries.items()):
        key = keys[i]
        if s.government_of is not None or s.type in ("GPE", "LOC", "FAC"):
            continue
        candidates: set[str] = set(by_alias.get(key, ()))
        if s.type == "PER" or " " not in key:
            if " " not in key:
                candidates |= set(by_surname.get(surname(key), ()))
            else:
                candidates |= {p for p in people if _abbreviates(key, keys[p])}
        if s.type == "ORG" and " " in key:  # "Ford Motor Company" → "Ford"
            words = key.split()
            while len(words) > 1 and words[-1] in GENERIC_ORG_WORDS:
                words.pop()
            bare = " ".join(words)
            if bare != key and bare in by_key and summaries[by_key[bare]].type == "ORG":
                candidates.add(by_key[bare])
        candidates.discard(i)
        candidates = {c for c in candidates if _compatible(s, summaries[c])}
        chosen = _choose(i, s, candidates, summaries)
        if chosen is not None:
            parent[i] = chosen
    # A target never folds further: keep the chains one step long and acyclic.
    return {i: p for i, p in parent.items() if p not in parent}


def _abbreviates(short: str, long: str) -> bool:
    s, w = short.split(), long.split()
    return len(s) < len(w) and (w[len(w) - len(s) :] == s or (s[0] == w[0] and s[-1] == w[-1]))


def _compatible(short: _Summary, long: _Summary) -> bool:
    """Say whether two entities may be one actor: kinds agree and roles do not conflict.

    A one-word name the tagger called an organization may still be a
    person's surname ("Marrow said"); the reverse does not hold.
    """
    if short.type != long.type and not (short.type == "ORG" and long.type == "PER"):
        return False
    if not short.roles or not long.roles:
        return True
    # One person holds several offices over time, but in the same country or organization:
    # "Prime Minister" then "President" of Turkey is compatible; a chief executive of one
    # company and a goalkeeper of a club is not.
    parties = {of for _, of in short.roles if of} & {of for _, of in long.roles if of}
    return bool(short.titles() & long.titles() or parties)


def _choose(
    i: str, s: _Summary, candidates: set[str], summaries: dict[str, _Summary]
) -> str | None:
    if len(candidates) == 1:
        return next(iter(candidates))
    if not candidates:
        return None
    # Namesakes: the one the short name keeps company with, by a clear margin.
    shared = sorted(
        ((sum(min(s.co[a], summaries[c].co[a]) for a in s.co if a in summaries[c].co), c)
         for c in candidates),
        reverse=True,
    )  # fmt: skip
    best, runner_up = shared[0], shared[1]
    return best[1] if best[0] >= runner_up[0] + MARGIN else None
