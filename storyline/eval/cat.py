"""CAT (CROMER) XML documents read into gold-only records: tokens, markables, relations.

ECB+, the Event StoryLine Corpus and the SemEval-2015 TimeLine trial data all ship as CAT XML:
``<token t_id sentence number>`` elements holding the tokenized text, a ``<Markables>`` block of
mentions anchored to tokens (``<token_anchor t_id>``) or token-less instance markables, and a
``<Relations>`` block of ``<source m_id>`` → ``<target m_id>`` links. The files carry no running
text, so :func:`read` rebuilds one (:func:`detokenize`) and records every token's character
offsets in it: gold spans can then be compared with our offsets-into-text annotations. A first
sentence that is a bare web address (every ECB+ document added by ECB+ begins with its source's)
is where the article came from, not what it says: it is kept as the document's ``source`` and
left out of the text, as a crawler keeps a page's address apart from its body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import takewhile
from pathlib import Path

from lxml import etree

from storyline.errors import StorylineError

# Tokens glued to the previous one: closing punctuation and clitics, as a reader would write them.
NO_SPACE_BEFORE = frozenset(
    {",", ".", ":", ";", "!", "?", "%", ")", "]", "}", "''", "'s", "'S", "n't", "'re", "'ve"}
    | {"'ll", "'m", "'d", "’s", "...", "”", "’"}
)
# Tokens glued to the next one: opening brackets, quotes and currency signs.
NO_SPACE_AFTER = frozenset({"(", "[", "{", "``", "$", "#", "“", "‘"})
# A sentence that is nothing but a web address, its tokens glued back together.
WEB_ADDRESS = re.compile(r"(?:https?:/+|www\.)\S+", re.IGNORECASE)


@dataclass(frozen=True)
class Token:
    """A token of a CAT document and its character offsets in the rebuilt text."""

    id: int
    sentence: int
    number: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Markable:
    """A mention (anchored to tokens) or an instance markable (no tokens) with its attributes."""

    id: str
    tag: str
    tokens: tuple[int, ...]
    attrs: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Relation:
    """A link from source markables to a target markable (``note`` holds ECB+'s instance id)."""

    id: str
    tag: str
    sources: tuple[str, ...]
    target: str | None
    attrs: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CatDocument:
    """A CAT document: the rebuilt text, its tokens, markables and relations."""

    name: str
    path: Path
    text: str
    tokens: tuple[Token, ...]
    markables: tuple[Markable, ...]
    relations: tuple[Relation, ...]
    attrs: Mapping[str, str] = field(default_factory=dict)
    source: str | None = None  # the web address the document opened with, if any

    def token(self, t_id: int) -> Token:
        """Return the token with CAT id ``t_id`` (ids are 1-based and dense in these corpora)."""
        return self._by_id()[t_id]

    def _by_id(self) -> dict[int, Token]:
        cache: dict[int, Token] | None = getattr(self, "_cache", None)
        if cache is None:
            cache = {t.id: t for t in self.tokens}
            object.__setattr__(self, "_cache", cache)
        return cache

    def span(self, token_ids: Iterable[int]) -> tuple[int, int]:
        """Return the character span from the first to the last of some tokens."""
        toks = [self.token(t) for t in token_ids]
        return min(t.start for t in toks), max(t.end for t in toks)

    def sentences(self) -> dict[int, list[Token]]:
        """Return the tokens of each sentence number, in order."""
        out: dict[int, list[Token]] = {}
        for t in self.tokens:
            out.setdefault(t.sentence, []).append(t)
        return out


def detokenize(words: Sequence[str], sentence_ids: Sequence[int]) -> tuple[str, list[int]]:
    """Return a readable text for tokens and the start offset of each token in it.

    Sentences are separated by a newline, so a headline or dateline (sentence 0 or 1 in these
    corpora) never runs into the body; inside a sentence tokens are joined by single spaces,
    except around punctuation and clitics, so date parsers see "May 3, 2013", not "May 3 , 2013".
    """
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    double_quote_open = False
    for i, word in enumerate(words):
        if i == 0:
            sep = ""
        elif sentence_ids[i] != sentence_ids[i - 1]:
            sep = "\n"
        elif word in NO_SPACE_BEFORE or words[i - 1] in NO_SPACE_AFTER:
            sep = ""
        elif word == "-" or words[i - 1] == "-":
            # The tokenizers split "90-day" into three tokens; a lone hyphen joins words.
            sep = ""
        elif word == '"':
            sep = "" if double_quote_open else " "
        elif words[i - 1] == '"' and double_quote_open:
            sep = ""
        else:
            sep = " "
        if word == '"':
            double_quote_open = not double_quote_open
        parts.append(sep)
        length += len(sep)
        starts.append(length)
        parts.append(word)
        length += len(word)
    return "".join(parts), starts


def _fail(path: Path, why: str) -> StorylineError:
    return StorylineError(f"cannot read CAT document {path}: {why}; is it a CAT XML file?")


def read(path: Path) -> CatDocument:
    """Return the CAT document at ``path``; raises StorylineError naming the file and why."""
    try:
        root = etree.parse(str(path)).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise _fail(path, str(exc)) from exc
    return parse(root, path)


def parse(root: etree._Element, path: Path) -> CatDocument:
    """Return the CAT document held by an XML root element (``path`` only names it in errors)."""
    if root.tag != "Document":
        raise _fail(path, f"root element is <{root.tag}>, not <Document>")
    raw: list[tuple[int, int, int, str]] = []
    for el in root.iter("token"):
        try:
            ids = int(el.get("t_id")), int(el.get("sentence")), int(el.get("number"))
        except (TypeError, ValueError) as exc:
            line = el.sourceline
            raise _fail(path, f"token without numeric t_id/sentence/number (line {line})") from exc
        raw.append((*ids, el.text or ""))
    source, raw = _source(raw)
    text, starts = detokenize([r[3] for r in raw], [r[1] for r in raw])
    tokens = tuple(
        Token(t_id, sent, num, word, start, start + len(word))
        for (t_id, sent, num, word), start in zip(raw, starts, strict=True)
    )
    known = {t.id for t in tokens}
    markables: list[Markable] = []
    block = root.find("Markables")
    for el in block if block is not None else ():
        if not isinstance(el.tag, str):  # comments
            continue
        anchors = tuple(int(a.get("t_id")) for a in el.iter("token_anchor"))
        missing = [a for a in anchors if a not in known]
        if missing:
            raise _fail(path, f"markable {el.get('m_id')} anchors unknown tokens {missing}")
        attrs = {k: v for k, v in el.attrib.items() if k != "m_id"}
        markables.append(Markable(str(el.get("m_id")), el.tag, anchors, attrs))
    relations: list[Relation] = []
    block = root.find("Relations")
    for el in block if block is not None else ():
        if not isinstance(el.tag, str):
            continue
        sources = tuple(str(s.get("m_id")) for s in el.iter("source"))
        target = el.find("target")
        attrs = {k: v for k, v in el.attrib.items() if k != "r_id"}
        relations.append(
            Relation(
                str(el.get("r_id")),
                el.tag,
                sources,
                None if target is None else str(target.get("m_id")),
                attrs,
            )
        )
    return CatDocument(
        name=str(root.get("doc_name") or path.name),
        path=path,
        text=text,
        tokens=tokens,
        markables=tuple(markables),
        relations=tuple(relations),
        attrs=dict(root.attrib),
        source=source,
    )


def _source(
    raw: list[tuple[int, int, int, str]],
) -> tuple[str | None, list[tuple[int, int, int, str]]]:
    """Split a first sentence that is a bare web address off the tokens: ``(address, rest)``."""
    first = list(takewhile(lambda r: r[1] == raw[0][1], raw))
    address = "".join(r[3] for r in first)
    if not WEB_ADDRESS.fullmatch(address) or len(first) == len(raw):
        return None, raw
    return address, raw[len(first) :]
