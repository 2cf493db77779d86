"""Participants of an event: who acts (source) and on whom (target), read off the parse.

- source: the subject; the "by" agent of a passive; for an infinitive or a
  participle without one ("was due to meet"), the subject it inherits; for a
  pronoun, the speaker of the clause it sits in, the quote's speaker for
  "we"/"I", or the nearest earlier subject that agrees with it.
- target: the indirect or direct object when it names an actor, else an actor
  inside it ("rejected a U.S. request"), else the object of "with", "against",
  "to", "on" ...; the subject of a passive ("a Turkish jet was shot down" has a
  target and no source).
- an actor maps to an entity through the mention on its head word, else on
  one of its modifiers; a demonym ("Turkish") maps to the country only when
  that country is an entity of the article. Otherwise the id is ``None``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.model import Entity, Mention, Quote, TimeExpr
from storyline.stages import plover
from storyline.stages.entities import normalize
from storyline.stages.plover import Sense

if TYPE_CHECKING:
    from spacy.tokens import Token

# A clausal subject ("Adding to the tensions, ...") is more often a misparse than an actor.
SUBJECTS = ("nsubj",)
# Prepositions whose object is the one acted on, most telling first.
TARGET_PREPS = (
    *("with", "against", "to", "on", "at", "into", "toward", "towards", "over", "for"),
    "among",
)
GOALS = ("to", "from", "into", "with")
INNER_PREPS = ("of", "from", "by", "to", "against", "on", "with", "for", "between", "among")
# Acts only an authority performs: with no agent, the state where they happen did them
# ("was arrested in Lebanon"), as PLOVER codes it.
STATE_ACTS = frozenset({"COERCE", "INVESTIGATE", "SANCTION"})
NOUN_PREPS = (*("with", "against", "on", "to", "between", "at", "into", "toward", "towards"), "of")
# Types whose object is the thing given or moved rather than the one acted on.
TRANSFERS = frozenset({"AID", "AGREE", "COOPERATE", "RETREAT", "MOBILIZE", "SANCTION"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
RELATIVES = frozenset({"who", "which", "that", "whom"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
OBLIGATION_AUX = frozenset({"must", "should", "ought"})
# Verbs whose subject undergoes what a harm noun names: "a prisoner died of torture",
# "civilians suffered heavy shelling": the subject is the target, not the doer.
UNDERGOER_VERBS = frozenset({"die", "suffer", "succumb", "perish", "undergo", "endure"})
HARMS = frozenset({"ASSAULT", "FIGHT", "COERCE"})
# Verbs that act on someone through what they make them do: "allowed U.N. planes to land",
# "ordered the paper to suspend publication": the subject of that clause is the one acted on.
DIRECTIVE_VERBS = frozenset(
    {"allow", "permit", "let", "order", "force", "compel", "urge", "ask", "tell", "invite",
     "require", "persuade", "forbid", "prevent", "press", "pressure", "call"}
)  # fmt: skip


@dataclass(frozen=True)
class Actor:
    """A participant: the noun phrase that names it and the entity it maps to, if any."""

    start: int
    end: int
    entity: str | None


@dataclass(frozen=True)
class Context:
    """What one article offers for resolving actors, places and times."""

    tokens: dict[int, Mention]
    entities: Sequence[Entity]
    times: Sequence[TimeExpr]
    quotes: Sequence[Quote]


def actorish(token: Token) -> bool:
    """Say whether a noun names someone able to act: a name, a pronoun, or an actor noun."""
    if token.ent_type_ and token.ent_type_ not in ACTOR_LABELS:
        return False  # "on Wednesday", "$50,000", "two"
    if token.lower_ in RELATIVES:
        return token.dep_.startswith("nsubj")
    if token.ent_type_ in ACTOR_LABELS or token.pos_ in ("PROPN", "PRON"):
        return True
    if token.pos_ == "NOUN" and token.lemma_.lower() in plover.ACTOR_NOUNS:
        return True
    # "Palestinian lorries", "Karen guerrilla stronghold": a named modifier makes an actor.
    return token.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ACTOR_LABELS
        for c in token.children
    )


def _inner_actor(noun: Token, depth: int = 1) -> Token | None:
    """Return the actor inside a non-actor noun phrase: "North Korea's demand", "a U.S. request".

    Modifiers count when they are names or demonyms ("plane incident" has no
    actor); a possessive pronoun ("its borders") mostly points back to the
    subject and is skipped. ``depth`` bounds the walk through prepositions
    ("calls by Belarus's rulers" yes, "the sidelines of the G20 summit" no).
    """
    for child in noun.children:
        named = child.ent_type_ in ACTOR_LABELS or child.pos_ == "PROPN"
        owner = child.dep_ == "poss" and child.tag_ != "PRP$"
        modifier = child.dep_ in ("compound", "amod", "nmod") and named
        # "the opposition newspaper La Prensa": the name in apposition is the actor
        renamed = child.dep_ == "appos" and named
        if (owner or modifier or renamed) and actorish(child):
            return child
    for prep in noun.children if depth > 0 else ():
        if prep.dep_ == "prep" and prep.lower_ in INNER_PREPS:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj if actorish(pobj) else _inner_actor(pobj, depth - 1)
    return None


def controller_of(token: Token, conj: bool = False) -> Token | None:
    """Return the word an infinitive or participle depends on ("was due to meet").

    With ``conj``, a coordinated verb ("met and decided") also points back to
    the first; it shares that verb's subject, not its modality.
    """
    head = token.head
    if head.i == token.i:
        return None
    if token.dep_ == "xcomp" or (conj and token.dep_ == "conj" and head.pos_ in ("VERB", "AUX")):
        return head
    if token.dep_ == "advcl" and (token.tag_ == "VBG" or _infinitive(token)):
        return head
    if token.dep_ == "acomp" or head.dep_ == "acomp":
        return head
    return None


def subject_of(verb: Token) -> Token | None:
    """Return the doer of a verb, inheriting from its controller when it has none."""
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return _after_break(child, verb)
    if verb.dep_ == "relcl":
        return verb.head
    controller, steps = controller_of(verb, conj=True), 0
    if controller is not None and verb.dep_ == "xcomp":
        # object control: in "forced the army to retreat" the army retreats
        told = next((c for c in controller.children if c.dep_ == "dobj"), None)
        if told is not None and controller.lemma_.lower() in DIRECTIVE_VERBS and actorish(told):
            return told
    while controller is not None and steps < 4:
        for child in controller.children:
            if child.dep_ in SUBJECTS or child.dep_ == "nsubjpass":
                return _after_break(child, controller)
        controller, steps = controller_of(controller, conj=True), steps + 1
    return None


def _after_break(subject: Token, verb: Token) -> Token | None:
    """Return the subject, or the part of it after a paragraph break.

    The parser runs a heading into the next paragraph's first sentence
    ("Patriot missiles / Russia also objected"); the heading is no subject.
    """
    low, high = sorted((subject.i, verb.i))
    breaks = [t.i for t in subject.doc[low:high] if t.is_space and "\n" in t.text]
    if not breaks:
        return subject
    return next((t for t in subject.subtree if t.i > breaks[-1] and not t.is_space), None)


def agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def prep_actor(head: Token, preps: Iterable[str]) -> Token | None:
    """Return the actor object of the first of ``preps`` that has one ("with Congo")."""
    by_prep = {c.lower_: c for c in head.children if c.dep_ == "prep"}
    for name in preps:
        prep = by_prep.get(name)
        for pobj in () if prep is None else prep.children:
            if pobj.dep_ == "pobj":
                found = pobj if actorish(pobj) else _inner_actor(pobj, depth=1)
                if found is not None:
                    return found
    return None


def object_of(verb: Token, sense: Sense) -> Token | None:
    """Return what a verb acts on: an actor object, an actor inside it, or a prepositional one.

    For giving, moving and promising ("offered troops to Lebanon", "withdraw
    inspectors from Iraq") the object is the thing moved and the target the
    one it goes to or leaves, so the prepositions come first. A verb with no
    target of its own takes its complement's or its purpose's ("threatened to
    break off relations with Congo", "began a strike to protest against
    Sweden's decision"), and a place ("in Montenegro") is the last resort, as
    PLOVER codes it.
    """
    objects = [_through_to(c) for c in verb.children if c.dep_ in ("dative", "dobj")]
    found = None
    if sense.type in TRANSFERS:
        found = prep_actor(verb, GOALS) or next(
            (f for o in objects if (f := prep_actor(o, GOALS)) is not None), None
        )
    for child in objects:
        if found is None:
            found = child if actorish(child) else _inner_actor(child)
    found = found or prep_actor(verb, TARGET_PREPS)
    if found is None and verb.lemma_.lower() in DIRECTIVE_VERBS:
        found = _asked(verb, ("ccomp", "xcomp"))
    for child in verb.children:
        if found is None and child.pos_ == "VERB" and _infinitive(child):
            found = object_of(child, sense)
    for head in (verb, *objects):
        found = found or prep_actor(head, ("in",))
    return found


def _through_to(dative: Token) -> Token:
    """Return the object of a dative "to", which the parser sometimes files as the dative."""
    if dative.pos_ != "ADP":
        return dative
    return next((g for g in dative.children if g.dep_ == "pobj"), dative)


def _infinitive(verb: Token) -> bool:
    """Say whether a verb is a complement or purpose infinitive ("to protest", "to meet")."""
    if verb.dep_ == "xcomp":
        return True
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _asked(verb: Token, clauses: tuple[str, ...] = ("ccomp",)) -> Token | None:
    """Return the one asked to act in "demanded that the United States match ..."."""
    for child in verb.children:
        if child.dep_ in clauses:
            subject = next((c for c in child.children if c.dep_ in SUBJECTS), None)
            if subject is not None and actorish(subject):
                return subject
    return None


def undergoer(noun: Token, sense: Sense) -> Token | None:
    """Return who suffers a harm noun through an undergoer verb ("X died of torture"), if so.

    The noun may sit a few prepositions down ("died as a result of torture").
    """
    if sense.type not in HARMS:
        return None
    verb, steps = noun.head, 0
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and steps < 4:
        verb, steps = verb.head, steps + 1
    if verb.lemma_.lower() not in UNDERGOER_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ in SUBJECTS and actorish(c)), None)


def noun_source(noun: Token) -> Token | None:
    """Return who does what a noun names: "Turkey's request", "Israeli raids", "a visit by X"."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod") and actorish(child):
            return child
    return prep_actor(noun, ("by",))


def _agrees(pronoun: str, token: Token) -> bool:
    """Say whether a pronoun may stand for a noun (person, number), loosely."""
    person = token.ent_type_ == "PERSON" or token.lemma_.lower() in plover.PERSON_NOUNS
    plural = token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children)
    if pronoun in ("he", "she", "him", "her", "his"):
        return person and not plural
    if pronoun in ("it", "its"):
        return not person and not plural
    return True


def _resolve(token: Token, ctx: Context) -> Token | Actor:
    """Return the antecedent of a relative or personal pronoun, or the token itself."""
    lower = token.lower_
    if lower in RELATIVES and token.head.dep_ == "relcl":
        return token.head.head
    if token.pos_ != "PRON":
        return token
    if lower in FIRST_PERSON:
        for quote in ctx.quotes:
            inside = any(s <= token.idx < e for s, e in quote.spans)
            if inside and quote.speaker_start is not None and quote.speaker_end is not None:
                return Actor(quote.speaker_start, quote.speaker_end, quote.speaker)
        return token
    # The speaker of the clause the pronoun sits in: "Russia has indicated it will veto".
    head = token.head
    while head.dep_ not in ("ROOT", "ccomp"):
        head = head.head
    if head.dep_ == "ccomp" and head.head.lemma_.lower() in plover.SAY_VERBS:
        speaker = subject_of(head.head)
        if speaker is not None and speaker.pos_ != "PRON" and _agrees(lower, speaker):
            return speaker
    # Else the nearest earlier subject that agrees, in this sentence or the one before.
    doc = token.doc
    start = token.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    for candidate in reversed(doc[start : token.i]):
        if candidate.dep_ not in ("nsubj", "nsubjpass") or candidate.pos_ == "PRON":
            continue
        subject = _after_break(candidate, candidate.head)
        if subject is not None and _agrees(lower, subject) and actorish(subject):
            return subject
    return token


def _span(token: Token) -> tuple[int, int]:
    """Return the character span of a noun phrase without its clauses, conjuncts and breaks."""
    keep = ("det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "appos")
    left, right = token.i, token.i
    for child in token.children:
        if child.dep_ in keep or (child.dep_ == "prep" and child.lower_ in ("of", "in", "from")):
            left, right = min(left, child.left_edge.i), max(right, child.right_edge.i)
        elif child.dep_ in ("punct", "case") and child.i < token.i:
            left = min(left, child.i)
    doc = token.doc
    for i in range(left, right + 1):
        if doc[i].is_space and "\n" in doc[i].text:  # a heading run into the sentence
            left, right = (i + 1, right) if i < token.i else (left, min(right, i - 1))
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right])


def _mention_at(token: Token, ctx: Context) -> str | None:
    mention = ctx.tokens.get(token.i)
    return mention.entity if mention is not None else None


def _demonym(word: str, entities: Sequence[Entity]) -> str | None:
    """Return the article's country entity a demonym ("Turkish") stands for, if present."""
    key = normalize(word)
    names = plover.DEMONYMS.get(key)
    stem = key
    for suffix in ("ian", "ese", "ish", "an", "i", "n"):
        if key.endswith(suffix) and len(key) - len(suffix) >= 4:
            stem = key[: -len(suffix)]
            break
    for entity in entities:
        if entity.type not in ("GPE", "LOC"):
            continue
        forms = {normalize(entity.name), *(normalize(a) for a in entity.aliases)}
        if names is not None and forms & set(names):
            return entity.id
        if names is None and any(w.startswith(stem) for f in forms for w in f.split()):
            return entity.id
    return None


def _entity(token: Token, ctx: Context) -> str | None:
    """Return the entity id an actor's head or one of its modifiers names, or None."""
    found = _mention_at(token, ctx)
    if found is not None:
        return found
    for child in sorted(token.children, key=lambda c: -c.i):
        if child.dep_ in ("compound", "poss", "amod", "nmod", "appos"):
            found = _mention_at(child, ctx) or _entity(child, ctx)
            if found is None and child.ent_type_ == "NORP":
                found = _demonym(child.text, ctx.entities)
            if found is not None:
                return found
    if token.ent_type_ == "NORP":
        return _demonym(token.text, ctx.entities)
    return None


def actors_of(token: Token | None, ctx: Context) -> tuple[Actor, ...]:
    """Return the actor a token names and its conjuncts ("Russia and Turkey")."""
    if token is None:
        return ()
    out = []
    for member in (token, *token.conjuncts):
        resolved = _resolve(member, ctx)
        if isinstance(resolved, Actor):
            out.append(resolved)
        else:
            out.append(Actor(*_span(resolved), _entity(resolved, ctx)))
    return tuple(out)


def _obligation(verb: Token) -> Token | None:
    """Return the complement subject of "said that X must ...", the party a demand targets."""
    for child in verb.children:
        if child.dep_ == "ccomp" and any(
            c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in child.children
        ):
            return next((c for c in child.children if c.dep_ in SUBJECTS), None)
    return None


def verb_actors(verb: Token, sense: Sense) -> tuple[Sense, Token | None, Token | None]:
    """Return a verb's sense (a statement may turn out a demand), source and target."""
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = agent_of(verb)
    if passive is not None and (agent is not None or verb.lower_ not in plover.ADJECTIVES):
        source = agent
        if source is None and sense.type in STATE_ACTS:
            source = prep_actor(verb, ("in",))
        return sense, source, passive
    # "Israel is opposed to ...": a stative passive reads as an adjective.
    source = passive or subject_of(verb)
    target = object_of(verb, sense)
    if sense.type == "STATEMENT" and (demanded := _obligation(verb)) is not None:
        return Sense("DEMAND"), source, demanded
    if sense.type == "DEMAND" and target is None:
        target = _asked(verb)
    return sense, source, target


def asked_by_noun(noun: Token, host: Token | None) -> Token | None:
    """Return the one a demand noun asks to act: "its demand that Israel ease ..."."""
    return _asked(noun, ("acl", "ccomp")) or (None if host is None else _asked(host))


def is_military(token: Token) -> bool:
    words = {token.lemma_.lower(), *(c.lemma_.lower() for c in token.children)}
    return bool(words & plover.MILITARY)
