"""Actors within one article: fixing the small model's person/organization slips, and folding names.

- Context retypes a name: "state company Rosatom", "Rosatom Inc.", "Rosatom's
  shares" are an organization even where the tagger says person; "Ryanair CEO,
  Michael O'Leary" makes Ryanair the employer, not a person.
- A surname alone folds into the one full name in the article that ends with
  it ("Putin" → "Vladimir Putin", "Assad" → "Bashar al-Assad"), whatever label
  the tagger gave the surname; a shorter form of a longer name folds too
  ("Tayyip Erdogan"). An acronym given in brackets after an organization's name
  ("European Aeronautic Defence and Space (EADS)") folds into it, and so does a
  "person" that is its first words ("Kestrel said" beside "Kestrel Freight Group").
- An office, an age or a relative "who" makes a name a person ("22-year-old Nils
  Varga", "Lucía Benedek, who chairs ..."), whatever the tagger said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from storyline.stages.names import DESIGNATORS, initials, surname, wordset
from storyline.stages.titles import HEADS, PERSONAL, TITLE_WORDS, word

# Nouns that introduce an organization's name: "state company Rosatom", "retailer Best Buy".
ORG_NOUNS = wordset(
    "company firm group giant maker manufacturer carrier airline bank automaker carmaker "
    "operator agency corporation conglomerate retailer developer producer supplier subsidiary "
    "startup start-up publisher newspaper magazine broadcaster network channel party union "
    "organization organisation website studio label insurer lender chain brand outlet "
    "broker fund miner utility daily tabloid weekly"
)
# What an organization has: "Rosatom's shares", "Ryanair's board".
ORG_POSSESSIONS = wordset(
    "shares stock board ceo chairman headquarters subsidiary subsidiaries employees workers "
    "staff customers products profit profits revenue revenues sales plant plants factory "
    "factories stores website fleet earnings shareholders investors brand unit division "
    "executives chief"
)
# Words inside a name that make it an organization: "Best Buy Stores", "Aer Lingus Airlines".
ORG_NAME_WORDS = wordset(
    "airlines airways air motors bank group holdings company systems technologies "
    "electronics energy petroleum oil gas media news times post journal reports research "
    "institute university college foundation association council committee ministry "
    "department agency party union federation league club stores store corp inc "
    "corporation railways telecom communications pharmaceuticals industries "
    "partners capital securities insurance hydro freight logistics rail railway shipping police"
)
# Businesses a name can be the name of: "the Harry Winston boutique" is the jeweller, not the man.
BUSINESS_NOUNS = wordset(
    "store boutique shop jeweller jeweler restaurant showroom brand label chain company firm"
)
# Titles of office in an organization: "Ryanair CEO, Michael O'Leary".
ORG_TITLES = wordset(
    "ceo chief executive chairman chairwoman president founder director manager "
    "chief operating officer chief financial officer"
)
# Words a person's name can be preceded by, and verbs whose subject is a person.
HONORIFICS = wordset("mr mrs ms miss dr sir dame lady lord prof")
SPEECH_VERBS = wordset("say tell add explain insist argue claim note write ask")


def extend_left(parsed: Any, first: int, last: int) -> int:
    """Return the first token of a name once untagged capitalized name words join it.

    The tagger sometimes takes only the surname: "Its chief executive, Anders
    Klemet" yields "Klemet"; "Anders" is a capitalized compound of it.
    """
    head = parsed[first : last + 1].root
    while first > 0:
        i = first - 1
        while i > 0 and parsed[i].is_space:  # "Tayyip\xa0Erdogan"
            i -= 1
        token = parsed[i]
        if (
            token.ent_type_
            or not token.is_title
            or token.pos_ != "PROPN"
            or token.text.casefold() in TITLE_WORDS
            or token.dep_ != "compound"
            or token.head.i < i
            or token.head.i > head.i
        ):
            break
        first = i
    return first


def strip_titles(parsed: Any, first: int, last: int) -> int:
    """Return the first token of a person's name once leading titles ("President") are cut.

    Only when the cut ends on a title that stands before people alone
    ("Sen. McCain", "Spokeswoman Sandy Angers"): "General Motors" stays whole.
    """
    i = first
    while i < last and word(parsed[i]) in TITLE_WORDS | HONORIFICS:
        i += 1
    return i if i > first and word(parsed[i - 1]) in PERSONAL else first


def corporate(parsed: Any, first: int, last: int) -> bool:
    """Say whether the context calls the name from ``first`` to ``last`` an organization."""
    words = {t.text.casefold().rstrip(".") for t in parsed[first : last + 1]}
    if words & ORG_NAME_WORDS and last > first:  # "Harry Winston Diamond Corp."
        return True
    if first > 0 and parsed[first - 1].lemma_.casefold() in ORG_NOUNS:
        return True
    root = parsed[first : last + 1].root
    if last > first and root.dep_ == "compound" and root.head.lemma_.casefold() in BUSINESS_NOUNS:
        return True  # "the Harry Winston boutique"
    # "the low-cost airline, Ryanair" / "Ryanair, the low-cost airline,"
    if root.dep_ == "appos" and root.head.lemma_.casefold() in ORG_NOUNS:
        return True
    if any(c.dep_ == "appos" and c.lemma_.casefold() in ORG_NOUNS for c in root.children):
        return True
    if last + 1 < len(parsed):
        after = parsed[last + 1]
        if after.text.casefold().rstrip(".") in DESIGNATORS:
            return True
        if after.tag_ == "POS" and last + 2 < len(parsed):
            return bool(parsed[last + 2].text.casefold() in ORG_POSSESSIONS)
    return False


def organization_bounds(parsed: Any, first: int, last: int) -> tuple[int, int] | None:
    """Return wider bounds when a place name is the start or end of a company's name.

    "Singapore Airlines", "China Eastern Airlines", "Air China": the tagger
    takes the place and leaves the company word out. Returns None otherwise.
    """
    end = last
    while end + 1 < len(parsed) and end - last < 3:
        token = parsed[end + 1]
        if not token.is_title or token.ent_type_ not in ("", "ORG"):
            break
        end += 1
        if token.text.casefold() in ORG_NAME_WORDS:
            return first, end
    if first > 0:
        token = parsed[first - 1]
        if token.is_title and token.text.casefold() == "air" and not token.ent_type_:
            return first - 1, last
    return None


# Last words that make an organization's name a facility: "Changi International Airport".
FACILITY_WORDS = wordset(
    "airport station square bridge palace stadium arena tower center centre theater theatre "
    "hall museum port harbour harbor base plant factory"
)


# Things named after people or myths: "Patriot missiles", "Kalashnikov rifles", "Sputnik
# vaccine". A name that modifies one of these is the thing's make, not a person.
ARTIFACT_NOUNS = wordset(
    "missile rocket rifle gun jet fighter tank drone helicopter aircraft plane system "
    "vaccine launcher warship submarine car truck phone"
)


def product_name(parsed: Any, first: int, last: int) -> bool:
    """Say whether the name from ``first`` to ``last`` is a make of thing ("Patriot missiles")."""
    root = parsed[first : last + 1].root
    head = root.head
    return (
        root.dep_ == "compound" and head.pos_ == "NOUN" and head.lemma_.casefold() in ARTIFACT_NOUNS
    )


def person_cue(parsed: Any, first: int, last: int) -> bool:
    """Say whether the context calls the name a person: "Mr Henderson", "Henderson said"."""
    if first > 0 and parsed[first - 1].text.casefold().rstrip(".") in HONORIFICS:
        return True
    root = parsed[first : last + 1].root
    return bool(root.dep_ == "nsubj" and root.head.lemma_ in SPEECH_VERBS)


_AGE = re.compile(r"\b\d{1,3}-year-old\s*$", re.IGNORECASE)


def introduced_as_person(parsed: Any, first: int, last: int) -> bool:
    """Say whether the context introduces the name as a person, whatever the tagger said.

    An office or an age right before it ("commission chair Lucía Benedek", "22-year-old Nils
    Varga") or a relative "who" right after it ("Lucía Benedek, who chairs the commission") is a
    person's;
    the small model tags many names it has not seen, accented ones most, as organizations.
    """
    if first > 0 and word(parsed[first - 1]) in HEADS and parsed[first - 1].pos_ == "NOUN":
        return True
    if _AGE.search(parsed.text[max(0, parsed[first].idx - 16) : parsed[first].idx]):
        return True  # "stroked by 22-year-old Nils Varga"
    after = parsed[last + 1 : last + 3]
    # A full name: a one-word organization can be followed by someone else's "who".
    return last > first and len(after) == 2 and after[0].text == "," and after[1].lower_ == "who"


@dataclass(frozen=True)
class Name:
    """A name found in the article: its folded key and type, for folding decisions."""

    key: str
    type: str
    fixed: bool = False  # typed by the words around it, not by the tagger


def owners(names: Iterable[Name], places: frozenset[str] = frozenset()) -> dict[str, str]:
    """Map each short name to the one longer person name in the article it abbreviates.

    A one-word name folds into the single multi-word person name whose
    surname it is ("putin" → "vladimir putin", "al-assad" → "bashar assad"),
    whatever the tagger called it, except a known place name (``places``)
    tagged as a place: "Putin's Russia" keeps Russia. A multi-word person
    name folds into the single longer one it is the tail of ("tayyip
    erdogan" → "recep tayyip erdogan") or whose first and last words it
    keeps. Two full names sharing a surname leave it alone.
    """
    found = list(names)
    people = {n.key for n in found if n.type == "PER" and " " in n.key}
    by_surname: dict[str, list[str]] = {}
    for key in people:
        by_surname.setdefault(surname(key), []).append(key)
    out: dict[str, str] = {}
    for name in found:
        if name.key in out or (name.key in people and _longer(name.key, people) is None):
            continue
        if " " not in name.key:
            if name.type in ("GPE", "LOC", "FAC") and name.key in places:
                continue
            longer = by_surname.get(surname(name.key), [])
            if len(longer) == 1 and longer[0] != name.key:
                out[name.key] = longer[0]
        elif name.type == "PER":
            owner = _longer(name.key, people)
            if owner is not None:
                out[name.key] = owner
    return out


def short_forms(names: Iterable[Name], places: frozenset[str] = frozenset()) -> dict[str, str]:
    """Map a "person" that is an organization's first words to that organization's name.

    A report names a company in full once and by its first words after that ("Kestrel Freight
    Group" ... "Kestrel Freight said", "Kestrel said"), which the tagger often calls a person.
    A name tagged only as a person folds when it begins exactly one longer organization name
    of the article, or several that each begin the next ("Kestrel Freight" and "Kestrel
    Freight Group": it folds into the full one), and is no word of another person's name.
    Names tagged as organizations keep their entity: "Apple" beside "Apple TV" or "GM" beside
    "GM Europe" is the parent, not the part, and "Chrysler" in one report is "Chrysler" in the
    next; but a "person" that only its context made an organization ("Kestrel's shares")
    still folds. A name ever tagged or known as a place keeps its own entity.
    """
    found = list(names)
    others = {n.key for n in found if n.type != "PER" and not (n.type == "ORG" and n.fixed)}
    others |= places
    orgs = {n.key for n in found if n.type == "ORG" and " " in n.key}
    candidates = {n.key for n in found if n.type == "PER"} - others
    out: dict[str, str] = {}
    for key in sorted(candidates):
        longer = sorted((o for o in orgs if o.startswith(key + " ")), key=len)
        if longer and all(b.startswith(a + " ") for a, b in pairwise(longer)):
            out[key] = longer[-1]
    # A "person" that folds ("Kestrel Freight") is no person's name to keep "Kestrel" from.
    people = {k for k in candidates if " " in k} - out.keys()
    words = {w for key in people for w in key.split()}
    return {k: v for k, v in out.items() if k not in words and _longer(k, people) is None}


def _longer(key: str, people: set[str]) -> str | None:
    words = key.split()
    matches = [
        p for p in people
        if p != key and len(p.split()) > len(words)
        and (p.endswith(" " + key) or (p.split()[0] == words[0] and p.split()[-1] == words[-1]))
    ]  # fmt: skip
    return matches[0] if len(matches) == 1 else None


def acronyms(text: str, spans: Iterable[tuple[int, int, str]]) -> dict[str, str]:
    """Map an acronym to the organization it is given for: "Foo Bar Corp (FBC)" → "foo bar corp".

    ``spans`` are (start, end, key) of organization mentions in text order; an
    acronym counts when it follows a name in brackets and its letters start
    the name's words in order, or are the initials.
    """
    ordered = sorted(spans)
    out: dict[str, str] = {}
    for (_, end, key), (n_start, n_end, n_key) in pairwise(ordered):
        between = text[end:n_start]
        short = text[n_start:n_end]
        if between.strip() != "(" or not short.isupper() or " " in n_key:
            continue
        if _abbreviates(short.casefold(), key):
            out[n_key] = key
    return out


def _abbreviates(short: str, key: str) -> bool:
    letters = [c for c in short if c.isalpha()]
    if "".join(letters) == initials(key):
        return True
    it = iter(key.replace("-", " ").split())
    return all(any(w.startswith(c) for w in it) for c in letters)
