"""Plain-text and Markdown files -> articles, with metadata from YAML front matter or a sidecar.

Metadata may sit at the top of the file::

    ---
    title: Turkey and Russia fail to agree on Syria
    published: 2012-12-03
    source: Al Jazeera
    ---

or beside it in ``NAME.meta.json`` (``story.txt.meta.json`` or
``story.meta.json``) with the same keys. Known keys are ``title``,
``published`` (also ``date``), ``source``, ``url`` and ``author``; any other
key is kept in ``Article.meta``. Where both exist the sidecar wins, key by key.
Markdown syntax is reduced to its plain text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from storyline.errors import InputError
from storyline.ingest.build import Draft, build, skip
from storyline.ingest.decode import check_regular, decode
from storyline.ingest.options import IngestOptions
from storyline.model import Article, Skip

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text"}) | MARKDOWN_SUFFIXES

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_KNOWN_KEYS = ("title", "published", "date", "source", "url", "author")

# Markdown, reduced to what a reader sees. Order matters: images before links,
# strong before emphasis.
_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^```.*$|^~~~.*$", re.MULTILINE), ""),  # code fences (the code stays)
    (re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*\S+.*$", re.MULTILINE), ""),  # [ref]: url definitions
    (re.compile(r"^ {0,3}(?:[-*_] *){3,}$", re.MULTILINE), ""),  # horizontal rules
    (re.compile(r"^ {0,3}(?:=+|-+) *$", re.MULTILINE), ""),  # setext heading underlines
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE), r"\1"),  # # Heading
    (re.compile(r"^ {0,3}(?:> ?)+", re.MULTILINE), ""),  # > block quotes
    (re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+", re.MULTILINE), ""),  # list markers
    (re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), ""),  # ![alt](image)
    (re.compile(r"!\[([^\]\n]*)\]\[[^\]\n]*\]"), ""),  # ![alt][ref]
    (re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # <http://autolink>
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # **strong**
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *emphasis*
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),  # _emphasis_
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # ~~strike~~
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # `code`
)


def read_text_file(
    path: Path, data: bytes, location: str, options: IngestOptions, markdown: bool
) -> Article | Skip:
    """Return the article in a text or Markdown file, or the skip saying why not."""
    try:
        text = decode(data)
        front, body = split_front_matter(text)
        sidecar = read_sidecar(path)
    except InputError as error:
        return skip(location, error)
    return from_text(text, body, {**front, **sidecar}, location, options, markdown)


def read_text(data: bytes, location: str, options: IngestOptions) -> Article | Skip:
    """Return the article in plain text that has no file (standard input)."""
    try:
        text = decode(data)
        front, body = split_front_matter(text)
    except InputError as error:
        return skip(location, error)
    return from_text(text, body, front, location, options, markdown=False)


def from_text(
    raw: str,
    body: str,
    metadata: Mapping[str, Any],
    location: str,
    options: IngestOptions,
    markdown: bool,
) -> Article | Skip:
    """Return the article for a decoded text ``body`` and its ``metadata``."""
    if markdown:
        body = strip_markdown(body)
    meta = {key: value for key, value in metadata.items() if key not in _KNOWN_KEYS}
    published = metadata.get("published", metadata.get("date"))
    draft = Draft(
        location=location,
        text=body,
        raw=raw,
        title=_string(metadata.get("title")),
        source=_string(metadata.get("source")),
        url=_string(metadata.get("url")),
        author=_author(metadata.get("author")),
        published=published,
        meta=meta,
    )
    return build(draft, options)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Return ``(metadata, body)``: the YAML front matter of ``text`` and what follows it.

    Text without front matter gives ``({}, text)``; front matter that is not
    a YAML mapping raises ``malformed-front-matter``.
    """
    text = text.removeprefix("\ufeff")
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    try:
        loaded = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise InputError(
            "malformed-front-matter",
            f"the --- front matter block is not valid YAML{where}; fix it or remove the block",
        ) from None
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        raise InputError(
            "malformed-front-matter",
            "the --- front matter block is not a mapping of keys to values "
            "(title: ..., published: ...); fix it or remove the block",
        )
    return {str(key): value for key, value in loaded.items()}, text[match.end() :]


def sidecar_paths(path: Path) -> tuple[Path, Path]:
    """Return the two names a metadata sidecar of ``path`` may have, preferred first."""
    return path.with_name(path.name + ".meta.json"), path.with_name(path.stem + ".meta.json")


def read_sidecar(path: Path) -> dict[str, Any]:
    """Return the metadata in the sidecar of ``path``, ``{}`` when there is none."""
    for candidate in sidecar_paths(path):
        if not candidate.exists():
            continue
        try:
            check_regular(candidate)
            loaded = json.loads(decode(candidate.read_bytes()))
        except InputError as error:
            raise InputError(error.kind, f"its sidecar {candidate.name}: {error.reason}") from None
        except (OSError, json.JSONDecodeError) as exc:
            raise InputError(
                "malformed-json",
                f"its sidecar {candidate.name} is not readable JSON ({exc}); fix or remove it",
            ) from None
        if not isinstance(loaded, dict):
            raise InputError(
                "malformed-json",
                f"its sidecar {candidate.name} holds no JSON object; it must map keys to values",
            )
        return {str(key): value for key, value in loaded.items()}
    return {}


def strip_markdown(text: str) -> str:
    """Return Markdown ``text`` as the plain text a reader sees: no #, *, _, links or fences."""
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return text


def _string(value: Any) -> str | None:
    """Return a metadata value as a string, None when absent."""
    if value is None:
        return None
    return str(value)


def _author(value: Any) -> str | None:
    """Return an author field as one string ("A, B" for a list)."""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or None
    return _string(value)
