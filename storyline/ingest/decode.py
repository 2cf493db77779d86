"""Bytes -> text, with the guards every source shares: unreadable, binary, too large, undecodable.

Each guard raises :class:`~storyline.errors.InputError` with the skip kind and a
reason that says what to do; the source turns it into a recorded ``Skip``.
We never guess an encoding: UTF-8 (with or without BOM), UTF-16 with a BOM, or
the charset the input itself declares; anything else is ``undecodable``.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from storyline.errors import InputError
from storyline.ingest.options import IngestOptions

# How much of the input the binary sniff looks at: enough to see a file
# header, small enough to be free on huge inputs.
_SNIFF_BYTES = 8192

# Text has tabs and newlines; a file where more than this share of the first
# bytes are other control characters is not text (images, archives, PDFs).
_MAX_CONTROL_SHARE = 0.10

_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D} | {0x7F}

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_file(path: Path, options: IngestOptions, bounded: bool = True) -> bytes:
    """Return the bytes of a regular file, or raise ``unreadable`` / ``too-large``.

    ``bounded=False`` is for files of many records (a feed, a JSON list),
    where the size limit applies to each record instead.
    """
    check_regular(path)
    try:
        if bounded:
            check_size(path.stat().st_size, options, what="file")
        with path.open("rb") as handle:
            # One byte more than allowed: a file that grew since stat() still trips.
            data = handle.read(options.max_text_bytes + 1 if bounded else -1)
    except OSError as exc:
        raise InputError(
            "unreadable", f"cannot read the file ({exc.strerror or exc}); check its permissions"
        ) from None
    if bounded:
        check_size(len(data), options, what="file")
    return data


def open_file(path: Path) -> BinaryIO:
    """Return a binary handle on a regular file, or raise ``unreadable``."""
    check_regular(path)
    try:
        return path.open("rb")
    except OSError as exc:
        raise InputError(
            "unreadable", f"cannot open the file ({exc.strerror or exc}); check its permissions"
        ) from None


def check_regular(path: Path) -> None:
    """Raise ``unreadable`` unless ``path`` is a regular file (following symlinks)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if os.path.islink(path):
            raise InputError(
                "unreadable", "a symbolic link whose target does not exist; fix or remove the link"
            ) from None
        raise InputError(
            "unreadable", f"cannot read the file ({exc.strerror or exc}); check its permissions"
        ) from None
    if not stat.S_ISREG(mode):
        # A FIFO or device would block or never end; only plain files are read.
        raise InputError(
            "unreadable", "not a regular file (a pipe, socket or device); pass a plain file"
        )


def check_size(size: int, options: IngestOptions, what: str = "text") -> None:
    """Raise ``too-large`` when ``size`` bytes exceed ``options.max_text_bytes``."""
    if size > options.max_text_bytes:
        raise InputError(
            "too-large",
            f"{what} is {size:,} bytes, over max_text_bytes ({options.max_text_bytes:,}); "
            f"raise it with --set max_text_bytes=N to read it",
        )


def looks_binary(data: bytes) -> bool:
    """Return True when the head of ``data`` has NUL bytes or many control characters."""
    head = data[:_SNIFF_BYTES]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    return controls / len(head) > _MAX_CONTROL_SHARE


def declared_charset(data: bytes) -> str | None:
    """Return the charset an HTML or XML document declares in its head, if any."""
    head = data[:_SNIFF_BYTES]
    match = _XML_ENCODING.search(head) or _CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def decode(data: bytes, declared: str | None = None) -> str:
    """Return ``data`` as text, or raise ``binary`` / ``undecodable``.

    ``declared`` is the charset the input states (an HTTP header, a meta
    tag); it is tried only after UTF-8 fails.
    """
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(
                "undecodable", "starts with a UTF-16 mark but is not valid UTF-16"
            ) from None
    if looks_binary(data):
        raise InputError(
            "binary", "looks like a binary file (NUL or control bytes), not text; pass text input"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_byte = exc.start
    if declared:
        for codec in _codecs_for(declared):
            try:
                return data.decode(codec)
            except (LookupError, UnicodeDecodeError):
                continue
        raise InputError(
            "undecodable",
            f"neither UTF-8 nor its declared charset {declared!r} "
            f"(UTF-8 fails at byte {bad_byte}); convert it to UTF-8",
        )
    raise InputError(
        "undecodable",
        f"not valid UTF-8 (at byte {bad_byte}) and declares no charset; "
        f"convert it to UTF-8, e.g. with iconv -f LATIN1 -t UTF-8",
    )


def _codecs_for(declared: str) -> tuple[str, ...]:
    """Return the Python codecs to try for a declared charset, best first."""
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return ()
    # WHATWG: browsers decode iso-8859-1 and us-ascii labels as windows-1252;
    # Latin-1 stays as the fallback for the five bytes cp1252 leaves undefined.
    if name in {"latin-1", "iso8859-1", "ascii"}:
        return ("cp1252", "latin-1")
    return (name,)
