"""Speech: how English news marks attribution, read off a dependency parse.

Given a cue word (:mod:`storyline.stages.cuewords`), the grammar of the
cue in a dependency parse: what it attributes (:func:`content`,
:func:`noun_content`, :func:`adjective_content`) and to whom
(:func:`subject`, :func:`noun_source`). Nothing here is about a
particular article. Quotation marks are read in
:mod:`storyline.stages.quotemarks`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.stages.cuewords import (
    ADJECTIVE_CUES,
    ARTIFACTS,
    CUE_LEMMAS,
    INTENTION,
    NOUN_CUES,
    OBJECT_CONTROL,
    OBJECT_CUES,
    PREPOSITION_CUES,
    RAISING,
    REGARD,
    REPORTING,
    SPEECH,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

Piece = tuple[int, int]

# "There is concern that ...": an empty subject, no source. ("It is said
# that ..." is passive, which has none either; an active "It said" is a
# company or a paper speaking.)
_EXPLETIVES = frozenset({"there"})


def lemma(token: Token) -> str:
    """Return a token's lemma in lower case, with the tagger's lost final "e" restored.

    The lemmatizer reads "hoping", "hoped" and "hopes" as forms of "hop":
    when the lemma plus "e" is a cue word and the form is that word's
    ("hope" + "d", "hop" + "ing", not "hopped"), the cue word is meant.
    """
    base = token.lemma_.lower()
    if base in CUE_LEMMAS or base in NOUN_CUES:
        return base
    fuller = base + "e"
    if (fuller in CUE_LEMMAS or fuller in NOUN_CUES) and (
        token.lower_.startswith(fuller) or token.lower_ == base + "ing"
    ):
        return fuller
    return base


def is_cue(token: Token) -> bool:
    """Return whether a token is a verb of the cue lexicons."""
    return token.pos_ == "VERB" and lemma(token) in CUE_LEMMAS


def is_adjective_cue(token: Token) -> bool:
    """Return whether a token is a predicative adjective of attitude ("is skeptical of ...")."""
    return token.pos_ == "ADJ" and token.dep_ == "acomp" and lemma(token) in ADJECTIVE_CUES


def is_noun_cue(token: Token) -> bool:
    """Return whether a token is a noun of saying ("claim", "support" ...)."""
    return token.pos_ == "NOUN" and lemma(token) in NOUN_CUES


def is_according(token: Token) -> bool:
    """Return whether a token is the "according" of "according to"."""
    doc = token.doc
    return (
        token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to"
    )


def markup(token: Token) -> bool:
    """Return whether a word is the name of a markup tag ("<tweet author=...>"), not prose.

    Pages copied from the web keep embeds as tags; "tweet" or "quote" there
    names an element, and what follows are its attributes.
    """
    # Read the tokens just before, not ``doc.text``: spaCy rebuilds that string on every access.
    doc, i = token.doc, token.i
    if i == 0 or doc[i - 1].whitespace_:
        return False
    before = doc[i - 1].text
    if before.endswith(("<", "</")):
        return True
    return before == "/" and i >= 2 and not doc[i - 2].whitespace_ and doc[i - 2].text.endswith("<")


def span(token: Token) -> Piece:
    """Return the character span of a token's subtree."""
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge)


def minus(pieces: Iterable[Piece], hole: Piece) -> list[Piece]:
    """Return the pieces with the stretch ``hole`` cut out of them."""
    out: list[Piece] = []
    for start, end in pieces:
        if hole[1] <= start or hole[0] >= end:
            out.append((start, end))
            continue
        out += [p for p in ((start, hole[0]), (hole[1], end)) if p[1] > p[0]]
    return out


def passive(verb: Token) -> bool:
    """Return whether a verb is in the passive voice ("was asked", "were left homeless")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def marked(token: Token, word: str) -> bool:
    """Return whether a clause is introduced by ``word`` ("that", "as")."""
    return any(c.dep_ == "mark" and c.lower_ == word for c in token.children)


def clause(root: Token) -> list[Piece]:
    """Return the pieces of a clause, minus what the parser hung on it that is not said.

    "said the party was not in crisis, and urged calm": the parser hangs
    "urged" inside the clause of "said", yet it is a second cue with its own
    content. "said he supports it, without offering specifics", "..., when
    asked whether": a participle or time clause after a comma is the
    author's narration about the saying, not its content (PolNeAR: "when in
    doubt, don't include it").
    """
    pieces = [span(root)]
    stack = [root]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in ("conj", "parataxis") and is_cue(child):
                pieces = minus(pieces, span(child))
            elif child.i > token.i and _narration(child):
                pieces = minus(pieces, (child.left_edge.idx, pieces[-1][1]))
            elif child.dep_ == "conj":
                stack.append(child)
    for token in root.subtree:
        if token.dep_ == "appos" and token.left_edge.i > 0 and _stray_subject(token, root):
            before = token.doc[token.left_edge.i - 1]
            if before.text == ",":
                pieces = minus(pieces, (before.idx, span(token)[1]))
        elif token.dep_ == "prep" and token.lower_ in _CONJUNCTIONS:
            noun = next((c for c in token.children if c.dep_ == "pobj"), None)
            if noun is not None and _stray_subject(noun, root):
                pieces = minus(pieces, (token.idx, span(noun)[1]))
    return pieces


# Words that open a clause as well as a phrase: "as the Council prepared to vote".
_CONJUNCTIONS = frozenset({"as", "after", "before", "since", "until", "while"})


def _stray_subject(noun: Token, root: Token) -> bool:
    """Return whether a noun is the subject of a clause the parser took it out of.

    "While Moscow has refused to support a resolution against Assad, Turkey has
    become ...": "Turkey" hangs on "Assad" as an appositive; "to discuss differences
    as the Council prepared to vote": "the Council" hangs on "as". Either way the
    verb right after it, outside the clause, has no subject of its own.
    """
    doc = noun.doc
    after = noun.right_edge.i + 1
    if after >= len(doc):
        return False
    verb = doc[after]
    if verb.dep_ in ("aux", "auxpass", "neg"):
        verb = verb.head
    inside = root.left_edge.i <= verb.i <= root.right_edge.i
    return (
        verb.pos_ in ("VERB", "AUX")
        and not inside
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    )


def _narration(token: Token) -> bool:
    """Return whether a clause after a comma narrates around a quote ("..., adding ...")."""
    if token.dep_ not in ("advcl", "acl", "conj") or token.i == 0:
        return False
    first = token.left_edge
    if first.i == 0 or token.doc[first.i - 1].text not in (",", "—", "–"):
        return False
    participle = token.tag_ in ("VBG", "VBN") and first.i == token.i
    timed = any(c.dep_ == "mark" and c.lower_ in _NARRATING for c in token.children)
    return participle or timed


# Subordinators whose clause, after a comma, frames the saying ("..., when
# asked", "..., while another says").
_NARRATING = frozenset({"when", "while", "whereas", "before", "after", "without"})


# Words that stand for a whole statement after "say" ("said so", "said
# no"), and the prepositions that say what it was about ("the same of X").
_STAND_INS = frozenset({"so", "yes", "no"})
_ABOUT = frozenset({"of", "about", "on"})


@dataclass(frozen=True)
class Content:
    """What a cue attributes, and the rule that found it (``how``, for diagnostics)."""

    pieces: list[Piece]
    how: str


def content(token: Token) -> Content:
    """Return what a cue verb attributes: its clause, infinitive, object, "as" or preposition."""
    word = lemma(token)
    children = list(token.children)
    clauses = [p for c in children if c.dep_ == "ccomp" for p in clause(c)]
    if clauses:
        return Content(clauses, "ccomp")
    if word == "say":
        # "said so", "said yes", "said the same of Sanders", "has said
        # little about it": what is said stands in for a clause.
        restated = [
            span(c)
            for c in children
            if c.dep_ == "dobj" or (c.dep_ in ("advmod", "intj") and c.lower_ in _STAND_INS)
        ]
        if restated:
            restated += [span(c) for c in token.rights if c.dep_ == "prep" and c.lower_ in _ABOUT]
            return Content(restated, "restated")
    if word in INTENTION:
        clauses = [p for c in children if c.dep_ == "xcomp" for p in clause(c)]
        if clauses:
            return Content(clauses, "xcomp")
    if word in RAISING:
        # "Clinton appeared to assuage liberals": the author attributes to
        # no one in particular; the content is the clause around the cue.
        raised = [c for c in children if c.dep_ in ("xcomp", "acomp", "attr")]
        # "Trump seemed to suggest ...": the inner cue makes the attribution.
        if raised and not any(is_cue(c) for c in raised):
            subjects = [span(c) for c in children if c.dep_ == "nsubj"]
            return Content(subjects + [p for c in raised for p in clause(c)], "raising")
    reporting = word in REPORTING
    if token.dep_ == "parataxis" or (token.dep_ == "advcl" and reporting and marked(token, "as")):
        # '... will win, he said', 'Time, Pence added, was on their side',
        # 'As the Post reported, ...': the cue hangs off the clause it reports.
        return Content(minus(clause(token.head), span(token)), token.dep_)
    if word in SPEECH:
        # 'said in a statement that ...': the parser hangs the clause low.
        for child in token.rights:
            if child.dep_ == "prep":
                low = next((t for t in child.subtree if marked(t, "that")), None)
                if low is not None:
                    return Content(clause(low), "that")
        trailing = _trailing(token) if reporting else []
        if trailing:
            return Content(trailing, "trailing")
    regarded = _regarded(token) if word in REGARD else []
    if regarded:
        return Content(regarded, "as")
    preps = PREPOSITION_CUES.get(word, frozenset())
    after = [
        span(g)
        for c in children
        if c.dep_ in ("prep", "prt") and c.lower_ in preps
        for g in c.children
        if g.dep_ in ("pobj", "pcomp")
    ]
    if word in OBJECT_CUES:
        objects = [
            p
            for c in children
            if c.dep_ in ("dobj", "oprd") or (c.dep_ == "xcomp" and c.tag_ == "VBG")
            for p in clause(c)
        ]
        if objects:
            # "accused Turkey of training militants": object and preposition.
            return Content(objects + after, "object")
        noun = token.head
        if token.dep_ == "relcl" and lemma(noun) in NOUN_CUES:
            # "a claim Putin denied": the object is the noun the clause
            # modifies, when that noun is itself something said.
            return Content([(noun.left_edge.idx, noun.idx + len(noun))], "relative")
    if after:
        # "He was charged with assault": the one charged is part of the charge.
        judged = [span(c) for c in children if c.dep_ == "nsubjpass"]
        return Content(judged + after, "prep")
    return Content([], "none")


def _regarded(token: Token) -> list[Piece]:
    """Return what a verb of regarding judges, and as what ("seen by many as a lifeboat").

    The thing judged is the object of an active verb, the subject of a
    passive one, or the noun a participle modifies ("the tournament, now
    known as the Honda Classic"); the judgment is the "as" phrase.
    """
    judged = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
    if judged is None:
        return []
    things = [span(c) for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    noun = token.head
    if not things and token.dep_ == "acl" and noun.pos_ in ("NOUN", "PROPN"):
        things = [(noun.left_edge.idx, noun.idx + len(noun))]
    return [*things, span(judged)] if things else []


def noun_content(noun: Token) -> list[Piece]:
    """Return what a noun of saying attributes: its that-clause, infinitive or object."""
    preps = NOUN_CUES[lemma(noun)]
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp", "relcl") and marked(child, "that"):
            return clause(child)
        if (
            child.dep_ == "acl"
            and "to" in preps
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            return clause(child)
        if child.dep_ == "prep" and child.lower_ in preps:
            return [span(g) for g in child.children if g.dep_ in ("pobj", "pcomp")]
    return []


def adjective_content(adjective: Token) -> list[Piece]:
    """Return what an adjective of attitude is about: its clause, infinitive or object."""
    preps = ADJECTIVE_CUES[lemma(adjective)]
    for child in adjective.rights:
        if child.dep_ in ("ccomp", "xcomp"):
            return clause(child)
        if child.dep_ == "prep" and child.lower_ in preps:
            return [span(g) for g in child.children if g.dep_ in ("pobj", "pcomp")]
    return []


def noun_source(noun: Token) -> Token | None:
    """Return who holds a noun's attitude: its possessor ("Trump's call"), or its "by" phrase.

    A possessive pronoun on the object of a verb with a subject defers to
    that subject ("the leaders have signaled their support for ..."): the
    pronoun points back to it, and the author reports what the subject did.
    """
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    governed = noun.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB"
    for child in noun.children:
        if child.dep_ == "poss":
            if child.pos_ == "PRON" and governed:
                return subject(verb) or child
            return child
    for child in noun.lefts:
        # "Republican support", "Democratic opposition": a name before it.
        named = child.ent_type_ in ("NORP", "PERSON", "ORG", "GPE")
        if named and child.dep_ in ("compound", "amod", "nmod"):
            return child
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    # "Trump voiced support for ...", "unleashed an attack on ...", "entered
    # the debate with an argument that ...": the noun names what the subject
    # of its verb said or did with words.
    return subject(verb) if governed else None


def _trailing(token: Token) -> list[Piece]:
    """Return the clause before a sentence-final attribution ('..., said Link, a lawyer.').

    The parser often makes the reported clause the subject of "said" or
    leaves it unattached; position is then the evidence: a comma (or dash),
    then only the cue, its subject and their modifiers to the end of the sentence.
    """
    sent = token.sent
    source = subject(token)
    if source is None or token.tag_ not in ("VBD", "VBZ", "VBP"):
        return []
    first = min(token, source.left_edge, key=lambda t: t.i)
    if first.i - sent.start < 3 or token.right_edge.i < sent.end - 2:
        return []
    comma = token.doc[first.i - 1]
    if comma.text not in (",", "—", "–", "-"):
        return []
    # What comes before must be a clause ("In December, the Times wrote"
    # has only a phrase there): some word in it has a subject of its own.
    before = token.doc[sent.start : comma.i]
    # "When the moderator pointed out ..., the candidate said", "Asked if
    # ..., Trump said": a fronted adverbial clause frames the saying and
    # is no statement; the parser lost what was said after the cue.
    if before[0].tag_ in ("IN", "WRB", "VBN"):
        return []
    if not any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i < comma.i for t in before):
        return []
    return [(sent.start_char, comma.idx)]


def _fronted(clause: Token) -> Token | None:
    """Return the real subject the parser hung off a fronted clause taken for the subject.

    In "Adding to the tensions, a source in Russia's military accused ..."
    the parser makes "Adding ..." the clausal subject and "a source" an
    apposition inside it: the noun after the comma is the one who speaks.
    """
    if clause.tag_ not in ("VBG", "VBN"):
        return None
    for token in clause.subtree:
        noun = token.dep_ == "appos" and token.pos_ in ("NOUN", "PROPN")
        if noun and any(t.text == "," for t in token.doc[clause.i : token.left_edge.i]):
            return token
    return None


def subject(token: Token) -> Token | None:
    """Return the head of a cue verb's source: its subject, a passive's agent, or a governor's.

    A participle or infinitive without a subject borrows one from the verb
    it depends on ("..., saying", "by talking about", "announced ... and
    said", "was quick to point out"); an infinitive under the object of a
    verb of making someone act takes that object ("led Republicans to
    say"); a participle modifying a noun is said by that noun ("placards
    supporting Sanders"), or by the author of an artifact ("issued a
    statement calling ..."); an infinitive on a noun is the purpose of
    the noun's possessor or of its verb's subject ("Khan mounted a campaign
    to condemn ..."). A passive without an agent has no source ("Asked
    about it, ..."; "It is said that ..."), but an adjunct or conjunct of a
    passive clause shares its subject ("was arrested and said ...").
    """
    if lemma(token) in RAISING:
        return None
    verb = token
    for _ in range(6):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            # Two subjects mean the parser took a fronted phrase for one
            # ("The day before, Trump was blunt"; "Voters, Clinton
            # suggested, ..."): the source is the one next to the verb.
            before = [c for c in subjects if c.i < verb.i]
            child = before[-1] if before else subjects[0]
            if child.dep_ == "csubj":
                child = _fronted(child) or child
            return None if child.lower_ in _EXPLETIVES else child
        is_passive = passive(verb)
        for child in verb.children:
            if child.dep_ == "agent":
                # "it was reported by AFP": the agent is the source.
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        # "Asked about it, Trump said": a past participle is passive, unless
        # perfect ("Having announced that ..., the judge proceeded").
        perfect = any(c.lower_ == "having" for c in verb.children if c.dep_ == "aux")
        participle = verb.tag_ in ("VBN", "VBD") and verb.dep_ in ("advcl", "acl")
        if is_passive and verb is not token and not participle:
            # "..., she's tacked to the left, criticizing ...": an adjunct's
            # implicit subject is its clause's, passive or not.
            return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if is_passive or (participle and not perfect):
            return None
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            return _speaking_for(verb.head)
        if verb.dep_ == "acl" and any(c.lower_ == "to" for c in verb.children if c.dep_ == "aux"):
            return _holder(verb.head)
        if verb.dep_ == "xcomp" and lemma(verb.head) in OBJECT_CONTROL:
            objects = [c for c in verb.head.children if c.dep_ == "dobj"]
            if objects:
                return objects[0]
        if verb.dep_ not in _BORROWING or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


# How a verb without a subject may hang on the one that has it: conjoined,
# as an infinitive or participle clause, under a preposition, or under an
# adjective ("was quick to point out", "are likely to say").
_BORROWING = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "acomp"})


def _holder(noun: Token) -> Token | None:
    """Return whose purpose an infinitive on a noun is: its possessor, or the subject of its verb.

    "Turkey's refusal to acknowledge ...", "Khan has mounted a campaign to
    condemn ...", "used part of his address to call ...".
    """
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if noun.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX") and verb.i != noun.i:
        return subject(verb)
    return None


def _speaking_for(noun: Token) -> Token:
    """Return who speaks through a noun: the author of an artifact, else the noun itself.

    PolNeAR's "sentient source" rule: in "the council issued a statement
    calling ..." the source is the council; the statement is how it spoke.
    """
    if lemma(noun) in ARTIFACTS and noun.dep_ == "dobj":
        author = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if author is not None:
            return author
    # "emailed supporters saying ...", "ended with a reference, remarking
    # ...": after a thing or an audience that is the object of a verb, the
    # participle is that verb's subject speaking; a named object speaks
    # itself ("quoted Trump saying ...").
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ in ("dobj", "pobj") and not noun.ent_type_ and verb.pos_ in ("VERB", "AUX"):
        return subject(verb) or noun
    return noun


@dataclass(frozen=True)
class Reading:
    """What one cue attributes (``pieces``), the head of its source, its text and rule."""

    pieces: list[Piece]
    subject: Token | None
    cue: str
    how: str


def read(token: Token, linked: bool) -> Reading | None:
    """Return what a token cues, if it is a cue: "according to", a noun or a verb of saying.

    ``linked`` marks a verb a quote was tied to by position, which counts
    as a cue whatever its lemma ('"Go back," Trump barked').
    """
    if markup(token):
        return None
    if is_according(token):
        to = token.doc[token.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            return None
        # "According to X, ...": the rest of the sentence is what X says.
        sent, phrase = token.sent, (token.idx, span(source)[1])
        pieces = minus([(sent.start_char, sent.end_char)], phrase)
        return Reading(pieces, source, "according to", "according")
    if is_noun_cue(token):
        pieces = noun_content(token)
        return Reading(pieces, noun_source(token), token.text, "noun")
    if is_adjective_cue(token):
        return Reading(adjective_content(token), subject(token), token.text, "adjective")
    if linked or is_cue(token):
        found = content(token)
        return Reading(found.pieces, subject(token), token.text, found.how)
    return None
