"""Our event types mapped onto the KAIROS ontology of WikiEvents, where an honest mapping exists.

Our events carry a PLOVER type (or a general class), sometimes a PLOVER mode,
and a trigger word. KAIROS types have three levels (``Life.Die.Unspecified``);
our types settle the first two at best, so the mapping, and every score made
with it, stops at **type.subtype** (``Life.Die``, ``Conflict.Attack``).

A rule is looked up by (our type, mode), then by (our type, trigger lemma),
then by our type alone. The lemma is consulted only where one of our types
lumps KAIROS types the word itself tells apart: PLOVER's ASSAULT and FIGHT
cover killing (``Life.Die``), wounding (``Life.Injure``) and attacking
(``Conflict.Attack``); DISAPPROVE covers criticism and indictment, LEGAL
trials and sentences, RETREAT releases and resignations, ECONOMIC buying and
building, DISASTER blasts, outbreaks and crashes; AID, MOBILIZE and
INVESTIGATE each hold a few words (evacuate, deploy, inspect) whose KAIROS
type the rest of the class lacks. The words are our own lexicon's
(:mod:`storyline.stages.plover`) read against the KAIROS type definitions,
never taken from annotated triggers. Types with no KAIROS counterpart (AGREE,
SUPPORT, COOPERATE, CONCEDE, REJECT, SANCTION, ELECTION, OTHER) map to
nothing, and so do reporting verbs (STATEMENT): KAIROS's Contact events are
acts of communicating, while "said" mostly attributes what follows.

Each rule also names the KAIROS role of our event's source (its subject or
agent) and of its target (its object or prepositional actor); our place is
KAIROS's ``Place`` for every type.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """A KAIROS type.subtype and the roles our source and target play in it (None: no role)."""

    type: str
    source: str | None
    target: str | None


PLACE = "Place"

ATTACK = Rule("Conflict.Attack", "Attacker", "Target")
DIE = Rule("Life.Die", "Killer", "Victim")
INJURE = Rule("Life.Injure", "Injurer", "Victim")
TRANSPORT = Rule("Movement.Transportation", "Transporter", "Destination")


def _each(words: str, rule: Rule | None) -> dict[str, Rule | None]:
    return dict.fromkeys(words.split(), rule)


# Our type alone: the KAIROS type that covers all its words.
BY_TYPE: dict[str, Rule] = {
    "ASSAULT": ATTACK,
    # Conventional military force is an attack too; KAIROS does not tell the two apart.
    "FIGHT": ATTACK,
    "PROTEST": Rule("Conflict.Demonstrate", "Demonstrator", "Target"),
    "THREATEN": Rule("Contact.ThreatenCoerce", "Communicator", "Recipient"),
    "DEMAND": Rule("Contact.RequestCommand", "Communicator", "Recipient"),
    "CONSULT": Rule("Contact.Contact", "Participant", "Participant"),
    "INVESTIGATE": Rule("Justice.InvestigateCrime", "Investigator", "Defendant"),
    "MOVEMENT": TRANSPORT,
}

# (our type, PLOVER mode): a mode that settles a KAIROS type, or rules one out (None).
BY_MODE: dict[tuple[str, str], Rule | None] = {
    ("COERCE", "detain"): Rule("Justice.ArrestJailDetain", "Jailer", "Detainee"),
    ("COERCE", "destroy"): Rule(
        "ArtifactExistence.DamageDestroyDisableDismantle", "Destroyer", "Artifact"
    ),
    ("COERCE", "restrict"): Rule("Control.ImpedeInterfereWith", "Impeder", None),
    ("ASSAULT", "beat"): INJURE,
    ("ASSAULT", "torture"): INJURE,
    # Kidnapping has no KAIROS type; a boycott is no demonstration.
    ("ASSAULT", "abduct"): None,
    ("PROTEST", "boycott"): None,
    ("MOBILIZE", "troops"): TRANSPORT,
    ("RETREAT", "release"): Rule("Justice.ReleaseParole", "JudgeCourt", "Defendant"),
}

_VIOLENCE = {
    **_each("kill killing murder slay slaughter massacre execute execution behead lynch", DIE),
    **_each("injure wound maim", INJURE),
}
_BUY = Rule("Transaction.ExchangeBuySell", "Recipient", "AcquiredEntity")
_SELL = Rule("Transaction.ExchangeBuySell", "Giver", "AcquiredEntity")

# (our type, trigger lemma), for the types that lump what KAIROS keeps apart.
BY_LEMMA: dict[tuple[str, str], Rule | None] = {
    **{("ASSAULT", w): r for w, r in _VIOLENCE.items()},
    **{("FIGHT", w): r for w, r in _VIOLENCE.items()},
    **{
        ("DISAPPROVE", w): r
        for w, r in {
            **_each(
                "charge indict indictment", Rule("Justice.ChargeIndict", "Prosecutor", "Defendant")
            ),
            **_each("convict conviction", Rule("Justice.Convict", "JudgeCourt", "Defendant")),
        }.items()
    },
    **{
        ("LEGAL", w): r
        for w, r in {
            **_each("trial try hearing", Rule("Justice.TrialHearing", "JudgeCourt", "Defendant")),
            "sentence": Rule("Justice.Sentence", "JudgeCourt", "Defendant"),
            "acquit": Rule("Justice.Acquit", "JudgeCourt", "Defendant"),
        }.items()
    },
    **{
        ("RETREAT", w): r
        for w, r in {
            **_each("release free", Rule("Justice.ReleaseParole", "JudgeCourt", "Defendant")),
            **_each(
                "resign resignation quit abdicate step",
                Rule("Personnel.EndPosition", "Employee", "PlaceOfEmployment"),
            ),
        }.items()
    },
    ("INVESTIGATE", "inspect"): Rule("Cognitive.Inspection", "Inspector", "InspectedEntity"),
    ("INVESTIGATE", "inspection"): Rule("Cognitive.Inspection", "Inspector", "InspectedEntity"),
    **{("MOBILIZE", w): TRANSPORT for w in ("deploy", "deployment")},
    **{
        ("AID", w): Rule("Movement.Transportation", "Transporter", "PassengerArtifact")
        for w in ("evacuate", "evacuation", "airlift")
    },
    **{
        ("AID", w): Rule("Transaction.Donation", "Giver", "Recipient")
        for w in ("donate", "donation")
    },
    **{
        ("ECONOMIC", w): r
        for w, r in {
            **_each("buy purchase acquire", _BUY),
            **_each("sell sale", _SELL),
            **_each(
                "build construct produce",
                Rule("ArtifactExistence.ManufactureAssemble", "Manufacturer", "Artifact"),
            ),
        }.items()
    },
    # Our DISASTER class holds the blast of a device, which KAIROS files under attacks
    # (Conflict.Attack.DetonateExplode), and the outbreak of a disease.
    **{("DISASTER", w): Rule("Conflict.Attack", None, "Target") for w in ("explode", "explosion")},
    **{
        ("DISASTER", w): Rule("Disaster.DiseaseOutbreak", None, "Victim")
        for w in ("outbreak", "epidemic")
    },
    # "the plane crashed into a house": the one crashing is the vehicle, what it hit the object.
    ("DISASTER", "crash"): Rule("Disaster.Crash", "Vehicle", "CrashObject"),
}


def level(kairos_type: str) -> str:
    """Return a KAIROS type cut to type.subtype (``Life.Die.Unspecified`` -> ``Life.Die``)."""
    return ".".join(kairos_type.split(".")[:2])


def rule(type_: str, mode: str | None, lemma: str) -> Rule | None:
    """Return the KAIROS rule for one of our events (type, PLOVER mode, trigger lemma), or None."""
    if mode is not None and (type_, mode) in BY_MODE:
        return BY_MODE[type_, mode]
    if (type_, lemma) in BY_LEMMA:
        return BY_LEMMA[type_, lemma]
    return BY_TYPE.get(type_)


def _range() -> frozenset[str]:
    rules = [*BY_TYPE.values(), *BY_MODE.values(), *BY_LEMMA.values()]
    return frozenset(r.type for r in rules if r is not None)


# Every KAIROS type.subtype the mapping can produce: the gold events scored against ours.
RANGE = _range()
