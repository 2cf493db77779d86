"""Text -> the normalized text every offset points into.

One function, :func:`normalize`, applied to every article whatever its source:
Unicode NFC, odd spaces made plain, invisible characters dropped, markup left
over from HTML removed, line ends unified, paragraphs separated by exactly one
blank line. It is idempotent: normalizing normalized text changes nothing.
"""

from __future__ import annotations

import html
import re
import unicodedata

# No-break, fixed-width and ideographic spaces: they look like spaces and must
# split words like spaces (a U+00A0 between "Vladimir" and "Putin" is common).
_ODD_SPACES = (
    "\t\u00a0\u1680" + "".join(chr(c) for c in range(0x2000, 0x200B)) + "\u202f\u205f\u3000"
)

# Invisible characters that only affect rendering or hyphenation: zero-width
# space/non-joiner/joiner, word joiner, BOM, soft hyphen, bidi marks.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u061c"

# Line and paragraph separators that are not "\n".
_LINE_BREAKS = "\r\x0b\x0c\x85\u2028\u2029"

_TRANSLATE: dict[int, str | None] = {ord(c): " " for c in _ODD_SPACES}
_TRANSLATE.update({ord(c): None for c in _INVISIBLE})
_TRANSLATE.update({ord(c): "\n" for c in _LINE_BREAKS})
# Other C0/C1 control characters carry nothing readable.
_TRANSLATE.update({c: None for c in range(0x20) if chr(c) not in "\n\t\r\x0b\x0c"})
_TRANSLATE.update({c: None for c in range(0x7F, 0xA0) if c != 0x85})

# Only the names of real HTML elements count as tags, so that prose such as
# "a <b and c> d" or "<Reuters>" survives; precision over recall.
_TAG_NAMES = (
    "a|abbr|address|article|aside|audio|b|big|blockquote|body|br|button|caption|center|cite|"
    "code|col|colgroup|dd|del|details|dfn|div|dl|dt|em|embed|figcaption|figure|font|footer|"
    "form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|legend|li|link|main|"
    "mark|meta|nav|noscript|object|ol|option|p|param|picture|pre|q|s|samp|script|section|"
    "select|small|source|span|strike|strong|style|sub|summary|sup|table|tbody|td|textarea|"
    "tfoot|th|thead|time|title|tr|tt|u|ul|var|video|wbr"
)
_TAG = re.compile(rf"</?(?:{_TAG_NAMES})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# Entities with their closing semicolon only: "AT&T" and "R&D" are prose.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Block-level tags end a paragraph; removing them must not glue two paragraphs.
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|li|h[1-6]|blockquote|tr|article|section|header|footer)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)

_MAX_ROUNDS = 8

# Punctuation that may differ between a headline and its repetition in the body.
_EDGE_PUNCTUATION = " .:;,!?-\u2013\u2014\"'\u201c\u201d\u2018\u2019"

_SPACE_RUN = re.compile(r" {2,}")
_BLANK_RUN = re.compile(r"\n{3,}")


def normalize(text: str) -> str:
    """Return ``text`` normalized: NFC, plain spaces, no markup, LF lines, paragraphs apart."""
    # The steps feed each other (an entity may decode to a no-break space, a
    # dropped soft hyphen may complete a tag, NFC turns U+037E into ";"), so
    # they repeat until stable; real text settles in one or two rounds.
    for _ in range(_MAX_ROUNDS):
        cleaned = strip_markup(text).replace("\r\n", "\n").translate(_TRANSLATE)
        cleaned = unicodedata.normalize("NFC", cleaned)
        if cleaned == text:
            break
        text = cleaned
    return tidy_lines(text)


def strip_markup(text: str) -> str:
    """Return ``text`` without HTML tags, comments and character entities.

    Repeated until nothing changes, because unescaping ``&lt;b&gt;`` makes a
    new tag and ``&amp;amp;`` a new entity; every round shortens the text, so
    it ends.
    """
    if "<" not in text and "&" not in text:
        return text
    while True:
        stripped = _COMMENT.sub("", text)
        stripped = _BLOCK_TAG.sub("\n\n", stripped)
        stripped = _TAG.sub("", stripped)
        stripped = _ENTITY.sub(lambda m: html.unescape(m.group(0)), stripped)
        if stripped == text:
            return text
        text = stripped


def tidy_lines(text: str) -> str:
    """Return ``text`` with single spaces, unpadded lines, at most one blank line in a row."""
    lines = (_SPACE_RUN.sub(" ", line).strip(" ") for line in text.split("\n"))
    text = "\n".join(lines)
    return _BLANK_RUN.sub("\n\n", text).strip("\n")


def squash(text: str) -> str:
    """Return ``text`` casefolded, spaces squeezed, edge punctuation off (to compare titles)."""
    words = normalize(text).casefold().split()
    return " ".join(words).strip(_EDGE_PUNCTUATION)
