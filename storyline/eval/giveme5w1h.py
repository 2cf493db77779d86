"""Giveme5W1H gold (JSON): a Report on who, when and where of each article's main event.

Only the three questions an automatic match can judge: "who" and "where"
are phrases (a shared content word with an annotated phrase is a match),
"when" comes with a normalized ``parsed`` day. "What", "why" and "how" are
free clauses: without human judges, as in Giveme5W1H's own evaluation, a
number for them would measure string overlap, not correctness.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.errors import StorylineError
from storyline.eval import timex
from storyline.eval.report import EvalOptions, Report, Score, prf_scores
from storyline.eval.system import analyze_texts
from storyline.model import Doc

NAME = "giveme5w1h-gold"
QUESTIONS = ("who", "when", "where")
LEAD_SENTENCES = 3  # body sentences after title and description that form the lead
WHO_TYPES = frozenset({"PER", "ORG"})
# Places are our GPE, LOC and FAC (the entities stage's place types): "the White
# House" and "Interlagos" are where things happen as much as "Washington".
WHERE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_WORD = re.compile(r"\w+")
_DAY_FIRST = re.compile(r"^\d{4}-\d\d-\d\d")


@dataclass(frozen=True)
class Answer:
    """One annotated answer phrase, its normalized day (for "when") and how many coders chose it."""

    text: str
    parsed: date | None
    coders: int


@dataclass(frozen=True)
class FiveWDoc:
    """One article: the text we analyze, where its body starts, and the gold answers."""

    name: str
    text: str
    body_start: int
    published: date | None
    answers: dict[str, tuple[Answer, ...]]


def _answers(record: dict[str, Any], question: str) -> tuple[Answer, ...]:
    out = []
    for item in record["fiveWoneH"][question]["annotated"]:
        # An entry with a count but no text means "the coders agree there is no answer".
        if item.get("text", "").strip() and item.get("coderPhraseCount", 0) > 0:
            out.append(
                Answer(
                    item["text"].strip(),
                    timex.parse_date(item.get("parsed")),
                    item["coderPhraseCount"],
                )
            )
    return tuple(out)


def parse(record: dict[str, Any], name: str) -> FiveWDoc:
    """Return one JSON record as a document: title, description (unless repeated) and body."""
    try:
        title, body = record.get("title") or "", record["text"]
        description = record.get("description") or ""
        answers = {q: _answers(record, q) for q in QUESTIONS}
    except (KeyError, TypeError) as exc:
        raise StorylineError(f"{name}: missing field {exc} of a Giveme5W1H record") from None
    head = [title] if title else []
    # Many bodies begin with the description; repeating it would count its names twice.
    if description and not body.startswith(description[:50]):
        head.append(description)
    prefix = "".join(part + "\n\n" for part in head)
    return FiveWDoc(
        name, prefix + body, len(prefix), timex.parse_date(record.get("date_publish")), answers
    )


def load(folder: Path, limit: int | None = None) -> list[FiveWDoc]:
    """Return the articles of ``folder/*.json`` sorted by file name, the first ``limit``."""
    paths = sorted(folder.glob("*.json"))
    if not paths:
        raise StorylineError(f"no *.json under {folder}; is --data the shared data folder?")
    docs = []
    for path in paths[:limit]:
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise StorylineError(f"{path}: not a JSON record ({exc})") from None
        docs.append(parse(record, str(path)))
    return docs


def lead_end(doc: Doc, body_start: int) -> int:
    """Return where the lead ends: after the first few body sentences (all of a short text)."""
    body = [s for s in doc.sentences if s.start >= body_start]
    if len(body) <= LEAD_SENTENCES:
        return len(doc.text)
    return body[LEAD_SENTENCES - 1].end


def _most_mentioned(doc: Doc, end: int, types: frozenset[str]) -> tuple[str, ...]:
    """Return the names (canonical first, then every alias) of the lead's most-mentioned entity."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in doc.mentions:
        if m.label in types and m.end <= end:
            counts[m.entity] += 1
            first.setdefault(m.entity, m.start)
    if not counts:
        return ()
    # Most mentions wins; a tie goes to the entity named first.
    best = max(counts, key=lambda e: (counts[e], -first[e]))
    # The answer is the entity, not one spelling of it: "United Kingdom" is right
    # where coders wrote "UK" if the article called it "UK".
    entity = next((e for e in doc.entities if e.id == best), None)
    return () if entity is None else (entity.name, *entity.aliases)


def _doer(doc: Doc, end: int) -> tuple[str, ...]:
    """Return the names of who does the lead's first act that a person or group does."""
    entities = {e.id: e for e in doc.entities}
    for event in sorted(doc.events, key=lambda e: e.start):
        if event.start >= end:
            break
        doer = entities.get(event.source or "")
        if doer is not None and doer.type in WHO_TYPES:
            return (doer.name, *doer.aliases)
    return ()


def ours(doc: Doc, end: int) -> dict[str, tuple[str, ...]]:
    """Return our answers: who acts first in the lead, its main place, and its day.

    Who is the doer of the lead's first act by a person or group, else the
    lead's most-mentioned one; where is the lead's most-mentioned place.

    The day is the lead's first date or time that names one ("Sunday morning" is
    that Sunday); a lead that names none reports the news of its publication day,
    which is where our timeline puts an undated happening too.
    """
    days = [
        t.value
        for t in doc.times
        if t.end <= end and t.type in ("DATE", "TIME") and t.value and _DAY_FIRST.match(t.value)
    ]
    if not days and doc.article.published is not None:
        days = [doc.article.published.isoformat()]
    return {
        "who": _doer(doc, end) or _most_mentioned(doc, end, WHO_TYPES),
        "when": tuple(days[:1]),
        "where": _most_mentioned(doc, end, WHERE_TYPES),
    }


def baseline(doc: Doc, end: int) -> dict[str, tuple[str, ...]]:
    """Return the first spaCy PERSON, DATE (valued by dateparser) and GPE of the lead."""
    out: dict[str, tuple[str, ...]] = dict.fromkeys(QUESTIONS, ())
    for ent in doc.parse.ents:
        if ent.end_char > end:
            break
        if ent.label_ == "PERSON" and not out["who"]:
            out["who"] = (ent.text,)
        elif ent.label_ == "GPE" and not out["where"]:
            out["where"] = (ent.text,)
        elif ent.label_ == "DATE" and not out["when"]:
            value = timex.normalize(ent.text, doc.article.published)
            out["when"] = (value,) if value else ()
    return out


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold()) if w not in STOP_WORDS}


def correct(question: str, answer: Sequence[str], gold: Sequence[Answer]) -> bool:
    """Return whether an answer (any of its names) matches a gold phrase or names its day."""
    if question == "when":
        days = {g.parsed.isoformat() for g in gold if g.parsed is not None}
        return any(value[:10] in days for value in answer)
    words = set().union(*(_content_words(name) for name in answer)) if answer else set()
    return any(words & _content_words(g.text) for g in gold)


def run(options: EvalOptions) -> Report:
    """Return the Giveme5W1H report: who/when/where precision and recall, ours and baseline."""
    began = time.perf_counter()
    docs = load(options.data / NAME / "data", options.limit)
    analyzed = analyze_texts(
        [(d.text, d.published) for d in docs], options.settings, keep_parse=True
    )
    tallies = {s: {q: [0, 0, 0] for q in QUESTIONS} for s in ("storyline", "baseline")}
    for gold, doc in zip(docs, analyzed, strict=True):
        end = lead_end(doc, gold.body_start)
        for system, answers in (("storyline", ours(doc, end)), ("baseline", baseline(doc, end))):
            for q in QUESTIONS:
                if not gold.answers[q]:
                    continue  # no annotated answer: the question is not scored here
                tally, answer = tallies[system][q], answers[q]
                tally[2] += 1
                if answer:
                    tally[1] += 1
                    tally[0] += correct(q, answer, gold.answers[q])
    scores: list[Score] = []
    for system, label in (("storyline", "storyline"), ("baseline", "baseline:first spaCy entity")):
        precisions = []
        for q in QUESTIONS:
            right, answered, asked = tallies[system][q]
            scores += prf_scores(q, right, answered, asked, label)
            precisions.append(right / answered if answered else 0.0)
        scores.append(Score("who/when/where mean P", sum(precisions) / len(precisions), label))
    scores.append(
        Score("who/when/where mean P", 0.73, "published:Giveme5W1H", "5W1H, human-judged, own data")
    )
    return Report(
        dataset=NAME,
        scores=tuple(scores),
        documents=len(docs),
        seconds=time.perf_counter() - began,
        notes=(
            f"Lead = title, description (unless the body repeats it) and the first "
            f"{LEAD_SENTENCES} body sentences. Ours: who = the source of the lead's first event "
            "done by a PER/ORG entity, else the lead's most-mentioned PER/ORG; where = the "
            "most-mentioned GPE/LOC/FAC; when = the day of its first DATE or TIME expression "
            "that names a day, else the publication date (where our timeline "
            "puts an undated happening); baseline: the first spaCy PERSON, GPE and DATE "
            "(valued by dateparser against the publication date).",
            "Who/where match when the answer (our entity's name or any of its aliases) shares a "
            "content word (case-insensitive, stop "
            "words ignored) with an annotated phrase chosen by at least one coder; when matches "
            "when our value names the annotated day (a month or year alone does not).",
            "P = right / answered, R = right / articles with an annotated answer; articles whose "
            "coders gave no answer are not scored for that question. The published 0.73 is "
            "human-judged precision over all six questions on Giveme5W1H's own data.",
        ),
        headline=("who/when/where mean P", "who P", "when P", "where P"),
    )
