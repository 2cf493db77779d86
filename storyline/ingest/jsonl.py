"""JSON and JSON Lines records -> articles.

A ``.jsonl`` file holds one JSON object per line (``dump.jsonl:12`` names line
12); a ``.json`` file one object, or a list of them (``dump.json#record=3``).
Each object gives ``text`` (or ``body``, ``content``), and optionally
``title``, ``published`` (or ``date``), ``url``, ``source`` and ``author``;
every other key is kept in ``Article.meta``. A text that contains HTML is
converted to plain text first. A bad line is skipped; the lines after it are
still read.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from storyline.errors import InputError
from storyline.ingest.build import Draft, build, skip
from storyline.ingest.decode import check_size, decode
from storyline.ingest.html import fragment_text, looks_like_html
from storyline.ingest.options import IngestOptions
from storyline.model import Article, Skip

log = logging.getLogger(__name__)

JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})

_TEXT_KEYS = ("text", "body", "content")
_PUBLISHED_KEYS = ("published", "date")
_KNOWN_KEYS = frozenset(_TEXT_KEYS + _PUBLISHED_KEYS + ("title", "url", "source", "author"))


def read_jsonl(stream: BinaryIO, location: str, options: IngestOptions) -> Iterator[Article | Skip]:
    """Yield an article or a skip for each non-blank line of a JSON Lines ``stream``."""
    # Lines are read one by one, so a large dump never sits in memory; a line
    # longer than the limit is cut at the limit and skipped as too large.
    limit = options.max_text_bytes + 1
    number = 0
    while line := stream.readline(limit):
        number += 1
        line_location = f"{location}:{number}"
        if len(line) >= limit and not line.endswith(b"\n"):
            _discard_rest_of_line(stream, limit)
            yield skip(line_location, _too_large(options))
            continue
        if not line.strip():
            continue
        try:
            record = _parse(line)
        except InputError as error:
            yield skip(line_location, error)
            continue
        yield from_record(record, line_location, options)


def read_json(data: bytes, location: str, options: IngestOptions) -> Iterator[Article | Skip]:
    """Yield an article or a skip for the object, or each object of the list, in a JSON document."""
    try:
        document = _parse(data)
    except InputError as error:
        yield skip(location, error)
        return
    if isinstance(document, list):
        if not document:
            yield skip(location, InputError("empty", "the JSON list holds no records"))
        for number, record in enumerate(document, start=1):
            yield from_record(record, f"{location}#record={number}", options)
    else:
        yield from_record(document, location, options)


def from_record(record: Any, location: str, options: IngestOptions) -> Article | Skip:
    """Return the article of one decoded JSON record, or the skip saying why not."""
    if not isinstance(record, Mapping):
        return skip(
            location,
            InputError(
                "malformed-json",
                f"a JSON {type(record).__name__}, not an object; "
                f'each record must be {{"text": ..., "title": ...}}',
            ),
        )
    text = next((record[key] for key in _TEXT_KEYS if record.get(key)), None)
    if not isinstance(text, str) or not text.strip():
        return skip(
            location,
            InputError(
                "no-text",
                "the record has no text: give it as a string under 'text', 'body' or 'content'",
            ),
        )
    try:
        check_size(len(text.encode("utf-8")), options)
    except InputError as error:
        return skip(location, error)
    if looks_like_html(text):
        text = fragment_text(text)
    draft = Draft(
        location=location,
        text=text,
        raw=json.dumps(record, ensure_ascii=False, default=str),
        title=_string(record.get("title")),
        source=_string(record.get("source")),
        url=_string(record.get("url")),
        author=_string(record.get("author")),
        published=next((record[key] for key in _PUBLISHED_KEYS if record.get(key)), None),
        meta={key: value for key, value in record.items() if key not in _KNOWN_KEYS},
    )
    return build(draft, options)


def looks_like_json(data: bytes) -> bool:
    """Return True when ``data`` (after a BOM and blanks) opens a JSON object or list."""
    return data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] in (b"{", b"[")


def looks_like_jsonl(data: bytes) -> bool:
    """Return True when ``data`` is JSON objects one per line, not one JSON document."""
    if not looks_like_json(data):
        return False
    try:
        json.loads(data)
    except ValueError:
        first = data.lstrip().split(b"\n", 1)[0]
        try:
            return isinstance(json.loads(first), dict)
        except ValueError:
            return False
    return False


def _parse(data: bytes) -> Any:
    """Return the JSON value in ``data``, or raise ``malformed-json`` (or a decode error)."""
    text = decode(data)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            "malformed-json",
            f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}); "
            f"fix the record or remove it",
        ) from None


def _too_large(options: IngestOptions) -> InputError:
    return InputError(
        "too-large",
        f"line is over max_text_bytes ({options.max_text_bytes:,}); "
        f"raise it with --set max_text_bytes=N to read it",
    )


def _discard_rest_of_line(stream: BinaryIO, limit: int) -> None:
    """Read and drop the remainder of an over-long line."""
    while chunk := stream.readline(limit):
        if chunk.endswith(b"\n"):
            return


def _string(value: Any) -> str | None:
    """Return a record value as a string, None when absent."""
    return None if value is None else str(value)
