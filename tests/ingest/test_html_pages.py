"""HTML pages: main text and metadata through trafilatura, and the ways a page fails."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from storyline.ingest import IngestOptions, read
from storyline.model import Article, Skip

PARAGRAPHS = (
    "Russian President Vladimir Putin was due today to meet Turkish Prime Minister Recep "
    "Tayyip Erdogan to discuss differences on Syria as the UN Security Council prepared to "
    "vote on the conflict.",
    "Russia and Turkey are still at odds over the ongoing violence between the regime and the "
    "armed opposition, which has claimed 17,000 lives since last spring, according to monitors.",
    "While Moscow has refused to support a tough resolution, Turkey has become one of the "
    "harshest critics of its former ally and Erdogan is expected to press Putin.",
)


def page(head: str = "", charset: str = "utf-8", first: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>Putin to meet Erdogan '
        f"| Harbor Wire</title>{head}</head><body><nav><a href='/'>Home</a> | "
        f"<a href='/world'>World</a></nav><article><h1>Putin to meet Erdogan</h1>{first}{body}"
        f"</article><footer>Copyright Harbor Wire. All rights reserved.</footer></body></html>"
    )


META = (
    '<meta property="og:site_name" content="Harbor Wire">'
    '<link rel="canonical" href="https://example.com/world/putin-erdogan">'
    '<meta name="author" content="Jane Roe">'
    '<meta property="article:published_time" content="2012-07-17T23:30:00+04:00">'
)


def test_page_gives_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(page(META), encoding="utf-8")
    [article] = list(read([str(path)], IngestOptions()))
    assert isinstance(article, Article)
    assert article.title == "Putin to meet Erdogan"
    assert article.text == "\n\n".join(PARAGRAPHS)  # no nav, footer, or repeated h1
    assert article.source == "Harbor Wire"
    assert article.url == "https://example.com/world/putin-erdogan"
    assert article.author == "Jane Roe"
    assert (article.published, article.published_origin) == (date(2012, 7, 17), "metadata")
    assert article.raw is not None and "<nav>" in article.raw


def test_kicker_above_the_repeated_headline_goes_with_it(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    kicker = '<p class="kicker"><a href="/world/">World</a> / Veldmark</p>'
    path.write_text(page(META).replace("<h1>", kicker + "<h1>"), encoding="utf-8")
    [article] = list(read([str(path)], IngestOptions()))
    assert isinstance(article, Article)
    assert article.text == "\n\n".join(PARAGRAPHS)


def test_page_without_date_uses_given_date(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(page(), encoding="utf-8")
    [article] = list(read([str(path)], IngestOptions(published=date(2012, 7, 18))))
    assert isinstance(article, Article)
    assert (article.published, article.published_origin) == (date(2012, 7, 18), "given")


def test_declared_charset_is_used_when_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(
        page(
            charset="windows-1252",
            first="<p>Caf\u00e9 owners in Istanbul "
            "said trade with Russia had grown \u2014 for now.</p>",
        ).encode("cp1252")
    )
    [article] = list(read([str(path)], IngestOptions()))
    assert isinstance(article, Article)
    assert "Caf\u00e9 owners" in article.text
    assert "grown \u2014 for now" in article.text


def test_page_without_article_text_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(
        "<html><head><title>Menu</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/world'>World news</a></li></ul></nav></body></html>"
    )
    [result] = list(read([str(path)], IngestOptions()))
    assert isinstance(result, Skip)
    assert result.kind == "no-text"


def test_malformed_html_is_a_skip(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<<<>>> <<< >>>", encoding="utf-8")
    [result] = list(read([str(path)], IngestOptions()))
    assert isinstance(result, Skip)
    assert result.kind == "malformed-html"
    assert result.location == str(path)
