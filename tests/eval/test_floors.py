"""Quality floors: each dataset, run on a few documents, must not fall below eval/floors.toml.

A floor sits a little under what the limited run measured when it was set, so a regression
fails here and an improvement passes; raise a floor by editing its one line.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from storyline.eval import DATASETS, runner
from storyline.eval.report import EvalOptions, Report

ROOT = Path(__file__).resolve().parents[2]
FLOORS = ROOT / "eval" / "floors.toml"
DATA = ROOT.parent / "shared" / "data"


def floors() -> dict[str, Any]:
    with FLOORS.open("rb") as handle:
        return tomllib.load(handle)


def checks(entry: dict[str, Any]) -> list[tuple[str, str, float]]:
    """Return (system, metric, floor) for every floor of one dataset's entry."""
    return [
        (system, metric, float(floor))
        for system, table in entry.items()
        if isinstance(table, dict)
        for metric, floor in table.items()
    ]


def test_floors_name_registered_datasets_with_a_small_limit():
    for name, entry in floors().items():
        assert name in DATASETS, f"eval/floors.toml names unknown dataset {name!r}"
        assert isinstance(entry.get("limit"), int) and entry["limit"] > 0, name
        assert checks(entry), f"{name} has a limit but no floors"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(floors()))
def test_dataset_stays_above_its_floors(name: str) -> None:
    if not (DATA / name).is_dir():
        pytest.skip(f"{DATA / name} is absent: the shared data is not beside the repository")
    entry = floors()[name]
    report: Report = runner(name)(EvalOptions(DATA, limit=entry["limit"]))
    below = []
    for system, metric, floor in checks(entry):
        value = report.value(metric, system)
        if value is None or value < floor:
            shown = "not measured" if value is None else f"{value:.3f}"
            below.append(f"{system} / {metric}: {shown} < floor {floor}")
    assert not below, f"{name} (limit {entry['limit']}) fell below its floors:\n" + "\n".join(below)
