"""JSON and JSON Lines records: keys, extra metadata, bad lines."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from storyline.ingest import IngestOptions, read
from storyline.model import Article, Skip

TEXT = (
    "Russian President Vladimir Putin was due today to meet Turkish Prime Minister Recep "
    "Tayyip Erdogan to discuss differences on Syria as the UN Security Council prepared."
)


def test_jsonl_records_and_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"text": TEXT, "title": "T1", "published": "2012-07-17", "lang": "x"}),
        "{not json",
        "",
        json.dumps({"body": TEXT + " Second.", "source": "Harbor Wire", "url": "https://e/2"}),
        json.dumps({"title": "no text here"}),
        json.dumps(["a", "list"]),
        json.dumps({"content": "<p>" + TEXT + "</p><p>Third paragraph.</p>"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read([str(path)], IngestOptions()))
    assert [r.path if isinstance(r, Article) else r.location for r in results] == [
        f"{path}:1",
        f"{path}:2",
        f"{path}:4",
        f"{path}:5",
        f"{path}:6",
        f"{path}:7",
    ]
    first, bad, second, no_text, not_object, html = results
    assert isinstance(first, Article)
    assert (first.title, first.published, first.meta) == ("T1", date(2012, 7, 17), {"lang": "x"})
    assert json.loads(first.raw or "")["lang"] == "x"
    assert isinstance(bad, Skip) and bad.kind == "malformed-json"
    assert isinstance(second, Article) and (second.source, second.url) == (
        "Harbor Wire",
        "https://e/2",
    )
    assert isinstance(no_text, Skip) and no_text.kind == "no-text"
    assert isinstance(not_object, Skip) and not_object.kind == "malformed-json"
    assert isinstance(html, Article) and html.text == TEXT + "\n\nThird paragraph."


def test_json_object_and_list(tmp_path: Path) -> None:
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": TEXT, "title": "One"}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": TEXT}, {"text": TEXT + " More."}]), encoding="utf-8")
    [one] = read([str(single)], IngestOptions())
    assert isinstance(one, Article) and one.path == str(single)
    first, second = read([str(many)], IngestOptions())
    assert isinstance(first, Article) and first.path == f"{many}#record=1"
    assert isinstance(second, Article) and second.path == f"{many}#record=2"


def test_malformed_json_file_is_a_skip(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"text": "unterminated', encoding="utf-8")
    [result] = read([str(path)], IngestOptions())
    assert isinstance(result, Skip) and result.kind == "malformed-json"
