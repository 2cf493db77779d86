"""The clause around a trigger: how firmly it is asserted, when and where it happens.

- place: the first GPE/LOC/FAC mention under a locative preposition ("in",
  "at", "near" ...) of the trigger's clause.
- time: the nearest DATE/TIME expression attached to the trigger's clause
  (or, for a noun, inside its phrase); the events stage may then give a
  past-tense event the day its paragraph is at.
- modality, first match wins: ``negated`` ("did not", "cannot find", "fail to
  agree"), ``hypothetical`` ("would", "could", "might", "must", "if", or asked
  for by a demand), ``planned`` ("will", "was due to", "plans to", "offered
  to"; "would" in reported speech is a future in the past), ``reported``
  (inside a quote or the complement of a speech verb), else ``asserted``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyline.model import TimeExpr
from storyline.stages import plover
from storyline.stages.participants import Context, controller_of

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

PLACE_PREPS = plover.words("in at near outside inside across throughout from into over")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "ought"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})


def chain_of(verb: Token) -> list[Token]:
    """Return a verb and the verbs and adjectives that govern it within its clause."""
    chain = [verb]
    current = verb
    while (controller := controller_of(current)) is not None and len(chain) < 5:
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


def modality_of(anchor: Token, chain: Sequence[Token], governors: set[str], ctx: Context) -> str:
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


def time_of(
    parsed: SpacyDoc, trigger: Token, chain: Sequence[Token], ctx: Context
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
                # An appositive's time is its own: "visits Istanbul, his first trip abroad
                # since October" is no visit in October ("on Monday, March 5" is one time).
                if node.head.i == node.i or (node.dep_ == "appos" and steps and not node.ent_type_):
                    break
                node, steps = node.head, steps + 1
            attached = node.i in anchors
        if attached:
            distance = abs(span.start - trigger.i)
            if best is None or distance < best[0]:
                best = (distance, expr)
    return None if best is None else best[1]


def place_of(chain: Sequence[Token], ctx: Context) -> str | None:
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


def depth_of(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth
