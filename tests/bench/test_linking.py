"""The synthetic article features of the linking benchmark."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # bench/ is a folder of scripts, not an installed package
    sys.path.insert(0, str(ROOT))

from bench import linking  # noqa: E402


def basis() -> linking.Basis:
    rng = np.random.default_rng(3)
    rows = rng.standard_normal((12, 16)).astype(np.float32)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    return linking.Basis(rows, tuple(f"word{i}" for i in range(60)))


def test_synthetic_features_are_deterministic_for_a_seed() -> None:
    a = list(linking.synthetic_features(200, basis(), seed=7))
    b = list(linking.synthetic_features(200, basis(), seed=7))
    c = list(linking.synthetic_features(200, basis(), seed=8))
    assert [(f.id, f.actors, f.terms, f.published) for f in a] == [
        (f.id, f.actors, f.terms, f.published) for f in b
    ]
    assert all(np.array_equal(x.vector, y.vector) for x, y in zip(a, b, strict=True))
    assert any(not np.array_equal(x.vector, y.vector) for x, y in zip(a, c, strict=True))


def test_synthetic_features_are_unit_vectors_in_arrival_order() -> None:
    made = list(linking.synthetic_features(300, basis(), seed=1))
    assert len(made) == 300 and len({f.id for f in made}) == 300
    for f in made:
        assert f.vector.dtype == np.float32 and f.vector.shape == (16,)
        assert abs(float(np.linalg.norm(f.vector)) - 1.0) < 1e-5
        assert abs(sum(f.actors.values()) - 1.0) < 1e-9 or not f.actors
        assert f.people <= f.actors.keys() and f.when == f.published
    keys = [(f.published, f.id) for f in made]
    assert keys == sorted(keys)
    assert 360 <= (made[-1].published - made[0].published).days < 365


def test_articles_of_one_affair_share_actors_and_vectors() -> None:
    made = list(linking.synthetic_features(400, basis(), seed=2))
    # Most articles share an actor with an article of the same week (their affair's cast).
    shared = sum(
        any(f.actors.keys() & g.actors.keys() for g in made[max(0, i - 10) : i])
        for i, f in enumerate(made)
        if i >= 10
    )
    assert shared > 0.7 * (len(made) - 10)


def test_grouping_run_counts_arrivals_and_stops_past_its_budget() -> None:
    done = linking.group_synthetic(300, basis(), seed=1, budget_s=60)
    assert done.reached == 300 and done.comparisons > 0 and done.stories >= 1
    cut = linking.group_synthetic(2_000, basis(), seed=1, budget_s=0.0)
    assert cut.reached == 100 and cut.articles == 2_000
    assert linking.affairs_for(2_000) == 100


def run(articles: int, seconds: float, comparisons: int, reached: int | None = None):
    return linking.GroupingRun(
        articles, articles if reached is None else reached, seconds, 0.0, comparisons, 0.0, 0.0,
        1, 1, linking.affairs_for(articles), linking.Peak(300.0, 0.0),
    )  # fmt: skip


def test_growth_compares_the_smallest_and_largest_runs_done_in_full() -> None:
    runs = [run(1_000, 2.0, 40_000), run(10_000, 25.0, 450_000), run(100_000, 260.0, 4_800_000)]
    (line, memory) = linking.growth(runs)
    assert "from 1,000 to 100,000 articles (x100)" in line
    assert "time per article x1.30" in line and "comparisons per article x1.20" in line
    assert "total time x130" in line and "all pairs x10,000" in line
    assert "300 MB (under 1 GB)" in memory


def test_growth_leaves_out_runs_stopped_by_their_budget() -> None:
    runs = [run(1_000, 2.0, 40_000), run(10_000, 25.0, 450_000, reached=8_000)]
    assert linking.growth(runs) == [
        "growth: fewer than two sizes ran in full, so no ratio is given."
    ]
    (line, _) = linking.growth([*runs, run(100_000, 400.0, 4_000_000)])
    assert "from 1,000 to 100,000" in line and "time per article x2.00" in line
