"""WARC archives: HTML responses become articles; crawl dates; corrupt records."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.ingest import IngestOptions, read
from storyline.model import Article, Skip

BODY = (
    "<p>Russian President Vladimir Putin was due today to meet Turkish Prime Minister Recep "
    "Tayyip Erdogan to discuss differences on Syria as the UN Security Council prepared to "
    "vote on the conflict.</p><p>Russia and Turkey are still at odds over the ongoing "
    "violence between the regime and the armed opposition, according to monitors.</p>"
)
DATED = '<meta property="article:published_time" content="2012-12-03T09:00:00+02:00">'


def html(head: str = "") -> bytes:
    return (
        f"<html><head><title>Putin to meet Erdogan</title>{head}</head>"
        f"<body><article>{BODY}</article></body></html>"
    ).encode()


def warc(*records: tuple[str, str, bytes], gzip: bool = False) -> bytes:
    """Return a WARC of (type, content type, payload) records crawled on 2012-12-05."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for number, (kind, content_type, payload) in enumerate(records, start=1):
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], "HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.com/{number}",
            kind,
            payload=io.BytesIO(payload),
            http_headers=headers if kind == "response" else None,
            warc_headers_dict={"WARC-Date": "2012-12-05T08:00:00Z"},
        )
        writer.write_record(record)
    return buffer.getvalue()


def test_html_responses_become_articles_with_crawl_date(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        warc(
            ("response", "text/html; charset=utf-8", html()),
            ("response", "image/png", b"\x89PNG\r\n\x1a\n"),  # not a page: passed over
            ("response", "text/html", html(DATED)),
            gzip=True,
        )
    )
    first, second = read([str(path)], IngestOptions())
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.path == f"{path}#record=1"
    assert (first.published, first.published_origin) == (date(2012, 12, 5), "crawl")
    assert "crawl-date" in first.flags
    assert first.url == "https://example.com/1"
    assert second.path == f"{path}#record=3"
    assert (second.published, second.published_origin) == (date(2012, 12, 3), "metadata")
    assert "crawl-date" not in second.flags


def test_given_date_beats_crawl_date(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc(("response", "text/html", html())))
    [article] = read([str(path)], IngestOptions(published=date(2012, 12, 4)))
    assert isinstance(article, Article)
    assert (article.published, article.published_origin) == (date(2012, 12, 4), "given")


def test_corrupt_record_is_a_skip_and_ends_the_file(tmp_path: Path) -> None:
    good = warc(("response", "text/html", html()))
    path = tmp_path / "broken.warc"
    path.write_bytes(good + b"this is not a WARC record\r\n\r\n" + good)
    results = list(read([str(path)], IngestOptions()))
    assert isinstance(results[0], Article)
    assert isinstance(results[1], Skip)
    assert (results[1].location, results[1].kind) == (f"{path}#record=2", "malformed-warc")
    assert len(results) == 2


def test_wrong_content_length_is_a_malformed_record(tmp_path: Path) -> None:
    good = warc(("response", "text/html", html()))
    path = tmp_path / "short.warc"
    # The declared length stops short of the record: its tail reads as a bad next record.
    path.write_bytes(re.sub(rb"Content-Length: \d+", b"Content-Length: 300", good, count=1))
    results = list(read([str(path)], IngestOptions()))
    assert [(r.location, r.kind) for r in results if isinstance(r, Skip)] == [
        (f"{path}#record=2", "malformed-warc")
    ]


def test_warc_without_pages_is_recorded(tmp_path: Path) -> None:
    path = tmp_path / "images.warc"
    path.write_bytes(warc(("response", "image/png", b"\x89PNG")))
    [result] = read([str(path)], IngestOptions())
    assert isinstance(result, Skip)
    assert result.kind == "no-text"
