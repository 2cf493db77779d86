"""RSS and Atom feeds: one article per entry, full content versus summary only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from storyline.ingest import IngestOptions, read
from storyline.model import Article, Skip

FULL = (
    "<p>Russian President Vladimir Putin was due today to meet Turkish Prime Minister Recep "
    "Tayyip Erdogan to discuss differences on Syria.</p><p>Russia and Turkey are still at odds "
    "over the ongoing violence, according to opposition monitors.</p>"
)
SUMMARY = "Putin and Erdogan meet in Moscow to discuss their differences over the war in Syria."

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbor Wire</title><link>https://example.com/</link>
<item><title>Putin to meet Erdogan</title><link>https://example.com/1</link>
<guid>urn:1</guid><pubDate>Tue, 17 Jul 2012 23:30:00 -0400</pubDate>
<description>{SUMMARY}</description>
<content:encoded><![CDATA[{FULL}]]></content:encoded></item>
<item><title>Talks continue</title><link>https://example.com/2</link>
<description>{SUMMARY} Officials said the talks would continue.</description></item>
<item><title>Just a title</title><link>https://example.com/3</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title>Putin to meet Erdogan</title><id>urn:a1</id>
<updated>2012-12-03T10:00:00+02:00</updated><author><name>Jane Roe</name></author>
<content type="html">{FULL.replace("<", "&lt;").replace(">", "&gt;")}</content></entry>
</feed>"""


def test_rss_entries_full_content_and_summary_only(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second, third = read([str(path)], IngestOptions())
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.path == f"{path}#entry=1"
    assert first.text.startswith("Russian President Vladimir Putin")
    assert "\n\nRussia and Turkey are still at odds" in first.text
    assert "summary-only" not in first.flags
    assert first.source == "Harbor Wire"
    assert first.url == "https://example.com/1"
    assert (first.published, first.published_origin) == (date(2012, 7, 17), "metadata")
    assert first.meta["guid"] == "urn:1"
    assert second.flags == ("summary-only",)
    assert second.text.startswith(SUMMARY)
    assert isinstance(third, Skip)
    assert (third.location, third.kind) == (f"{path}#entry=3", "no-text")


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    [article] = list(read([str(path)], IngestOptions()))
    assert isinstance(article, Article)
    assert (article.title, article.author, article.source) == (
        "Putin to meet Erdogan",
        "Jane Roe",
        "Atom Wire",
    )
    assert article.published == date(2012, 12, 3)
    assert "<p>" not in article.text


def test_malformed_feed_is_a_skip(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text('<?xml version="1.0"?><rss><channel><title>Cut', encoding="utf-8")
    [result] = list(read([str(path)], IngestOptions()))
    assert isinstance(result, Skip)
    assert (result.location, result.kind) == (str(path), "malformed-feed")
