"""Clustering and coreference scores against answers worked out by hand."""

from __future__ import annotations

import pytest

from storyline.eval import clusters
from storyline.eval.report import PRF

# The classic case: gold {a,b,c} {d,e}, prediction {a,b} {c,d,e}.
GOLD = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
PRED = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}


def close(score: PRF, p: float, r: float, f: float) -> None:
    assert (score.precision, score.recall, score.f1) == pytest.approx((p, r, f))


def test_muc_classic() -> None:
    # Recall: {a,b,c} is split into {a,b},{c}: 3-2 = 1 link of 2; {d,e} intact: 1 of 1 → 2/3.
    # Precision: {a,b} intact: 1 of 1; {c,d,e} split into {c},{d,e}: 1 of 2 → 2/3.
    close(clusters.muc(GOLD, PRED), 2 / 3, 2 / 3, 2 / 3)


def test_b_cubed_classic() -> None:
    # Recall per gold item: a 2/3, b 2/3, c 1/3, d 2/2, e 2/2 → (11/3) / 5 = 11/15.
    # Precision per predicted item: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3 → 11/15.
    close(clusters.b_cubed(GOLD, PRED), 11 / 15, 11 / 15, 11 / 15)


def test_ceaf_e_classic() -> None:
    # φ4({a,b,c},{a,b}) = 4/5, φ4({d,e},{c,d,e}) = 4/5, the best alignment: 1.6 over 2 and 2.
    close(clusters.ceaf_e(GOLD, PRED), 0.8, 0.8, 0.8)


def test_conll_is_the_mean_of_three_f1() -> None:
    scores = clusters.conll(GOLD, PRED)
    # (2/3 + 11/15 + 4/5) / 3 = (10 + 11 + 12) / 45 = 11/15.
    assert scores["conll"] == pytest.approx(11 / 15)
    assert set(scores) == {"muc", "b3", "ceafe", "conll"}


def test_pairwise_classic() -> None:
    # Gold pairs ab ac bc de; predicted ab cd ce de; shared ab de → 2/4 both ways.
    close(clusters.pairwise(GOLD, PRED), 0.5, 0.5, 0.5)


def test_adjusted_rand_classic() -> None:
    # Contingency [[2,1],[0,2]]: Σ C(n_ij,2) = 2, rows Σ C = 4, columns Σ C = 4, C(5,2) = 10;
    # expected 4·4/10 = 1.6, max (4+4)/2 = 4 → (2-1.6)/(4-1.6) = 1/6.
    assert clusters.adjusted_rand(GOLD, PRED) == pytest.approx(1 / 6)


def test_identical_partitions_score_one() -> None:
    scores = clusters.conll(GOLD, GOLD)
    assert scores["conll"] == pytest.approx(1.0)
    close(clusters.pairwise(GOLD, GOLD), 1, 1, 1)
    assert clusters.adjusted_rand(GOLD, GOLD) == pytest.approx(1.0)


def test_all_in_one_cluster() -> None:
    one = dict.fromkeys(GOLD, 0)
    # MUC: 4 predicted links, 3 gold links all recovered → P 3/4, R 1.
    close(clusters.muc(GOLD, one), 3 / 4, 1.0, 6 / 7)
    # B³ precision: a,b,c 3/5 each, d,e 2/5 each → 13/25; recall 1.
    close(clusters.b_cubed(GOLD, one), 13 / 25, 1.0, 2 * 13 / 25 / (1 + 13 / 25))


def test_all_singletons() -> None:
    singletons = {item: item for item in GOLD}
    # No predicted links: MUC is 0 by convention (nothing to score on the precision side).
    assert clusters.muc(GOLD, singletons).f1 == 0.0
    # B³ precision 1; recall (1/3·3 + 1/2·2) / 5 = 2/5.
    close(clusters.b_cubed(GOLD, singletons), 1.0, 0.4, 2 * 0.4 / 1.4)
    # CEAF-e: each gold cluster aligns with one singleton: 2/4 + 2/3 = 7/6, over 5 and 2.
    close(
        clusters.ceaf_e(GOLD, singletons),
        7 / 30,
        7 / 12,
        2 * (7 / 30) * (7 / 12) / (7 / 30 + 7 / 12),
    )


def test_items_missing_from_the_prediction() -> None:
    # e is not predicted at all: MUC treats it as its own partition, B³ gives it 0 recall.
    pred = {"a": 1, "b": 1, "c": 1, "d": 2}
    # MUC recall: {a,b,c} 2/2, {d,e} split into {d},{e}: 0/1 → 2/3; precision: {a,b,c} 2/2,
    # {d} has no links → 2/2.
    close(clusters.muc(GOLD, pred), 1.0, 2 / 3, 0.8)
    # B³ recall: a,b,c 1 each, d 1/2, e 0 → 3.5/5; precision: a,b,c 1, d 1/1 → 4/4.
    close(clusters.b_cubed(GOLD, pred), 1.0, 0.7, 2 * 0.7 / 1.7)
    # Adjusted Rand only sees a,b,c,d, which the prediction splits like the gold.
    assert clusters.adjusted_rand(GOLD, pred) == pytest.approx(1.0)


def test_empty_sides_score_zero() -> None:
    assert clusters.ceaf_e({}, PRED).f1 == 0.0
    assert clusters.b_cubed({}, {}).f1 == 0.0
    assert clusters.adjusted_rand(GOLD, {}) == 0.0
