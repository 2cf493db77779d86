"""Render an analyzed article as terminal text with its annotations highlighted.

Returns strings; printing is the CLI's job. Without color, annotations are
marked with brackets (``[Putin|PER]``) so the output stays readable in a pipe.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyline.model import Doc, outlet_name

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
        # What was said, without an attribution between its pieces ("..., according to X, ...").
        said = (" … ".join(" ".join(text[s:e].split()) for s, e in q.spans) for q in doc.quotes)
        legend += [
            f"  {q.speaker_text or '?'} ({q.kind}, {q.cue or '-'}): {words[:80]!r}"
            for q, words in zip(doc.quotes, said, strict=True)
        ]
    return "\n".join(header) + "".join(out) + "\n" + "\n".join(legend)


# -- stories -----------------------------------------------------------------------------


def interval(start: str | None, end: str | None, value: str | None) -> str:
    """Return a timeline date for display: a day, or a range that keeps its uncertainty."""
    if start is None:
        return value or "undated"
    if start == end:
        return start
    return f"{start} .. {end}"


def _flags(entry: dict[str, Any]) -> str:
    flags = []
    if entry.get("background"):
        flags.append("background")
    if entry.get("dated_by") == "published":
        flags.append("undated: publication date")
    if entry.get("modality") not in (None, "asserted"):
        flags.append(str(entry["modality"]))
    return f" [{', '.join(flags)}]" if flags else ""


def timeline_markdown(
    title: str, entries: Sequence[dict[str, Any]], outlets: dict[str, str]
) -> str:
    """Return a story's timeline as Markdown: one bullet per entry with its sources."""
    lines = [f"# {title}", ""]
    for e in entries:
        when = interval(e["start"], e["end"], e["date"])
        who = ", ".join(dict.fromkeys(outlets.get(a, a[:8]) for a in e["articles"]))
        lines.append(
            f"- **{when}**{_flags(e)} {e['summary']} "
            f"_({e['sources']} source{'s' if e['sources'] != 1 else ''}: {who})_"
        )
    return "\n".join(lines) + "\n"


def _role(r: dict[str, Any]) -> str:
    """Return a role as "Prime Minister of Turkey (2012-07-18 .. 2012-12-03)"."""
    title = r["title"] + (f" of {r['of']}" if r.get("of") else "")
    since, until = r.get("since"), r.get("until")
    if since and until and since != until:
        return f"{title} ({since} .. {until})"
    return f"{title} ({since or until})" if since or until else title


# TIMEX3's times relative to the report, in words: "as of now", not "as of PRESENT_REF".
REFERENCES = {"PRESENT_REF": "now", "PAST_REF": "earlier", "FUTURE_REF": "later"}


def counted(n: int, noun: str) -> str:
    """Return "1 source", "2 sources"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def story_text(view: dict[str, Any]) -> str:
    """Return a story view as terminal text: timeline, actors, sources, quotes and figures."""
    # An article without an outlet goes by its file's name ("04-kestrel-bid.txt"), else its id.
    outlets = {
        a["id"]: outlet_name(a["source"], a.get("path")) or a["id"][:8] for a in view["articles"]
    }
    out = [
        view["title"],
        f"{view['id']} · {view['first'] or '?'} .. {view['last'] or '?'} · "
        f"{counted(len(view['articles']), 'article')} · {counted(view['sources'], 'source')} · "
        f"{counted(len(view['occasions']), 'occasion')}",
        "",
        view["summary"],
        "",
        "timeline:",
    ]
    for e in view["timeline"]:
        when = interval(e["start"], e["end"], e["date"])
        out.append(f"  {when:24} {e['summary'][:110]}{_flags(e)}")
        who = ", ".join(dict.fromkeys(outlets.get(a, a[:8]) for a in e["articles"]))
        out.append(f"  {'':24} ({counted(e['sources'], 'source')}: {who})")
    out.append("actors:")
    for a in view["actors"][:15]:
        roles = "; ".join(_role(r) for r in a["roles"])
        out.append(
            f"  {a['type'] or '?':4} {a['name']}  {a['mentions']} mentions in {a['articles']} "
            f"articles" + (f"  roles: {roles}" if roles else "")
        )
    out.append("sources:")
    for s in view["compared"]:
        out.append(
            f"  {s['published'] or '?'} {outlets.get(s['article'], s['article'][:8])}: "
            f"{s['title'] or ''}"
        )
        out.append(
            f"    adds {s['adds']}, confirms {s['confirms']}, contradicts {s['contradicts']}"
        )
        for f in s["findings"]:
            if f["relation"] == "contradicts":
                out.append(f"    contradicts ({f['kind']}): {f['note']}")
            elif f["note"] and f["relation"] == "confirms" and f["kind"] == "figure":
                out.append(f"    repeats: {f['fact']} ({f['note']})")
    if view["quotes"]:
        out.append("quotes:")
        for group in view["quotes"]:
            out.append(f"  {group['speaker']}:")
            for q in group["quotes"][:6]:
                carried = [outlets.get(q["article"], "?")]
                carried += [outlets.get(a["article"], "?") for a in q["also"]]
                where = ", ".join(dict.fromkeys(carried))
                out.append(f"    [{where}; {q['kind']}] {q['text'][:120]}")
    if view["figures"]:
        out.append("figures:")
        for f in view["figures"]:
            measure = f["what"]
            also = [outlets.get(a["article"], "?") for a in f.get("also", ())]
            out.append(
                f"  {f['text']:22} {measure:28} "
                f"as of {REFERENCES.get(f['as_of'], f['as_of']) or f['published'] or '?'}"
                f"  according to {f['according_to'] or outlets.get(f['article'], '?')}"
                + (f" (also in {', '.join(dict.fromkeys(also))})" if also else "")
            )
    return "\n".join(out)
