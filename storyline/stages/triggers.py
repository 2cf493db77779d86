"""Triggers: the words of a sentence that name an event, each with its sense.

A trigger is a verb or an eventive noun found in the lexicon of
:mod:`storyline.stages.plover` ("meet", "talks", "shot down", "imposed a
curfew"), or the main verb of a sentence with no listed word (type OTHER).
A light verb hands its subject to the noun it governs: in "held talks" the
trigger is "talks", and :class:`Trigger` keeps the verb as its host.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.stages import plover
from storyline.stages.plover import Sense
from storyline.stages.speech import passive

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


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


def noun_sense(noun: Token) -> Sense | None:
    """Return the sense of an eventive noun of the lexicon ("talks", "earthquake"), or None."""
    if noun.pos_ != "NOUN":
        return None
    return plover.noun_sense(noun.lemma_.lower(), _modifiers(noun))


def _nominal_sense(noun: Token) -> Sense | None:
    """Return the sense of a noun a light verb or "happened" makes an event, or None.

    Past the lexicon, a nominalization counts there ("made an announcement", "the closure
    happened"): the verb says nothing of its own, so the noun is what happened.
    """
    sense = noun_sense(noun)
    if sense is not None or noun.pos_ != "NOUN":
        return sense
    lemma = noun.lemma_.lower()
    if len(lemma) >= MIN_NOMINAL and lemma.endswith(NOMINAL_SUFFIXES):
        return Sense("OTHER")
    return None


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
        if _nominal_sense(child) is not None:
            return child
        inner = [c for c in child.children if c.dep_ == "compound" and noun_sense(c)]
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


def _happened(noun: Token) -> bool:
    """Say whether a noun is the subject of "happen" or "occur" ("the closure happened")."""
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in HAPPEN_VERBS


def _reports(verb: Token) -> bool:
    """Say whether a verb outside the lexicon names a happening: a content verb of a clause.

    The root of a sentence always does ("The gate collapsed"); so does a content verb heading
    a clause of its own ("police said he died", "was arrested and charged") unless it
    only carries aspect or attitude ("began", "seemed", "wanted").
    """
    lemma = verb.lemma_.lower()
    if verb.dep_ == "ROOT":
        return lemma not in ("be", "have", "do")
    return verb.dep_ in CLAUSE_VERBS and lemma not in EMPTY_VERBS


def _says(verb: Token) -> bool:
    """Say whether a speech verb reports something: "said that ...", "announced a plan"."""
    if verb.dep_ == "ROOT":
        return True
    return any(c.dep_ in ("ccomp", "parataxis", "dobj", "xcomp") for c in verb.children)


# Verbs whose passive names a state, not the act of the lexicon: "were left homeless" is no
# one leaving. Such a verb reads as any other clause verb (OTHER) where it reports anything.
STATE_PASSIVES = plover.words("leave")
# Nominalizations ("announcement", "closure", "explosion") are events where a light verb or
# "happened" governs them; shorter words with these endings are mostly not ("nation", "cure").
NOMINAL_SUFFIXES = ("tion", "sion", "ment", "ure")
MIN_NOMINAL = 7
HAPPEN_VERBS = plover.words("happen occur")
# Clause relations whose verb reports a happening of its own, beside the root.
CLAUSE_VERBS = frozenset({"conj", "ccomp", "advcl", "xcomp", "relcl"})
# Verbs that carry tense, aspect, attitude or possession rather than a happening.
EMPTY_VERBS = plover.words(
    "be have do get seem appear become remain stay keep let want need try begin start "
    "continue stop use include mean like hope expect plan intend tend know think believe "
    "feel see look sound go come make take give put"
)


@dataclass(frozen=True)
class Trigger:
    """A trigger word, its sense, the verb it is the object of, and whether that verb is light."""

    token: Token
    sense: Sense
    host: Token | None = None
    light: bool = False


def find_triggers(sent: SpacySpan) -> list[Trigger]:
    """Return the event words of a sentence in text order."""
    found: list[Trigger] = []
    consumed: set[int] = set()
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB":
            paired = plover.verb_pair(lemma, _object_words(token))
            noun = None if paired else _light_object(token)
            if noun is not None:
                sense = _nominal_sense(noun)
                assert sense is not None
                found.append(Trigger(noun, sense, token, light=True))
                consumed.add(noun.i)
                continue
            sense = paired or plover.VERBS.get(lemma)
            if lemma in STATE_PASSIVES and passive(token):
                sense = None  # "will be left to rebuild", "were left homeless": no departure
            if sense is None and _reports(token):
                sense = Sense("OTHER")
            if sense is None or (sense.type == "STATEMENT" and not _says(token)):
                continue
            found.append(Trigger(token, sense))
            for child in token.children:
                # "imposed a curfew", "lifted sanctions": one event, not a verb and a noun.
                object_sense = noun_sense(child) if child.dep_ in ("dobj", "nsubjpass") else None
                if object_sense is not None and (paired or object_sense.type == sense.type):
                    consumed.add(child.i)
        elif token.dep_ in ("acomp", "ROOT") and (stance := plover.ADJECTIVES.get(token.lower_)):
            found.append(Trigger(token, stance))
    for token in sent:
        # A compound names a kind ("war crimes", "peace talks"), not an occurrence.
        if token.dep_ == "compound" or token.i in consumed:
            continue
        if (sense := noun_sense(token)) is not None:
            found.append(Trigger(token, sense, _host(token)))
        elif _happened(token) and (sense := _nominal_sense(token)) is not None:
            found.append(Trigger(token, sense, token.head))
    return sorted(found, key=lambda t: t.token.i)
