"""SemEval-2015 Task 4 (TimeLine) trial scores: temporal awareness of per-entity timelines.

Given articles and a target entity ("Steve Jobs"), a system lists the events the entity takes
part in, anchored to dates and ordered across articles. The official scorer is not shipped, so
:func:`awareness` re-implements its measure from the task description (Minard et al. 2015),
which applies UzZaman & Allen's temporal awareness (2011) to graphs built from timelines:

- every event mention (``docid-sentence-word``) is a node;
- mentions with the same ordinal are SIMULTANEOUS (which includes the coreferent mentions of
  one line), and each mention is BEFORE every mention of a higher ordinal; ordinal 0 means "not
  ordered": its lines only get SIMULTANEOUS links among their own mentions;
- the closure of such a graph is exactly those relations (a timeline is already a total
  preorder), and its reduction keeps a chain: consecutive mentions of a class (sorted) are
  SIMULTANEOUS and the first mention of each class is BEFORE the first of the next. That choice
  of spanning links is the one arbitrary part of the measure; sorting fixes it.
- precision = |reduced(system) ∩ closure(gold)| / |reduced(system)|, recall = |reduced(gold) ∩
  closure(system)| / |reduced(gold)|, both summed over the target entities (micro average).

Dates do not enter the graph here (the official conversion also links events to their anchor
dates); the ordering they induce does, through the ordinals.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from storyline import nlp
from storyline.errors import StorylineError
from storyline.eval import cat, timex
from storyline.eval.report import EvalOptions, Report, Score
from storyline.eval.system import analyze_texts
from storyline.model import TimeExpr

NAME = "semeval2015-timeline"
NOT_BUILT = "cross-article timeline not built yet (issue 5)"
Relation = tuple[str, str, str]  # ("<", earlier, later) or ("=", a, b) with a < b


@dataclass(frozen=True)
class Slot:
    """One line of a timeline: its ordinal, anchor date and coreferent event mentions."""

    ordinal: int
    date: str
    mentions: tuple[str, ...]


@dataclass(frozen=True)
class Timeline:
    """A target entity's timeline, gold or ours."""

    entity: str
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class TrialDocument:
    """A trial article: its id, rebuilt text, creation date and CAT tokens."""

    id: str
    dct: date | None
    doc: cat.CatDocument


def read_timeline(path: Path) -> Timeline:
    """Return the timeline in a gold file; raises StorylineError naming the line it cannot read."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].strip():
        raise StorylineError(f"cannot read timeline {path}: the first line must name the entity")
    slots = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 3 or not fields[0].strip().isdigit():
            raise StorylineError(
                f"cannot read timeline {path} line {number}: expected "
                "<ordinal> TAB <date> TAB <docid-sentence-word> [TAB ...]"
            )
        slots.append(Slot(int(fields[0]), fields[1].strip(), tuple(f for f in fields[2:] if f)))
    return Timeline(lines[0].strip(), tuple(slots))


def read_document(path: Path) -> TrialDocument:
    """Return a trial CAT document with its creation date (the CREATION_TIME TIMEX3)."""
    doc = cat.read(path)
    ident = doc.attrs.get("doc_id")
    if not ident:
        raise StorylineError(f"cannot read trial document {path}: <Document> has no doc_id")
    dct = next(
        (
            timex.parse_date(m.attrs.get("value"))
            for m in doc.markables
            if m.tag == "TIMEX3" and m.attrs.get("functionInDocument") == "CREATION_TIME"
        ),
        None,
    )
    return TrialDocument(ident, dct, doc)


def relations(timeline: Timeline) -> tuple[set[Relation], set[Relation]]:
    """Return the closure and the reduction of a timeline's graph (see the module docstring)."""
    closure: set[Relation] = set()
    reduced: set[Relation] = set()

    def same(nodes: Sequence[str]) -> None:
        ordered = sorted(set(nodes))
        closure.update(("=", a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :])
        reduced.update(("=", a, b) for a, b in itertools.pairwise(ordered))

    classes: dict[int, list[str]] = {}
    for slot in timeline.slots:
        if slot.ordinal == 0:
            same(slot.mentions)
        else:
            classes.setdefault(slot.ordinal, []).extend(slot.mentions)
    ordered = [sorted(set(classes[k])) for k in sorted(classes)]
    for nodes in ordered:
        same(nodes)
    for i, earlier in enumerate(ordered):
        for later in ordered[i + 1 :]:
            closure.update(("<", a, b) for a in earlier for b in later if a != b)
    reduced.update(("<", a[0], b[0]) for a, b in itertools.pairwise(ordered) if a[0] != b[0])
    return closure, reduced


@dataclass(frozen=True)
class Awareness:
    """Summed temporal-awareness counts over timelines."""

    verified_system: int
    system: int
    verified_gold: int
    gold: int


def awareness(pairs: Iterable[tuple[Timeline, Timeline]]) -> Awareness:
    """Return temporal-awareness counts summed over ``(gold, system)`` timeline pairs."""
    counts = [0, 0, 0, 0]
    for gold, system in pairs:
        gold_closure, gold_reduced = relations(gold)
        sys_closure, sys_reduced = relations(system)
        counts[0] += len(sys_reduced & gold_closure)
        counts[1] += len(sys_reduced)
        counts[2] += len(gold_reduced & sys_closure)
        counts[3] += len(gold_reduced)
    return Awareness(*counts)


def _sortable(value: str | None) -> str | None:
    # TIMEX3 calendar values sort as strings ("2008" < "2008-06" < "2008-06-09"); anything
    # else (PRESENT_REF, durations, weeks) is no anchor.
    if value and len(value) >= 4 and value[:4].isdigit() and "W" not in value:
        return value[:10]
    return None


def baseline(
    entity: str,
    docs: Sequence[TrialDocument],
    times: Sequence[Sequence[TimeExpr]],
    model: str,
    check: bool = True,
) -> Timeline:
    """Return the baseline timeline of an entity (see the notes of :func:`run`).

    Events are the sentences that name the entity (case-insensitive string match), each
    represented by its main verb (the root if a verb, else its first verb); each is anchored to
    the first calendar value among our time expressions in the sentence, else to the article's
    creation date; equal anchors share an ordinal.
    """
    from spacy.tokens import Doc as SpacyDoc

    language = nlp.load(model, check)
    found: list[tuple[str, str]] = []  # (anchor, mention)
    for doc, doc_times in zip(docs, times, strict=True):
        for number, tokens in sorted(doc.doc.sentences().items()):
            start, end = tokens[0].start, tokens[-1].end
            if entity.lower() not in doc.doc.text[start:end].lower():
                continue
            parsed = language(SpacyDoc(language.vocab, words=[t.text for t in tokens]))
            verbs = [t for t in parsed if t.pos_ in ("VERB", "AUX")]
            roots = [t for t in verbs if t.dep_ == "ROOT"]
            if not verbs:
                continue
            anchors = [
                v
                for t in sorted(doc_times, key=lambda t: t.start)
                if start <= t.start < end and (v := _sortable(t.value))
            ]
            anchor = anchors[0] if anchors else (doc.dct.isoformat() if doc.dct else None)
            if anchor:
                found.append((anchor, f"{doc.id}-{number}-{(roots or verbs)[0].text}"))
    ordinals = {a: i for i, a in enumerate(sorted({a for a, _ in found}), start=1)}
    return Timeline(entity, tuple(Slot(ordinals[a], a, (m,)) for a, m in sorted(found)))


def _prf_scores(counts: Awareness, system: str, note: str) -> list[Score]:
    """Return temporal-awareness precision, recall and F1 scores of summed counts."""
    p = counts.verified_system / counts.system if counts.system else 0.0
    r = counts.verified_gold / counts.gold if counts.gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return [
        Score("temporal awareness P", p, system),
        Score("temporal awareness R", r, system),
        Score("temporal awareness F1", f1, system, note),
    ]


def run(options: EvalOptions) -> Report:
    """Return the trial-data report: our timelines' and the baseline's temporal awareness."""
    began = time.perf_counter()
    root = options.data / NAME
    paths = sorted((root / "Corpus-trial-data_task4").glob("*.xml"))
    gold_paths = sorted((root / "TimeLines_trial_data_task4_v1.2").glob("*.txt"))
    if not paths or not gold_paths:
        raise StorylineError(f"no trial documents or timelines under {root}")
    docs = [read_document(p) for p in paths[: options.limit]]
    kept = {d.id for d in docs}
    # With a limit, gold timelines keep only the mentions of the documents evaluated.
    gold = [
        Timeline(
            t.entity,
            tuple(
                Slot(s.ordinal, s.date, m)
                for s in t.slots
                if (m := tuple(x for x in s.mentions if x.split("-", 1)[0] in kept))
            ),
        )
        for t in map(read_timeline, gold_paths)
    ]
    analyzed = analyze_texts([(d.doc.text, d.dct) for d in docs], options.settings)
    times = [a.times for a in analyzed]
    model, check = options.settings["spacy_model"], options.settings["check_model_hashes"]
    counts = awareness((g, baseline(g.entity, docs, times, model, check)) for g in gold)
    from storyline.eval.entity_timelines import timelines

    ours = awareness(zip(gold, timelines([g.entity for g in gold], docs, analyzed), strict=True))
    system = "baseline:entity sentences by date"
    precision = counts.verified_system / counts.system if counts.system else 0.0
    recall = counts.verified_gold / counts.gold if counts.gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    scores = [
        Score("temporal awareness P", precision if counts.system else None, system),
        Score("temporal awareness R", recall, system),
        Score("temporal awareness F1", f1, system),
        *_prf_scores(ours, "storyline", "our predicted events; see eval/entity_timelines.py"),
        Score(
            "temporal awareness F1",
            0.0785,
            "published:best track A system",
            "SemEval-2015 Task 4 evaluation corpora (held out here), official scorer",
        ),
    ]
    return Report(
        dataset=NAME,
        scores=tuple(scores),
        documents=len(docs),
        seconds=time.perf_counter() - began,
        notes=(
            f"Trial data (the Apple topic): {len(gold)} gold timelines, {counts.gold} gold "
            "relations after reduction; the evaluation corpora are held out.",
            "Scorer re-implemented from the task description (see storyline/eval/semeval2015.py):"
            " mentions as nodes, BEFORE/SIMULTANEOUS from ordinals, micro-averaged.",
            "Baseline: for each target entity, the sentences naming it, each as its main verb, "
            "anchored to the sentence's first dated time expression (our times layer, DCT as "
            "publication date) or else the DCT, and ordered by that date.",
        ),
        headline=("temporal awareness F1",),
    )
