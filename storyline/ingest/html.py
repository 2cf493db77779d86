"""HTML pages -> articles: main text and metadata through trafilatura, favoring precision.

trafilatura finds the article body among menus, comments and boilerplate and
reads the page's metadata: headline, publication date (markup only: meta tags,
JSON-LD, ``<time>``; not a guess from the text), author, canonical URL and site
name, which becomes the article's source. :func:`fragment_text` converts the
small HTML fragments found in feeds and JSON records.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any

import lxml.etree
import lxml.html
import trafilatura
from lxml_html_clean import Cleaner
from trafilatura.utils import load_html

from storyline.errors import InputError
from storyline.ingest.build import Draft, build, skip
from storyline.ingest.decode import declared_charset, decode
from storyline.ingest.options import IngestOptions
from storyline.model import Article, Skip

log = logging.getLogger(__name__)

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})

# Only the dates the page states in its markup; htmldate's extensive search
# would guess from the text and URL, which is inference, not metadata.
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}

# Elements that end a paragraph when an HTML fragment becomes text.
_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption"),
        *("figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main"),
        *("nav", "ol", "p", "pre", "section", "table", "tr", "ul"),
    }
)

_CLEANER = Cleaner(
    scripts=True,
    javascript=True,
    comments=True,
    style=True,
    forms=True,
    embedded=True,
    meta=True,
    page_structure=False,
    safe_attrs_only=True,
)

_LOOKS_LIKE_HTML = re.compile(r"<(?:p|div|br|span|a|em|strong|b|i|ul|li|h[1-6]|img)\b", re.I)


def read_html(
    data: bytes,
    location: str,
    options: IngestOptions,
    url: str | None = None,
    charset: str | None = None,
    crawl_date: date | None = None,
) -> Article | Skip:
    """Return the article of an HTML page given as bytes, or the skip saying why not.

    ``charset`` is the one an HTTP header declared; the page's own ``<meta
    charset>`` is tried after it. ``crawl_date`` (WARC) stands in for a
    missing publication date.
    """
    try:
        page = decode(data, declared=charset or declared_charset(data))
        draft = extract(page, location, url=url, crawl_date=crawl_date)
    except InputError as error:
        return skip(location, error)
    return build(draft, options)


def extract(
    page: str, location: str, url: str | None = None, crawl_date: date | None = None
) -> Draft:
    """Return the draft article trafilatura finds in ``page``.

    Raises ``malformed-html`` when the page has no document tree and
    ``no-text`` when it has no article body.
    """
    tree = load_html(page)
    if tree is None:
        raise InputError(
            "malformed-html", "cannot be parsed as HTML (no document tree); check it is a web page"
        )
    try:
        document = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # a parser bug on one odd page must not end the run
        log.debug("trafilatura failed on %s", location, exc_info=True)
        raise InputError(
            "malformed-html",
            f"the HTML extractor failed ({type(exc).__name__}: {exc}); check the page is complete",
        ) from None
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise InputError(
            "no-text",
            "no article text found in the page (only navigation or boilerplate); "
            "if it is an article, pass its text as a .txt file",
        )
    meta = {
        key: value
        for key in ("description", "categories", "tags", "hostname")
        if (value := getattr(document, key, None))
    }
    return Draft(
        location=location,
        # trafilatura puts one paragraph per line; articles separate them with a blank line.
        text=text.replace("\n", "\n\n"),
        raw=page,
        title=getattr(document, "title", None),
        source=getattr(document, "sitename", None),
        url=getattr(document, "url", None) or url,
        author=getattr(document, "author", None),
        published=getattr(document, "date", None),
        crawl_date=crawl_date,
        meta=meta,
    )


def looks_like_html(text: str) -> bool:
    """Return True when ``text`` contains common HTML tags."""
    return _LOOKS_LIKE_HTML.search(text) is not None


def fragment_text(fragment: str) -> str:
    """Return the text of an HTML fragment, with a blank line after each block element."""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
        root = _CLEANER.clean_html(root)
    except (lxml.etree.ParserError, ValueError) as exc:
        log.debug("cannot parse HTML fragment (%s); keeping it as text", exc)
        return fragment
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif tag in _BLOCKS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    return str(root.text_content())
