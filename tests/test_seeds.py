"""The two seed articles that started the project, read with the dates the user gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import main

pytestmark = pytest.mark.slow

SEEDS = {
    "000_ee4595fd27b3d25a.txt": "2012-07-18",  # AFP, Moscow
    "001_c532caaccc6c2104.txt": "2012-12-03",  # Al Jazeera, Istanbul
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not present beside the repository")
    db = tmp_path_factory.mktemp("seeds") / "s.db"
    for name, published in SEEDS.items():
        result = CliRunner().invoke(
            main, ["--db", str(db), "analyze", str(seeds / name), "--published", published]
        )
        assert result.exit_code == 0, result.output
    out = CliRunner().invoke(main, ["--db", str(db), "export"]).output
    data = json.loads(out)
    by_name = {Path(a["path"]).name: a for a in data["articles"]}
    for a in by_name.values():
        a["times"] = [t for t in data["times"] if t["article"] == a["id"]]
    return by_name


def test_the_afp_seed_drops_its_repeated_headline_and_reads_its_dateline(exported):
    afp = exported["000_ee4595fd27b3d25a.txt"]
    assert afp["title"] == "Turkey's Erdoğan to press Putin on Syria"
    assert "Erdoğan to press Putin" not in afp["text"]
    assert afp["dateline"] == {"place": "Moscow", "agency": "Agence France-Presse"}
    assert afp["published"] == "2012-07-18" and afp["published_origin"] == "given"


def test_the_afp_seed_resolves_relative_dates_against_the_given_date(exported):
    values = {t["text"]: t["value"] for t in exported["000_ee4595fd27b3d25a.txt"]["times"]}
    assert values.get("today") == "2012-07-18"
    assert values.get("Tuesday") == "2012-07-17"
    assert values.get("late June") == "2012-06"
    assert values.get("three months ago") == "2012-04"


def test_the_al_jazeera_seed_is_dated_and_keeps_monday_on_its_own_day(exported):
    aj = exported["001_c532caaccc6c2104.txt"]
    assert aj["published"] == "2012-12-03"
    values = {t["text"]: t["value"] for t in aj["times"]}
    assert values.get("Monday") == "2012-12-03"
    assert values.get("October") == "2012-10"
