"""The evaluation datasets, registered in one visible table, and :func:`evaluate` to run them.

Each dataset module exposes ``run(options: EvalOptions) -> Report`` and is
imported only when asked for, so ``storyline eval tempeval3`` does not pay
for the loaders of the other eight. The CLI name is also the name of the
dataset's folder under the data directory (``../shared/data`` by default).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence
from typing import cast

from storyline.errors import StorylineError
from storyline.eval.report import EvalOptions, Report

log = logging.getLogger(__name__)

# CLI name (= data folder name) -> module exposing run(options) -> Report.
DATASETS: dict[str, str] = {
    "tempeval3": "storyline.eval.tempeval3",
    "meantime": "storyline.eval.meantime",
    "polnear": "storyline.eval.polnear",
    "giveme5w1h-gold": "storyline.eval.giveme5w1h",
    "ecbplus": "storyline.eval.ecbplus",
    "eventstoryline": "storyline.eval.eventstoryline",
    "semeval2015-timeline": "storyline.eval.semeval2015",
    "plover-gsr": "storyline.eval.plover",
    "wikievents": "storyline.eval.wikievents",
}

Runner = Callable[[EvalOptions], Report]


def expand(names: Sequence[str]) -> list[str]:
    """Return the dataset names asked for, ``all`` expanded, duplicates dropped, in order.

    Raises :class:`StorylineError` for a name that is not registered.
    """
    out: list[str] = []
    for name in names:
        if name == "all":
            wanted = list(DATASETS)
        elif name in DATASETS:
            wanted = [name]
        else:
            raise StorylineError(
                f"unknown dataset {name!r}; known: {', '.join(DATASETS)} (or 'all')"
            )
        out += [w for w in wanted if w not in out]
    return out


def runner(name: str) -> Runner:
    """Return the ``run`` function of a registered dataset, importing its module now."""
    module = importlib.import_module(DATASETS[name])
    return cast(Runner, module.run)


def evaluate(names: Sequence[str], options: EvalOptions) -> list[Report]:
    """Return one report per dataset named (``all`` = every dataset), run in order.

    Every folder is checked before anything runs, so a typo in ``--data``
    fails in a second, not after the first dataset's minutes of work.
    """
    wanted = expand(names)
    if not options.data.is_dir():
        raise StorylineError(
            f"data folder {options.data} does not exist; "
            "pass --data DIR pointing at the folder that holds the datasets"
        )
    for name in wanted:
        folder = options.data / name
        if not folder.is_dir():
            raise StorylineError(
                f"dataset {name!r} expects its files in {folder}, which does not exist; "
                "pass --data DIR pointing at the folder that holds the datasets"
            )
    reports = []
    for name in wanted:
        log.info("evaluating %s", name)
        reports.append(runner(name)(options))
    return reports
