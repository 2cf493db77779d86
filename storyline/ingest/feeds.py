"""RSS and Atom feeds -> one article per entry, through feedparser.

An entry's full content (``content:encoded``, Atom ``content``) is used where
present; otherwise its summary, and the article carries the flag
``summary-only`` so nobody mistakes a teaser for the story. The feed's title
is the source. Entries are numbered from 1: ``feed.xml#entry=3``.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Mapping
from typing import Any

import feedparser

from storyline.errors import InputError
from storyline.ingest.build import Draft, build, skip
from storyline.ingest.dates import parse_date
from storyline.ingest.html import fragment_text
from storyline.ingest.options import IngestOptions
from storyline.model import Article, Skip

log = logging.getLogger(__name__)

FEED_SUFFIXES = frozenset({".rss", ".atom", ".rdf", ".xml"})

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def looks_like_feed(data: bytes) -> bool:
    """Return True when the head of ``data`` opens an RSS, Atom or RDF feed."""
    return _FEED_ROOT.search(data[:4096]) is not None


def read_feed(data: bytes, location: str, options: IngestOptions) -> Iterator[Article | Skip]:
    """Yield an article or a skip for each entry of the feed in ``data``."""
    try:
        # Bytes, not text: feedparser honours the XML encoding declaration itself.
        parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    except Exception as exc:  # feedparser is lenient; anything escaping it is a broken input
        log.debug("feedparser failed on %s", location, exc_info=True)
        yield skip(location, InputError("malformed-feed", f"feed parser failed ({exc})"))
        return
    entries = parsed.get("entries") or []
    if not entries:
        yield skip(location, _no_entries(parsed))
        return
    if parsed.get("bozo"):
        log.info(
            "%s: feed is not well-formed (%s); reading its entries anyway",
            location,
            parsed.get("bozo_exception"),
        )
    feed = parsed.get("feed") or {}
    source = feed.get("title") or None
    for number, entry in enumerate(entries, start=1):
        entry_location = f"{location}#entry={number}"
        try:
            draft = entry_draft(entry, entry_location, source)
        except InputError as error:
            yield skip(entry_location, error)
            continue
        yield build(draft, options)


def entry_draft(entry: Mapping[str, Any], location: str, source: str | None) -> Draft:
    """Return the draft article of one feed entry, or raise ``no-text``."""
    flags: tuple[str, ...] = ()
    body = _content(entry)
    if body is None:
        body = _as_text(entry.get("summary_detail") or {}, entry.get("summary"))
        flags = ("summary-only",)
    if not body or not body.strip():
        raise InputError(
            "no-text",
            "the entry has neither content nor summary; the feed gives only a title or link",
        )
    meta: dict[str, Any] = {}
    if entry.get("id"):
        meta["guid"] = entry["id"]
    tags = [tag.get("term") for tag in entry.get("tags") or [] if tag.get("term")]
    if tags:
        meta["tags"] = tags
    return Draft(
        location=location,
        text=body,
        raw=json.dumps(entry, default=str, ensure_ascii=False),
        title=entry.get("title") or None,
        source=source,
        url=entry.get("link") or None,
        author=entry.get("author") or None,
        published=_entry_date(entry),
        flags=flags,
        meta=meta,
    )


def _content(entry: Mapping[str, Any]) -> str | None:
    """Return the text of the entry's fullest ``content`` element, None when it has none."""
    texts = [_as_text(item, item.get("value")) for item in entry.get("content") or []]
    texts = [text for text in texts if text and text.strip()]
    return max(texts, key=len) if texts else None


def _as_text(detail: Mapping[str, Any], value: str | None) -> str:
    """Return a feed text construct as plain text, converting HTML by its declared type."""
    if not value:
        return ""
    if detail.get("type", "text/html") in _HTML_TYPES:
        return fragment_text(value)
    return value


def _entry_date(entry: Mapping[str, Any]) -> object:
    """Return the entry's publication date: its own string, else feedparser's UTC reading."""
    # The string keeps the publisher's offset; *_parsed is converted to UTC and
    # can shift the calendar day.
    for key in ("published", "updated", "created"):
        value = entry.get(key)
        if value and parse_date(value) is not None:
            return value
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if entry.get(key):
            return entry[key]
    return entry.get("published") or entry.get("updated") or None


def _no_entries(parsed: Mapping[str, Any]) -> InputError:
    """Return the error for a feed that yielded no entries: malformed, not a feed, or empty."""
    if parsed.get("bozo"):
        return InputError(
            "malformed-feed",
            f"not a well-formed RSS/Atom feed ({parsed.get('bozo_exception')}) and no entries "
            f"could be read; check the file is complete",
        )
    if not parsed.get("version"):
        return InputError(
            "malformed-feed", "not an RSS or Atom feed (no feed root element); check the file type"
        )
    return InputError("empty", "the feed has no entries")
