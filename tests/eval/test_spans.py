from __future__ import annotations

from storyline.eval.spans import covered, match_exact, match_overlap, overlap


def test_overlap_counts_shared_characters_across_pieces():
    assert overlap([(0, 10)], [(5, 15)]) == 5
    assert overlap([(0, 4), (10, 20)], [(2, 12)]) == 4
    assert overlap([(0, 4)], [(4, 8)]) == 0


def test_exact_matching_is_one_to_one():
    gold = [((0, 5),), ((10, 15),)]
    pred = [((0, 5),), ((0, 5),), ((11, 15),)]
    assert match_exact(gold, pred) == [(0, 0)]


def test_overlap_matching_takes_the_largest_overlap_first():
    gold = [((0, 10),), ((12, 20),)]
    # pred 0 touches both gold spans; it belongs to the one it shares most with.
    pred = [((8, 20),), ((0, 9),)]
    assert match_overlap(gold, pred) == [(0, 1), (1, 0)]


def test_a_prediction_satisfies_at_most_one_gold_span():
    gold = [((0, 5),), ((6, 10),)]
    assert match_overlap(gold, [((0, 10),)]) == [(0, 0)]


def test_covered_says_whether_any_span_overlaps():
    assert covered([(3, 4)], [((0, 5),)])
    assert not covered([(5, 6)], [((0, 5),)])
