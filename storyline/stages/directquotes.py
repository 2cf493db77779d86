"""Direct quotes: quoted strings tied to their cue, signed with a dash, or opening a line.

A quoted string hangs on the cue the parse ties it to ('"...," said
Putin'; 'he said: "..."'), or on the one its position gives away (a verb
right after an unfinished quote, a sentence ending in a colon before a
quoted paragraph). A quote interrupted by its attribution, or continued in
the next sentence or paragraph, is one draft with several pieces. Lines
that open with a name and a colon ("PENCE: ...") and quotes signed with a
dash and a name are direct quotes with no verb at all.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from storyline.stages import cuewords, speech
from storyline.stages.quotedraft import MIN_SPEECH_WORDS, Context, Draft
from storyline.stages.quotemarks import QuotedString

if TYPE_CHECKING:
    from spacy.tokens import Token

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


@dataclass
class Direct:
    """Direct quotes: drafts keyed by cue token, dash-signed ones, speeches with no cue yet."""

    drafts: dict[int, Draft] = field(default_factory=dict)
    signed: list[Draft] = field(default_factory=list)
    loose: list[list[QuotedString]] = field(default_factory=list)


def direct(ctx: Context, quoted: Sequence[QuotedString]) -> Direct:
    """Return the quoted strings tied to their cues, or signed, or left for later."""
    found = Direct()
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
            draft = drafts[cue.i] = Draft([], "direct", cue.text, cue.idx, ctx.paragraph(cue.idx))
            draft.lemma = speech.lemma(cue)
        draft.pieces += [(q.start, q.end) for q in group]
        draft.quoted += group
    return found


def _runs(ctx: Context, quoted: Sequence[QuotedString]) -> list[list[QuotedString]]:
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
    if speech.lemma(token) in cuewords.RAISING:
        return False
    return speech.is_cue(token) or speech.is_according(token)


def _linked_cue(ctx: Context, q: QuotedString) -> Token | None:
    """Return the cue a quoted string hangs on, by the parse or by position."""
    parsed = ctx.parsed
    inside = ctx.tokens(q.start, q.end)
    if not inside:
        return None
    found: list[Token] = []
    strong: set[int] = set()
    # A title or scare quote ("Meet the Press") may be what a cue names,
    # never a clause a cue comments on.
    speech_like = len(ctx.text[q.start : q.end].split()) >= MIN_SPEECH_WORDS
    for i in inside:
        token = parsed[i]
        head = token.head
        if head.i not in inside and token.dep_ not in _NOT_CONTENT and _links(head):
            found.append(head)
            if token.dep_ != "punct":
                strong.add(head.i)
        if speech_like:
            hanging = [
                c for c in token.children if c.i not in inside and c.dep_ in _CUE_DEPS and _links(c)
            ]
            found += hanging
            strong.update(c.i for c in hanging)

    def distance(t: Token) -> int:
        return min(abs(t.i - inside.start), abs(t.i - inside.stop))

    # A sentence the parser ran over a paragraph break is no evidence.
    paras = {q.paragraph, ctx.paragraph(q.closing)}
    found = [t for t in found if ctx.paragraph(t.idx) in paras and distance(t) <= LINK_WINDOW]
    if found:
        # A word of the quote that is a cue's object ("citing ''the unique
        # magic,'' said ...") outweighs its closing comma, which the parser
        # hangs on whatever verb comes next.
        return min(found, key=lambda t: (t.i not in strong, distance(t)))
    return _adjacent_cue(ctx, q, inside)


def _adjacent_cue(ctx: Context, q: QuotedString, inside: range) -> Token | None:
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


def _introducing(ctx: Context, para_start: int) -> Token | None:
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


def _signature(ctx: Context, group: Sequence[QuotedString]) -> Draft | None:
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
    return Draft(
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


def colon_lines(ctx: Context) -> list[Draft]:
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
        draft = Draft([(colon + 1, end)], "direct", ":", colon, index, speaker=(s, e))
        draft.entity, draft.how = (mention.entity if mention else None), "colon"
        found.append(draft)
    return found


def continue_quotes(ctx: Context, drafts: list[Draft], loose: Sequence[list[QuotedString]]) -> None:
    """Attach speeches without a cue to the quote they continue, or start new ones.

    A quoted string later in the paragraph of an attributed quote continues
    it ('"...," she said. "These cases take patience."'); a paragraph that
    is one cue-less quote continues the previous paragraph's direct quote
    (or transcript line); after reported speech by a named speaker it is a
    new quote by that speaker. With no attribution in the paragraph before,
    or one whose source names no one, nothing says who speaks: a guess
    copied some earlier source and was right for 5 of 47 such quotes
    (PolNeAR train articles 0-419), so the quote is left out.
    """
    for group in loose:
        q = group[0]
        pieces = [(g.start, g.end) for g in group]
        if q.single or sum(len(ctx.text[s:e].split()) for s, e in pieces) < MIN_SPEECH_WORDS:
            continue
        if any(s <= q.start and q.end <= e for d in drafts for s, e in d.pieces):
            # 'Marrow said that the documents proved the company had "gambled with people's
            # lives"': the quoted words are part of what she said already.
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
        if previous and previous[-1].entity is not None:
            last = previous[-1]
            continued = Draft(pieces, "direct", None, q.opening, group[-1].paragraph, quoted=group)
            continued.subject, continued.speaker = last.subject, last.speaker
            continued.entity, continued.how = last.entity, "continued"
            drafts.append(continued)
    drafts.sort(key=lambda d: d.cue_at)
