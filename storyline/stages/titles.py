"""Titles: the phrases that give people roles, read off the parse around their names.

Three shapes carry a role in news prose:

- a title before the name: "Russian President Vladimir Putin", "US Secretary of
  State Hillary Clinton", "UN-Arab League envoy Kofi Annan";
- an appositive or a relative clause: "Its chief executive, Anders Klemet",
  "Joe Leonard, chairman of AirTran", "Dimitri Peskov, who is Putin's spokesman";
- a role noun on its own that stands for someone introduced earlier: "the prime
  minister", "the Turkish Prime Minister", "Putin's spokesman".

This module finds the phrases and says what they hold (title words, the party
the role is held in); :mod:`storyline.stages.roles` ties them to the article's names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storyline.stages.names import wordset

# Occupations written before a name like a title ("shopkeeper Emil Sandor", "farmer Jan Ek").
OCCUPATIONS = wordset(
    "shopkeeper farmer teacher nurse lawyer engineer pilot fisherman student activist "
    "scientist researcher journalist photographer priest pastor volunteer firefighter "
    "paramedic surgeon physician novelist businessman businesswoman entrepreneur midwife"
)
# Words that name an office; a title phrase must contain one.
HEADS = OCCUPATIONS | wordset(
    "president premier minister secretary chancellor king queen prince princess emperor "
    "empress pope monarch leader chief head chairman chairwoman chairperson chair ceo cfo coo "
    "cto executive officer director manager founder co-founder cofounder owner spokesman "
    "spokeswoman spokesperson envoy ambassador diplomat general commander admiral colonel "
    "captain lieutenant marshal governor mayor senator congressman congresswoman "
    "representative lawmaker legislator mp judge justice prosecutor attorney economist "
    "official adviser advisor aide negotiator dictator sheikh emir sultan ayatollah cleric imam "
    "archbishop bishop cardinal rabbi patriarch coach editor correspondent professor "
    "commissioner ombudsman speaker deputy vice-president president-elect secretary-general "
    "director-general strongman ruler consul treasurer sheriff dean rector counsel chairman "
    "vice-chairman pm vp analyst sen rep gov gen lt col capt sgt adm"
)
# Words that may qualify an office inside a title ("Prime", "Foreign", "of State").
MODIFIERS = wordset(
    "prime foreign defence defense finance interior home justice health trade energy economy "
    "economic education culture agriculture transport transportation environment labour labor "
    "industry commerce treasury homeland security intelligence military army naval navy air "
    "force police national supreme high lord grand crown first chief executive operating "
    "financial technology technical marketing information senior junior deputy vice assistant "
    "associate acting interim former then ex late opposition party state general managing "
    "affairs of and public press communications sales research regional federal central joint "
    "staff armed forces special presidential outgoing incoming top longtime veteran ruling "
    "rebel exiled elected designate emeritus founding principal attorney district"
)
TITLE_WORDS = HEADS | MODIFIERS
# Qualifiers dropped from the title itself: they say when, not what.
_TEMPORAL = frozenset({"former", "then", "ex", "late", "outgoing", "incoming", "acting", "interim"})
# One spelling per office, for matching a role noun to the title someone was introduced with.
SYNONYMS = {
    "pm": "prime minister", "premier": "prime minister", "ceo": "chief executive",
    "chief executive officer": "chief executive", "chairwoman": "chairman",
    "chairperson": "chairman", "chair": "chairman", "spokeswoman": "spokesman",
    "spokesperson": "spokesman", "advisor": "adviser", "defense": "defence",
    "coo": "chief operating officer", "cfo": "chief financial officer", "vp": "vice president",
    "vice-president": "vice president", "co-founder": "founder", "cofounder": "founder",
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant", "adm": "admiral",
}  # fmt: skip
# Titles that only ever stand before a person's name: "Spokeswoman Sandy Angers" tagged as an
# organization is a person; "General Motors" is not a general.
PERSONAL = OCCUPATIONS | wordset(
    "president vice-president premier minister secretary chancellor king queen prince princess "
    "emperor pope senator congressman congresswoman governor mayor ambassador envoy spokesman "
    "spokeswoman spokesperson chairman chairwoman ceo sheikh emir sultan ayatollah imam rabbi "
    "archbishop bishop president-elect sen rep gov gen lt col capt sgt adm mr mrs ms dr sir prof"
)
# Parties a role is held in, as pronouns: resolved by the caller to the last such actor.
PRONOUNS = {"its": "ORG", "their": "ORG", "his": "PER", "her": "PER"}
_SMALL = frozenset({"of", "and", "the", "for"})


@dataclass(frozen=True)
class RolePhrase:
    """A role phrase in the text: its title, and the party the role is held in.

    ``start``/``end`` cover the whole phrase ("Russian President"),
    ``title_start``/``title_end`` the title words alone ("President");
    ``party`` is the (start, end) of the words naming the party ("Russian",
    "Putin", "its") or ``None``; ``key`` is the canonical title used for
    matching. ``is_mention`` marks a phrase that itself refers to the holder
    (an appositive), as opposed to a title written before the name.
    """

    start: int
    end: int
    title_start: int
    title_end: int
    title: str
    key: str
    party: tuple[int, int] | None = None
    former: bool = False
    is_mention: bool = False


def word(token: Any) -> str:
    """Return a token's text as the lexicons list it: folded, without an abbreviation's dot."""
    return str(token.text).casefold().rstrip(".")


def canonical(words: list[str]) -> str:
    """Return the matching form of title words ("Prime Minister" → "prime minister")."""
    kept = [w.casefold().rstrip(".") for w in words if w.casefold() not in _TEMPORAL]
    text = " ".join(SYNONYMS.get(w, w) for w in kept)
    return SYNONYMS.get(text, text)


def display(words: list[str]) -> str:
    """Return title words as a title ("chief executive" → "Chief Executive")."""
    kept = [w for w in words if w.casefold() not in _TEMPORAL]
    return " ".join(
        w.casefold() if w.casefold() in _SMALL else (w if w.isupper() else w.capitalize())
        for w in kept
    )


def _is_title(words: list[str]) -> bool:
    folded = [w.casefold() for w in words]
    return (
        bool(folded)
        and folded[0] not in _SMALL
        and folded[-1] not in _SMALL
        and any(w in HEADS for w in folded)
    )


def _end(token: Any) -> int:
    return int(token.idx) + len(token.text)


def prefix(parsed: Any, first: int) -> RolePhrase | None:
    """Return the title written right before the name starting at token ``first``, or None.

    The phrase is read leftwards: title words ("Prime Minister", "Secretary of
    State" even where the tagger calls "State" an organization), then the
    party as named entity tokens ("Russian", "US", "UN-Arab League", "Airbus").
    """
    i = first - 1
    while i >= 0 and parsed[i].is_space:  # "Prime Minister  Recep Tayyip Erdogan"
        i -= 1
    first = i + 1
    while i >= 0 and word(parsed[i]) in TITLE_WORDS:
        i -= 1
    words = [t.text for t in parsed[i + 1 : first]]
    # "the chief of staff Tom": a leading "of"/"and" belongs to no title.
    while words and words[0].casefold() in _SMALL:
        words.pop(0)
        i += 1
    if not _is_title(words):
        return None
    title_start = i + 1
    j = i
    while j >= 0 and (
        parsed[j].ent_type_ in ("NORP", "GPE", "ORG", "PERSON", "LOC", "FAC")
        or (parsed[j].text in ("-", "–") and j > 0 and parsed[j - 1].ent_type_)
        or (parsed[j].tag_ == "POS" and j > 0 and parsed[j - 1].ent_type_)
    ):
        j -= 1
    party = None
    if j < i:
        last = i if parsed[i].tag_ != "POS" else i - 1
        party = (int(parsed[j + 1].idx), _end(parsed[last]))
    start = party[0] if party else int(parsed[title_start].idx)
    former = any(w.casefold() in ("former", "ex", "late") for w in words)
    end = _end(parsed[first - 1])
    title_start = int(parsed[title_start].idx)
    return RolePhrase(start, end, title_start, end, display(words), canonical(words), party, former)


def _noun_title(head: Any) -> tuple[list[Any], tuple[int, int] | None, int]:
    """Return the title tokens, the party span and the phrase end of a role noun."""
    left = [c for c in head.lefts if c.dep_ in ("compound", "amod") and not c.ent_type_]
    left = [c for c in left if word(c) in TITLE_WORDS]
    tokens = [*left, head]
    end = _end(head)
    party: tuple[int, int] | None = None
    for child in head.children:
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and child.ent_type_):
            party = (int(child.left_edge.idx), _end(child))
        elif child.dep_ == "prep" and child.text.casefold() == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not objects:
                continue
            obj = objects[0]
            named = obj.ent_type_ or obj.pos_ == "PROPN" or obj.dep_ == "poss"
            inner = list(child.subtree)
            if word(obj) in TITLE_WORDS and obj.ent_type_ not in ("GPE", "NORP"):
                tokens += [child, obj]  # "Secretary of State"
                end = _end(obj)
            elif not named and len(inner) <= 4 and all(t.is_alpha for t in inner):
                tokens += inner  # "director of sales analysis"
                end = _end(inner[-1])
            else:
                party = (int(obj.left_edge.idx), _end(obj.right_edge))
                end = party[1]
    tokens.sort(key=lambda t: t.i)
    return tokens, party, end


def appositives(parsed: Any, root: Any) -> list[RolePhrase]:
    """Return the roles an appositive or a "who is" clause gives the name whose head is ``root``.

    "Its chief executive, Anders Klemet" (the name is the appositive of the
    title), "Joe Leonard, chairman and chief operating officer of AirTran"
    (the title is the name's appositive, conjuncts included), "Dimitri
    Peskov, who is Putin's spokesman".
    """
    nouns = []
    if root.dep_ == "appos" and word(root.head) in HEADS:
        nouns.append(root.head)
    for child in root.children:
        if child.dep_ == "appos" and word(child) in HEADS:
            nouns.append(child)
        elif (
            child.dep_ == "relcl"
            and child.lemma_ == "be"
            and any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in child.children)
        ):
            nouns += [c for c in child.children if c.dep_ == "attr"]
    found = []
    for noun in nouns:
        members = sorted((noun, *noun.conjuncts), key=lambda t: t.i)
        read = [_noun_title(m) for m in members]
        # "chairman and chief operating officer of AirTran": the party is said once, last.
        shared = next((party for _, party, _ in reversed(read) if party is not None), None)
        for member, (tokens, party, end) in zip(members, read, strict=True):
            if word(member) not in HEADS or member.tag_ in ("NNS", "NNPS"):
                continue
            party = party or shared
            words = [t.text for t in tokens]
            start = min([int(member.left_edge.idx), *(int(t.idx) for t in tokens)])
            if member.left_edge.text.casefold() in ("the", "a", "an"):
                start = int(member.left_edge.nbor(1).idx)
            if not _is_title(words):
                continue
            former = any(w.casefold() in ("former", "ex", "late") for w in words)
            first, last = int(tokens[0].idx), _end(tokens[-1])
            found.append(
                RolePhrase(
                    start, end, first, last, display(words), canonical(words), party, former, True
                )
            )
    return found


def nouns(parsed: Any, taken: set[int]) -> list[RolePhrase]:
    """Return definite role nouns standing for someone: "the prime minister", "Putin's spokesman".

    Tokens in ``taken`` (names, and titles already read as a prefix or an
    appositive) are skipped; so are plural and indefinite nouns ("ministers",
    "a spokesman") and titles followed by a name.
    """
    found = []
    for token in parsed:
        if token.i in taken or word(token) not in HEADS:
            continue
        if token.tag_ not in ("NN", "NNP") or token.ent_type_ in ("PERSON", "ORG", "GPE"):
            continue
        following = next((t for t in parsed[token.i + 1 :] if not t.is_space), None)
        if following is not None and (following.i in taken or following.ent_type_ == "PERSON"):
            continue  # a title before a name, not a role noun
        if token.dep_ in ("compound", "amod"):
            continue  # "the president's plan" is fine, "the minister meeting" is not a person
        determiners = [c for c in token.children if c.dep_ in ("det", "poss")]
        if not determiners or determiners[0].text.casefold() in ("a", "an", "any", "no", "every"):
            continue
        tokens, party, end = _noun_title(token)
        words = [t.text for t in tokens]
        if not _is_title(words):
            continue
        det = determiners[0]
        start = int(det.nbor(1).idx) if det.dep_ == "det" else int(det.left_edge.idx)
        start = min(start, *(int(t.idx) for t in tokens))
        first, last = int(tokens[0].idx), _end(tokens[-1])
        found.append(
            RolePhrase(
                start, end, first, last, display(words), canonical(words), party, False, True
            )
        )
    return found


def matches(noun: str, title: str) -> bool:
    """Say whether a role noun ("minister") can stand for a title ("foreign minister")."""
    n, t = noun.split(), title.split()
    return len(n) <= len(t) and t[len(t) - len(n) :] == n
