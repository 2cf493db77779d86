from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import main
from storyline.errors import StorylineError
from storyline.eval import DATASETS, evaluate, expand
from storyline.eval.report import EvalOptions
from storyline.eval.system import analyze_texts
from storyline.settings import Settings


def test_the_registry_names_every_dataset_once():
    assert list(DATASETS) == [
        "tempeval3", "meantime", "polnear", "giveme5w1h-gold", "ecbplus", "eventstoryline",
        "semeval2015-timeline", "plover-gsr", "wikievents",
    ]  # fmt: skip
    assert all(module.startswith("storyline.eval.") for module in DATASETS.values())


def test_all_expands_to_every_dataset_without_duplicates():
    assert expand(["polnear", "all"]) == ["polnear", *[n for n in DATASETS if n != "polnear"]]


def test_an_unknown_dataset_lists_the_known_ones():
    with pytest.raises(StorylineError, match=r"unknown dataset 'timebank'.*tempeval3"):
        evaluate(["timebank"], EvalOptions(Path(".")))


def test_a_missing_data_folder_names_it_and_the_fix(tmp_path: Path):
    with pytest.raises(StorylineError, match=re.escape(f"{tmp_path / 'nowhere'} does not exist")):
        evaluate(["tempeval3"], EvalOptions(tmp_path / "nowhere"))
    with pytest.raises(StorylineError, match=re.escape(f"{tmp_path / 'tempeval3'}, which")):
        evaluate(["tempeval3"], EvalOptions(tmp_path))


def test_the_eval_command_help_lists_every_dataset():
    result = CliRunner().invoke(main, ["eval", "--help"])
    assert result.exit_code == 0
    for name in DATASETS:
        assert name in result.output


def test_the_eval_command_reports_a_bad_folder_in_one_line(tmp_path: Path):
    result = CliRunner().invoke(main, ["eval", "polnear", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert "pass --data" in result.output


@pytest.mark.slow
def test_analyze_texts_keeps_order_dates_and_optionally_the_parse():
    items = [("Putin met Erdogan in Moscow on Tuesday.", date(2012, 7, 18)), ("Hello there.", None)]
    plain = analyze_texts(items, Settings())
    kept = analyze_texts(items, Settings(), keep_parse=True)
    assert [d.text for d in plain] == [t for t, _ in items]
    assert plain[0].article.published == date(2012, 7, 18)
    assert plain[0].article.published_origin == "given"
    assert plain[1].article.published_origin == "unknown"
    assert plain[0].parse is None and kept[0].parse is not None
    # Keeping the parse changes nothing else.
    assert [(d.mentions, d.times, d.stages) for d in plain] == [
        (d.mentions, d.times, d.stages) for d in kept
    ]
