"""Shared fixtures: paths to the bundled examples and ../shared, and hand-built docs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyline.model import Article, Doc

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """Return ../shared, or skip when the shared data is not beside the checkout."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside the repository (data-dependent test)")
    return SHARED


@pytest.fixture
def make_doc():  # type: ignore[no-untyped-def]
    """Build a Doc from text by hand, with an optional publication date."""

    def build(text: str, published: date | None = None, title: str | None = None) -> Doc:
        article = Article(
            id=Article.make_id(text, title),
            text=text,
            title=title,
            published=published,
            published_origin="given" if published else "unknown",
        )
        return Doc(article)

    return build
