"""The two halves of a small occasion by average linkage."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.link.halves import halves, matrix


def test_two_blocks_of_alike_members_are_the_halves():
    sims = np.array(
        [
            [1.0, 0.1, 0.6, 0.0],
            [0.1, 1.0, 0.0, 0.7],
            [0.6, 0.0, 1.0, 0.2],
            [0.0, 0.7, 0.2, 1.0],
        ]
    )
    parts = halves(sims)
    assert (parts.first, parts.second) == ((0, 2), (1, 3))
    assert parts.link == pytest.approx((0.1 + 0.0 + 0.0 + 0.2) / 4)


def test_an_outlier_is_a_half_of_its_own_and_the_first_half_holds_member_zero():
    sims = np.full((4, 4), 0.5)
    sims[3, :] = sims[:, 3] = -0.1
    parts = halves(sims)
    assert (parts.first, parts.second) == ((0, 1, 2), (3,))
    assert parts.link == pytest.approx(-0.1)


def test_average_linkage_joins_by_the_average_not_the_best_pair():
    # 0 and 1 are close; 2 is close to 0 alone (0.55) but far from 1 (-0.5): the average of
    # {0, 1} with 2 is 0.025, below 3's average with {0, 1} (0.3), so 2 stays apart.
    sims = np.array(
        [
            [1.0, 0.9, 0.55, 0.3],
            [0.9, 1.0, -0.5, 0.3],
            [0.55, -0.5, 1.0, 0.0],
            [0.3, 0.3, 0.0, 1.0],
        ]
    )
    assert halves(sims).second == (2,)


def test_halves_needs_two_members():
    with pytest.raises(ValueError, match="two members"):
        halves(np.ones((1, 1)))


def test_the_matrix_reads_pairs_keyed_in_sorted_order():
    pairs = {("a", "b"): 0.5, ("a", "c"): 0.25, ("b", "c"): -0.1}
    out = matrix(["c", "a", "b"], pairs)
    assert out[0, 1] == out[1, 0] == 0.25
    assert out[0, 2] == pytest.approx(-0.1)
    assert out[1, 2] == 0.5
