"""storyline: turn piles of news articles into sourced stories.

The public API is small: :func:`analyze` reads inputs into a :class:`Store`,
:func:`stages.build` gives the per-article pipeline, and the records of
:mod:`storyline.model` are what comes out.
"""

from __future__ import annotations

__version__ = "0.1.0"

from storyline.model import Article, Doc, Entity, Mention, Quote, Skip, TimeExpr
from storyline.settings import Settings

__all__ = [
    "Article", "Doc", "Entity", "Mention", "Quote", "Settings", "Skip", "TimeExpr", "__version__",
]  # fmt: skip
