"""Quotes: who said (or thinks, or wants) what in one article, with the speaker resolved.

Direct quotes are quoted strings (:mod:`storyline.stages.speech`) tied to
the cue the parse hangs them on ('"...," said Putin'; 'he said: "..."'), or
to the one their position gives away (a verb right after an unfinished
quote, a sentence ending in a colon before a quoted paragraph, a dash and a
name after it). A quote interrupted by its attribution, or continued in the
next sentence or paragraph, is one :class:`~storyline.model.Quote` with
several spans. Reported speech is a cue verb or noun with its complement
("said that ...", "wants to ...", "denied the report", "called for ...",
"support for ..."), "according to X, ...", or a transcript line
("PENCE: ..."). The notion of attribution is PolNeAR's: statements, and
beliefs, intentions and perceptions too.

The speaker is the cue's source (:func:`storyline.stages.speech.subject`),
resolved to an entity when a mention covers its head or a name stands in
apposition ("spokesman Dmitry Peskov"); a personal pronoun resolves to the
person the previous sentence is about, else the last one named.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from storyline.model import Doc, Entity, Mention, Quote, QuoteKind
from storyline.pipeline import stage
from storyline.stages import speech
from storyline.stages.speech import Piece, QuotedString

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

_EDGE = " \t\n\r\xa0,.;:—–-\"“”'‘’«»`"
# A clause cut before a coordinated one keeps its "and": it is dropped.
_COORDINATOR = re.compile(r"[\s,;]+(?:and|but|or|while)$")
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_PERSONAL = frozenset({"he", "she", "him", "her"})
_COLLECTIVE = frozenset({"they", "them", "it"})
_RELATIVE = frozenset({"who", "which", "that"})
# How a quote's words may hang on a cue outside it: as anything but the
# cue's subject or a modifier ("the “experts” say" names a source); and how
# a cue may hang on the quote: as a clause beside it ('"...," he said' is
# often parsed as parataxis) or a prepositional phrase ("according to").
_NOT_CONTENT = frozenset({
    "nsubj", "nsubjpass", "relcl", "acl", "amod", "compound", "poss", "appos", "nmod", "det",
})  # fmt: skip
_CUE_DEPS = frozenset({"parataxis", "ccomp", "advcl", "conj", "dep", "prep"})
# Asides about a speaker, skipped between a quote and its cue.
_ASIDES = frozenset({"relcl", "acl", "appos"})
# A cue the parse ties to a quote is that quote's cue when this close (in
# tokens); farther, the quote is part of some reported clause instead.
LINK_WINDOW = 15
# A quote attaches to the first verb after its closing mark when it is a cue
# this many tokens away at most ('," Trump, the 2016 GOP front-runner, said').
AFTER_WINDOW = 20
# A speaker the parse missed is looked for this many tokens before its cue.
SPEAKER_WINDOW = 12
# Quoted strings shorter than this (in words) are titles and scare quotes:
# not speech on their own, and no shelter for the cues inside them.
MIN_SPEECH_WORDS = 4


@dataclass
class _Draft:
    """A quote being assembled: content pieces, cue, and speaker, still mutable.

    ``how`` names the rule that found it (diagnostics only); ``lemma`` is
    the cue's lemma; ``subject`` the head token of the source, from which
    ``speaker`` (a span) and ``entity`` are resolved.
    """

    pieces: list[Piece]
    kind: QuoteKind
    cue: str | None
    cue_at: int
    paragraph: int
    subject: Token | None = None
    speaker: Piece | None = None
    entity: str | None = None
    quoted: list[QuotedString] = field(default_factory=list)
    lemma: str | None = None
    how: str = "quote"


class _Context:
    """What finding one article's quotes looks things up in: tokens, paragraphs, mentions."""

    def __init__(
        self, text: str, parsed: SpacyDoc, mentions: Sequence[Mention], entities: Sequence[Entity]
    ) -> None:
        self.text = text
        self.parsed = parsed
        self.starts = [t.idx for t in parsed]
        self.paras = speech.paragraphs(text)
        self.para_starts = [s for s, _ in self.paras]
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.mention_starts = [m.start for m in self.mentions]
        self.names = {e.id: e.name for e in entities}
        self.types = {e.id: e.type for e in entities}

    def paragraph(self, offset: int) -> int:
        """Return the index of the paragraph holding ``offset``."""
        return max(0, bisect.bisect_right(self.para_starts, offset) - 1)

    def tokens(self, start: int, end: int) -> range:
        """Return the indices of the tokens that begin inside ``[start, end)``."""
        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))

    def mention_at(self, start: int, end: int) -> Mention | None:
        """Return the mention covering ``[start, end)``, if any."""
        i = bisect.bisect_right(self.mention_starts, start) - 1
        while i >= 0 and self.mentions[i].start <= start:
            if self.mentions[i].end >= end:
                return self.mentions[i]
            i -= 1
        return None


def find(
    text: str, parsed: SpacyDoc, mentions: Sequence[Mention], entities: Sequence[Entity]
) -> list[Quote]:
    """Return the quotes of one article, direct and reported, in text order."""
    ctx = _Context(text, parsed, mentions, entities)
    quoted = speech.quoted_strings(text)
    direct = _direct(ctx, quoted)
    _reported(ctx, quoted, direct.drafts)
    found = [*direct.drafts.values(), *_colon_lines(ctx), *direct.signed]
    for draft in found:
        draft.pieces = _merge(text, draft.pieces)
        _resolve_speaker(ctx, draft)
    kept = sorted((d for d in _outermost(found) if d.pieces), key=lambda d: d.cue_at)
    _continue_quotes(ctx, kept, direct.loose)
    quotes = [_quote(ctx, d, _merge(text, d.pieces)) for d in kept]
    return sorted(quotes, key=lambda q: (q.start, q.end))


# ---------------------------------------------------------------- direct quotes


@dataclass
class _Direct:
    """Direct quotes: drafts keyed by cue token, dash-signed ones, speeches with no cue yet."""

    drafts: dict[int, _Draft] = field(default_factory=dict)
    signed: list[_Draft] = field(default_factory=list)
    loose: list[list[QuotedString]] = field(default_factory=list)


def _direct(ctx: _Context, quoted: Sequence[QuotedString]) -> _Direct:
    """Return the quoted strings tied to their cues, or signed, or left for later."""
    found = _Direct()
    drafts = found.drafts
    for group in _runs(ctx, quoted):
        cue = next((c for c in map(partial(_linked_cue, ctx), group) if c is not None), None)
        if cue is None:
            signature = _signature(ctx, group)
            if signature is not None:
                found.signed.append(signature)
            else:
                found.loose.append(group)
            continue
        draft = drafts.get(cue.i)
        if draft is None:
            draft = drafts[cue.i] = _Draft([], "direct", cue.text, cue.idx, ctx.paragraph(cue.idx))
            draft.lemma = cue.lemma_.lower()
        draft.pieces += [(q.start, q.end) for q in group]
        draft.quoted += group
    return found


def _runs(ctx: _Context, quoted: Sequence[QuotedString]) -> list[list[QuotedString]]:
    """Return the quoted strings grouped into speeches: a quote left open runs on.

    A paragraph that opens a quote without closing it, followed by one that
    reopens it, is one speech over both ('"... ¶ "... ." he said').
    """
    groups: list[list[QuotedString]] = []
    for q in quoted:
        previous = groups[-1][-1] if groups else None
        if (
            previous is not None
            and previous.runs_on
            and q.paragraph == previous.paragraph + 1
            and q.opening - ctx.paras[q.paragraph][0] <= 1
        ):
            groups[-1].append(q)
        else:
            groups.append([q])
    return groups


def _links(token: Token) -> bool:
    """Return whether a quote may hang on this token: a cue verb or "according (to)"."""
    if token.lemma_.lower() in speech.RAISING:
        return False
    return speech.is_cue(token) or speech.is_according(token)


def _linked_cue(ctx: _Context, q: QuotedString) -> Token | None:
    """Return the cue a quoted string hangs on, by the parse or by position."""
    parsed = ctx.parsed
    inside = ctx.tokens(q.start, q.end)
    if not inside:
        return None
    found: list[Token] = []
    # A title or scare quote ("Meet the Press") may be what a cue names,
    # never a clause a cue comments on.
    speech_like = len(ctx.text[q.start : q.end].split()) >= MIN_SPEECH_WORDS
    for i in inside:
        token = parsed[i]
        head = token.head
        if head.i not in inside and token.dep_ not in _NOT_CONTENT and _links(head):
            found.append(head)
        if speech_like:
            found += [
                c for c in token.children if c.i not in inside and c.dep_ in _CUE_DEPS and _links(c)
            ]

    def distance(t: Token) -> int:
        return min(abs(t.i - inside.start), abs(t.i - inside.stop))

    # A sentence the parser ran over a paragraph break is no evidence.
    paras = {q.paragraph, ctx.paragraph(q.closing)}
    found = [t for t in found if ctx.paragraph(t.idx) in paras and distance(t) <= LINK_WINDOW]
    if found:
        return min(found, key=distance)
    return _adjacent_cue(ctx, q, inside)


def _adjacent_cue(ctx: _Context, q: QuotedString, inside: range) -> Token | None:
    """Return a cue verb right after the closing mark or right before the opening one.

    The parse often splits a long quote into sentences and leaves the cue
    in the last one ('... coincides," said Putin'); position then decides:
    only the speaker's name, with asides about them ("Valdez Anderson, who
    works at ..."), may stand between the mark and the cue. A quote that
    ends unfinished ('...,"' or '...?"') needs a speech verb next, so any
    verb there is one ('"Go back," Trump barked'). A paragraph that is a
    quote takes the cue of the sentence ending in a colon before it.
    """
    parsed = ctx.parsed
    para_end = ctx.paras[q.paragraph][1] if not q.runs_on else q.closing
    i = inside.stop
    while i < len(parsed) and parsed[i].idx < q.closing:
        i += 1
    said = ctx.text[q.start : q.end]
    unfinished = said.rstrip()[-1:] in (",", "?", "!", "—")
    # A title or scare quote is no speech for a verb after it to report.
    stop = i + AFTER_WINDOW if unfinished or len(said.split()) >= MIN_SPEECH_WORDS else i
    for token in parsed[i:stop]:
        if token.idx >= para_end or token.text in (".", "“", '"', "''", "”"):
            break
        aside = token.dep_ in _ASIDES or token.head.dep_ in _ASIDES
        if speech.is_cue(token) or (unfinished and token.pos_ == "VERB" and not aside):
            return token
        # ('"...," Braynard is quoted as saying': auxiliaries lead to the cue.)
        if token.pos_ in ("VERB", "AUX") and not aside and token.dep_ not in ("aux", "auxpass"):
            break
    para_start = ctx.paras[ctx.paragraph(q.opening)][0]
    j = inside.start - 1
    while j >= 0 and parsed[j].idx >= q.opening:
        j -= 1
    # 'said: "...', 'told reporters "...': only a recipient and a comma or
    # colon may come between the cue and the opening mark.
    for token in reversed(parsed[max(0, j - 3) : j + 1]):
        if token.idx < para_start:
            break
        if speech.is_cue(token):
            return token
        if token.text not in (",", ":") and token.pos_ not in ("PRON", "PROPN", "NOUN"):
            break
    if q.opening - para_start <= 1 and ctx.text[:para_start].rstrip().endswith(":"):
        return _introducing(ctx, para_start)
    return None


def _introducing(ctx: _Context, para_start: int) -> Token | None:
    """Return the cue of the sentence that ends in a colon right before a paragraph.

    'The Clinton Foundation describes itself in the following way:' then a
    quoted paragraph: the colon introduces it, and the sentence's cue (or,
    when it has none, its main verb) is the quote's cue.
    """
    parsed = ctx.parsed
    j = bisect.bisect_left(ctx.starts, para_start) - 1
    while j >= 0 and (parsed[j].is_space or parsed[j].text == ":"):
        j -= 1
    if j < 0:
        return None
    sent = parsed[j].sent
    cues = [t for t in sent if speech.is_cue(t) and t.i <= j]
    if cues:
        return cues[-1]
    return sent.root if sent.root.pos_ in ("VERB", "AUX") else None


_SIGNATURE = re.compile(r"[\"”'\s]*[-—–―]+\s*")


def _signature(ctx: _Context, group: Sequence[QuotedString]) -> _Draft | None:
    """Return the quote signed with a dash and a name after it ('"..." ― Carla Sanchez').

    The signature follows the closing mark on the same line, or opens the
    next paragraph ("- Clinton."); the name must be one the recognizer found.
    """
    m = _SIGNATURE.match(ctx.text, group[-1].closing)
    if m is None or "\n\n\n" in m.group():
        return None
    mention = ctx.mention_at(m.end(), m.end() + 1)
    if mention is None or mention.start != m.end() or mention.label not in ("PER", "ORG"):
        return None
    return _Draft(
        pieces=[(g.start, g.end) for g in group],
        kind="direct",
        cue=m.group().strip(" \n\"”'")[:1],
        cue_at=group[0].opening,
        paragraph=group[0].paragraph,
        speaker=(mention.start, mention.end),
        entity=mention.entity,
        quoted=list(group),
        how="signature",
    )


# A transcript or headline line: "PENCE: ...", "Lynch: No outside influence
# ...", "Clinton to Planned Parenthood: ...": one to four capitalized words
# (and whom they address), a colon, then three words or more. (Interview
# "Q:"/"A:" lines are left alone: the answers' own cues carry them.)
_COLON_LINE = re.compile(
    r"[ \t\"“]*([A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3})(?: to [^:\n]{1,40})?\s*:\s+\S+ \S+ \S"
)
# Labels that look like a speaker before a colon but introduce no speech.
_NOT_SPEAKERS = frozenset({
    "source", "sources", "photo", "photos", "note", "update", "updated", "related", "read more",
    "watch", "editor's note", "editor’s note", "correction", "video", "image", "credit",
    "see also", "follow", "contact", "email", "twitter", "via", "transcript", "full text",
    "abstract", "warning", "breaking", "exclusive", "analysis", "opinion", "live", "more",
    "read", "listen", "tags", "topics", "filed under", "posted", "published", "by",
})  # fmt: skip


def _colon_lines(ctx: _Context) -> list[_Draft]:
    """Return the quotes of lines that open with a speaker's name and a colon.

    The name must be one the recognizer found, or the transcript convention
    (a name in capitals introducing two lines or more: "WALLACE:"), or open
    the article's first line, its headline ("Poll: Trump a big turnoff ...").
    """
    lines = []
    for index, (start, end) in enumerate(ctx.paras):
        m = _COLON_LINE.match(ctx.text, start, end)
        if m is not None and m.group(1).casefold() not in _NOT_SPEAKERS:
            lines.append((index, end, m))
    shouted = [m.group(1) for _, _, m in lines if m.group(1).isupper() and len(m.group(1)) > 1]
    found = []
    for index, end, m in lines:
        name = m.group(1)
        s, e = m.start(1), m.end(1)
        mention = ctx.mention_at(s, e)
        named = mention is not None and mention.label in ("PER", "ORG")
        if not (named or shouted.count(name) > 1 or index == 0):
            continue
        colon = ctx.text.index(":", e)
        draft = _Draft([(colon + 1, end)], "direct", ":", colon, index, speaker=(s, e))
        draft.entity, draft.how = (mention.entity if mention else None), "colon"
        found.append(draft)
    return found


# ---------------------------------------------------------------- reported speech


def _reported(ctx: _Context, quoted: Sequence[QuotedString], drafts: dict[int, _Draft]) -> None:
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
        pieces = [p for p in reading.pieces if not p[0] <= token.idx < p[1]]
        subject = reading.subject
        draft = drafts.get(token.i)
        if draft is None:
            if not pieces or _sheltered(sheltered, token.idx):
                continue
            paragraph = ctx.paragraph(token.idx)
            draft = drafts[token.i] = _Draft([], "indirect", reading.cue, token.idx, paragraph)
            draft.lemma, draft.how = token.lemma_.lower(), reading.how
            # Reported speech stays in its paragraph, whatever the parser joined.
            start, end = ctx.paras[paragraph]
            draft.pieces = [
                (max(s, start), min(e, end)) for s, e in pieces if s < end and e > start
            ]
        elif reading.how == "according":
            draft.cue = reading.cue
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
        if (draft.quoted and (subject is None or _quoted_token(subject, draft.quoted))) or (
            subject is not None and ctx.paragraph(subject.idx) != draft.paragraph
        ):
            subject = _speaker_beside(ctx, token, draft.quoted)
        draft.subject = subject


def _sheltered(ranges: Sequence[Piece], offset: int) -> bool:
    """Return whether ``offset`` falls inside one of the sorted ``ranges``."""
    i = bisect.bisect_right(ranges, (offset, offset)) - 1
    return any(s <= offset < e for s, e in ranges[max(0, i - 1) : i + 1])


def _quoted_token(token: Token, quoted: Sequence[QuotedString]) -> bool:
    return any(q.start <= token.idx < q.end for q in quoted)


def _speaker_beside(ctx: _Context, cue: Token, quoted: Sequence[QuotedString]) -> Token | None:
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
        and not _quoted_token(t, quoted)
        and t.pos_ in ("PROPN", "NOUN", "PRON")
        and t.dep_ not in ("poss", "pobj")
    ]
    if not near:
        return None
    best = min(near, key=lambda t: (abs(t.i - cue.i), t.i))
    while best.dep_ == "compound" and best.head.i != best.i:
        best = best.head
    return best


# ---------------------------------------------------------------- assembling


def _trim(text: str, start: int, end: int) -> Piece:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    tail = _COORDINATOR.search(text, start, end)
    if tail is not None and tail.start() > start:
        end = tail.start()
    return start, end


def _merge(text: str, pieces: Iterable[Piece]) -> list[Piece]:
    """Return pieces trimmed of edge punctuation, sorted, and merged where they touch."""
    out: list[Piece] = []
    for start, end in sorted(_trim(text, s, e) for s, e in pieces):
        if end <= start:
            continue
        if out and start <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _outermost(drafts: Sequence[_Draft]) -> list[_Draft]:
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


def _new_voice(inner: _Draft, outer: _Draft) -> bool:
    return (
        inner.lemma in speech.SPEECH
        and inner.subject is not None
        and inner.subject.pos_ in ("PROPN", "NOUN")
        and (inner.entity is None or inner.entity != outer.entity)
    )


def _continue_quotes(
    ctx: _Context, drafts: list[_Draft], loose: Sequence[list[QuotedString]]
) -> None:
    """Attach speeches without a cue to the quote they continue, or start new ones.

    A quoted string later in the paragraph of an attributed quote continues
    it ('"...," she said. "These cases take patience."'); a paragraph that
    is one cue-less quote continues the previous paragraph's direct quote
    (or transcript line); after reported speech it is a new quote by the
    same speaker, the one the previous paragraph ends on, or else by the
    last speaker quoted directly.
    """
    for group in loose:
        q = group[0]
        pieces = [(g.start, g.end) for g in group]
        if q.single or sum(len(ctx.text[s:e].split()) for s, e in pieces) < MIN_SPEECH_WORDS:
            continue
        before = [d for d in drafts if d.cue_at < q.start]
        same = [d for d in before if d.paragraph == q.paragraph]
        # '"...," said Bush, referring to Rice. "..."': the quote goes on
        # with the last direct quote, not with the cue that came between.
        same = [d for d in same if d.quoted] or same
        opens_paragraph = q.opening - ctx.paras[q.paragraph][0] <= 1
        if same and not opens_paragraph:
            same[-1].pieces += pieces
            same[-1].quoted += group
            continue
        if not opens_paragraph:
            continue
        previous = [d for d in before if d.paragraph == q.paragraph - 1]
        if previous and (previous[-1].kind == "direct" or previous[-1].cue == ":"):
            previous[-1].pieces += pieces
            previous[-1].quoted += group
            continue
        speakers = [d for d in before if d.kind == "direct" and q.paragraph - d.paragraph <= 3]
        last = previous[-1] if previous else speakers[-1] if speakers else None
        continued = _Draft(pieces, "direct", None, q.opening, group[-1].paragraph, quoted=group)
        if last is not None:
            continued.subject, continued.speaker = last.subject, last.speaker
            continued.entity = last.entity
        continued.how = "continued"
        drafts.append(continued)
    drafts.sort(key=lambda d: d.cue_at)


# ---------------------------------------------------------------- speakers


def _resolve_speaker(ctx: _Context, draft: _Draft) -> None:
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
        return
    start, end = speech.span(head)
    if start <= draft.cue_at < end:
        # "placards supporting Sanders": the phrase holds its own cue.
        end = head.idx + len(head)
    # A comma left of the head ends the phrase: what precedes it is a
    # clause the parser attached there ("Adding to the tensions, a source ...").
    first = head
    while first.i > 0 and first.nbor(-1).text != "," and first.nbor(-1).idx >= start:
        first = first.nbor(-1)
    start = first.idx
    # The parser may run a sentence over a headline or paragraph break.
    para = ctx.paras[ctx.paragraph(head.idx)]
    draft.speaker = _trim(ctx.text, max(start, para[0]), min(end, para[1]))
    draft.entity = _entity_of(ctx, head)


def _entity_of(ctx: _Context, head: Token) -> str | None:
    """Return the entity a speaker phrase names: by its head or a name in apposition."""
    mention = ctx.mention_at(head.idx, head.idx + len(head))
    if mention is not None:
        return mention.entity
    # "Putin's spokesman, Dmitry Peskov": a role noun with the name beside
    # it is that person; a role noun alone ("the minister") stays unresolved.
    for child in head.children:
        if child.dep_ in ("appos", "compound") and child.pos_ == "PROPN":
            mention = ctx.mention_at(child.idx, child.idx + len(child))
            if mention is not None and mention.label == "PER":
                return mention.entity
    return None


def _antecedent(
    ctx: _Context, pronoun: Token, labels: tuple[str, ...], subject_only: bool = False
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


def _quote(ctx: _Context, draft: _Draft, pieces: list[Piece]) -> Quote:
    kind = draft.kind
    if draft.quoted:
        # 'said that he does not "prefer" pickles' is reported speech with a
        # quoted word: direct only when quotation marks hold most of it.
        inside = sum(
            max(0, min(e, q.end) - max(s, q.start)) for s, e in pieces for q in draft.quoted
        )
        kind = "direct" if 2 * inside >= sum(e - s for s, e in pieces) else "indirect"
    speaker_text = ctx.names.get(draft.entity) if draft.entity is not None else None
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


@stage("quotes", 1, requires=("article", "parse", "entities", "mentions"), assigns=("quotes",))
def quotes_stage(doc: Doc) -> Doc:
    """Return the doc with its quotes; none when the article was not parsed."""
    if doc.parse is None:
        return dataclasses.replace(doc, quotes=())
    found = find(doc.text, doc.parse, doc.mentions, doc.entities)
    return dataclasses.replace(doc, quotes=tuple(found))
