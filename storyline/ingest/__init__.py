"""Sources -> articles: text, Markdown, HTML, RSS/Atom, WARC, JSON and JSON Lines.

``read(paths, options)`` yields one ``Article`` per article found and one
``Skip`` per input that cannot become one (missing, unreadable, binary,
undecodable, too large, empty, malformed, not English), with where and why;
it never raises for bad input.
"""

from __future__ import annotations

from storyline.ingest.options import IngestOptions
from storyline.ingest.sources import read

__all__ = ["IngestOptions", "read"]
