"""WikiEvents dev scores: event triggers and their arguments in news articles (KAIROS types).

Gold: per document, entity mentions (token spans) and event mentions, each with a KAIROS type
(``Life.Die.Unspecified``), a trigger span and arguments (entity mention + role). Our events
stage codes PLOVER types and general classes, not yet mapped to KAIROS types, so ours is None
here; a lexical baseline measured in the same run gives the numbers to beat.

Matching is on the dataset's own tokens: a predicted trigger matches a gold one when its token
lies inside the gold trigger span; a predicted argument matches when its event's trigger
matches and its head token lies inside the gold argument's entity mention ("head match", the
usual lenient argument score, without the coreference credit some papers add).
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline import nlp
from storyline.errors import StorylineError
from storyline.eval.report import EvalOptions, Report, Score, prf_scores

NAME = "wikievents"
NOT_BUILT = "our events are not yet mapped to the KAIROS types (issue 4)"

# Trigger verbs taken from the KAIROS type names (and the two verbs of dying the brief of
# this baseline adds: kill, wound), each with the role of its subject and of its object.
# Passive voice swaps them back: a passive subject is the object, a "by" agent the subject.
LEXICON: dict[str, tuple[str, str | None, str | None]] = {
    "attack": ("Conflict.Attack.Unspecified", "Attacker", "Target"),
    "detonate": ("Conflict.Attack.DetonateExplode", "Attacker", "ExplosiveDevice"),
    "explode": ("Conflict.Attack.DetonateExplode", "ExplosiveDevice", None),
    "demonstrate": ("Conflict.Demonstrate.Unspecified", "Demonstrator", None),
    "protest": ("Conflict.Demonstrate.Unspecified", "Demonstrator", "Target"),
    "meet": ("Contact.Contact.Meet", "Participant", "Participant"),
    "broadcast": ("Contact.Contact.Broadcast", "Communicator", None),
    "threaten": ("Contact.ThreatenCoerce.Unspecified", "Communicator", "Recipient"),
    "coerce": ("Contact.ThreatenCoerce.Unspecified", "Communicator", "Recipient"),
    "request": ("Contact.RequestCommand.Unspecified", "Communicator", "Recipient"),
    "command": ("Contact.RequestCommand.Unspecified", "Communicator", "Recipient"),
    "impede": ("Control.ImpedeInterfereWith.Unspecified", "Impeder", None),
    "interfere": ("Control.ImpedeInterfereWith.Unspecified", "Impeder", None),
    "arrest": ("Justice.ArrestJailDetain.Unspecified", "Jailer", "Detainee"),
    "jail": ("Justice.ArrestJailDetain.Unspecified", "Jailer", "Detainee"),
    "detain": ("Justice.ArrestJailDetain.Unspecified", "Jailer", "Detainee"),
    "charge": ("Justice.ChargeIndict.Unspecified", "Prosecutor", "Defendant"),
    "indict": ("Justice.ChargeIndict.Unspecified", "Prosecutor", "Defendant"),
    "convict": ("Justice.Convict.Unspecified", "JudgeCourt", "Defendant"),
    "investigate": ("Justice.InvestigateCrime.Unspecified", "Investigator", "Defendant"),
    "release": ("Justice.ReleaseParole.Unspecified", "JudgeCourt", "Defendant"),
    "parole": ("Justice.ReleaseParole.Unspecified", "JudgeCourt", "Defendant"),
    "sentence": ("Justice.Sentence.Unspecified", "JudgeCourt", "Defendant"),
    "die": ("Life.Die.Unspecified", "Victim", None),
    "kill": ("Life.Die.Unspecified", "Killer", "Victim"),
    "injure": ("Life.Injure.Unspecified", "Injurer", "Victim"),
    "wound": ("Life.Injure.Unspecified", "Injurer", "Victim"),
    "transport": ("Movement.Transportation.Unspecified", "Transporter", "PassengerArtifact"),
    "evacuate": ("Movement.Transportation.Evacuation", "Transporter", "PassengerArtifact"),
    "buy": ("Transaction.ExchangeBuySell.Unspecified", "Recipient", "AcquiredEntity"),
    "sell": ("Transaction.ExchangeBuySell.Unspecified", "Giver", "AcquiredEntity"),
    "damage": ("ArtifactExistence.DamageDestroyDisableDismantle.Damage", "Damager", "Artifact"),
    "destroy": ("ArtifactExistence.DamageDestroyDisableDismantle.Destroy", "Destroyer", "Artifact"),
    "manufacture": (
        "ArtifactExistence.ManufactureAssemble.Unspecified",
        "Manufacturer",
        "Artifact",
    ),
    "assemble": ("ArtifactExistence.ManufactureAssemble.Unspecified", "Manufacturer", "Artifact"),
    "identify": ("Cognitive.IdentifyCategorize.Unspecified", "Identifier", "IdentifiedObject"),
    "observe": ("Cognitive.Inspection.SensoryObserve", "Observer", "ObservedEntity"),
}


@dataclass(frozen=True)
class Argument:
    """An event argument: the token span of its head or entity mention, and its role."""

    start: int
    end: int
    role: str


@dataclass(frozen=True)
class EventMention:
    """An event: its type, trigger token span and arguments (document token offsets)."""

    type: str
    start: int
    end: int
    arguments: tuple[Argument, ...]


@dataclass(frozen=True)
class WikiDocument:
    """A WikiEvents document: its tokens, sentence starts (token indices) and gold events."""

    id: str
    words: tuple[str, ...]
    sentence_starts: frozenset[int]
    events: tuple[EventMention, ...]


def _document(record: Any, where: str) -> WikiDocument:
    try:
        words = tuple(str(w) for w in record["tokens"])
        starts, count = set(), 0
        for tokens, _ in record["sentences"]:
            starts.add(count)
            count += len(tokens)
        if count != len(words):
            raise StorylineError(f"{where}: sentences hold {count} tokens, 'tokens' {len(words)}")
        mentions = {m["id"]: (int(m["start"]), int(m["end"])) for m in record["entity_mentions"]}
        events = tuple(
            EventMention(
                str(e["event_type"]),
                int(e["trigger"]["start"]),
                int(e["trigger"]["end"]),
                tuple(Argument(*mentions[a["entity_id"]], str(a["role"])) for a in e["arguments"]),
            )
            for e in record["event_mentions"]
        )
        return WikiDocument(str(record["doc_id"]), words, frozenset(starts), events)
    except (KeyError, TypeError, ValueError) as exc:
        raise StorylineError(
            f"{where}: not a WikiEvents record ({exc!r} missing or malformed)"
        ) from exc


def load(path: Path, limit: int | None = None) -> list[WikiDocument]:
    """Return the documents of a WikiEvents JSON-lines file, the first ``limit``."""
    docs = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise StorylineError(f"cannot read {path}: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise StorylineError(f"cannot read {path}:{number}: invalid JSON ({exc})") from exc
        docs.append(_document(record, f"cannot read {path}:{number}"))
    return docs[:limit]


def predict(parsed: Any) -> list[EventMention]:
    """Return the baseline events of a parsed document: lexicon verbs, subject and object.

    Arguments are the subject (or passive ``by`` agent) and the object (or passive subject),
    each reduced to its head token; roles come from the lexicon.
    """
    found = []
    for token in parsed:
        entry = LEXICON.get(token.lemma_.lower()) if token.pos_ == "VERB" else None
        if entry is None:
            continue
        type_, subject_role, object_role = entry
        arguments = []
        for child in token.children:
            role = None
            head = child
            if child.dep_ == "nsubj":
                role = subject_role
            elif child.dep_ in ("dobj", "nsubjpass"):
                role = object_role
            elif child.dep_ == "agent":
                head = next((g for g in child.children if g.dep_ == "pobj"), None)
                role = subject_role
            if role is not None and head is not None:
                arguments.append(Argument(head.i, head.i + 1, role))
        found.append(EventMention(type_, token.i, token.i + 1, tuple(arguments)))
    return found


@dataclass(frozen=True)
class Counts:
    """Matches of triggers and arguments, identification and classification."""

    gold_triggers: int
    pred_triggers: int
    trigger_id: int
    trigger_cls: int
    gold_args: int
    pred_args: int
    arg_id: int
    arg_cls: int


def count(gold: Sequence[EventMention], pred: Sequence[EventMention]) -> Counts:
    """Return the match counts of one document (each gold item matched at most once)."""
    free = list(range(len(gold)))
    trigger_id = trigger_cls = arg_id = arg_cls = 0
    for p in pred:
        hit = next((i for i in free if gold[i].start <= p.start < gold[i].end), None)
        if hit is None:
            continue
        free.remove(hit)
        g = gold[hit]
        trigger_id += 1
        trigger_cls += g.type == p.type
        open_args = list(g.arguments)
        for a in p.arguments:
            match = next((b for b in open_args if b.start <= a.start < b.end), None)
            if match is not None:
                open_args.remove(match)
                arg_id += 1
                arg_cls += match.role == a.role and g.type == p.type
    return Counts(
        len(gold),
        len(pred),
        trigger_id,
        trigger_cls,
        sum(len(g.arguments) for g in gold),
        sum(len(p.arguments) for p in pred),
        arg_id,
        arg_cls,
    )


def run(options: EvalOptions) -> Report:
    """Return the WikiEvents dev report: the lexical baseline's scores; ours is None."""
    began = time.perf_counter()
    docs = load(options.data / NAME / "dev.jsonl", options.limit)
    if not docs:
        raise StorylineError(f"no documents in {options.data / NAME / 'dev.jsonl'}")
    from spacy.tokens import Doc as SpacyDoc

    language = nlp.load(options.settings["spacy_model"], options.settings["check_model_hashes"])
    inputs = []
    for d in docs:
        # Parse the dataset's own tokens and sentences, so indices line up with the gold.
        sent_starts: list[bool | int | None] = [i in d.sentence_starts for i in range(len(d.words))]
        inputs.append(SpacyDoc(language.vocab, words=list(d.words), sent_starts=sent_starts))
    with language.select_pipes(disable=["ner"]):
        totals = [
            count(d.events, predict(p)) for d, p in zip(docs, language.pipe(inputs), strict=True)
        ]
    c = Counts(*(sum(getattr(t, f) for t in totals) for f in Counts.__dataclass_fields__))
    system = "baseline:lexicon+dependencies"
    scores = [
        *prf_scores(
            "trigger identification", c.trigger_id, c.pred_triggers, c.gold_triggers, system
        ),
        *prf_scores(
            "trigger classification", c.trigger_cls, c.pred_triggers, c.gold_triggers, system
        ),
        *prf_scores("argument identification", c.arg_id, c.pred_args, c.gold_args, system),
        *prf_scores("argument classification", c.arg_cls, c.pred_args, c.gold_args, system),
        Score("trigger classification F1", None, "storyline", NOT_BUILT),
        Score("argument classification F1", None, "storyline", NOT_BUILT),
    ]
    return Report(
        dataset=NAME,
        scores=tuple(scores),
        documents=len(docs),
        seconds=time.perf_counter() - began,
        notes=(
            f"dev split: {c.gold_triggers} gold events, {c.gold_args} gold arguments; the test "
            "split is held out.",
            "Baseline: verbs whose lemma is in a lexicon drawn from the KAIROS type names, "
            "their subject and object as arguments (head match), roles from the lexicon.",
        ),
        headline=("trigger classification F1", "argument classification F1"),
    )
