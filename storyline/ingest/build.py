"""What a source extracted (a :class:`Draft`) -> an ``Article``, or the ``Skip`` saying why not.

Every source (text files, HTML, feeds, WARC, JSON) fills a ``Draft`` with what
it found and hands it to :func:`build`, so the rules below hold the same for
all of them:

- the text is normalized (:mod:`storyline.ingest.normalize`);
- with no title in the metadata, a short first line followed by a blank line
  is the headline; a headline repeated as the body's first line is dropped;
- the dateline is read, not removed (its place and agency are recorded);
- the publication date comes from the input's metadata, else the date the
  user gave, else a WARC crawl date, else it is unknown; never the clock;
- the source comes from the metadata, else the dateline's agency, else a
  closing credit line ("Source: Al Jazeera, News Agencies");
- text that is too short, too large or not English becomes a ``Skip``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from storyline.errors import InputError
from storyline.ingest.datelines import find_dateline
from storyline.ingest.dates import parse_date
from storyline.ingest.decode import check_size
from storyline.ingest.language import detect, is_english
from storyline.ingest.normalize import normalize, squash
from storyline.ingest.options import IngestOptions
from storyline.model import Article, PublishedOrigin, Skip

log = logging.getLogger(__name__)

# A first line longer than this, or with more words, is a paragraph, not a headline.
_MAX_HEADLINE_CHARS = 200
_MAX_HEADLINE_WORDS = 30
# A line ending like a sentence or a clause is prose; headlines end bare, or with ? or !.
_PROSE_ENDINGS = (".", ",", ";", ":")
# Lines (blank ones included) a repeated headline may sit below, and how long
# each may be: a kicker or section label is short and is not a sentence.
_MAX_LINES_ABOVE_HEADLINE = 4
_MAX_KICKER_CHARS = 60
# Some outlets close with a credit line; its first name is the outlet.
_CREDIT = re.compile(r"Sources?: ([^,;\n]{2,60})(?:[,;][^\n]{0,80})?")


@dataclass(frozen=True)
class Draft:
    """What one source found for one article, before normalization and checks.

    ``published`` is the raw publication date of the input's own metadata
    (a string, ``date`` or ``struct_time``); ``crawl_date`` the date a WARC
    record was fetched, used only when nothing better is known.
    """

    location: str
    text: str
    raw: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published: object = None
    crawl_date: date | None = None
    flags: tuple[str, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)


def skip(location: str, error: InputError) -> Skip:
    """Return the recorded skip for an input that raised ``error``."""
    log.debug("skipping %s: %s (%s)", location, error.kind, error.reason)
    return Skip(location=location, kind=error.kind, reason=error.reason)


def build(draft: Draft, options: IngestOptions) -> Article | Skip:
    """Return the article ``draft`` describes, or the skip that says why it cannot be one."""
    try:
        check_size(len(draft.text.encode("utf-8")), options)
    except InputError as error:
        return skip(draft.location, error)
    body = normalize(draft.text)
    title = _one_line(draft.title)
    if title is None:
        title, body = take_headline(body)
    body = drop_repeated_headline(body, title)
    if len(body) < options.min_text_chars:
        return skip(
            draft.location,
            InputError(
                "empty",
                f"only {len(body)} characters of text after normalization, fewer than "
                f"min_text_chars ({options.min_text_chars}); lower it with "
                f"--set min_text_chars=N to keep short items",
            ),
        )
    meta = {key: plain(value) for key, value in draft.meta.items()}
    flags = list(draft.flags)
    published, origin = _published(draft, options, meta, flags)
    dateline = find_dateline(body)
    if dateline is not None and dateline.date:
        meta["dateline_date"] = dateline.date
    language = detect(body)
    article = Article(
        id=Article.make_id(body, title),
        text=body,
        title=title,
        source=_one_line(draft.source)
        or (dateline.agency if dateline else None)
        or credit_line(body),
        url=_one_line(draft.url),
        published=published,
        published_origin=origin,
        path=draft.location,
        language=language.code,
        author=_one_line(draft.author),
        dateline_place=dateline.place if dateline else None,
        dateline_agency=dateline.agency if dateline else None,
        flags=tuple(dict.fromkeys(flags)),
        meta=meta,
        raw=draft.raw,
    )
    if not is_english(language, options.min_english_confidence):
        reason = (
            f"language detected as {language.code!r} with confidence {language.confidence:.2f}, "
            f"not English with at least min_english_confidence "
            f"({options.min_english_confidence}); "
        )
        if language.code == "en":
            reason += "lower it with --set min_english_confidence=X to analyze it"
        else:
            reason += "storyline analyzes English articles only; it is stored, not analyzed"
        return Skip(draft.location, "not-english", reason, article=article)
    return article


def take_headline(body: str) -> tuple[str | None, str]:
    """Return ``(headline, rest)`` when ``body`` opens with a headline line, else ``(None, body)``.

    A headline is a first paragraph of one short line that does not end like
    a sentence and is not a dateline, with more text after it.
    """
    first, sep, rest = body.partition("\n\n")
    if not sep or not rest.strip() or "\n" in first:
        return None, body
    if len(first) > _MAX_HEADLINE_CHARS or len(first.split()) > _MAX_HEADLINE_WORDS:
        return None, body
    if first.endswith(_PROSE_ENDINGS) or find_dateline(first) is not None:
        return None, body
    return first, rest


def drop_repeated_headline(body: str, title: str | None) -> str:
    """Return ``body`` without an opening line that repeats ``title`` (case and spacing aside).

    Web pages often put a short kicker or section label ("World / Veldmark")
    above the repeated headline; such lines go with it.
    """
    if not title:
        return body
    wanted = squash(title)
    lines = body.split("\n", _MAX_LINES_ABOVE_HEADLINE + 1)
    for index, line in enumerate(lines[: _MAX_LINES_ABOVE_HEADLINE + 1]):
        if squash(line) == wanted:
            return "\n".join(lines[index + 1 :]).lstrip("\n")
        if len(line) > _MAX_KICKER_CHARS or line.endswith(_PROSE_ENDINGS):
            break
    return body


def credit_line(body: str) -> str | None:
    """Return the outlet named by a closing "Source: Al Jazeera, News Agencies" line, else None."""
    last = body.rsplit("\n\n", 1)[-1]
    match = _CREDIT.fullmatch(last)
    return match.group(1).strip() if match else None


def plain(value: Any) -> Any:
    """Return ``value`` as JSON-ready data: dates as ISO strings, other objects as strings."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    return str(value)


def _published(
    draft: Draft, options: IngestOptions, meta: dict[str, Any], flags: list[str]
) -> tuple[date | None, PublishedOrigin]:
    """Return the publication date and where it came from; note unparseable metadata dates."""
    if draft.published is not None and draft.published != "":
        parsed = parse_date(draft.published)
        if parsed is not None:
            return parsed, "metadata"
        meta["published_raw"] = plain(draft.published)
        log.debug("%s: unparseable published date %r", draft.location, draft.published)
    if options.published is not None:
        return options.published, "given"
    if draft.crawl_date is not None:
        flags.append("crawl-date")
        return draft.crawl_date, "crawl"
    return None, "unknown"


def _one_line(value: str | None) -> str | None:
    """Return ``value`` normalized onto one line, or None when blank."""
    if value is None:
        return None
    text = " ".join(normalize(str(value)).split())
    return text or None
