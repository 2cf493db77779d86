from __future__ import annotations

from storyline.eval.document import summary
from storyline.eval.report import Report, Score


def test_the_summary_shows_ours_the_best_baseline_and_the_anchor_per_headline_metric():
    report = Report(
        dataset="tempeval3",
        scores=(
            Score("value F1", 0.7),
            Score("value F1", 0.4, "baseline:a"),
            Score("value F1", 0.5, "baseline:b"),
            Score("value F1", 0.78, "published:HeidelTime"),
            Score("type accuracy", 0.9),
        ),
        documents=3,
        seconds=1.0,
        headline=("value F1",),
    )
    table = summary([report])
    assert (
        "| tempeval3 | time expressions | value F1 | 0.700 | 0.500 (b) | 0.780 (HeidelTime) |"
        in table
    )
    assert "type accuracy" not in table


def test_a_report_without_headline_shows_its_first_measured_metrics():
    report = Report("x", (Score("a", None), Score("b", 0.5), Score("b", 0.1, "baseline:z")), 1, 0.1)
    rows = summary([report]).splitlines()[2:]
    assert rows == ["| x |  | a | — | — | — |", "| x |  | b | 0.500 | 0.100 (z) | — |"]


def test_a_layer_not_built_says_so_in_the_summary():
    report = Report(
        "polnear",
        (Score("content F1", 0.0, note="quotes stage not built yet (issue 4)"),
         Score("speaker F1", None, note="quotes stage not built yet (issue 4)")),
        1, 0.1,
    )  # fmt: skip
    rows = summary([report]).splitlines()[2:]
    assert "| 0.000; quotes stage not built yet (issue 4) |" in rows[0]
    assert "| quotes stage not built yet (issue 4) |" in rows[1]


def test_a_row_measured_on_one_part_of_ours_names_the_part():
    report = Report(
        "x",
        (Score("coref [gold blocks]", 0.768, "storyline:merging alone"),
         Score("coref [gold blocks]", 0.761, "baseline:lemma")),
        1, 0.1, headline=("coref [gold blocks]",),
    )  # fmt: skip
    rows = summary([report]).splitlines()[2:]
    assert rows == ["| x |  | coref [gold blocks] | 0.768 (merging alone) | 0.761 (lemma) | — |"]
