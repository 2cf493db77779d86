"""Quotes: who said (or thinks, or wants) what in one article, with the speaker resolved.

Direct quotes are quoted strings (:mod:`~storyline.stages.quotemarks`)
tied to their cue, signed, or opening a transcript line
(:mod:`~storyline.stages.directquotes`). Reported speech, found here, is
a cue verb or noun with its complement ("said that ...", "wants to ...",
"denied the report", "called for ...", "support for ..."), or "according
to X, ..." (the grammar is :mod:`~storyline.stages.speech`). The notion of
attribution is PolNeAR's: statements, and beliefs, intentions and
perceptions too. Each cue's source becomes a speaker span and entity
(:mod:`~storyline.stages.speakers`); nested cues that add no new voice
are dropped, and cue-less quotes continue the quote before them.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from storyline.ingest.datelines import find_dateline
from storyline.model import Doc, Entity, Mention, Quote
from storyline.pipeline import stage
from storyline.stages import cuewords, directquotes, quotemarks, speakers, speech
from storyline.stages.quotedraft import MIN_SPEECH_WORDS, Context, Draft, quoted_token, trim
from storyline.stages.quotemarks import QuotedString
from storyline.stages.speech import Piece

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token


def find(
    text: str, parsed: SpacyDoc, mentions: Sequence[Mention], entities: Sequence[Entity]
) -> list[Quote]:
    """Return the quotes of one article, direct and reported, in text order."""
    ctx = Context(text, parsed, mentions, entities)
    quoted = quotemarks.quoted_strings(text)
    direct = directquotes.direct(ctx, quoted)
    _reported(ctx, quoted, direct.drafts)
    found = [*direct.drafts.values(), *directquotes.colon_lines(ctx), *direct.signed]
    for draft in found:
        draft.pieces = _merge(text, draft.pieces)
        speakers.resolve_speaker(ctx, draft)
    kept = sorted((d for d in _outermost(found) if d.pieces), key=lambda d: d.cue_at)
    directquotes.continue_quotes(ctx, kept, direct.loose)
    # "TERAVO - Rail workers ... have voted to strike, their union said": what was said starts
    # after the dateline the parser ran into the sentence.
    dateline = find_dateline(text)
    after = dateline.end if dateline is not None else 0
    quotes = [
        _quote(ctx, d, pieces)
        for d in kept
        if (pieces := _merge(text, [(after if s < after < e else s, e) for s, e in d.pieces]))
    ]
    return sorted(quotes, key=lambda q: (q.start, q.end))


# ---------------------------------------------------------------- reported speech


def _reported(ctx: Context, quoted: Sequence[QuotedString], drafts: dict[int, Draft]) -> None:
    """Add the drafts of cue verbs, cue nouns and "according to"; give every cue its source."""
    text = ctx.text
    # A cue inside quotation marks is the quoted speaker's own ("I think
    # ..."): nested in a direct quote, it is part of what is quoted.
    sheltered = sorted(
        (q.opening, q.closing)
        for q in quoted
        if not q.single and len(text[q.start : q.end].split()) >= MIN_SPEECH_WORDS
    )
    for token in ctx.parsed:
        reading = speech.read(token, token.i in drafts)
        if reading is None:
            continue
        subject = reading.subject
        pieces = _around_cue(token, subject, reading.pieces)
        draft = drafts.get(token.i)
        if draft is None:
            if not pieces or _sheltered(sheltered, token.idx):
                continue
            paragraph = ctx.paragraph(token.idx)
            draft = drafts[token.i] = Draft([], "indirect", reading.cue, token.idx, paragraph)
            draft.lemma, draft.how = speech.lemma(token), reading.how
            draft.pieces = _within(ctx, paragraph, pieces)
        elif reading.how == "according":
            draft.cue = reading.cue
        elif pieces and reading.how in _CLAUSES and _quoted_elsewhere(text, draft, pieces):
            # The quote beside the cue is a title or an earlier sentence:
            # the cue's own clause is what it reports.
            draft.pieces = _within(ctx, draft.paragraph, pieces)
            draft.quoted, draft.kind, draft.how = [], "indirect", reading.how
        else:
            # A clause that holds the quote extends it ('said that he does
            # not "prefer" pickles'), within the quote's paragraphs; other
            # complements are not what is quoted.
            paras = [ctx.paras[q.paragraph] for q in draft.quoted]
            low, high = min(s for s, _ in paras), max(e for _, e in paras)
            draft.pieces += [
                (max(p[0], low), min(p[1], high))
                for p in pieces
                if any(p[0] < q.closing and q.opening < p[1] for q in draft.quoted)
            ]
        # 'Blumenthal was asked, "...?"': the one named beside a passive cue
        # is asked or told, and the asker is not named.
        if not speech.passive(token) and (
            (draft.quoted and (subject is None or quoted_token(subject, draft.quoted)))
            or (subject is not None and ctx.paragraph(subject.idx) != draft.paragraph)
            or (subject is None and _finite_active(token))
        ):
            subject = speakers.speaker_beside(ctx, token, draft.quoted)
        draft.subject = subject


# The relative words that may open a reported clause before its source ("which", "what").
_RELATIVE_TAGS = frozenset({"WDT", "WP"})


def _within(ctx: Context, paragraph: int, pieces: Sequence[Piece]) -> list[Piece]:
    """Return the pieces clipped to a paragraph, which reported speech never leaves.

    The parser may run a sentence over a paragraph break; the content stops there.
    """
    start, end = ctx.paras[paragraph]
    return [(max(s, start), min(e, end)) for s, e in pieces if s < end and e > start]


# Rules of speech.content that find a clause, not an object or a phrase.
_CLAUSES = frozenset({"ccomp", "xcomp", "that"})


def _quoted_elsewhere(text: str, draft: Draft, clause: Sequence[Piece]) -> bool:
    """Return whether a draft's quoted strings are titles or finished sentences outside a clause.

    A cue with a clause of its own ('told ABC's "Good Morning America" that
    ...'; 'his book ''The Art of the Deal.'' Mr. Trump said ...') reports
    that clause: a quoted title names a show or a book, and a quote that
    ended its sentence before the cue was someone else's or nobody's.
    """
    return all(
        (len(text[q.start : q.end].split()) < MIN_SPEECH_WORDS or text[q.end - 1] in ".!")
        and not any(s < q.closing and q.opening < e for s, e in clause)
        for q in draft.quoted
    )


def _around_cue(cue: Token, subject: Token | None, pieces: list[Piece]) -> list[Piece]:
    """Return the content pieces without the cue and its subject where they lie inside.

    "..., which he said would be its lowest ever", "what she said is growing
    demand": the relative word that opens the reported clause stands before
    its source and cue, and the content runs around them. Any other piece
    holding its own cue is a misparse and is dropped.
    """
    out: list[Piece] = []
    for start, end in pieces:
        if not start <= cue.idx < end:
            out.append((start, end))
            continue
        within = cue.doc.char_span(start, end, alignment_mode="expand")
        if subject is None or within is None or subject.i >= cue.i:
            continue
        opener = within[0]
        if opener.tag_ in _RELATIVE_TAGS and opener.i < subject.left_edge.i:
            out += speech.minus([(start, end)], (subject.left_edge.idx, cue.idx + len(cue)))
    return out


def _finite_active(token: Token) -> bool:
    """Return whether a cue is a finite active verb of reporting, which always has a source.

    "About 4 in 10 say ...", "In a statement, the candidate stated ...": when
    the parser lost such a verb's subject, it is still there beside it.
    """
    return (
        token.tag_ in ("VBD", "VBZ", "VBP")
        and speech.lemma(token) in cuewords.REPORTING | cuewords.OBJECT_CUES
        and not any(c.dep_ in ("nsubjpass", "auxpass", "expl") for c in token.children)
    )


def _sheltered(ranges: Sequence[Piece], offset: int) -> bool:
    """Return whether ``offset`` falls inside one of the sorted ``ranges``."""
    i = bisect.bisect_right(ranges, (offset, offset)) - 1
    return any(s <= offset < e for s, e in ranges[max(0, i - 1) : i + 1])


# ---------------------------------------------------------------- assembling


def _merge(text: str, pieces: Iterable[Piece]) -> list[Piece]:
    """Return pieces trimmed of edge punctuation, sorted, and merged where they touch."""
    out: list[Piece] = []
    for start, end in sorted(trim(text, s, e) for s, e in pieces):
        if end <= start:
            continue
        if out and start <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _outermost(drafts: Sequence[Draft]) -> list[Draft]:
    """Return the drafts minus nested ones that add no new voice.

    "AFP reports that Putin said ..." keeps both: the inner quote is a
    different, named source's statement. "He said he believed ..." keeps
    only the outer one: the inner cue restates the same speaker's attitude,
    and PolNeAR (like a reader) counts one attribution there.
    """
    kept = []
    for draft in drafts:
        outer = next(
            (
                o
                for o in drafts
                if o is not draft and any(s <= draft.cue_at < e for s, e in o.pieces)
            ),
            None,
        )
        if outer is None or _new_voice(draft, outer):
            kept.append(draft)
    return kept


def _new_voice(inner: Draft, outer: Draft) -> bool:
    return (
        inner.lemma in cuewords.SPEECH
        and inner.subject is not None
        and inner.subject.pos_ in ("PROPN", "NOUN")
        and (inner.entity is None or inner.entity != outer.entity)
    )


def _quote(ctx: Context, draft: Draft, pieces: list[Piece]) -> Quote:
    kind = draft.kind
    if draft.quoted:
        # 'said that he does not "prefer" pickles' is reported speech with a
        # quoted word: direct only when quotation marks hold most of it.
        inside = sum(
            max(0, min(e, q.end) - max(s, q.start)) for s, e in pieces for q in draft.quoted
        )
        kind = "direct" if 2 * inside >= sum(e - s for s, e in pieces) else "indirect"
    speaker_text = ctx.names.get(draft.entity) if draft.entity is not None else None
    if speaker_text is None and draft.called is not None:
        speaker_text = " ".join(ctx.text[draft.called[0] : draft.called[1]].split())
    if speaker_text is None and draft.speaker is not None:
        speaker_text = ctx.text[draft.speaker[0] : draft.speaker[1]]
    return Quote(
        start=pieces[0][0],
        end=pieces[-1][1],
        spans=tuple(pieces),
        kind=kind,
        cue=draft.cue,
        speaker=draft.entity,
        speaker_text=speaker_text,
        speaker_start=draft.speaker[0] if draft.speaker else None,
        speaker_end=draft.speaker[1] if draft.speaker else None,
    )


@stage("quotes", 11, requires=("article", "parse", "entities", "mentions"), assigns=("quotes",))
def quotes_stage(doc: Doc) -> Doc:
    """Return the doc with its quotes; none when the article was not parsed."""
    if doc.parse is None:
        return dataclasses.replace(doc, quotes=())
    found = find(doc.text, doc.parse, doc.mentions, doc.entities)
    return dataclasses.replace(doc, quotes=tuple(found))
