"""Speakers: the source span and entity of a quote, from the head token of its cue's subject.

A subject the parse gives is widened to its phrase and resolved to an
entity when a mention covers its head, a name stands in apposition
("spokesman Dmitry Peskov", "the dam's operator, Nordvale Hydro"), its head
is the surname of one person of the article, or it is a definite
description of an organization named before it, or after it when none is
("the commission" for "the Calveran Competition Commission"); a relative
pronoun stands for its antecedent; a personal pronoun resolves to the
person the previous sentence is about, else the last one named. When the
parse gives no usable subject, the noun next to the cue is taken
(:func:`speaker_beside`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from itertools import chain
from typing import TYPE_CHECKING

from storyline.stages import names, speech
from storyline.stages.quotedraft import Context, Draft, quoted_token, trim
from storyline.stages.quotemarks import QuotedString

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_PERSONAL = frozenset({"he", "she", "him", "her"})
_COLLECTIVE = frozenset({"they", "them", "it"})
_RELATIVE = frozenset({"who", "which", "that"})
_DEFINITE = frozenset({"the", "its", "their", "this"})
# A speaker the parse missed is looked for this many tokens before its cue.
SPEAKER_WINDOW = 12


def speaker_beside(ctx: Context, cue: Token, quoted: Sequence[QuotedString]) -> Token | None:
    """Return the speaker named next to a cue when the parse gives no usable subject.

    '"...," said Oversight Democrat Elijah Cummings'; '"...," Ramos, 58,
    told AFP': the parser may take the name for an object, or make a word
    of the quote the subject. The nearest noun or pronoun outside the quote,
    before or right after the cue in its paragraph, is the speaker. The same
    search serves a subject the parser found across a paragraph break (a
    dateline or headline run into the sentence).
    """
    sent = cue.sent
    start, end = ctx.paras[ctx.paragraph(cue.idx)]
    near = [
        t
        for t in cue.doc[max(sent.start, cue.i - SPEAKER_WINDOW) : min(sent.end, cue.i + 6)]
        if t.i != cue.i
        and start <= t.idx < end
        and not quoted_token(t, quoted)
        and t.pos_ in ("PROPN", "NOUN", "PRON")
        and t.tag_ not in ("WP", "WDT")  # "blamed the failure on what he called ..."
        and t.dep_ not in ("poss", "pobj")
        # The one told ('told AFP', 'told reporters') is never the speaker.
        and not (t.head.i == cue.i and t.dep_ in ("dobj", "dative"))
    ]
    if not near:
        return None
    best = min(near, key=lambda t: (abs(t.i - cue.i), t.i))
    while best.dep_ == "compound" and best.head.i != best.i:
        best = best.head
    return best


def resolve_speaker(ctx: Context, draft: Draft) -> None:
    """Set a draft's speaker span and entity from its subject token."""
    head = draft.subject
    if head is None or draft.speaker is not None:
        return
    lower = head.lower_
    if lower in _RELATIVE and head.dep_ in _SUBJECTS and head.head.dep_ == "relcl":
        # "Putin, who said ...": the span is "who", the speaker its antecedent.
        draft.speaker = (head.idx, head.idx + len(head))
        draft.entity = _entity_of(ctx, head.head.head)
        return
    if head.pos_ == "PRON":
        draft.speaker = (head.idx, head.idx + len(head))
        if lower in _PERSONAL:
            draft.entity = _antecedent(ctx, head, ("PER",))
        elif lower in _COLLECTIVE:
            draft.entity = _antecedent(ctx, head, ("ORG", "GPE", "PER"), subject_only=True)
            if draft.entity is None and lower == "it":
                draft.called = _previous_subject(head)
        return
    start, end = speech.span(head)
    if start <= draft.cue_at < end:
        # "placards supporting Sanders", "the share of voters saying ...":
        # the phrase holds its own cue; it ends where the cue's clause begins.
        holder = next(
            (c for c in head.rights if speech.span(c)[0] <= draft.cue_at < speech.span(c)[1]),
            None,
        )
        end = holder.left_edge.idx if holder is not None else head.idx + len(head)
    # A comma left of the head ends the phrase: what precedes it is a
    # clause the parser attached there ("Adding to the tensions, a source ...").
    first = head
    while first.i > 0 and first.nbor(-1).text != "," and first.nbor(-1).idx >= start:
        first = first.nbor(-1)
    start = first.idx
    # The parser may run a sentence over a headline or paragraph break.
    para = ctx.paras[ctx.paragraph(head.idx)]
    draft.speaker = trim(ctx.text, max(start, para[0]), min(end, para[1]))
    draft.entity = _entity_of(ctx, head)


def _entity_of(ctx: Context, head: Token) -> str | None:
    """Return the entity a speaker phrase names.

    By its head's mention, else a name in apposition, else its head as the
    surname of a person the article names, else, for a definite description,
    the organization last named with that head noun.
    """
    named = _named(ctx, head)
    if named is not None:
        return named
    # "Putin's spokesman, Dmitry Peskov", "the dam's operator, Nordvale Hydro":
    # a role noun with the name beside it is who that name is. A name in apposition comes
    # before one in compound: "A former Nordvale inspector, Katrin Mollet" is Mollet, and
    # Nordvale only her employer.
    children = sorted(head.children, key=lambda c: c.dep_ != "appos")
    for child in children:
        if child.dep_ in ("appos", "compound") and child.pos_ == "PROPN":
            named = _named(ctx, child)
            if named is not None and ctx.types.get(named) in ("PER", "ORG"):
                return named
    return _described(ctx, head)


def _named(ctx: Context, token: Token) -> str | None:
    """Return the entity a name token stands for: its mention, or a known person's surname.

    The tagger misses names now and then ('" Ferreño said ...' after a quote);
    a surname that one person of the article has, and no other, is that person.
    """
    mention = ctx.mention_at(token.idx, token.idx + len(token))
    if mention is not None:
        return mention.entity
    if token.pos_ != "PROPN":
        return None
    word = names.normalize(token.text)
    people = {e for e, key in ctx.folded.items() if ctx.types.get(e) == "PER"
              and names.surname(key) == word}  # fmt: skip
    return next(iter(people)) if len(people) == 1 else None


def _described(ctx: Context, head: Token) -> str | None:
    """Return the organization a definite description stands for, if one fits.

    "The commission said" after "the Calveran Competition Commission", "the
    union" after "the Rail Workers' Union": the last organization named
    before it whose name ends in the description's head noun. A lead may name
    it only later ("Rail workers have voted to strike, their union said.
    ... members of the Calveran Rail Workers' Union"): with none before, the
    first one named after it.
    """
    common = head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.text.islower())
    if not common or not any(_definite(c) for c in head.children):
        return None
    noun = head.lemma_.lower()

    def fits(i: int) -> bool:
        entity = ctx.mentions[i].entity
        name = ctx.folded.get(entity, "").split()
        return ctx.types.get(entity) == "ORG" and bool(name) and name[-1] == noun

    here = bisect.bisect_left(ctx.mention_starts, head.idx)
    nearest = chain(range(here - 1, -1, -1), range(here, len(ctx.mentions)))
    found = next((i for i in nearest if fits(i)), None)
    return ctx.mentions[found].entity if found is not None else None


def _definite(child: Token) -> bool:
    """Return whether a determiner makes a description definite: "the", "its", "the country's"."""
    if child.dep_ not in ("det", "poss"):
        return False
    return child.lower_ in _DEFINITE or (child.dep_ == "poss" and child.pos_ == "NOUN")


def _previous_subject(pronoun: Token) -> tuple[int, int] | None:
    """Return the span of the previous sentence's subject when it is a noun phrase.

    "An independent inquiry concluded that ... It said that ...": what "it" said, the
    inquiry said, though no entity names it.
    """
    sent = pronoun.sent
    if sent.start == 0:
        return None
    for token in pronoun.doc[sent.start - 1].sent:
        if token.dep_ == "nsubj" and token.head.dep_ == "ROOT" and token.pos_ in ("NOUN", "PROPN"):
            start, end = speech.span(token)
            return (start, end) if end - start <= 60 else None
    return None


def _antecedent(
    ctx: Context, pronoun: Token, labels: tuple[str, ...], subject_only: bool = False
) -> str | None:
    """Return the entity a pronoun most likely stands for (there is no gender model).

    The subject of the previous sentence wins when it names an entity of the
    right type (news prose keeps its topic in subject position); otherwise
    the most recent such mention before the pronoun.
    """
    sent = pronoun.sent
    if sent.start > 0:
        for token in ctx.parsed[sent.start - 1].sent:
            if token.dep_ == "nsubj" and token.head.dep_ == "ROOT":
                entity = _entity_of(ctx, token)
                if entity is not None and ctx.types.get(entity) in labels:
                    return entity
    if subject_only:
        return None
    i = bisect.bisect_left(ctx.mention_starts, pronoun.idx) - 1
    while i >= 0:
        mention = ctx.mentions[i]
        if ctx.types.get(mention.entity) in labels:
            return mention.entity
        i -= 1
    return None
