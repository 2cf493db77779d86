"""Ingest throughput: HTML pages and a WARC file built from real texts, against trafilatura alone.

Each text is wrapped in a realistic news page (head metadata, scripts,
navigation, related links, newsletter box, footer) and written once as an
``.html`` file and once as a record of a gzipped WARC (with the request
record a crawler writes beside each response). ``storyline.ingest.read``
reads them; the baseline is ``trafilatura.extract`` with the options our HTML
reader passes (metadata on, precision favored), on the same pages, so the
ratio is what decoding, normalization, language and dateline detection and
the article checks add on top of extraction.
"""

from __future__ import annotations

import html
import io
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.measure import MeasurementFailed, Stopwatch, isolated
from bench.report import Table, rate, ratio
from bench.texts import Corpus, NewsText

_EXTRACT: dict[str, Any] = {
    "with_metadata": True,
    "favor_precision": True,
    "include_comments": False,
    "include_tables": False,
}

_SECTIONS = ("World", "Politics", "Business", "Technology", "Science", "Health", "Sport",
             "Opinion", "Culture", "Video")  # fmt: skip


@dataclass(frozen=True)
class Pages:
    """The pages of one run on disk: a folder of .html files and one .warc.gz holding them."""

    folder: Path
    warc: Path
    html_bytes: int
    count: int


@dataclass(frozen=True)
class IngestRun:
    """Timed passes of one reader over the same input: articles produced, and skips by kind."""

    passes: tuple[float, ...]
    articles: int
    skips: dict[str, int]

    @property
    def seconds(self) -> float:
        return min(self.passes)


# -- building the inputs -----------------------------------------------------


def page(text: NewsText, number: int, related: Sequence[NewsText]) -> str:
    """Return ``text`` as a full news web page with the boilerplate around a real article."""
    paragraphs = text.text.split("\n\n")
    title = text.title
    if title is None and len(paragraphs) > 1 and len(paragraphs[0]) < 200:
        title, paragraphs = paragraphs[0], paragraphs[1:]
    title = title or f"Story {number}"
    site = f"{(text.source or 'Daily').title()} News"
    when = (text.published.isoformat() if text.published else "2016-01-01") + "T08:30:00Z"
    esc = html.escape
    nav = "\n".join(f'<li><a href="/{s.lower()}/">{s}</a></li>' for s in _SECTIONS)
    body = "\n".join(f"<p>{esc(p)}</p>" for p in paragraphs)
    links = "\n".join(
        f'<li><a href="/story/{number}-{i}">{esc(r.title or r.text[:70])}</a></li>'
        for i, r in enumerate(related)
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{esc(title)} | {esc(site)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="{esc(site)}">
<meta property="og:title" content="{esc(title)}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{when}">
<meta name="author" content="Staff Reporter">
<link rel="canonical" href="https://news{number % 7}.example/story/{number}">
<link rel="stylesheet" href="/static/site.css">
<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{"page":"{number}"}});</script>
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{esc(title)}"}}</script>
<style>.nav li{{display:inline}} .ad{{height:250px}}</style>
</head><body>
<header class="site-header"><a class="logo" href="/">{esc(site)}</a>
<nav class="nav"><ul>{nav}</ul></nav>
<form action="/search"><input name="q" placeholder="Search"></form>
<a href="/subscribe" class="cta">Subscribe</a> <a href="/login">Sign in</a></header>
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/world/">World</a></div>
<div class="ad" id="ad-top">Advertisement</div>
<main><article>
<h1>{esc(title)}</h1>
<div class="byline">By Staff Reporter · <time datetime="{when}">{when[:10]}</time></div>
{body}
</article>
<aside class="related"><h2>Related stories</h2><ul>{links}</ul></aside>
<div class="newsletter">Get our morning briefing in your inbox.
<a href="/newsletters">Sign up</a></div>
<section class="comments"><h2>Comments</h2><p>Comments are closed for this story.</p></section>
</main>
<footer><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>
<li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul>
<p>© {esc(site)}. All rights reserved.</p></footer>
<script src="/static/app.js"></script>
</body></html>
"""


def write_pages(texts: Sequence[NewsText], folder: Path) -> Pages:
    """Write every text as an .html page and all of them into one .warc.gz; return where."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages_dir = folder / "pages"
    pages_dir.mkdir(parents=True)
    warc_path = folder / "crawl.warc.gz"
    total = 0
    with warc_path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for number, text in enumerate(texts):
            related = [texts[(number + k) % len(texts)] for k in range(1, 6)]
            data = page(text, number, related).encode("utf-8")
            total += len(data)
            (pages_dir / f"{number:04d}.html").write_bytes(data)
            url = f"https://news{number % 7}.example/story/{number}"
            request = StatusAndHeaders(
                f"GET /story/{number} HTTP/1.1",
                [("Host", f"news{number % 7}.example")],
                is_http_request=True,
            )
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(data)))],
                protocol="HTTP/1.1",
            )
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(data),
                                          http_headers=headers)
            )  # fmt: skip
    return Pages(pages_dir, warc_path, total, len(texts))


# -- measurements, each run in a fresh process ------------------------------


def storyline_read(path: str, warm_path: str, passes: int) -> IngestRun:
    """Return the time ``storyline.ingest.read`` takes over ``path`` (after one warm-up page)."""
    from storyline import ingest
    from storyline.model import Article

    options = ingest.IngestOptions()
    for _ in ingest.read([warm_path], options):  # loads the language model and parsers
        pass
    times, items = [], []
    for _ in range(passes):
        watch = Stopwatch()
        items = list(ingest.read([path], options))
        times.append(watch.seconds)
    articles = sum(isinstance(i, Article) for i in items)
    skips = Counter(i.kind for i in items if not isinstance(i, Article))
    return IngestRun(tuple(times), articles, dict(skips))


def trafilatura_pages(folder: str, warm_path: str, passes: int) -> IngestRun:
    """Return the time ``trafilatura.extract`` takes over every .html file in ``folder``."""
    import trafilatura

    paths = sorted(Path(folder).glob("*.html"))
    trafilatura.extract(Path(warm_path).read_bytes(), **_EXTRACT)
    times, found = [], 0
    for _ in range(passes):
        watch = Stopwatch()
        found = sum(trafilatura.extract(p.read_bytes(), **_EXTRACT) is not None for p in paths)
        times.append(watch.seconds)
    return IngestRun(tuple(times), found, {})


def trafilatura_warc(path: str, warm_path: str, passes: int) -> IngestRun:
    """Return the time warcio + ``trafilatura.extract`` take over the responses of a WARC file."""
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    trafilatura.extract(Path(warm_path).read_bytes(), **_EXTRACT)
    times, found = [], 0
    for _ in range(passes):
        watch = Stopwatch()
        found = 0
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response":
                    payload = record.content_stream().read()
                    found += trafilatura.extract(payload, **_EXTRACT) is not None
        times.append(watch.seconds)
    return IngestRun(tuple(times), found, {})


# -- section -----------------------------------------------------------------


def measure(corpus: Corpus, passes: int) -> Table:
    """Return the ingest throughput table for pages built from ``corpus`` (best of ``passes``)."""
    table = Table(
        "2. Ingest throughput (HTML pages and WARC, built from the real texts)",
        ("what", "input", "articles", "seconds", "articles/s", "MB/s", "peak RSS",
         "vs trafilatura"),
    )  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="storyline-bench-") as tmp:
        try:
            pages = write_pages(corpus.texts, Path(tmp))
        except Exception as exc:  # warcio missing or a disk problem: say so, go on
            table.fail("building pages", f"{type(exc).__name__}: {exc}")
            return table
        warm = str(next(iter(sorted(pages.folder.glob("*.html")))))
        mb = pages.html_bytes / 1e6
        runs = (
            ("HTML", "trafilatura.extract", trafilatura_pages, (str(pages.folder), warm),
             f"{pages.count} .html files"),
            ("HTML", "storyline ingest.read", storyline_read, (str(pages.folder), warm),
             f"{pages.count} .html files"),
            ("WARC", "warcio + trafilatura.extract", trafilatura_warc, (str(pages.warc), warm),
             f"1 .warc.gz, {pages.count} responses"),
            ("WARC", "storyline ingest.read", storyline_read, (str(pages.warc), warm),
             f"1 .warc.gz, {pages.count} responses"),
        )  # fmt: skip
        baseline: dict[str, float] = {}
        for kind, what, fn, args, described in runs:
            try:
                m = isolated(fn, *args, passes)
            except MeasurementFailed as exc:
                table.fail(f"{kind}: {what}", str(exc))
                continue
            run = m.value
            is_base = "trafilatura" in what and "storyline" not in what
            if is_base:
                baseline[kind] = run.seconds
            versus = "1.00x" if is_base else ratio(run.seconds, baseline.get(kind, 0.0))
            table.add(f"{kind}: {what}", described, f"{run.articles}", f"{run.seconds:.1f}",
                      rate(run.articles, run.seconds), rate(mb, run.seconds), m.peak.describe(),
                      versus)  # fmt: skip
            if run.skips:
                kinds = ", ".join(f"{k} {n}" for k, n in sorted(run.skips.items()))
                table.notes.append(f"{kind}, {what}: skipped {kinds}.")
        warc_mb = pages.warc.stat().st_size / 1e6
    table.notes.append(
        f"{pages.count} pages, {mb:.1f} MB of HTML ({mb / pages.count * 1000:.0f} kB a page); "
        f"MB/s counts HTML bytes in both rows (the .warc.gz itself is {warc_mb:.1f} MB)."
    )
    table.notes.append(
        "baseline: trafilatura.extract with our reader's options "
        "(with_metadata, favor_precision, no comments, no tables); one page warms each side up; "
        f"best of {passes} passes each."
    )
    return table
