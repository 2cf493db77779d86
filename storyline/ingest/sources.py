"""Paths given by the user -> the right reader for each input, in a stable order.

A directory is walked recursively in sorted order, passing over hidden names
and ``*.meta.json`` sidecars; a file goes to a reader chosen by its suffix,
or by sniffing its first bytes when the suffix says nothing; ``-`` is
standard input, always sniffed. Every input ends as articles or recorded
skips: nothing here raises for bad input.
"""

from __future__ import annotations

import io
import logging
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Literal

from storyline.errors import InputError
from storyline.ingest.build import skip
from storyline.ingest.decode import check_size, looks_binary, open_file, read_file
from storyline.ingest.feeds import FEED_SUFFIXES, looks_like_feed, read_feed
from storyline.ingest.html import HTML_SUFFIXES, read_html
from storyline.ingest.jsonl import (
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    looks_like_json,
    looks_like_jsonl,
    read_json,
    read_jsonl,
)
from storyline.ingest.options import IngestOptions
from storyline.ingest.text import MARKDOWN_SUFFIXES, TEXT_SUFFIXES, read_text, read_text_file
from storyline.ingest.warc import WARC_SUFFIXES, looks_like_warc, read_warc
from storyline.model import Article, Skip

log = logging.getLogger(__name__)

Format = Literal["text", "markdown", "html", "feed", "json", "jsonl", "warc"]

STDIN = "-"
SIDECAR_SUFFIX = ".meta.json"

_GZIP_MAGIC = b"\x1f\x8b"
_HTML_START = re.compile(rb"<(?:!doctype html|html|head|body|meta|title|div|p|article)\b", re.I)


def read(
    paths: Iterable[str], options: IngestOptions, stdin: BinaryIO | None = None
) -> Iterator[Article | Skip]:
    """Yield an article or a skip for every input under ``paths`` (``-`` is standard input)."""
    for given in paths:
        if given == STDIN:
            yield from read_stdin(stdin if stdin is not None else _system_stdin(), options)
        else:
            yield from read_path(given, options)


def read_path(given: str, options: IngestOptions) -> Iterator[Article | Skip]:
    """Yield the articles and skips of one path: a file, or every file under a directory."""
    path = Path(given)
    if not os.path.lexists(path):
        yield Skip(given, "missing", "no such file or directory; check the path")
    elif path.is_dir():
        found = _walk(path, given, options, seen=set())
        yield from _at_least_one(found, given, "the directory holds no files to read")
    else:
        yield from read_one(path, given, options)


def read_stdin(stream: BinaryIO | None, options: IngestOptions) -> Iterator[Article | Skip]:
    """Yield the articles and skips of standard input, its format sniffed from its content."""
    if stream is None:
        yield Skip(STDIN, "unreadable", "there is no standard input; pipe the input in")
        return
    try:
        data = stream.read()
    except (OSError, ValueError) as exc:  # ValueError: a closed stream
        yield Skip(STDIN, "unreadable", f"cannot read standard input ({exc})")
        return
    yield from _read_bytes(data, sniff(data), None, STDIN, options)


def read_one(path: Path, location: str, options: IngestOptions) -> Iterator[Article | Skip]:
    """Yield the articles and skips of one file, its reader chosen by suffix, else by content."""
    known = format_of(path.name)
    try:
        if known in ("warc", "jsonl"):
            # Streamed record by record: these files may be far larger than memory.
            reader = read_warc if known == "warc" else read_jsonl
            with open_file(path) as stream:
                yield from _at_least_one(reader(stream, location, options), location)
            return
        # Feeds and JSON lists hold many records: the size limit applies to each.
        data = read_file(path, options, bounded=known not in ("feed", "json"))
    except InputError as error:
        yield skip(location, error)
        return
    except OSError as exc:
        yield Skip(location, "unreadable", f"reading failed ({exc}); check the file")
        return
    fmt = known or sniff(data)
    suffix = path.suffix.lower()
    if known is None and fmt == "text" and suffix:
        # A file with an unknown suffix whose content is not HTML, a feed, JSON
        # or WARC is far more often code, data or a document than an article.
        yield Skip(
            location,
            "unsupported",
            f"unknown file type {suffix!r}; rename it to .txt to read it as plain text",
        )
        return
    yield from _read_bytes(data, fmt, path, location, options)


def _system_stdin() -> BinaryIO | None:
    """Return the process's standard input as bytes, None when it has none."""
    return getattr(sys.stdin, "buffer", None)


def format_of(name: str) -> Format | None:
    """Return the format a file name's suffix announces, None when it announces none."""
    suffix = os.path.splitext(name.lower())[1]
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if name.lower().endswith(WARC_SUFFIXES):
        return "warc"
    return None


def sniff(data: bytes) -> Format:
    """Return the format ``data`` looks like: WARC, feed, HTML, JSON, JSON Lines, else text."""
    if looks_like_warc(data) or (data.startswith(_GZIP_MAGIC) and _gzipped_warc(data)):
        return "warc"
    head = data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    if looks_like_json(head):
        return "jsonl" if looks_like_jsonl(data) else "json"
    if head.startswith(b"<"):
        if looks_like_feed(head) and not re.search(rb"<html\b", head, re.I):
            return "feed"
        if _HTML_START.search(head):
            return "html"
    return "text"


def _read_bytes(
    data: bytes, fmt: Format, path: Path | None, location: str, options: IngestOptions
) -> Iterator[Article | Skip]:
    """Yield the articles and skips of an input already in memory, read as ``fmt``."""
    if not data.strip():
        yield Skip(location, "empty", "the input is empty; nothing to read")
        return
    if fmt == "warc":
        yield from _at_least_one(read_warc(io.BytesIO(data), location, options), location)
    elif fmt == "jsonl":
        yield from _at_least_one(read_jsonl(io.BytesIO(data), location, options), location)
    elif fmt == "feed" and looks_binary(data):
        yield skip(location, InputError("binary", "looks like a binary file, not a feed"))
    elif fmt == "feed":
        yield from read_feed(data, location, options)
    elif fmt == "json":
        yield from read_json(data, location, options)
    elif (too_large := _size_error(data, options)) is not None:
        yield skip(location, too_large)
    elif fmt == "html":
        yield read_html(data, location, options)
    elif path is not None:
        yield read_text_file(path, data, location, options, markdown=fmt == "markdown")
    else:
        yield read_text(data, location, options)


def _walk(
    directory: Path, location: str, options: IngestOptions, seen: set[str]
) -> Iterator[Article | Skip]:
    """Yield the articles and skips of every file under ``directory``, sorted by name."""
    real = os.path.realpath(directory)
    if real in seen:  # a symlink loop back into a directory already walked
        return
    seen.add(real)
    try:
        names = sorted(os.listdir(directory))
    except OSError as exc:
        yield Skip(location, "unreadable", f"cannot list the directory ({exc.strerror or exc})")
        return
    for name in names:
        if name.startswith(".") or name.lower().endswith(SIDECAR_SUFFIX):
            continue
        child = directory / name
        child_location = os.path.join(location, name)
        if child.is_dir():
            yield from _walk(child, child_location, options, seen)
        else:
            yield from read_one(child, child_location, options)


def _at_least_one(
    results: Iterator[Article | Skip], location: str, reason: str = "holds no records"
) -> Iterator[Article | Skip]:
    """Yield ``results``, or one ``empty`` skip when there are none, so no input goes unrecorded."""
    produced = False
    for result in results:
        produced = True
        yield result
    if not produced:
        yield Skip(location, "empty", f"{reason}; nothing to read")


def _gzipped_warc(data: bytes) -> bool:
    """Return True when gzip ``data`` decompresses to the start of a WARC record."""
    try:
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096], 16)
    except zlib.error:
        return False
    return head.startswith(b"WARC/")


def _size_error(data: bytes, options: IngestOptions) -> InputError | None:
    """Return the ``too-large`` error for a single document over the limit, else None."""
    try:
        check_size(len(data), options, what="input")
    except InputError as error:
        return error
    return None
