"""Two baseline quote finders over a spaCy parse, measured beside ours on PolNeAR.

- :func:`quoted_strings`: every quoted string of three words or more is a
  quote; its speaker is the nearest PERSON or ORG entity in the sentences
  it touches, its cue the nearest speech verb there. What a quick script
  does, and what textacy's direct-quotation finder approximates.
- :func:`reported_speech`: every speech verb ("said", "told", "according
  to" ...) makes a quote; its speaker is the verb's grammatical subject and
  its content the reported clause (the verb's ``ccomp``, the clause it
  interrupts, or what follows it). The plain rule the design brief measured.

Both return :class:`~storyline.model.Quote` records, like the quotes stage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from storyline.model import Quote

# Lemmas of verbs that introduce speech; cognition verbs ("think") are left
# out: the rule is meant to be the plain one, not one tuned to the corpus.
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "state", "argue", "claim", "warn", "explain", "note", "insist",
    "announce", "report", "write", "deny", "acknowledge", "admit", "suggest", "predict",
    "reply", "respond", "declare", "assert", "contend", "stress", "emphasize", "vow", "promise",
    "concede", "complain", "allege", "maintain", "confirm", "recall", "ask", "urge", "testify",
    "tweet",
})  # fmt: skip
SPEAKER_LABELS = frozenset({"PERSON", "ORG"})
MIN_QUOTE_WORDS = 3  # shorter quoted strings are mostly titles and scare quotes
_QUOTED = re.compile(r"“([^”]+)”|\"([^\"\n]+)\"")
_EDGE = " \t\n,.;:!?—–-\"“”'‘’"

Piece = tuple[int, int]


def _strip(text: str, start: int, end: int) -> Piece:
    """Return a span without surrounding spaces and punctuation."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _quote(text: str, pieces: Iterable[Piece], kind: str, cue: Any, speaker: Any) -> Quote | None:
    kept = [p for p in (_strip(text, s, e) for s, e in sorted(pieces)) if p[1] > p[0]]
    if not kept:
        return None
    return Quote(
        start=kept[0][0],
        end=kept[-1][1],
        spans=tuple(kept),
        kind="direct" if kind == "direct" else "indirect",
        cue=None if cue is None else cue.text,
        speaker_text=None if speaker is None else speaker.text,
        speaker_start=None if speaker is None else speaker.start_char,
        speaker_end=None if speaker is None else speaker.end_char,
    )


def _distance(span: Any, start: int, end: int) -> int:
    gap: int = max(start - span.end_char, span.start_char - end, 0)
    return gap


def quoted_strings(parse: Any) -> list[Quote]:
    """Return the quoted strings of a parse, each with the nearest named speaker and cue."""
    text = parse.text
    found = []
    for m in _QUOTED.finditer(text):
        start, end = m.span(1) if m.group(1) is not None else m.span(2)
        if len(text[start:end].split()) < MIN_QUOTE_WORDS:
            continue
        sents = [s for s in parse.sents if s.start_char < m.end() and s.end_char > m.start()]
        outside = [
            e for s in sents for e in s.ents
            if e.label_ in SPEAKER_LABELS and (e.end_char <= m.start() or e.start_char >= m.end())
        ]  # fmt: skip
        verbs = [
            t for s in sents for t in s
            if t.lemma_ in SPEECH_VERBS and (t.idx + len(t) <= m.start() or t.idx >= m.end())
        ]  # fmt: skip
        speaker = min(outside, key=lambda e: _distance(e, m.start(), m.end()), default=None)
        cue = min(
            verbs, key=lambda t: _distance(t.doc[t.i : t.i + 1], m.start(), m.end()), default=None
        )
        quote = _quote(text, [(start, end)], "direct", cue, speaker)
        if quote is not None:
            found.append(quote)
    return found


def _subtree_span(token: Any) -> Any:
    sub = list(token.subtree)
    return token.doc[sub[0].i : sub[-1].i + 1]


def _minus(outer: Any, *holes: Any) -> list[Piece]:
    """Return the character pieces of span ``outer`` left after removing ``holes``."""
    pieces = [(outer.start_char, outer.end_char)]
    for hole in holes:
        cut = []
        for s, e in pieces:
            if hole.end_char <= s or hole.start_char >= e:
                cut.append((s, e))
                continue
            cut += [(s, hole.start_char), (hole.end_char, e)]
        pieces = [(s, e) for s, e in cut if e > s]
    return pieces


def _subject(verb: Any) -> Any:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return _subtree_span(child)
    # "... and told reporters": a conjoined verb shares its head's subject.
    if verb.dep_ == "conj" and verb.head is not verb:
        return _subject(verb.head)
    return None


def _content(verb: Any, subject: Any) -> list[Piece]:
    """Return the pieces a speech verb reports: ccomp, the interrupted clause, or what follows."""
    sent = verb.sent
    for child in verb.children:
        if child.dep_ == "ccomp":
            return [(child.left_edge.idx, _subtree_span(child).end_char)]
    if verb.dep_ == "parataxis" and verb.head.sent == sent:
        # '"We will win," he said.' spaCy hangs "said" off the quoted clause.
        return _minus(_subtree_span(verb.head), _subtree_span(verb))
    after = sent[verb.i - sent.start + 1 :]
    if len(after) == 0:
        return []
    return _minus(after, subject) if subject is not None else [(after.start_char, after.end_char)]


def reported_speech(parse: Any) -> list[Quote]:
    """Return one quote per speech verb (or "according to") of a parse: subject said clause."""
    text = parse.text
    found = []
    for token in parse:
        if token.lower_ == "according" and token.i + 1 < len(parse):
            to = parse[token.i + 1]
            if to.lower_ != "to":
                continue
            objects = [c for c in to.children if c.dep_ == "pobj"]
            speaker = _subtree_span(objects[0]) if objects else None
            phrase = _subtree_span(token)
            if speaker is not None and phrase.end_char < speaker.end_char:
                phrase = parse[token.i : speaker.end]
            pieces = _minus(token.sent, phrase)
            quote = _quote(text, pieces, "indirect", parse[token.i : token.i + 2], speaker)
        elif token.lemma_ in SPEECH_VERBS and token.pos_ in ("VERB", "AUX"):
            speaker = _subject(token)
            if speaker is None:
                continue
            quote = _quote(text, _content(token, speaker), "indirect", token, speaker)
        else:
            continue
        if quote is not None:
            found.append(quote)
    return found
