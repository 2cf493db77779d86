"""WARC web archives -> one article per HTML response record, through warcio.

Each ``response`` record with a 2xx status and an HTML content type goes
through :mod:`storyline.ingest.html`. Other records (requests, metadata,
images, redirects, error pages) are not articles and are passed over. The
record's WARC-Date is when the page was *crawled*: it stands in for the
publication date only when the page states none, with origin ``crawl`` and
the flag ``crawl-date``. Records are numbered from 1 (``crawl.warc.gz#record=4``);
a corrupt record ends the file with a ``malformed-warc`` skip, since nothing
after it can be trusted to start where it should.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import WARCIterator

from storyline.errors import InputError
from storyline.ingest.build import skip
from storyline.ingest.dates import parse_date
from storyline.ingest.html import read_html
from storyline.ingest.options import IngestOptions
from storyline.model import Article, Skip

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz")

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


class _QuietWARCIterator(WARCIterator):  # type: ignore[misc]
    """warcio's iterator without its stderr warning; ``err_count`` still records the fault."""

    INC_RECORD = ""


def looks_like_warc(data: bytes) -> bool:
    """Return True when ``data`` starts like an uncompressed WARC file."""
    return data.startswith(b"WARC/")


def read_warc(stream: BinaryIO, location: str, options: IngestOptions) -> Iterator[Article | Skip]:
    """Yield an article or a skip for each HTML response record in the WARC ``stream``."""
    iterator = _QuietWARCIterator(stream)
    records = iter(iterator)
    number = 0  # records read so far; the one being read is number + 1
    produced = 0
    while True:
        try:
            record = next(records, None)
            # warcio counts a record whose declared length does not reach the next
            # record's start; the fault shows as the next record is read.
            _check_record(record, iterator)
        except Exception as exc:  # warcio raises many types on corrupt input; all end the file
            log.debug("corrupt WARC %s at record %d", location, number + 1, exc_info=True)
            yield _corrupt(f"{location}#record={number + 1}", exc)
            return
        if record is None:
            break
        number += 1
        try:
            result = _read_record(record, f"{location}#record={number}", options)
        except Exception as exc:  # a payload that cannot be decompressed or de-chunked
            log.debug("corrupt WARC payload %s at record %d", location, number, exc_info=True)
            yield _corrupt(f"{location}#record={number}", exc)
            return
        if result is not None:
            produced += 1
            yield result
    if produced == 0:
        yield skip(
            location,
            InputError(
                "no-text",
                f"no HTML response records among its {number} WARC records; "
                f"nothing in it is a web page",
            ),
        )


def _corrupt(location: str, exc: Exception) -> Skip:
    """Return the ``malformed-warc`` skip for a record that could not be read."""
    reason = exc.reason if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}"
    return Skip(
        location,
        "malformed-warc",
        f"corrupt WARC record ({reason}); the records after it are not read; "
        f"check the file is complete (warcio check FILE)",
    )


def _check_record(record: Any, iterator: _QuietWARCIterator) -> None:
    """Raise when warcio noticed a bad length or read a record without a type."""
    if iterator.err_count:
        raise InputError(
            "malformed-warc", "the previous record's Content-Length does not match its content"
        )
    if record is not None and not record.rec_type:
        raise InputError("malformed-warc", "a record without a WARC-Type header")


def _read_record(record: Any, location: str, options: IngestOptions) -> Article | Skip | None:
    """Return the article or skip for one record, None for records that are not web pages."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    media, _, params = (record.http_headers.get_header("Content-Type") or "").partition(";")
    if not status.startswith("2") or media.strip().lower() not in _HTML_TYPES:
        log.debug("%s: passing over status %s, type %s", location, status, media)
        return None
    payload = record.content_stream().read(options.max_text_bytes + 1)
    if len(payload) > options.max_text_bytes:
        return skip(
            location,
            InputError(
                "too-large",
                f"page is over max_text_bytes ({options.max_text_bytes:,}); "
                f"raise it with --set max_text_bytes=N to read it",
            ),
        )
    return read_html(
        payload,
        location,
        options,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        charset=_charset(params),
        crawl_date=parse_date(record.rec_headers.get_header("WARC-Date")),
    )


def _charset(params: str) -> str | None:
    """Return the charset of a Content-Type header's parameters, if given."""
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
