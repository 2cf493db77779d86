"""Text and Markdown files: front matter, sidecars, headlines, datelines, Markdown syntax."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from storyline.ingest import IngestOptions, read
from storyline.model import Article, Skip

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"

BODY = (
    "Russian President Vladimir Putin was due today to meet Turkish Prime Minister Recep "
    "Tayyip Erdogan to discuss differences on Syria as the UN Security Council prepared to "
    "vote on the conflict.\n\nRussia and Turkey are still at odds over the ongoing violence "
    "between the regime and the armed opposition, according to opposition monitors."
)


def read_one(path: Path, options: IngestOptions | None = None) -> Article:
    results = list(read([str(path)], options or IngestOptions()))
    assert len(results) == 1, results
    assert isinstance(results[0], Article), results[0]
    return results[0]


def test_front_matter_gives_metadata_and_keeps_other_keys(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        "---\ntitle: Putin meets Erdogan\npublished: 2012-07-18\nsource: Harbor Wire\n"
        "url: https://example.com/a\nauthor: Jane Roe\nsection: World\n---\n" + BODY,
        encoding="utf-8",
    )
    article = read_one(path)
    assert article.title == "Putin meets Erdogan"
    assert (article.published, article.published_origin) == (date(2012, 7, 18), "metadata")
    assert (article.source, article.url, article.author) == (
        "Harbor Wire",
        "https://example.com/a",
        "Jane Roe",
    )
    assert article.meta == {"section": "World"}
    assert article.text == BODY
    assert article.raw is not None and article.raw.startswith("---\ntitle:")
    assert article.path == str(path)


def test_unparseable_published_is_absent_and_kept_raw(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("---\ntitle: T\npublished: last Tuesday\n---\n" + BODY, encoding="utf-8")
    article = read_one(path)
    assert (article.published, article.published_origin) == (None, "unknown")
    assert article.meta["published_raw"] == "last Tuesday"


def test_given_date_used_only_without_metadata_date(tmp_path: Path) -> None:
    given = IngestOptions(published=date(2012, 12, 4))
    bare = tmp_path / "bare.txt"
    bare.write_text(BODY, encoding="utf-8")
    dated = tmp_path / "dated.txt"
    dated.write_text("---\npublished: 2012-12-03\n---\n" + BODY, encoding="utf-8")
    assert (read_one(bare, given).published, read_one(bare, given).published_origin) == (
        date(2012, 12, 4),
        "given",
    )
    assert read_one(dated, given).published_origin == "metadata"
    assert read_one(bare).published is None


def test_malformed_front_matter_is_a_skip(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("---\ntitle: [unclosed\n---\n" + BODY, encoding="utf-8")
    [result] = read([str(path)], IngestOptions())
    assert isinstance(result, Skip)
    assert result.kind == "malformed-front-matter"


@pytest.mark.parametrize("sidecar_name", ["story.txt.meta.json", "story.meta.json"])
def test_sidecar_gives_metadata(tmp_path: Path, sidecar_name: str) -> None:
    (tmp_path / "story.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / sidecar_name).write_text(
        json.dumps({"title": "From sidecar", "published": "17 July 2012", "lang_note": "x"}),
        encoding="utf-8",
    )
    # Walking the directory reads the story once and never the sidecar itself.
    [article] = list(read([str(tmp_path)], IngestOptions()))
    assert isinstance(article, Article)
    assert article.title == "From sidecar"
    assert article.published == date(2012, 7, 17)
    assert article.meta == {"lang_note": "x"}


def test_malformed_sidecar_is_a_skip(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "story.txt.meta.json").write_text("{not json", encoding="utf-8")
    [result] = read([str(tmp_path / "story.txt")], IngestOptions())
    assert isinstance(result, Skip)
    assert result.kind == "malformed-json"
    assert "sidecar" in result.reason


def test_first_short_line_is_the_headline_and_its_repeat_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Putin to meet Erdogan\n\nPUTIN TO MEET  ERDOGAN\n\n" + BODY, encoding="utf-8")
    article = read_one(path)
    assert article.title == "Putin to meet Erdogan"
    assert article.text == BODY


def test_metadata_title_repeated_in_body_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: Putin to meet Erdogan\n---\n# Putin to meet Erdogan\n\n" + BODY)
    assert read_one(path).text == BODY


def test_a_first_sentence_is_not_a_headline(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("The talks ended without a deal.\n\n" + BODY, encoding="utf-8")
    article = read_one(path)
    assert article.title is None
    assert article.text.startswith("The talks ended")


def test_dateline_is_kept_in_text_and_recorded(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Putin to meet Erdogan\n\nISTANBUL (AP) \u2014 " + BODY, encoding="utf-8")
    article = read_one(path)
    assert article.text.startswith("ISTANBUL (AP) \u2014 Russian President")
    assert (article.dateline_place, article.dateline_agency) == ("Istanbul", "AP")
    assert article.source == "AP"


def test_markdown_syntax_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "# Putin meets *Erdogan*\n\n"
        "Russian President **Vladimir Putin** was due _today_ to meet "
        "[Recep Tayyip Erdogan](https://example.com/erdogan) in `Istanbul`, officials said.\n\n"
        "> Russia and Turkey are still at odds over the violence in Syria, monitors said.\n\n"
        "- one point about snake_case_names stays\n",
        encoding="utf-8",
    )
    article = read_one(path)
    assert article.title == "Putin meets Erdogan"
    assert article.text == (
        "Russian President Vladimir Putin was due today to meet Recep Tayyip Erdogan in "
        "Istanbul, officials said.\n\nRussia and Turkey are still at odds over the violence "
        "in Syria, monitors said.\n\none point about snake_case_names stays"
    )


def test_same_content_gives_same_id(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_text("Putin to meet Erdogan\n\n" + BODY, encoding="utf-8")
    # Different bytes, same normalized content: CRLF, no-break spaces, trailing blanks.
    second.write_bytes(
        ("Putin to meet\u00a0Erdogan\r\n\r\n" + BODY.replace("\n", "\r\n") + "  \r\n").encode()
    )
    assert read_one(first).id == read_one(second).id
    assert read_one(first).id == read_one(first).id
    changed = tmp_path / "c.txt"
    changed.write_text("Putin to meet Erdogan\n\n" + BODY + " More.", encoding="utf-8")
    assert read_one(changed).id != read_one(first).id


def _seed(name: str) -> Path:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"seed {name} not found: the shared/ folder beside the repository is absent")
    return path


def test_seed_000_headline_is_not_repeated_and_dateline_is_read() -> None:
    article = read_one(_seed("000_ee4595fd27b3d25a.txt"))
    assert article.title == "Turkey's Erdoğan to press Putin on Syria"
    assert article.text.startswith("MOSCOW - Agence France-Presse\n\nRussian President")
    assert (article.dateline_place, article.dateline_agency) == ("Moscow", "Agence France-Presse")
    assert article.source == "Agence France-Presse"
    assert "\u00a0" not in article.text
    assert "\n\n\n" not in article.text
    assert article.language == "en"
    assert article.published is None and article.published_origin == "unknown"


def test_seed_001_headline_standfirst_and_credit_line() -> None:
    article = read_one(_seed("001_c532caaccc6c2104.txt"))
    assert article.title == "Turkey and Russia fail to agree on Syria"
    assert article.text.startswith("Unrest in Syria remains a divisive issue")
    assert "President Vladimir Putin" in article.text  # the U+00A0 is now a plain space
    assert "Minister Recep" in article.text  # "Minister\u00a0 Recep" squeezed to one space
    assert article.dateline_place is None
    assert article.source == "Al Jazeera"
