"""The clause around a time expression: whether it looks ahead, looks back, or has begun.

A year-less expression ("Tuesday", "in March") names the last or the next
such time; news mostly reports what happened, so the past is the default,
and the words before the expression say otherwise: a future cue ("will",
"is due to"), a planned event in the present ("talks resume Monday"),
"would" in reported speech. With the parse, the verb the expression dates has
its say too, wherever it stands: "In January, the company brought in a new chief"
(a simple past: the January gone by), "On Tuesday, the league plans to hold"
(what is to come), "Until Thursday, they had not called" (a past perfect looks
back). :class:`Context` carries the text, the publication date and the parse
every handler of :mod:`storyline.stages.timevalues` reads an expression against.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from storyline.stages.calendar import Lean

# A clause about what is still to come ("will meet on Tuesday", "is due to vote on
# Tuesday", "is scheduled for Tuesday") means the next such day, not the last one.
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|'ll|(?:is|are|was|were)\s+(?:due|going)\s+to|(?:is|are)\s+to"
    r"|set\s+to|slated|poised\s+to|scheduled|plan(?:s|ned|ning)?\s+to|to\s+be\s+held"
    r"|expected\s+to|as\s+(?:soon|early)\s+as|upcoming|until|till|effective)\b",
    re.I,
)
# ...unless a report, a past verb or the end of a quotation comes between the cue and
# the expression ("who will visit next month, said Tuesday"; "'We will win,' he said Monday").
_PAST_CUE = re.compile(
    r"\b(?:said|says|told|announced|reported|added|predicted|stated|warned|claimed|confirmed"
    r"|declared|noted|wrote|was|were|had|did)\b|''|[\"”]"
)
# A period after a lone letter or a title ends no sentence: "a.m. EST", "U.S. officials".
_SENTENCE_BREAK = re.compile(
    r"(?<!\b[A-Za-z])(?<!\bM[rs])(?<!\bMrs)(?<!\b[DS]t)(?<!\bDr)(?<!\bGov)(?<!\bSen)(?<!\bRep)"
    r"(?<!\bGen)(?<!\bNo)(?<!\bCo)(?<!\bInc)(?<!\bCorp)(?<!\bJr)[.!?]\s+(?=[A-Z\"'“])|\n"
)
# Auxiliaries and present-tense verbs that look ahead to what they date.
_WILL = frozenset({"will", "shall", "'ll", "wo"})
_HAD = frozenset({"had", "'d"})
_PLAN_VERBS = frozenset({"plan", "intend", "expect", "aim", "hope", "prepare", "schedule"})
_CUE_WINDOW = 100  # characters looked back for a future cue, within the sentence
# A day is still to come when "would" and a verb govern it in reported speech ("said the
# father would be traveling Thursday"), or when a verb of a planned event stands in the
# present simple just before it ("the two meet separately Monday", "talks resume Monday"):
# English reports a scheduled event in the present. A report verb in the present ("says
# Monday") is no such cue; "would not comment Monday" and "would have" look back.
_WOULD_CUE = re.compile(r"\bwould\s+(?!not\b|never\b|have\b|decline|comment|say)[a-z]+")
_SCHEDULED_BEFORE = re.compile(
    r"(?<!\bdid\s)(?<!\bnot\s)(?<!n't\s)\b(?:meets?|begins?|resumes?|leaves|arrives?"
    r"|travels|visits|convenes?|testif(?:y|ies)|takes?\s+office)(?:\s+[\w'-]+){0,3}"
    r"\s+(?:on\s+)?$"
)
# A clause that begins after the cue has a verb of its own ("would resume talks, which
# began Monday").
_NEW_CLAUSE = re.compile(r",\s*(?:which|who|when|where|after|before|as|while)\b")
# "Tuesday's decision" names a day by what happened on it, not when the verb happens.
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
# "since" looks back: what follows it has begun by the anchor ("since February").
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)
# A clause opened by "since" names where a stretch of time began, so a month dated by
# its verb in the simple past has begun ("since KKR bought RJR in February"). Only the
# verb, its object and "in" may come between: "to be published in November" dates what
# is still to be done. (A past verb alone is no such cue: "agreed in November to buy
# the bank in January" dates the purchase.)
_SINCE_PAST_IN = re.compile(
    r"\bsince\s+(?:[\w'.-]+\s+){0,4}?"
    r"\b(?:(?!(?:schedul|plann|expect|propos|slat|intend|need|hundr|inde|spe)ed\b)[a-z]{2,}ed"
    r"|bought|sold|began|took|made|won|lost|left|came|went|rose|fell|paid|told|held|met|saw"
    r"|got|gave|found|brought|became|spent|built|ran|led|sank|struck|fled|hit)"
    r"(?:\s+(?!(?:to|be|that|and|or|but|which|who|will|would)\b)[\w'$%.-]+){0,4}\s+(?:in|on)\s+$",
    re.I,
)


# Words of games and races: a quarter or half beside them is part of the contest.
_CONTEST = re.compile(
    r"\b(?:game|match|goals?|scored|scoring|halftime|half-time|quarterback|touchdowns?|innings"
    r"|laps?|crews?|whistle|kick-?off|penalty|penalties|striker|referee|overtime|regatta"
    r"|champions?|lengths?|race|rowers?|sprint|finish line|tournament|semi-?final)\b",
    re.IGNORECASE,
)


def _completed(verb: Any) -> Iterator[Any]:
    """Yield a verb and each verb it completes: "expects to post" yields "post", "expects"."""
    while verb is not None:
        yield verb
        verb = verb.head if verb.dep_ == "xcomp" and verb.head.i != verb.i else None


def _has_aux(verb: Any, words: frozenset[str]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in words for c in verb.children)


class NoAnchor(Exception):
    """Raised by a rule that needs the publication date when there is none."""


@dataclass
class Context:
    """The text being read and the publication date its relative expressions resolve against."""

    text: str
    published: date | None
    parsed: Any = None  # the spaCy doc of ``text``, when there is one

    def anchor(self) -> date:
        """Return the publication date, or raise :class:`NoAnchor` when there is none."""
        if self.published is None:
            raise NoAnchor
        return self.published

    def clause(self, start: int) -> str:
        """Return the text before ``start`` back to the sentence start (at most 100 characters)."""
        window = self.text[max(0, start - _CUE_WINDOW) : start]
        for brk in _SENTENCE_BREAK.finditer(window):
            window = window[brk.end() :]
        return window

    def sentence(self, start: int, end: int) -> str:
        """Return the text around ``start:end`` within its sentence (100 characters each way)."""
        after = self.text[end : end + _CUE_WINDOW]
        brk = _SENTENCE_BREAK.search(after)
        return self.clause(start) + self.text[start:end] + (after[: brk.start()] if brk else after)

    def contest(self, start: int, end: int) -> bool:
        """Say whether the sentence around ``start:end`` is about a game or race.

        "closed to within half a length in the final quarter", "scored twice in the second
        half": a contest's quarters and halves are parts of it, not of the calendar year.
        """
        return _CONTEST.search(self.sentence(start, end)) is not None

    def lean(self, start: int) -> Lean:
        """Return "future" when the clause before ``start`` speaks of the future, else "past"."""
        window = self.clause(start)
        cues = list(_FUTURE_CUE.finditer(window))
        future = bool(cues) and not _PAST_CUE.search(window, cues[-1].end())
        return "future" if future else "past"

    def day_lean(self, start: int, end: int) -> Lean:
        """Return :meth:`lean` for a day named at ``start:end``, or "future" when it is planned.

        A verb in the past perfect looks back whatever came before it: "Until Thursday, they
        had not called Kopp a suspect", "had been scheduled to expire at midnight Friday".
        """
        if self.told_in_past_perfect(start, end):
            return "past"
        if self.lean(start) == "future" or self.told_in_future(start, end):
            return "future"
        if _POSSESSIVE_AFTER.match(self.text, end):
            return "past"
        window = self.clause(start)
        if _SCHEDULED_BEFORE.search(window):
            return "future"
        cues = list(_WOULD_CUE.finditer(window))
        if not cues or _PAST_CUE.search(window, cues[-1].end()):
            return "past"
        return "past" if _NEW_CLAUSE.search(window, cues[-1].end()) else "future"

    def told_in_past(self, start: int, end: int) -> bool:
        """Say whether the verb the expression at ``start:end`` dates is in the simple past.

        "In January, American Medical brought in a new chief" dates a month gone by;
        "agreed to buy the bank in January", "was planned for March" and "told them of a
        cutback in September" do not say. Without a parse nothing is told.
        """
        verb = self._verb(start, end)
        return verb is not None and verb.tag_ == "VBD"

    def told_in_future(self, start: int, end: int) -> bool:
        """Say whether the verb the expression at ``start:end`` dates speaks of what is to come.

        The cues before an expression miss a verb after it: "On Tuesday, the president will
        travel", "On Tuesday, the league plans to hold a news conference"; and a forecast
        governs what it forecasts: "expects a loss in the fourth quarter", "expects to post
        a loss in the fourth quarter".
        """
        return any(
            _has_aux(verb, _WILL) or (verb.tag_ in ("VBZ", "VBP") and verb.lemma_ in _PLAN_VERBS)
            for verb in _completed(self._verb(start, end, through_object=True))
        )

    def told_in_past_perfect(self, start: int, end: int) -> bool:
        """Say whether the verb the expression dates, or the one it completes, has a "had"."""
        return any(_has_aux(verb, _HAD) for verb in _completed(self._verb(start, end)))

    def _verb(self, start: int, end: int, through_object: bool = False) -> Any:
        """Return the verb an expression hangs on, directly or by its preposition, or None.

        Only the verb itself: in "told them of a cutback in September" the month dates the
        cutback, not the telling; ``through_object`` goes on from a direct object to its
        verb ("expects a loss in the fourth quarter").
        """
        if self.parsed is None:
            return None
        span = self.parsed.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        head = span.root.head
        if head.dep_ == "prep":  # "in January": the verb the preposition hangs on
            head = head.head
        if through_object and head.dep_ == "dobj":
            head = head.head
        return head if head.pos_ in ("VERB", "AUX") else None

    def since(self, start: int) -> bool:
        """Return whether "since" stands right before ``start``."""
        return _SINCE_BEFORE.search(self.text, max(0, start - 8), start) is not None

    def begun(self, start: int) -> bool:
        """Return whether ``start`` follows "since", or "in" in a clause opened by "since"."""
        return self.since(start) or _SINCE_PAST_IN.search(self.clause(start)) is not None
