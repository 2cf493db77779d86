"""WikiEvents dev scores: event triggers and their arguments in news articles (KAIROS types).

Gold: per document, entity mentions (token spans) and event mentions, each with a KAIROS type
(``Life.Die.Unspecified``), a trigger span and arguments (entity mention + role). Our events
stage codes PLOVER types and general classes; :mod:`storyline.eval.kairos` maps them onto
KAIROS types at the type.subtype level where an honest mapping exists, so ours is scored only
over the gold events whose type.subtype is in that mapping's range (rows marked "(mapped
types)"). The lexical baseline measured in the same run is scored on all gold events at full
type and, for comparison, on the same restricted set.

Matching is on the dataset's own tokens: a predicted trigger matches a gold one when its token
lies inside the gold trigger span; a predicted argument matches when its event's trigger
matches and its head token lies inside the gold argument's entity mention ("head match", the
usual lenient argument score, without the coreference credit some papers add).
"""

from __future__ import annotations

import bisect
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline import nlp
from storyline.errors import StorylineError
from storyline.eval import kairos
from storyline.eval.report import EvalOptions, Report, Score, prf_scores
from storyline.eval.system import analyze_texts
from storyline.model import Doc

NAME = "wikievents"
BASELINE = "baseline:lexicon+dependencies"
# Suffix of the metrics scored only on the gold events our KAIROS mapping can reach.
RESTRICTED = " (mapped types)"

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
    """A WikiEvents document: its tokens, sentence starts (token indices) and gold events.

    ``text`` is the running text our pipeline reads, rebuilt from the tokens (see
    :func:`running_text`), and ``spans`` the character span of each token in it.
    """

    id: str
    words: tuple[str, ...]
    sentence_starts: frozenset[int]
    events: tuple[EventMention, ...]
    text: str = ""
    spans: tuple[tuple[int, int], ...] = ()


def running_text(sentences: Sequence[Sequence[Any]]) -> tuple[str, list[tuple[int, int]]]:
    """Return a text for sentences of ``[word, start, end]`` tokens, and each token's span in it.

    The dataset's ``text`` runs a headline into the next sentence ("in SyriaThe desert"), which
    derails a parser: sentences go on separate lines. Inside a sentence a token follows the last
    without a space only where the original offsets say they touched ("U.S.", "killed,").
    """
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    for number, tokens in enumerate(sentences):
        previous_end: int | None = None
        for word, start, end in ((str(w), int(s), int(e)) for w, s, e in tokens):
            touching = previous_end is not None and end > start and start == previous_end
            sep = "\n" if number and previous_end is None else "" if touching or not parts else " "
            parts += [sep, word]
            length += len(sep)
            spans.append((length, length + len(word)))
            length += len(word)
            previous_end = end
    return "".join(parts), spans


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
        text, spans = running_text([tokens for tokens, _ in record["sentences"]])
        return WikiDocument(
            str(record["doc_id"]), words, frozenset(starts), events, text, tuple(spans)
        )
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


def _token_at(spans: Sequence[tuple[int, int]], char: int) -> int | None:
    """Return the index of the dataset token holding a character offset, or None (a space)."""
    index = bisect.bisect_right([start for start, _ in spans], char) - 1
    return index if index >= 0 and char < spans[index][1] else None


def _head(doc: Doc, start: int, end: int) -> int:
    """Return the character offset of a phrase's head word: its parse root, else its last word."""
    if doc.parse is not None:
        span = doc.parse.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            return int(span.root.idx)
    last = doc.text.rfind(" ", start, end)
    return start if last < 0 else last + 1


def _lemma(doc: Doc, start: int, end: int) -> str:
    if doc.parse is not None:
        span = doc.parse.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            return str(span.root.lemma_).lower()
    return doc.text[start:end].lower()


def ours(doc: Doc, spans: Sequence[tuple[int, int]]) -> list[EventMention]:
    """Return our events of an analyzed document as KAIROS events on the dataset's tokens.

    Only events whose type maps (:func:`kairos.rule`) are kept, typed at type.subtype. The
    source and target become arguments with the rule's roles, each reduced to its head word
    (the parse root of the phrase; its last word without a parse), and the place to the
    mention of the place entity nearest the trigger, with role ``Place``, unless that word
    already fills a role.
    """
    found = []
    for event in doc.events:
        trigger = _token_at(spans, event.start)
        rule = kairos.rule(event.type, event.mode, _lemma(doc, event.start, event.end))
        if trigger is None or rule is None:
            continue
        phrases = [
            (event.source_start, event.source_end, rule.source),
            (event.target_start, event.target_end, rule.target),
        ]
        if event.place is not None:
            places = [m for m in doc.mentions if m.entity == event.place]
            if places:
                near = min(places, key=lambda m: abs(m.start - event.start))
                phrases.append((near.start, near.end, kairos.PLACE))
        arguments: list[Argument] = []
        for start, end, role in phrases:
            if start is None or end is None or role is None:
                continue
            head = _token_at(spans, _head(doc, start, end))
            # One word fills one role: a place that is also the target ("crossed into
            # Dagestan") stays the target.
            if head is not None and all(a.start != head for a in arguments):
                arguments.append(Argument(head, head + 1, role))
        found.append(EventMention(rule.type, trigger, trigger + 1, tuple(arguments)))
    return found


def restrict(
    gold: Sequence[EventMention], pred: Sequence[EventMention], kinds: frozenset[str]
) -> tuple[list[EventMention], list[EventMention]]:
    """Return gold and predicted events cut to type.subtype and restricted to ``kinds``.

    Gold events outside ``kinds`` are not scored, and so a prediction whose trigger lies on one
    of them (and on no scored one) is neither right nor wrong; a prediction of a type outside
    ``kinds`` is left out too, so a system is not charged for types the restriction ignores.
    """

    def cut(e: EventMention) -> EventMention:
        return EventMention(kairos.level(e.type), e.start, e.end, e.arguments)

    scored = [cut(g) for g in gold if kairos.level(g.type) in kinds]
    ignored = [g for g in gold if kairos.level(g.type) not in kinds]

    def on(p: EventMention, events: Sequence[EventMention]) -> bool:
        return any(e.start <= p.start < e.end for e in events)

    kept = [
        cut(p)
        for p in pred
        if kairos.level(p.type) in kinds and (on(p, scored) or not on(p, ignored))
    ]
    return scored, kept


def _total(counts: Sequence[Counts]) -> Counts:
    return Counts(*(sum(getattr(t, f) for t in counts) for f in Counts.__dataclass_fields__))


def _scores(c: Counts, system: str, suffix: str = "", note: str = "") -> list[Score]:
    return [
        *prf_scores(
            f"trigger identification{suffix}", c.trigger_id, c.pred_triggers, c.gold_triggers,
            system, note,
        ),
        *prf_scores(
            f"trigger classification{suffix}", c.trigger_cls, c.pred_triggers, c.gold_triggers,
            system, note,
        ),
        *prf_scores(
            f"argument identification{suffix}", c.arg_id, c.pred_args, c.gold_args, system, note
        ),
        *prf_scores(
            f"argument classification{suffix}", c.arg_cls, c.pred_args, c.gold_args, system, note
        ),
    ]  # fmt: skip


def run(options: EvalOptions) -> Report:
    """Return the WikiEvents dev report: the baseline on all events, both on the mapped range."""
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
        baseline = [predict(p) for p in language.pipe(inputs)]
    # Ours reads the rebuilt running text (no publication date: the records carry none).
    analyzed = analyze_texts([(d.text, None) for d in docs], options.settings, keep_parse=True)
    mine = [ours(a, d.spans) for d, a in zip(docs, analyzed, strict=True)]

    full = _total([count(d.events, b) for d, b in zip(docs, baseline, strict=True)])
    cut_base, cut_ours = [], []
    for d, b, o in zip(docs, baseline, mine, strict=True):
        gold, kept = restrict(d.events, b, kairos.RANGE)
        cut_base.append(count(gold, kept))
        gold, kept = restrict(d.events, o, kairos.RANGE)
        cut_ours.append(count(gold, kept))
    base_r, ours_r = _total(cut_base), _total(cut_ours)
    in_range = (
        f"{ours_r.gold_triggers} of {full.gold_triggers} gold events (types in the mapping's "
        "range), type.subtype level"
    )
    scores = [
        *_scores(full, BASELINE),
        *_scores(ours_r, "storyline", RESTRICTED, in_range),
        *_scores(base_r, BASELINE, RESTRICTED, in_range),
    ]
    return Report(
        dataset=NAME,
        scores=tuple(scores),
        documents=len(docs),
        seconds=time.perf_counter() - began,
        notes=(
            f"dev split: {full.gold_triggers} gold events, {full.gold_args} gold arguments; the "
            "test split is held out.",
            "Baseline: verbs whose lemma is in a lexicon drawn from the KAIROS type names, "
            "their subject and object as arguments (head match), roles from the lexicon.",
            f"Ours, rows marked {RESTRICTED.strip()}: our event types mapped to KAIROS "
            "type.subtype by storyline/eval/kairos.py (PLOVER type and mode; the trigger lemma "
            "only where a type lumps KAIROS types: killing -> Life.Die, wounding -> Life.Injure, "
            "other assaults -> Conflict.Attack); source/target/place become the mapped roles, "
            "reduced to their head word. Scored only over the gold events whose type.subtype "
            f"the mapping can produce ({len(kairos.RANGE)} type.subtypes): "
            f"{ours_r.gold_triggers} events with {ours_r.gold_args} arguments. Predictions "
            "outside the range, or on an unscored gold trigger, are left out; the baseline is "
            "scored the same way.",
        ),
        headline=(
            f"trigger classification{RESTRICTED} F1",
            f"argument classification{RESTRICTED} F1",
        ),
    )
