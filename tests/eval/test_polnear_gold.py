from __future__ import annotations

import pytest

from storyline.errors import StorylineError
from storyline.eval import polnear
from storyline.model import Quote

TEXT = '"We will not back down," Putin said, "not now." Lynch: no outside influence.'
ANN = "\n".join(
    [
        "T1\tContent 1 22;37 45\tWe will not back down not now",
        "T2\tSource 25 30\tPutin",
        "T3\tCue 31 35\tsaid",
        "T4\tAttribution 31 35\tsaid",
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
        "T5\tSource 48 53\tLynch",
        "T6\tCue 53 54\t:",
        "T7\tContent 55 76\tno outside influence.",
        "T8\tAttribution 53 54\t:",
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
        'T9\tContent 0 5\t"We w',
        "T10\tAttribution 31 35\tsaid",
        "E3\tAttribution-no-source:T10 Content:T9",
        "T11\tDiscuss 0 10\tignored",
    ]
)


def test_attributions_become_quotes_with_content_pieces_speaker_and_cue():
    quotes = polnear.parse_brat(ANN, TEXT, "x.ann")
    assert len(quotes) == 3
    putin = next(q for q in quotes if q.speaker_text == "Putin")
    assert putin.spans == ((1, 22), (37, 45))
    assert (putin.cue, putin.speaker_start, putin.speaker_end) == ("said", 25, 30)
    unsourced = quotes[0]
    assert unsourced.speaker_start is None and unsourced.cue is None


def test_a_malformed_line_names_the_file_and_line():
    with pytest.raises(StorylineError, match=r"x.ann:2: .*outside the text"):
        polnear.parse_brat("T1\tContent 0 3\tWe \nT2\tSource 5 999\tX", TEXT, "x.ann")
    with pytest.raises(StorylineError, match=r"x.ann:1: .*T9"):
        polnear.parse_brat("E1\tAttribution:T4 Content:T9", TEXT, "x.ann")


def q(
    start: int, end: int, speaker: tuple[int, int] | None = None, cue: str | None = None
) -> Quote:
    return Quote(
        start, end, ((start, end),), "indirect", cue=cue,
        speaker_start=speaker[0] if speaker else None,
        speaker_end=speaker[1] if speaker else None,
    )  # fmt: skip


def test_quote_counts_match_content_then_judge_speaker_and_cue():
    gold = [q(0, 20, (30, 35), "said"), q(40, 60, None, None), q(70, 80, (82, 90), "told")]
    pred = [
        q(5, 25, (31, 33), "says"),  # content overlaps, speaker overlaps, cue differs
        q(45, 50, None, None),  # no source on either side: right
        q(100, 110, (0, 5), "said"),  # spurious
    ]
    c = polnear.count(gold, pred)
    assert c == polnear.QuoteCounts(gold=3, predicted=3, matched=2, speaker_ok=2, cue_ok=1)
    scores = {s.metric: s.value for s in polnear.scores(c, "x")}
    assert scores["content overlap F1"] == pytest.approx(2 / 3)
    assert scores["speaker accuracy"] == pytest.approx(1.0)
    assert scores["cue accuracy"] == pytest.approx(0.5)
    assert scores["content+speaker F1"] == pytest.approx(2 / 3)


def test_no_predictions_means_precision_not_measured_and_recall_zero():
    scores = {s.metric: s.value for s in polnear.scores(polnear.count([q(0, 5)], []), "x")}
    assert scores["content overlap P"] is None
    assert scores["content overlap R"] == 0.0
    assert scores["speaker accuracy"] is None


def test_a_span_text_with_a_line_break_does_not_end_the_file_early():
    # BRAT writes a span's text verbatim: a span over a line break continues
    # on the next line, which may begin with a "T" like a record would.
    text = "Lynch said:\nThe probe goes on."
    ann = "\n".join(
        [
            "T1\tContent 12 30\tThe probe goes on.",
            "T2\tSource 0 5\tLynch",
            "T3\tCue 6 10\tsaid\nThe said",
            "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
        ]
    )
    (quote,) = polnear.parse_brat(ann, text, "x.ann")
    assert (quote.speaker_text, quote.cue, quote.spans) == ("Lynch", "said", ((12, 30),))
