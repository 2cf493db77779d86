"""Events: who did what to whom, where and when, and how firmly the text asserts it.

A trigger is a verb or an eventive noun found in the lexicon of
:mod:`storyline.stages.plover` ("meet", "talks", "shot down", "imposed a
curfew"), or the main verb of a sentence with no listed word (type OTHER).
A light verb hands its subject to the noun it governs: in "held talks" the
trigger is "talks". The type ontology (PLOVER's political types plus a few
general classes) is documented in :mod:`~storyline.stages.plover` and
``docs/events.md``.

Arguments come from the dependency parse:

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
- place: the first GPE/LOC/FAC mention under a locative preposition ("in",
  "at", "near" ...) of the trigger's clause.
- time: the nearest DATE/TIME expression attached to the trigger's clause
  (or, for a noun, inside its phrase). No other date is borrowed: an event
  without one has ``time_value`` None, and :attr:`Reading.as_of` carries the
  publication date it was reported on.

Modality, first match wins: ``negated`` ("did not", "cannot find", "fail to
agree"), ``hypothetical`` ("would", "could", "might", "must", "if", or asked
for by a demand), ``planned`` ("will", "was due to", "plans to", "offered
to"; "would" in reported speech is a future in the past), ``reported``
(inside a quote or the complement of a speech verb), else ``asserted``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from storyline.model import Doc, Entity, Event, Mention, Quote, TimeExpr, content_id
from storyline.pipeline import stage
from storyline.stages import plover
from storyline.stages.entities import normalize
from storyline.stages.plover import Sense

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
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
PLACE_PREPS = plover.words("in at near outside inside across throughout from into over")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
RELATIVES = frozenset({"who", "which", "that", "whom"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "ought"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
OBLIGATION_AUX = frozenset({"must", "should", "ought"})


@dataclass(frozen=True)
class Actor:
    """A participant: the noun phrase that names it and the entity it maps to, if any."""

    start: int
    end: int
    entity: str | None


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
class _Context:
    """What one article offers for resolving actors, places and times."""

    tokens: dict[int, Mention]
    entities: Sequence[Entity]
    times: Sequence[TimeExpr]
    quotes: Sequence[Quote]


# --- triggers -----------------------------------------------------------------------------


def _object_words(token: Token) -> list[str]:
    """Return the lemmas a verb's reading may depend on: particles, objects and their parts."""
    words: list[str] = []
    preps: list[str] = []
    for child in token.children:
        if child.dep_ == "prt":
            words.append(child.lower_)
        elif child.dep_ in ("dobj", "nsubjpass", "dative", "attr", "oprd"):
            words.extend(_noun_words(child))
        elif child.dep_ == "prep":
            preps.append(child.lower_)
            preps.extend(w for g in child.children if g.dep_ == "pobj" for w in _noun_words(g))
        elif child.dep_ == "acomp":
            words.append(child.lower_)
    return words + preps


def _noun_words(noun: Token) -> list[str]:
    """Return a noun's modifiers, its lemma and word, and its "of" object (most specific first)."""
    words = [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")]
    words += [noun.lemma_.lower(), noun.lower_]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            words += [g.lemma_.lower() for g in prep.children if g.dep_ == "pobj"]
    return words


def _modifiers(noun: Token) -> list[str]:
    return [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]


def _noun_sense(noun: Token) -> Sense | None:
    if noun.pos_ != "NOUN":
        return None
    return plover.noun_sense(noun.lemma_.lower(), _modifiers(noun))


def _light_object(verb: Token) -> Token | None:
    """Return the eventive noun a light verb governs ("held talks", "a mediation effort")."""
    if verb.lemma_.lower() not in plover.LIGHT_VERBS:
        return None
    # "engaged in fighting", "took part in talks": the noun may come with "in".
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    nouns += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children]
    for child in nouns:
        if child.pos_ != "NOUN" or child.dep_ not in ("dobj", "nsubjpass", "pobj"):
            continue
        if _noun_sense(child) is not None:
            return child
        inner = [c for c in child.children if c.dep_ == "compound" and _noun_sense(c)]
        if inner:
            return inner[0]
    return None


def _host(noun: Token) -> Token | None:
    """Return the verb a noun is the object of, directly or through a preposition."""
    node = noun.head if noun.dep_ == "compound" else noun
    if node.dep_ in ("dobj", "nsubjpass") and node.head.pos_ in ("VERB", "AUX"):
        return node.head
    if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
        return node.head.head
    return None


def _says(verb: Token) -> bool:
    """Say whether a speech verb reports something: "said that ...", "announced a plan"."""
    if verb.dep_ == "ROOT":
        return True
    return any(c.dep_ in ("ccomp", "parataxis", "dobj", "xcomp") for c in verb.children)


@dataclass(frozen=True)
class _Trigger:
    """A trigger word, its sense, the verb it is the object of, and whether that verb is light."""

    token: Token
    sense: Sense
    host: Token | None = None
    light: bool = False


def _triggers(sent: SpacySpan) -> list[_Trigger]:
    """Return the event words of a sentence in text order."""
    found: list[_Trigger] = []
    consumed: set[int] = set()
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB":
            paired = plover.verb_pair(lemma, _object_words(token))
            noun = None if paired else _light_object(token)
            if noun is not None:
                sense = _noun_sense(noun)
                assert sense is not None
                found.append(_Trigger(noun, sense, token, light=True))
                consumed.add(noun.i)
                continue
            sense = paired or plover.VERBS.get(lemma)
            if sense is None and token.dep_ == "ROOT" and lemma not in ("be", "have", "do"):
                sense = Sense("OTHER")
            if sense is None or (sense.type == "STATEMENT" and not _says(token)):
                continue
            found.append(_Trigger(token, sense))
            for child in token.children:
                # "imposed a curfew", "lifted sanctions": one event, not a verb and a noun.
                object_sense = _noun_sense(child) if child.dep_ in ("dobj", "nsubjpass") else None
                if object_sense is not None and (paired or object_sense.type == sense.type):
                    consumed.add(child.i)
        elif token.dep_ in ("acomp", "ROOT") and (stance := plover.ADJECTIVES.get(token.lower_)):
            found.append(_Trigger(token, stance))
    for token in sent:
        # A compound names a kind ("war crimes", "peace talks"), not an occurrence.
        if token.dep_ == "compound" or token.i in consumed:
            continue
        if (sense := _noun_sense(token)) is not None:
            found.append(_Trigger(token, sense, _host(token)))
    return sorted(found, key=lambda t: t.token.i)


# --- actors -------------------------------------------------------------------------------


def _actorish(token: Token) -> bool:
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
        if (owner or modifier) and _actorish(child):
            return child
    for prep in noun.children if depth > 0 else ():
        if prep.dep_ == "prep" and prep.lower_ in INNER_PREPS:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj if _actorish(pobj) else _inner_actor(pobj, depth - 1)
    return None


def _controller(token: Token, conj: bool = False) -> Token | None:
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


def _subject(verb: Token) -> Token | None:
    """Return the doer of a verb, inheriting from its controller when it has none."""
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return _after_break(child, verb)
    if verb.dep_ == "relcl":
        return verb.head
    controller, steps = _controller(verb, conj=True), 0
    while controller is not None and steps < 4:
        for child in controller.children:
            if child.dep_ in SUBJECTS or child.dep_ == "nsubjpass":
                return _after_break(child, controller)
        controller, steps = _controller(controller, conj=True), steps + 1
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


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _prep_actor(head: Token, preps: Iterable[str]) -> Token | None:
    """Return the actor object of the first of ``preps`` that has one ("with Congo")."""
    by_prep = {c.lower_: c for c in head.children if c.dep_ == "prep"}
    for name in preps:
        prep = by_prep.get(name)
        for pobj in () if prep is None else prep.children:
            if pobj.dep_ == "pobj":
                found = pobj if _actorish(pobj) else _inner_actor(pobj, depth=1)
                if found is not None:
                    return found
    return None


def _object(verb: Token, sense: Sense) -> Token | None:
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
        found = _prep_actor(verb, GOALS) or next(
            (f for o in objects if (f := _prep_actor(o, GOALS)) is not None), None
        )
    for child in objects:
        if found is None:
            found = child if _actorish(child) else _inner_actor(child)
    found = found or _prep_actor(verb, TARGET_PREPS)
    for child in verb.children:
        if found is None and child.pos_ == "VERB" and _infinitive(child):
            found = _object(child, sense)
    for head in (verb, *objects):
        found = found or _prep_actor(head, ("in",))
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


def _asked(verb: Token) -> Token | None:
    """Return the one asked to act in "demanded that the United States match ..."."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            subject = next((c for c in child.children if c.dep_ in SUBJECTS), None)
            if subject is not None and _actorish(subject):
                return subject
    return None


def _noun_source(noun: Token) -> Token | None:
    """Return who does what a noun names: "Turkey's request", "Israeli raids", "a visit by X"."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod") and _actorish(child):
            return child
    return _prep_actor(noun, ("by",))


def _agrees(pronoun: str, token: Token) -> bool:
    """Say whether a pronoun may stand for a noun (person, number), loosely."""
    person = token.ent_type_ == "PERSON" or token.lemma_.lower() in plover.PERSON_NOUNS
    plural = token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children)
    if pronoun in ("he", "she", "him", "her", "his"):
        return person and not plural
    if pronoun in ("it", "its"):
        return not person and not plural
    return True


def _resolve(token: Token, ctx: _Context) -> Token | Actor:
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
        speaker = _subject(head.head)
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
        if subject is not None and _agrees(lower, subject) and _actorish(subject):
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


def _mention_at(token: Token, ctx: _Context) -> str | None:
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


def _entity(token: Token, ctx: _Context) -> str | None:
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


def _actors(token: Token | None, ctx: _Context) -> tuple[Actor, ...]:
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


# --- clause: modality, time, place ------------------------------------------------------


def _chain(verb: Token) -> list[Token]:
    """Return a verb and the verbs and adjectives that govern it within its clause."""
    chain = [verb]
    current = verb
    while (controller := _controller(current)) is not None and len(chain) < 5:
        chain.append(controller)
        chain += [
            c
            for c in controller.children
            if c.dep_ in ("acomp", "xcomp") and c.pos_ == "ADJ" and c not in chain
        ]
        current = controller
    return chain


def _speech_head(verb: Token) -> Token | None:
    """Return the speech verb whose complement contains ``verb``, if any."""
    current = verb
    for _ in range(6):
        if (
            current.dep_ in ("ccomp", "parataxis")
            and current.head.lemma_.lower() in plover.SAY_VERBS
        ):
            return current.head
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _modality(anchor: Token, chain: Sequence[Token], governors: set[str], ctx: _Context) -> str:
    """Return negated, hypothetical, planned, reported or asserted: the first that applies.

    ``chain`` is the verb of the clause and the words that govern it
    ("was due to meet"); ``governors`` their lemmas, with the verb a noun is
    the object of ("called for sanctions", "cancelled a visit").
    """
    auxes = {c.lower_ for v in chain for c in v.children if c.dep_ in ("aux", "auxpass")}
    negated = any(c.dep_ == "neg" for v in chain for c in v.children)
    if anchor.pos_ == "NOUN":
        negated |= any(c.dep_ == "det" and c.lower_ == "no" for c in anchor.children)
    if negated or governors & plover.NEGATORS:
        return "negated"
    speech = _speech_head(chain[0] if chain else anchor)
    conditional = any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless") for v in chain for c in v.children
    )
    if speech is not None and "would" in auxes:
        auxes = (auxes - {"would"}) | {"will"}  # future in the past: "said they would meet"
    if auxes & HYPOTHETICAL_AUX or conditional or governors & plover.REQUESTERS:
        return "hypothetical"
    if auxes & FUTURE_AUX or governors & plover.PLANNERS:
        return "planned"
    inside_quote = any(s <= anchor.idx < e for q in ctx.quotes for s, e in q.spans)
    if speech is not None or inside_quote:
        return "reported"
    return "asserted"


def _time(
    parsed: SpacyDoc, trigger: Token, chain: Sequence[Token], ctx: _Context
) -> TimeExpr | None:
    """Return the nearest DATE/TIME expression attached to the trigger's clause, if any."""
    sent = trigger.sent
    anchors = {t.i for t in chain}
    best: tuple[int, TimeExpr] | None = None
    for expr in ctx.times:
        if expr.type not in ("DATE", "TIME") or not (sent.start_char <= expr.start < sent.end_char):
            continue
        span = parsed.char_span(expr.start, expr.end, alignment_mode="expand")
        if span is None:
            continue
        node = span.root
        if trigger.pos_ == "NOUN" and trigger.left_edge.i <= node.i <= trigger.right_edge.i:
            attached = True
        else:
            steps = 0
            while node.i not in anchors and node.pos_ not in ("VERB", "AUX") and steps < 4:
                if node.head.i == node.i:
                    break
                node, steps = node.head, steps + 1
            attached = node.i in anchors
        if attached:
            distance = abs(span.start - trigger.i)
            if best is None or distance < best[0]:
                best = (distance, expr)
    return None if best is None else best[1]


def _place(chain: Sequence[Token], ctx: _Context) -> str | None:
    """Return the first place entity under a locative preposition of the clause."""
    for head in chain:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
                continue
            for token in prep.subtree:
                mention = ctx.tokens.get(token.i)
                if mention is not None and mention.label in PLACE_LABELS:
                    return mention.entity
    return None


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


# --- assembly -----------------------------------------------------------------------------


def _obligation(verb: Token) -> Token | None:
    """Return the complement subject of "said that X must ...", the party a demand targets."""
    for child in verb.children:
        if child.dep_ == "ccomp" and any(
            c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in child.children
        ):
            return next((c for c in child.children if c.dep_ in SUBJECTS), None)
    return None


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


def _verb_actors(verb: Token, sense: Sense) -> tuple[Sense, Token | None, Token | None]:
    """Return a verb's sense (a statement may turn out a demand), source and target."""
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = _agent(verb)
    if passive is not None and (agent is not None or verb.lower_ not in plover.ADJECTIVES):
        source = agent
        if source is None and sense.type in STATE_ACTS:
            source = _prep_actor(verb, ("in",))
        return sense, source, passive
    # "Israel is opposed to ...": a stative passive reads as an adjective.
    source = passive or _subject(verb)
    target = _object(verb, sense)
    if sense.type == "STATEMENT" and (demanded := _obligation(verb)) is not None:
        return Sense("DEMAND"), source, demanded
    if sense.type == "DEMAND" and target is None:
        target = _asked(verb)
    return sense, source, target


def _read_one(trigger: _Trigger, ctx: _Context) -> _Clause:
    """Return the clause around one trigger: sense, actors, anchor, chain and governors."""
    token, sense, host = trigger.token, trigger.sense, trigger.host
    governors: set[str] = set()
    source: Token | None
    target: Token | None
    if token.pos_ == "ADJ":
        anchor = token.head
        chain = (*_chain(anchor), token)
        source = _subject(anchor)
        target = _prep_actor(token, (*TARGET_PREPS, "of"))
    elif token.pos_ == "NOUN":
        chain = tuple(_chain(host)) if host is not None else ()
        anchor = host if host is not None and trigger.light else token
        if host is not None and trigger.light:
            source = _agent(host) if token.dep_ == "nsubjpass" else _subject(host)
            target = _prep_actor(token, NOUN_PREPS) or _object(host, sense)
        else:
            source = _noun_source(token)
            if source is None and host is not None:
                source = _subject(host)
            target = _prep_actor(token, NOUN_PREPS)
            if target is None and host is not None:
                target = _object(host, sense)
            # "called for sanctions", "cancelled a visit": the verb bears on the noun.
            governors |= {host.lemma_.lower()} if host is not None else set()
    else:
        anchor = token
        chain = tuple(_chain(token))
        sense, source, target = _verb_actors(token, sense)
    governors |= {v.lemma_.lower() for v in chain[1:]} | {v.lower_ for v in chain[1:]}
    # Armed forces killing, shooting or striking fight, anyone else assaults (CAMEO 19 vs 18);
    # beating, torture or abduction stay assaults whoever does them.
    if source is not None and _military(source):
        armed = sense.type == "ASSAULT" and sense.mode in (None, "explosives", "firearms")
        if armed or (token.lemma_.lower() == "strike" and token.pos_ == "VERB"):
            sense = Sense("FIGHT", sense.mode or "heavy-weapons")
    return _Clause(
        sense,
        _actors(source, ctx),
        _actors(target, ctx),
        anchor,
        tuple(chain),
        frozenset(governors),
    )


def _military(token: Token) -> bool:
    words = {token.lemma_.lower(), *(c.lemma_.lower() for c in token.children)}
    return bool(words & plover.MILITARY)


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
    ctx = _Context(tokens, entities, times, quotes)
    readings = []
    for number, sent in enumerate(parsed.sents):
        for trigger in _triggers(sent):
            clause = _read_one(trigger, ctx)
            token = trigger.token
            when = _time(parsed, token, clause.chain, ctx)
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
                place=_place(heads, ctx),
                time_value=when.value if when else None,
                time_start=when.interval_start if when else None,
                time_end=when.interval_end if when else None,
                modality=_modality(token, clause.chain, set(clause.governors), ctx),
            )
            readings.append(
                Reading(
                    event,
                    clause.sense.mode,
                    clause.sources,
                    clause.targets,
                    _depth(clause.anchor),
                    number,
                    None if when else published,
                )
            )
    return readings


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
    1,
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
