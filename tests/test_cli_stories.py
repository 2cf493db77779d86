"""The story verbs: link, stories, story, timeline, and the export's stories, on the examples."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from storyline.cli import main
from storyline.export import schema

from conftest import EXAMPLES

pytestmark = pytest.mark.slow


def run(db: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, ["--db", str(db), *args])
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stories") / "x.db"
    out = run(path, "analyze", str(EXAMPLES / "articles"), "-q")
    assert "linked 10 articles" in out
    return path


def stories(db: Path) -> list[dict[str, Any]]:
    return json.loads(run(db, "stories", "--json"))


def dam(db: Path) -> str:
    return next(s["id"] for s in stories(db) if "Holvik" in s["title"] or "Dam" in s["title"])


def test_stories_lists_id_title_articles_dates_and_sources(db: Path):
    listed = stories(db)
    assert len(listed) == 3
    assert {s["articles"] for s in listed} == {5, 4, 1}
    holvik = next(s for s in listed if s["articles"] == 5)
    assert (holvik["first"], holvik["last"]) == ("2025-03-14", "2025-09-09")
    assert holvik["sources"] >= 3
    table = run(db, "stories")
    assert table.splitlines()[0].split() == ["id", "title", "articles", "first", "last", "sources"]
    rows = list(csv.DictReader(io.StringIO(run(db, "stories", "--csv"))))
    assert {r["id"] for r in rows} == {s["id"] for s in listed}


def test_story_shows_timeline_actors_sources_and_figures(db: Path):
    story_id = dam(db)
    text = run(db, "story", story_id[:6])
    for heading in ("timeline:", "actors:", "sources:", "figures:"):
        assert heading in text
    assert "contradicts (figure)" in text and "15,000" in text
    assert "2025-03-11" in text  # "on Tuesday", resolved against the article's date
    view = json.loads(run(db, "story", story_id, "--json"))
    assert view["id"] == story_id and view["timeline"] and view["actors"] and view["compared"]
    assert {"adds", "confirms", "contradicts", "findings"} <= set(view["compared"][0])


def test_timeline_in_markdown_json_and_csv(db: Path):
    story_id = dam(db)
    md = run(db, "timeline", story_id)
    assert md.startswith("# ") and "- **1974-01-01 .. 1974-12-31** [background]" in md
    entries = json.loads(run(db, "timeline", story_id, "--format", "json"))
    starts = [(e["start"] is None, e["start"] or "", e["end"] or "") for e in entries]
    assert starts == sorted(starts)
    assert all(e["support"] and e["sources"] >= 1 for e in entries)
    rows = list(csv.DictReader(io.StringIO(run(db, "timeline", story_id, "--format", "csv"))))
    assert len(rows) == len(entries) and rows[0]["start"] == entries[0]["start"]


def test_link_all_rebuilds_the_same_stories(db: Path):
    before = {s["id"]: s for s in stories(db)}
    assert "linked 10 articles" in run(db, "link", "--all")
    assert {s["id"]: s for s in stories(db)} == before
    assert run(db, "link").startswith("linked 0 articles")


def test_export_fills_stories_and_validates(db: Path):
    exported = json.loads(run(db, "export"))
    jsonschema.validate(exported, schema())
    assert len(exported["stories"]) == 3
    story = max(exported["stories"], key=lambda s: len(s["articles"]))
    assert story["summary"] and story["occasions"] and story["story_events"]
    assert any(c["relation"] == "contradicts" for c in story["comparisons"])
    members = {m for e in story["story_events"] for m in e["members"]}
    assert members <= {e["id"] for e in exported["events"]}
    texts = {a["id"]: a["text"] for a in exported["articles"]}
    for entry in story["timeline"]:
        for s in entry["support"]:
            assert 0 <= s["start"] < s["end"] <= len(texts[s["article"]])


def test_an_unknown_story_is_one_line_of_error(db: Path):
    out = run(db, "story", "st-nope", code=1)
    assert out.strip().startswith("error: no story with id") and len(out.strip().splitlines()) == 1


def test_wire_copy_carried_by_two_outlets_is_one_quote_with_both(db: Path):
    view = json.loads(run(db, "story", dam(db), "--json"))
    quotes = [q for s in view["quotes"] for q in s["quotes"]]
    texts = [q["text"] for q in quotes]
    assert len(texts) == len(set(texts))  # per speaker, every repeated quote folded in
    carried = next(q for q in quotes if q["text"].startswith("We are looking at the worst"))
    outlets = {carried["source"], *(a["source"] for a in carried["also"])}
    assert outlets == {"Harbor Wire Service", "The Veldmark Courier"}
    assert " … " in carried["text"] and "told" not in carried["text"]  # no attribution inside
