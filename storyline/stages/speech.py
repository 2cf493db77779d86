"""Speech: how English news marks attribution, read off the text and its parse.

Three things, all about language and none about a particular article:

- the quoted strings of a text (:func:`quoted_strings`), read from the
  quotation marks character by character, paragraph by paragraph: curly
  (“…”), straight ("…"), doubled apostrophes (''…'', the New York Times
  style), guillemets («…») and single curly quotes (‘…’). A paragraph that
  opens a quote and never closes it, followed by one that opens with a quote
  mark, is a speech running over both, the news convention;
- the cue lexicons: the verbs and nouns that attribute content to a source,
  after the PolNeAR guidelines (statements, but also beliefs, intentions,
  desires, decrees and perceptions);
- the grammar of a cue in a dependency parse: what it attributes
  (:func:`content`) and to whom (:func:`subject`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

Piece = tuple[int, int]


@dataclass(frozen=True)
class QuotedString:
    """The inside of one pair of quotation marks: ``start``/``end`` exclude the marks.

    ``opening``/``closing`` bound it with its marks. ``runs_on`` is set when
    the quote is left open at the end of its paragraph because the next one
    reopens it; ``single`` when it uses single quotation marks, which are
    ambiguous with apostrophes and count only when attached to a cue.
    """

    start: int
    end: int
    opening: int
    closing: int
    paragraph: int
    runs_on: bool = False
    single: bool = False


# Double marks: some only open, some only close, some do both (straight
# quotes and the doubled apostrophe of typewriter-style copy).
_OPENERS = frozenset({"“", "«", "„", "``"})
_CLOSERS = frozenset({"”", "»"})
_EITHER = frozenset({'"', "''"})
_MARK = re.compile(r"``|''|[\"“”«»„‘’]")
_PARAGRAPH = re.compile(r"[^\n]+")
# A quote left open this long without a paragraph break is a stray mark.
MAX_QUOTE_CHARS = 3000


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of every non-blank line: news paragraphs are lines."""
    return [m.span() for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def _opens(text: str, at: int, width: int) -> bool:
    """Return whether an ambiguous mark at ``at`` opens: followed by a word, after a space."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + width] if at + width < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in "([{—–-:;,/" or at == 0


def _closes(text: str, at: int) -> bool:
    """Return whether a mark at ``at`` ends a word and is followed by a space or the end."""
    after = text[at + 1] if at + 1 < len(text) else " "
    return after.isspace() and at > 0 and not text[at - 1].isspace()


def _single_opens(text: str, at: int, start: int) -> bool:
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (before.isspace() or before in '([{—–-"“') and (after.isalnum() or after in "[(")


def _single_closes(text: str, at: int) -> bool:
    # An apostrophe inside a word ("Trump’s") is followed by a letter.
    after = text[at + 1] if at + 1 < len(text) else " "
    return not after.isalnum() and not text[at - 1].isspace()


def _scan(
    text: str, start: int, end: int, index: int
) -> tuple[list[QuotedString], tuple[int, int] | None]:
    """Return the closed quotes of one paragraph and the mark (offset, width) left open."""
    found: list[QuotedString] = []
    open_at: int | None = None
    open_width = 0
    single_at: int | None = None
    for m in _MARK.finditer(text, start, end):
        mark, at = m.group(), m.start()
        if mark in ("‘", "’"):
            # Single quotes at the top level only: inside a double quote
            # they are a quote within the quote, part of its content.
            if open_at is not None:
                continue
            if single_at is None and mark == "‘" and _single_opens(text, at, start):
                single_at = at
            elif single_at is not None and mark == "’" and _single_closes(text, at):
                found.append(QuotedString(single_at + 1, at, single_at, at + 1, index, single=True))
                single_at = None
            continue
        width = len(mark)
        if open_at is None:
            if mark in _OPENERS or (mark in _EITHER and _opens(text, at, width)):
                open_at, open_width = at, width
                single_at = None
            elif mark == "”" and _opens(text, at, width):
                # A closing mark typed for an opening one ("”Yes,” he said).
                open_at, open_width = at, width
        elif mark in _CLOSERS or mark in _EITHER or (mark == "“" and _closes(text, at)):
            # (An opening mark typed for a closing one: 'Apparently not,“ he said.')
            if at - open_at > MAX_QUOTE_CHARS:
                open_at = None
                continue
            found.append(QuotedString(open_at + open_width, at, open_at, at + width, index))
            open_at = None
    return found, None if open_at is None else (open_at, open_width)


def _starts_with_mark(text: str, start: int, end: int) -> bool:
    m = _MARK.match(text, start, end)
    return m is not None and (m.group() in _OPENERS or m.group() in _EITHER)


def quoted_strings(text: str) -> list[QuotedString]:
    """Return the quoted strings of a text in order, quotes running over paragraphs included.

    An open quote at the end of a paragraph is kept, up to the paragraph
    end, when the quote began the paragraph (or after a colon, "he said:")
    and either the next paragraph reopens with a quote mark (the quote runs
    on) or the paragraph is the article's last one of the run.
    """
    paras = paragraphs(text)
    found: list[QuotedString] = []
    for index, (start, end) in enumerate(paras):
        closed, mark = _scan(text, start, end, index)
        found += closed
        if mark is None:
            continue
        left_open = mark[0] + mark[1]
        began = left_open - start <= 2 or text[start:left_open].rstrip(" \"“'`").endswith(":")
        stop = end
        while stop > left_open and text[stop - 1].isspace():
            stop -= 1
        nxt = paras[index + 1] if index + 1 < len(paras) else None
        runs_on = nxt is not None and _starts_with_mark(text, nxt[0], nxt[1])
        if began and stop > left_open and (runs_on or stop - left_open < MAX_QUOTE_CHARS):
            found.append(QuotedString(left_open, stop, mark[0], stop, index, runs_on))
    found.sort(key=lambda q: q.start)
    return found


# Verbs that report speech: they take a quote, a clause ("said that ..."),
# or stand after the content ('"...," he said').
SPEECH = frozenset({
    "say", "tell", "add", "state", "argue", "claim", "warn", "explain", "note", "insist",
    "announce", "report", "write", "deny", "acknowledge", "admit", "suggest", "predict",
    "reply", "respond", "declare", "assert", "contend", "stress", "emphasize", "vow",
    "promise", "concede", "complain", "allege", "maintain", "confirm", "recall", "ask",
    "urge", "testify", "tweet", "post", "reiterate", "repeat", "mention", "disclose",
    "reveal", "indicate", "observe", "remark", "answer", "counter", "retort", "quip",
    "joke", "boast", "brag", "lament", "assure", "inform", "estimate", "conclude", "caution",
    "recommend", "advise", "propose", "demand", "wonder", "speculate", "hint", "imply",
    "charge", "continue", "yell", "shout", "scream", "whisper", "muse", "protest",
    "proclaim", "swear", "pledge", "threaten", "show", "find", "read", "clarify",
    "describe", "call", "agree", "point", "accuse", "blame", "sign", "rule", "order",
    "decide", "signal", "email", "text", "interject", "exclaim", "instruct", "rail", "echo",
})  # fmt: skip
# The reporting verbs proper, which may stand after what they report with
# no grammatical tie to it ('..., said Link.'; 'As the Post reported, ...').
REPORTING = frozenset({
    "say", "tell", "add", "write", "note", "explain", "argue", "insist", "warn", "claim",
    "report", "recall", "acknowledge", "contend", "predict", "estimate", "conclude", "reply",
    "respond", "state", "confirm", "allege", "assert", "announce", "declare", "observe",
    "remark", "tweet", "testify", "concede", "admit", "suggest", "stress", "emphasize",
})  # fmt: skip
# Verbs of belief, knowledge, feeling and perception, which PolNeAR counts as
# attribution ("thinks that ...", "knows that ..."): they take a clause.
COGNITION = frozenset({
    "think", "believe", "feel", "know", "expect", "hope", "fear", "worry", "doubt",
    "suspect", "assume", "guess", "imagine", "consider", "see", "understand", "realize",
    "recognize", "learn", "remember", "forget", "notice", "reckon", "suppose", "bet",
    "wish", "trust", "figure", "question", "dispute", "remind", "seem", "appear",
})  # fmt: skip
# Verbs of intention and desire: their content is an infinitive ("wants to ...").
INTENTION = frozenset({
    "want", "plan", "hope", "intend", "aim", "seek", "wish", "expect", "promise", "vow",
    "pledge", "threaten", "refuse", "decline", "agree", "offer", "propose", "urge", "ask",
    "call", "tell", "order", "decide", "prefer", "claim", "vote", "push", "press",
})  # fmt: skip
# Verbs whose direct object is the attributed content ("denied the report").
OBJECT_CUES = frozenset({
    "deny", "announce", "support", "oppose", "criticize", "praise", "reject", "propose",
    "endorse", "defend", "question", "dispute", "acknowledge", "admit", "confirm",
    "reveal", "disclose", "predict", "recommend", "demand", "describe", "mention", "want",
    "fear", "back", "condemn", "denounce", "applaud", "welcome", "dismiss", "slam", "blast",
    "attack", "cite", "explain", "call", "promise", "blame", "accuse", "suggest", "tweet",
    "see", "show", "know", "offer", "view", "express", "discuss", "tout", "embrace",
    "highlight", "mock", "decry", "deride", "portray", "voice", "label", "favor", "challenge",
    "regard", "request", "outline", "reiterate", "repeat", "echo", "stress", "emphasize",
})  # fmt: skip
# Verbs whose content follows a preposition ("warned of ...", "called for ...").
PREPOSITION_CUES: dict[str, frozenset[str]] = {
    verb: frozenset(preps.split())
    for verb, preps in {
        "talk": "about", "speak": "about of against", "write": "about", "complain": "about of",
        "warn": "about of against", "worry": "about", "joke": "about", "tweet": "about",
        "ask": "about for", "call": "for", "argue": "for against", "advocate": "for",
        "push": "for", "press": "for", "accuse": "of", "blame": "for", "criticize": "for",
        "praise": "for", "rail": "against", "focus": "on", "apologize": "for",
        "vote": "for against", "campaign": "for against", "hope": "for", "lash": "out",
        "comment": "on", "refer": "to", "point": "to",
    }.items()
}  # fmt: skip
CUE_LEMMAS = SPEECH | COGNITION | INTENTION | OBJECT_CUES | frozenset(PREPOSITION_CUES)
# Things that carry words for their author ("a statement calling ...").
ARTIFACTS = frozenset({
    "statement", "video", "ad", "advertisement", "tweet", "report", "letter", "email",
    "post", "message", "release", "article", "book", "memo", "op-ed", "column", "editorial",
    "speech", "note", "filing", "brief", "lawsuit", "suit", "complaint", "petition", "bill",
    "resolution", "order", "ruling", "document", "survey", "study", "interview", "blog",
})  # fmt: skip

# Nouns of saying, thinking and wanting, with the prepositions that
# introduce their content ("support for Trump", "his call to unite"); the
# ones with none take only a that-clause ("the claim that ...").
NOUN_CUES: dict[str, frozenset[str]] = {
    noun: frozenset(preps.split())
    for noun, preps in {
        "support": "for", "call": "for to", "criticism": "of", "opposition": "to",
        "endorsement": "of", "praise": "for", "attack": "on", "demand": "for to",
        "plea": "for to", "proposal": "to for", "plan": "to for", "pledge": "to",
        "promise": "to of", "vow": "to", "threat": "to", "decision": "to", "question": "about",
        "concern": "about over", "complaint": "about", "comment": "about on",
        "remark": "about on", "view": "on of", "position": "on", "claim": "", "statement": "",
        "assertion": "", "belief": "", "hope": "", "fear": "", "allegation": "", "report": "",
        "suggestion": "", "argument": "", "warning": "", "insistence": "", "assurance": "",
        "admission": "", "announcement": "", "accusation": "", "charge": "", "speculation": "",
        "prediction": "", "conclusion": "", "finding": "", "message": "",
    }.items()
}  # fmt: skip


# ---------------------------------------------------------------- the grammar of cues

# Verbs whose subject is not a source but part of the content ("X seems to").
RAISING = frozenset({"seem", "appear"})
# "There is concern that ...": an empty subject, no source. ("It is said
# that ..." is passive, which has none either; an active "It said" is a
# company or a paper speaking.)
_EXPLETIVES = frozenset({"there"})


def is_cue(token: Token) -> bool:
    """Return whether a token is a verb of the cue lexicons."""
    return token.pos_ == "VERB" and token.lemma_.lower() in CUE_LEMMAS


def is_noun_cue(token: Token) -> bool:
    """Return whether a token is a noun of saying ("claim", "support" ...)."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in NOUN_CUES


def is_according(token: Token) -> bool:
    """Return whether a token is the "according" of "according to"."""
    doc = token.doc
    return (
        token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to"
    )


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
    return pieces


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


@dataclass(frozen=True)
class Content:
    """What a cue attributes, and the rule that found it (``how``, for diagnostics)."""

    pieces: list[Piece]
    how: str


def content(token: Token) -> Content:
    """Return what a cue verb attributes: its clause, infinitive, object or preposition."""
    lemma = token.lemma_.lower()
    children = list(token.children)
    clauses = [p for c in children if c.dep_ == "ccomp" for p in clause(c)]
    if clauses:
        return Content(clauses, "ccomp")
    if lemma in INTENTION:
        clauses = [p for c in children if c.dep_ == "xcomp" for p in clause(c)]
        if clauses:
            return Content(clauses, "xcomp")
    if lemma in RAISING:
        # "Clinton appeared to assuage liberals": the author attributes to
        # no one in particular; the content is the clause around the cue.
        raised = [c for c in children if c.dep_ in ("xcomp", "acomp", "attr")]
        # "Trump seemed to suggest ...": the inner cue makes the attribution.
        if raised and not any(is_cue(c) for c in raised):
            subjects = [span(c) for c in children if c.dep_ == "nsubj"]
            return Content(subjects + [p for c in raised for p in clause(c)], "raising")
    reporting = lemma in REPORTING
    if token.dep_ == "parataxis" or (token.dep_ == "advcl" and reporting and marked(token, "as")):
        # '... will win, he said', 'Time, Pence added, was on their side',
        # 'As the Post reported, ...': the cue hangs off the clause it reports.
        return Content(minus(clause(token.head), span(token)), token.dep_)
    if lemma in SPEECH:
        # 'said in a statement that ...': the parser hangs the clause low.
        for child in token.rights:
            if child.dep_ == "prep":
                low = next((t for t in child.subtree if marked(t, "that")), None)
                if low is not None:
                    return Content(clause(low), "that")
        trailing = _trailing(token) if reporting else []
        if trailing:
            return Content(trailing, "trailing")
    preps = PREPOSITION_CUES.get(lemma, frozenset())
    after = [
        span(g)
        for c in children
        if c.dep_ in ("prep", "prt") and c.lower_ in preps
        for g in c.children
        if g.dep_ in ("pobj", "pcomp")
    ]
    if lemma in OBJECT_CUES:
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
        if token.dep_ == "relcl" and noun.lemma_.lower() in NOUN_CUES:
            # "a claim Putin denied": the object is the noun the clause
            # modifies, when that noun is itself something said.
            return Content([(noun.left_edge.idx, noun.idx + len(noun))], "relative")
    if after:
        return Content(after, "prep")
    return Content([], "none")


def noun_content(noun: Token) -> list[Piece]:
    """Return what a noun of saying attributes: its that-clause, infinitive or object."""
    preps = NOUN_CUES[noun.lemma_.lower()]
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


def noun_source(noun: Token) -> Token | None:
    """Return who holds a noun's attitude: its possessor ("Trump's call"), or its "by" phrase."""
    for child in noun.children:
        if child.dep_ == "poss":
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
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if noun.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB":
        return subject(verb)
    return None


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
    if not any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i < comma.i for t in before):
        return []
    return [(sent.start_char, comma.idx)]


def subject(token: Token) -> Token | None:
    """Return the head of a cue verb's source: its subject, a passive's agent, or a governor's.

    A participle or infinitive without a subject borrows one from the verb
    it depends on ("..., saying", "by talking about", "announced ... and
    said"); an infinitive under an object takes that object ("led
    Republicans to say"); a participle modifying a noun is said by that
    noun ("placards supporting Sanders"), or by the author of an artifact
    ("issued a statement calling ..."). A passive without an agent has no
    source ("Asked about it, ..."; "It is said that ...").
    """
    if token.lemma_.lower() in RAISING:
        return None
    verb = token
    for _ in range(6):
        passive = False
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj"):
                return None if child.lower_ in _EXPLETIVES else child
            passive = passive or child.dep_ in ("nsubjpass", "auxpass")
        for child in verb.children:
            if child.dep_ == "agent":
                # "it was reported by AFP": the agent is the source.
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        # "Asked about it, Trump said": a past participle is passive.
        if passive or (verb.tag_ in ("VBN", "VBD") and verb.dep_ in ("advcl", "acl")):
            return None
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            return _speaking_for(verb.head)
        if verb.dep_ == "xcomp" and verb.head.lemma_ != "promise":
            objects = [c for c in verb.head.children if c.dep_ == "dobj"]
            if objects:
                return objects[0]
        if verb.dep_ not in ("conj", "xcomp", "advcl", "pcomp", "prep") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _speaking_for(noun: Token) -> Token:
    """Return who speaks through a noun: the author of an artifact, else the noun itself.

    PolNeAR's "sentient source" rule: in "the council issued a statement
    calling ..." the source is the council; the statement is how it spoke.
    """
    if noun.lemma_.lower() in ARTIFACTS and noun.dep_ == "dobj":
        author = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if author is not None:
            return author
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
    if linked or is_cue(token):
        found = content(token)
        return Reading(found.pieces, subject(token), token.text, found.how)
    return None
