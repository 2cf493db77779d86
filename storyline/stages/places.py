"""Places: demonyms, gazetteer resolution, and capitals that speak for their governments.

- A demonym names its country: "Turkish" is a mention of Turkey, "Russian-Turkish"
  of both.
- A place resolves to the gazetteer's record (country code, coordinates),
  preferring cities in the countries the article names ("Paris" in an article
  about Texas is still Paris, France, unless Texas's Paris is the only one).
- Metonymy: a capital or a seat of government that is the subject of a political
  verb ("Moscow has refused", "the Kremlin said"), its object ("accusing Moscow"),
  a party to relations ("tensions between Moscow and Ankara", "a deal with
  Moscow") or a possessor of a stance ("Washington's position") is the
  government, not the place; "in Moscow", "arrived in Ankara" stay places.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from storyline.stages import gazetteer
from storyline.stages.gazetteer import Place
from storyline.stages.names import wordset

# Prepositions before a name that make it a place, whatever the tagger said.
LOCATIVE = wordset(
    "in at from to near into across outside inside around throughout toward towards via "
    "through within between"
)
# Verbs whose subject is an agent: a capital there is a government acting.
POLITICAL_VERBS = wordset(
    "say tell state announce declare refuse reject deny accuse demand support back oppose "
    "object veto warn threaten insist urge call condemn criticize criticise protest welcome "
    "agree approve sign propose offer promise pledge vow decide decline respond reply retaliate "
    "sanction impose lift expel summon recall recognize recognise negotiate strike seek want "
    "claim blame charge dismiss complain confirm admit acknowledge suggest hope expect believe "
    "fear push press pressure ask invite send deploy supply arm fund finance order ban block "
    "suspend halt freeze resume launch invade annex intervene mediate broker ratify adopt "
    "unveil plan intend prepare consider vote abstain boycott sue indicate insist signal "
    "announce allege dispute refuse retort counter vow hit condemn question"
)
# Verbs whose object is an agent: "accusing Moscow", "urged Beijing".
TARGET_VERBS = wordset(
    "accuse urge criticize criticise condemn warn pressure press sanction blame persuade "
    "convince lobby ask tell invite threaten support back oppose punish reassure court "
    "isolate defy challenge rebuke praise thank join help fight call"
)
# Nouns of relations between parties: "tensions between Moscow and Ankara".
RELATION_NOUNS = wordset(
    "tension relation tie talk deal agreement accord treaty pact dispute row rift standoff "
    "negotiation dialogue cooperation rapprochement relationship alliance partnership "
    "conflict war rivalry contact summit"
)
# Nouns a government holds: "Moscow's stance", "pressure from Washington".
POLICY_NOUNS = wordset(
    "stance position policy decision support government response refusal demand veto offer "
    "proposal plan approach view concern objection opposition backing role reaction attitude "
    "strategy claim request warning threat insistence ally envoy ambassador spokesman "
    "official minister diplomat pressure criticism condemnation aid help involvement "
    "intervention"
)
_PARTS = re.compile(r"[-–/]")
# Words naming a division after its name: "Mersin province", "Idlib governorate".
_DIVISIONS = wordset(
    "province region state county district governorate oblast prefecture city municipality "
    "department"
)


@dataclass(frozen=True)
class Demonym:
    """A demonym (or a part of a compound one) and the country or region it names."""

    start: int
    end: int
    place: Place


def demonyms(text: str, start: int, end: int) -> list[Demonym]:
    """Return the countries a demonym span names: "Turkish" → Turkey; "Russian-Turkish" → both.

    A country name the tagger took for a nationality ("Tajikistan") counts too.
    """
    whole = text[start:end]
    found = gazetteer.demonym(whole) or gazetteer.country(whole)
    if found is not None:
        return [Demonym(start, end, found)]
    out = []
    position = start
    for part in _PARTS.split(whole):
        part_start = text.index(part, position) if part else position
        position = part_start + len(part)
        place = gazetteer.demonym(part) if part[:1].isupper() else None
        if place is not None:
            out.append(Demonym(part_start, position, place))
    return out


@dataclass(frozen=True)
class Located:
    """A gazetteer place for a name; ``exact`` when the whole name is the place's name."""

    place: Place
    exact: bool


def resolve(name: str, near: Collection[str] = ()) -> Located | None:
    """Return the gazetteer place a name denotes, preferring the countries ``near``.

    "Mersin province" is located by "Mersin" (not exactly: the province is
    not the city, but it lies in the same country, around the same point).
    """
    found = gazetteer.place(name, near)
    if found is not None:
        return Located(found, True)
    words = name.split()
    if len(words) > 1 and words[-1].casefold() in _DIVISIONS:
        found = gazetteer.place(" ".join(words[:-1]), near)
        if found is not None:
            return Located(found, False)
    return None


# A place's parts and what a country has: "the Veldmark coast", "Calvera's ports", and the
# compass words before a region of one: "central Calvera".
GEOGRAPHIC_NOUNS = wordset(
    "coast coastline border borders capital interior port ports province provinces region "
    "regions countryside mainland frontier highlands lowlands"
)
# Bodies one is "in" that are no places.
INSTITUTIONS = wordset(
    "congress parliament senate house assembly court council cabinet government duma knesset "
    "bundestag commission committee"
)
# Words that end a street's name ("Downing Street") or open one ("Avenue Montaigne"), and the
# other words of public ways a place has ("Brevik Ferry's Canal Street", "X's Market Square").
STREET_ENDS = wordset("street road avenue boulevard")
STREET_STARTS = wordset("avenue rue boulevard")
STREET_WORDS = STREET_ENDS | wordset("square lane quay")
COMPASS = wordset(
    "central northern southern eastern western northeastern northwestern southeastern "
    "southwestern coastal"
)


def geographic(parsed: Any, first: int, last: int) -> bool:
    """Say whether the words around a name make it a place.

    "central X", "X's ports", "X's Canal Street"; "In X, ..." opening a sentence, and "in X,
    where ..." (a company is "at" or "with", and "where" after it is rare).
    """
    if first > 0 and parsed[first - 1].lower_ in COMPASS:
        return True
    after = parsed[last + 1 : last + 3]
    if len(after) and after[0].lower_ in GEOGRAPHIC_NOUNS:
        return True
    if len(after) == 2 and after[0].tag_ == "POS":
        if after[1].lower_ in GEOGRAPHIC_NOUNS:
            return True
        street = parsed[last + 2 : last + 5]
        for token in street:  # "Brevik Ferry's Canal Street"
            if not token.is_title:
                break
            if token.lower_ in STREET_WORDS:
                return True
    if first == 0 or len(after) == 0 or after[0].text != ",":
        return False
    before = parsed[first - 1]
    if before.lower_ != "in" or parsed[last].lower_ in INSTITUTIONS:  # "In Congress, ..."
        return False
    opens = before.is_sent_start or before.i == 0
    return opens or (len(after) == 2 and after[1].lower_ == "where")


def street(key: str) -> bool:
    """Say whether a folded name is a street's: "avenue montaigne", "downing street"."""
    words = key.split()
    return len(words) > 1 and (words[0] in STREET_STARTS or words[-1] in STREET_ENDS)


def locative(parsed: Any, first: int) -> bool:
    """Say whether the name starting at token ``first`` follows "in", "from", "near" ..."""
    i = first - 1
    if i >= 0 and parsed[i].text.casefold() == "the":
        i -= 1
    return i >= 0 and parsed[i].text.casefold() in LOCATIVE


def _agent_slot(root: Any) -> bool:
    """Say whether a name's head token sits where a government, not a place, would."""
    while root.dep_ == "conj" and root.head is not root:
        root = root.head  # "Moscow and Ankara": the second takes the first's slot
    dep, head = root.dep_, root.head
    if dep in ("nsubj", "nsubjpass", "csubj", "agent"):
        return bool(head.lemma_ in POLITICAL_VERBS)
    if dep == "dobj":
        return bool(head.lemma_ in TARGET_VERBS)
    if dep == "poss":
        return bool(head.lemma_ in POLICY_NOUNS)
    if dep == "pobj":
        preposition = head.text.casefold()
        governor = head.head.lemma_
        if preposition in ("with", "between", "against", "by", "on"):
            return bool(governor in RELATION_NOUNS | POLITICAL_VERBS | POLICY_NOUNS)
        if preposition == "from":
            return bool(governor in POLICY_NOUNS)
    return False


def government(name: str, root: Any) -> str | None:
    """Return what a seat of government stands for in this sentence ("Russia"), or None.

    ``root`` is the head token of the name in the parse. Only capitals and
    seats ("the Kremlin", "the White House") qualify, and only in an agent's
    slot; a country's own name is the country's actor already.
    """
    governed = gazetteer.seat(name)
    if governed is None or gazetteer.country(name) is not None:
        return None
    return governed if _agent_slot(root) else None
