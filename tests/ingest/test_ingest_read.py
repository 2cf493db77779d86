"""read(): walking paths, standard input, and one recorded skip per kind of bad input."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from storyline.ingest import IngestOptions, read
from storyline.model import Article, Skip
from storyline.settings import Settings

BODY = (
    "Russian President Vladimir Putin was due today to meet Turkish Prime Minister Recep "
    "Tayyip Erdogan to discuss differences on Syria as the UN Security Council prepared to "
    "vote on the conflict."
)
FRENCH = (
    "Le président russe Vladimir Poutine devait rencontrer aujourd'hui le Premier ministre "
    "turc pour discuter de leurs divergences sur la Syrie, alors que le Conseil de sécurité "
    "de l'ONU se préparait à voter."
)


def only(path: Path | str, options: IngestOptions | None = None) -> Article | Skip:
    results = list(read([str(path)], options or IngestOptions()))
    assert len(results) == 1, results
    return results[0]


def skip_kind(path: Path | str, options: IngestOptions | None = None) -> str:
    result = only(path, options)
    assert isinstance(result, Skip), result
    assert result.location == str(path)
    assert result.reason
    return result.kind


def test_options_from_settings() -> None:
    settings = Settings().with_overrides({"max_text_bytes": "100", "min_text_chars": 5})
    options = IngestOptions.from_settings(settings)
    assert (options.max_text_bytes, options.min_text_chars, options.published) == (100, 5, None)
    assert options.min_english_confidence == 0.5


def test_missing_path(tmp_path: Path) -> None:
    assert skip_kind(tmp_path / "nope.txt") == "missing"


def test_broken_symlink_is_unreadable(tmp_path: Path) -> None:
    link = tmp_path / "story.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert skip_kind(link) == "unreadable"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_named_pipe_is_unreadable_not_a_hang(tmp_path: Path) -> None:
    pipe = tmp_path / "story.txt"
    os.mkfifo(pipe)
    assert skip_kind(pipe) == "unreadable"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert skip_kind(path) == "binary"


def test_control_character_soup_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "blob"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 65, 66]) * 50)
    assert skip_kind(path) == "binary"


@pytest.mark.parametrize("content", [b"", b"   \n\n  ", b"Too short."])
def test_empty_or_too_short(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes(content)
    assert skip_kind(path) == "empty"


def test_undecodable_text_is_not_guessed_as_latin1(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(BODY.replace("Erdogan", "Erdo\u011fan caf\u00e9").encode("cp1254"))
    assert skip_kind(path) == "undecodable"


def test_utf8_bom_and_utf16_bom_decode(tmp_path: Path) -> None:
    bom8 = tmp_path / "bom8.txt"
    bom8.write_bytes(b"\xef\xbb\xbf" + BODY.encode())
    bom16 = tmp_path / "bom16.txt"
    bom16.write_bytes(BODY.encode("utf-16"))
    first, second = only(bom8), only(bom16)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == second.text == BODY


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(BODY, encoding="utf-8")
    assert skip_kind(path, IngestOptions(max_text_bytes=50)) == "too-large"


def test_too_large_jsonl_line_skips_only_that_line(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(
        json.dumps({"text": BODY * 5}) + "\n" + json.dumps({"text": BODY}) + "\n", encoding="utf-8"
    )
    big, fine = read([str(path)], IngestOptions(max_text_bytes=300))
    assert isinstance(big, Skip) and (big.location, big.kind) == (f"{path}:1", "too-large")
    assert isinstance(fine, Article) and fine.path == f"{path}:2"


def test_non_english_is_a_skip_carrying_the_article(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(FRENCH, encoding="utf-8")
    result = only(path)
    assert isinstance(result, Skip)
    assert result.kind == "not-english"
    assert "'fr'" in result.reason
    assert result.article is not None
    assert result.article.language == "fr"
    assert result.article.text == FRENCH


def test_english_confidence_threshold(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text(BODY, encoding="utf-8")
    assert isinstance(only(path), Article)
    assert skip_kind(path, IngestOptions(min_english_confidence=1.01)) == "not-english"


def test_directory_walk_is_sorted_and_passes_over_hidden_and_sidecars(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(BODY + " Two.", encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY + " One.", encoding="utf-8")
    (tmp_path / "c.md").write_text(BODY + " Three.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "c.md.meta.json").write_text('{"title": "Three"}', encoding="utf-8")
    results = list(read([str(tmp_path)], IngestOptions()))
    assert [r.path for r in results if isinstance(r, Article)] == [
        os.path.join(str(tmp_path), "a.txt"),
        os.path.join(str(tmp_path), "b", "2.txt"),
        os.path.join(str(tmp_path), "c.md"),
    ]
    assert results[-1].title == "Three"  # type: ignore[union-attr]


def test_empty_directory_is_recorded(tmp_path: Path) -> None:
    folder = tmp_path / "story.txt"  # a directory named like a file
    folder.mkdir()
    assert skip_kind(folder) == "empty"


def test_bad_inputs_do_not_stop_the_run(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "2.txt").write_text(BODY, encoding="utf-8")
    results = list(read([str(tmp_path / "missing"), str(tmp_path)], IngestOptions()))
    assert [type(r).__name__ for r in results] == ["Skip", "Skip", "Article"]


def test_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "story.dat"
    path.write_text(json.dumps({"text": BODY, "title": "From JSON"}), encoding="utf-8")
    result = only(path)
    assert isinstance(result, Article) and result.title == "From JSON"


@pytest.mark.parametrize(
    ("content", "title"),
    [
        (f"Putin meets Erdogan\n\n{BODY}".encode(), "Putin meets Erdogan"),
        (
            f"<!DOCTYPE html><html><head><title>Putin meets Erdogan</title></head><body>"
            f"<article><h1>Putin meets Erdogan</h1><p>{BODY}</p><p>{BODY}</p></article>"
            f"</body></html>".encode(),
            "Putin meets Erdogan",
        ),
        (
            json.dumps({"text": BODY, "title": "Putin meets Erdogan"}).encode(),
            "Putin meets Erdogan",
        ),
        (
            (
                json.dumps({"text": BODY, "title": "Putin meets Erdogan"})
                + "\n"
                + json.dumps({"text": BODY + " Again.", "title": "Putin meets Erdogan"})
            ).encode(),
            "Putin meets Erdogan",
        ),
        (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item>'
            f"<title>Putin meets Erdogan</title><description>{BODY}</description></item>"
            f"</channel></rss>".encode(),
            "Putin meets Erdogan",
        ),
    ],
    ids=["text", "html", "json", "jsonl", "feed"],
)
def test_stdin_is_sniffed(content: bytes, title: str) -> None:
    results = list(read(["-"], IngestOptions(), stdin=io.BytesIO(content)))
    assert results
    for result in results:
        assert isinstance(result, Article), result
        assert result.title == title
        assert result.path is not None and result.path.startswith("-")


def test_empty_stdin_is_recorded() -> None:
    [result] = read(["-"], IngestOptions(), stdin=io.BytesIO(b""))
    assert isinstance(result, Skip) and (result.location, result.kind) == ("-", "empty")


def test_ids_are_stable_across_sources(tmp_path: Path) -> None:
    text = tmp_path / "story.txt"
    text.write_text(f"---\ntitle: Putin meets Erdogan\n---\n{BODY}\n", encoding="utf-8")
    record = tmp_path / "story.json"
    record.write_text(json.dumps({"title": "Putin meets Erdogan", "text": BODY}), encoding="utf-8")
    from_text, from_json = only(text), only(record)
    assert isinstance(from_text, Article) and isinstance(from_json, Article)
    assert from_text.id == from_json.id == Article.make_id(BODY, "Putin meets Erdogan")
