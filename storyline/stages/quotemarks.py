"""Quoted strings: the inside of every pair of quotation marks in a text, paragraph by paragraph.

The marks are read character by character: curly (“…”), straight ("…"),
doubled apostrophes (''…'', the New York Times style), guillemets («…»)
and single curly quotes (‘…’). A paragraph that opens a quote and never
closes it, followed by one that opens with a quote mark, is a speech
running over both, the news convention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


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
