"""Render an analyzed article as terminal text with its annotations highlighted.

Returns strings; printing is the CLI's job. Without color, annotations are
marked with brackets (``[Putin|PER]``) so the output stays readable in a pipe.
"""

from __future__ import annotations

from storyline.model import Doc

# ANSI styles per annotation kind; quotes are the background layer so an
# actor inside a quote still stands out.
_STYLE = {"PER": "1;34", "ORG": "1;35", "GPE": "1;32", "LOC": "1;32", "FAC": "1;32", "TIME": "4;36"}
_QUOTE = "33"
_RESET = "\x1b[0m"


def _marks(doc: Doc) -> list[tuple[int, int, str, str]]:
    """Return (start, end, kind, label) of the inline annotations, non-overlapping."""
    marks = [(m.start, m.end, m.label, m.label) for m in doc.mentions]
    marks += [(t.start, t.end, "TIME", t.value or "?") for t in doc.times]
    marks.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    kept: list[tuple[int, int, str, str]] = []
    for mark in marks:
        if not kept or mark[0] >= kept[-1][1]:
            kept.append(mark)
    return kept


def highlight(doc: Doc, color: bool = True) -> str:
    """Return the article's header, highlighted text and a legend of what was found."""
    a, text = doc.article, doc.text
    header = [
        a.title or "(untitled)",
        " · ".join(
            part
            for part in (
                a.source,
                f"published {a.published.isoformat()} ({a.published_origin})"
                if a.published
                else "publication date unknown",
                f"dateline {a.dateline_place}" if a.dateline_place else None,
                a.id,
            )
            if part
        ),
        "",
    ]
    quoted = [False] * (len(text) + 1)
    for q in doc.quotes:
        for start, end in q.spans:
            for i in range(start, end):
                quoted[i] = True

    out: list[str] = []
    pos = 0

    def plain(upto: int) -> None:
        nonlocal pos
        if not color:
            out.append(text[pos:upto])
        else:
            for i in range(pos, upto):
                out.append(f"\x1b[{_QUOTE}m{text[i]}{_RESET}" if quoted[i] else text[i])
        pos = upto

    for start, end, kind, label in _marks(doc):
        plain(start)
        surface = text[start:end]
        if color:
            out.append(f"\x1b[{_STYLE.get(kind, '1')}m{surface}{_RESET}")
        else:
            out.append(f"[{surface}|{label}]")
        pos = end
    plain(len(text))

    legend = ["", "actors:"]
    for e in doc.entities:
        legend.append(
            f"  {e.type:4} {e.name}" + (f"  ({', '.join(e.aliases)})" if len(e.aliases) > 1 else "")
        )
    legend.append("times:")
    legend += [f"  {text[t.start : t.end]!r} -> {t.value} ({t.type})" for t in doc.times]
    if doc.quotes:
        legend.append("quotes:")
        legend += [
            f"  {q.speaker_text or '?'} ({q.kind}, {q.cue or '-'}): {text[q.start : q.end][:80]!r}"
            for q in doc.quotes
        ]
    return "\n".join(header) + "".join(out) + "\n" + "\n".join(legend)
