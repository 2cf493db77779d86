"""The event ontology and its lexicon: which words trigger which event type.

Political types follow PLOVER, the successor of CAMEO for coding "who did what
to whom". We keep the eighteen types of the PLOVER gold-standard records
(coded with the 2016 specification), which are one step finer than the
sixteen of the current draft (0.8, 2021); :data:`CURRENT` folds them:

=============  ==========================================================  ============
type           what it covers (CAMEO roots)                                PLOVER 2021
=============  ==========================================================  ============
AGREE          agree, offer, promise, accept; intent to cooperate (03)     AGREE
CONSULT        meet, visit, host, talk, negotiate, mediate (04)            CONSULT
SUPPORT        praise, endorse, defend, recognize, apologize, sign (05)    SUPPORT
COOPERATE      cooperate, share information, joint exercises (06)          COOPERATE
AID            give, send, donate aid; grant asylum (07)                   AID
CONCEDE        ease restrictions, allow, call off, reform (081-083)        CONCEDE
RETREAT        withdraw, release, surrender, ceasefire, resign (084-087)   RETREAT
INVESTIGATE    investigate, probe, inspect (09)                            ACCUSE
DEMAND         demand, urge, call for, ask, appeal (10)                    REQUEST
DISAPPROVE     criticize, condemn, accuse, sue, complain, indict (11)      ACCUSE
REJECT         reject, refuse, decline, oppose, veto, defy (12)            REJECT
THREATEN       threaten, warn, ultimatum; intent to use force (13)         THREATEN
PROTEST        demonstrate, strike, boycott, block roads, riot (14)        PROTEST
MOBILIZE       mobilize, deploy, put on alert (15)                         MOBILIZE
SANCTION       cut ties or aid, expel, suspend, halt talks (16)            SANCTION
COERCE         arrest, deport, ban, curfew, blockade, destroy (17)         COERCE
ASSAULT        kill, bomb, abduct, torture, assassinate (18, 20)           ASSAULT
FIGHT          conventional military force: shell, invade, clash (19)      ASSAULT
=============  ==========================================================  ============

The rest of the news falls into a few general classes: STATEMENT (say,
announce), MOVEMENT (travel, arrive, flee), ECONOMIC (trade, invest, build),
DISASTER (earthquake, flood, crash), LEGAL (trial, sentence, verdict),
ELECTION (elections and votes), and OTHER (an everyday happening no class
names: "death", "game", "robbery", a nominalization a light verb governs, or a
content verb heading a clause, as :mod:`storyline.stages.triggers` reads
them). Modes are PLOVER's where the word settles them cheaply (``visit``,
``curfew``, ``strike-hun``, ``heavy-weapons`` ...).

The word lists come from the CAMEO/PLOVER category definitions
(``CAMEO2PLOVER-2021.txt``) and ordinary English; they are not fitted to any
coded sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

POLITICAL = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "INVESTIGATE",
    "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE",
    "ASSAULT", "FIGHT",
)  # fmt: skip
GENERAL = ("STATEMENT", "MOVEMENT", "ECONOMIC", "DISASTER", "LEGAL", "ELECTION", "OTHER")
TYPES = POLITICAL + GENERAL

# The 2016 types that PLOVER 0.8 (2021) merged into others.
CURRENT = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

# PLOVER codes an announced intention as AGREE when the act is cooperative and
# as THREATEN when it is hostile (CAMEO 03 "express intent to cooperate" vs 13
# "threaten"); a failed or refused cooperative act is a REJECT (CAMEO 12).
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE"})
HOSTILE = frozenset({"SANCTION", "COERCE", "ASSAULT", "FIGHT", "MOBILIZE", "PROTEST"})


@dataclass(frozen=True)
class Sense:
    """An event type, with a PLOVER mode when the trigger word settles one."""

    type: str
    mode: str | None = None


def current(type_: str) -> str:
    """Return the PLOVER 2021 name of a type (DEMAND -> REQUEST, FIGHT -> ASSAULT ...)."""
    return CURRENT.get(type_, type_)


def coded(type_: str, modality: str) -> str:
    """Return the type a PLOVER coder assigns once intent and failure are folded in.

    "will support" is an AGREE, "may halt talks" a THREATEN, "cannot agree" a
    REJECT; the event itself keeps its own type and modality.
    """
    if modality in ("planned", "hypothetical") and type_ in COOPERATIVE:
        return "AGREE"
    if modality in ("planned", "hypothetical") and type_ in HOSTILE:
        return "THREATEN"
    if modality == "negated" and type_ in COOPERATIVE:
        return "REJECT"
    return type_


def words(text: str) -> frozenset[str]:
    """Return the set of whitespace-separated words of ``text`` (how word lists are written)."""
    return frozenset(text.split())


def _table(rows: dict[str, str]) -> dict[str, Sense]:
    """Expand ``{TYPE: "word word/mode ..."}`` into ``{word: Sense}``."""
    out: dict[str, Sense] = {}
    for type_, words in rows.items():
        for item in words.split():
            word, _, mode = item.partition("/")
            out[word.replace("_", " ")] = Sense(type_, mode or None)
    return out


def _pairs(rows: dict[str, str]) -> dict[tuple[str, str], Sense]:
    """Expand ``{TYPE: "verb+word/mode ..."}`` into ``{(verb, word): Sense}``."""
    out: dict[tuple[str, str], Sense] = {}
    for type_, items in rows.items():
        for item in items.split():
            pair, _, mode = item.partition("/")
            verb, _, word = pair.partition("+")
            out[verb, word.replace("_", " ")] = Sense(type_, mode or None)
    return out


# Verb lemmas. Ambiguous verbs ("call", "lift", "withdraw") get their default
# here and their readings with a particle or object in VERB_PAIRS.
VERBS = _table(
    {
        "AGREE": "agree accept consent offer pledge promise commit volunteer propose guarantee "
        "assure settle reconcile",
        "CONSULT": "meet talk discuss negotiate consult confer mediate convene visit/visit "
        "tour/visit host/host telephone/phone phone/phone",
        "SUPPORT": "praise endorse back support defend commend applaud hail laud congratulate "
        "thank recognize recognise apologize apologise forgive sign ratify approve welcome "
        "embrace salute",
        "COOPERATE": "cooperate collaborate co-operate share extradite coordinate ally",
        "AID": "aid donate provide supply grant deliver assist help rescue shelter fund "
        "contribute airlift evacuate arm train protect",
        "CONCEDE": "concede yield ease relax allow permit legalize legalise pardon "
        "reinstate compromise relent lift shorten loosen soften waive accede",
        "RETREAT": "withdraw retreat release free surrender disarm/disarm demobilize/disarm "
        "demobilise/disarm resign quit abdicate dismantle/disarm",
        "INVESTIGATE": "investigate probe inspect examine audit interrogate inquire verify",
        "DEMAND": "demand urge ask request appeal press seek order petition implore "
        "exhort plead beg lobby invite summon pressure",
        "DISAPPROVE": "criticize criticise condemn denounce accuse blame charge sue complain "
        "deplore censure reproach slam decry indict convict allege lambast rebuke berate "
        "castigate deride mock ridicule chastise fault scold prosecute impeach object",
        "REJECT": "reject refuse decline deny oppose veto dismiss rebuff spurn defy resist "
        "disobey snub repudiate renounce",
        "THREATEN": "threaten warn menace",
        "PROTEST": "protest demonstrate rally march riot/riot-spon revolt/riot-spon "
        "mutiny/riot-spon picket strike/strike-gen chant boycott/boycott block/obstruct",
        "MOBILIZE": "mobilize mobilise deploy reinforce station muster",
        "SANCTION": "sanction suspend sever cut expel/expel recall freeze downgrade cancel "
        "withhold blacklist",
        "COERCE": "arrest/detain detain/detain jail/detain imprison/detain apprehend/detain "
        "incarcerate/detain intern/detain deport/deport exile/deport banish/deport "
        "evict/deport ban/ban outlaw/ban prohibit/ban censor/censor confiscate/confiscate "
        "seize/confiscate expropriate/confiscate loot/confiscate plunder/confiscate "
        "blockade/restrict besiege/restrict restrict/restrict prevent/restrict curb/restrict "
        "occupy raid hack disperse suppress repress destroy/destroy demolish/destroy "
        "raze/destroy bulldoze/destroy impose",
        "ASSAULT": "kill murder slay slaughter assassinate/assassinate abduct/abduct "
        "kidnap/abduct hijack/abduct bomb/explosives torture/torture beat/beat rape/sexual "
        "abuse massacre execute stab behead lynch wound injure maim attack hit poison "
        "terrorize terrorise shoot/firearms",
        "FIGHT": "fight clash shell/heavy-weapons invade/heavy-weapons bombard/heavy-weapons "
        "pound/heavy-weapons fire/firearms battle capture storm ambush overrun retake "
        "recapture repel skirmish counterattack",
        "STATEMENT": "say tell announce state report claim add note declare affirm stress "
        "explain comment indicate confirm reiterate suggest predict write describe argue "
        "acknowledge admit reveal disclose assert quote reply answer testify insist",
        "MOVEMENT": "travel arrive leave depart flee cross enter return move fly sail migrate head",
        "ECONOMIC": "trade buy sell pay invest export import finance cost build construct "
        "produce borrow lend spend earn owe default purchase acquire",
        "DISASTER": "crash collapse explode erupt burn sink flood",
        "LEGAL": "sentence acquit try rule",
        "ELECTION": "elect vote campaign nominate re-elect",
    }
)

# Adjectives that carry a stance ("is opposed to", "critical of", "committed to").
ADJECTIVES = {
    "opposed": Sense("REJECT"),
    "critical": Sense("DISAPPROVE"),
    "committed": Sense("AGREE"),
}

# (verb, particle or object word) readings that override the verb's default.
VERB_PAIRS = _pairs(
    {
        "AGREE": "reach+agreement reach+accord reach+deal reach+settlement strike+deal "
        "strike+agreement conclude+agreement sign+up",
        "CONSULT": "pay+visit/visit make+visit/visit",
        "SUPPORT": "establish+tie establish+relation restore+tie restore+relation "
        "upgrade+tie upgrade+relation normalize+relation normalize+tie resume+tie "
        "resume+relation rally+support open+embassy stand+by side+with",
        "COOPERATE": "hand+over share+intelligence/intelligence share+information/intelligence "
        "team+up join+force",
        "AID": "send+aid send+arms send+food send+supply send+medicine send+assistance "
        "send+money send+relief give+aid give+grant give+loan open+border",
        "CONCEDE": "call+off lift+ban/ban lift+curfew/curfew lift+restriction lift+emergency "
        "lift+law ease+restriction ease+curfew/curfew cancel+restriction back+down give+in",
        "RETREAT": "pull+out/withdraw pull+back/withdraw withdraw+troop/withdraw "
        "withdraw+force/withdraw lift+blockade/ease lift+siege/ease lift+sanction/ease "
        "lift+embargo/ease ease+sanction/ease declare+ceasefire/ceasefire "
        "declare+truce/ceasefire step+down return+weapon/return return+property/return "
        "set+free/release lay+down/disarm allow+access/access hand+back/return "
        "halt+violence/ceasefire halt+fighting/ceasefire stop+fighting/ceasefire "
        "end+fighting/ceasefire",
        "INVESTIGATE": "open+investigation open+inquiry open+probe open+hearing "
        "dispatch+inspector send+inspector",
        "DEMAND": "call+for call+on call+upon push+for press+for",
        "DISAPPROVE": "speak+out find+guilty bring+charge file+suit file+lawsuit file+complaint "
        "lash+out hit+out",
        "REJECT": "violate+ban violate+law violate+rule violate+resolution turn+down "
        "block+resolution block+bill block+proposal block+deal block+plan",
        "THREATEN": "issue+ultimatum give+ultimatum",
        "PROTEST": "take+street walk+out",
        "MOBILIZE": "send+troop/troops send+force/troops send+soldier/troops "
        "strengthen+force/troops mass+troop/troops put+alert/troops call+up/troops "
        "build+up/troops",
        "SANCTION": "break+off cut+off cut+tie cut+aid withdraw+ambassador withdraw+envoy "
        "withdraw+peacekeeper/expel withdraw+peacekeeping/expel withdraw+observer/expel "
        "withdraw+inspector/expel close+embassy impose+sanction impose+embargo force+out/expel "
        + " ".join(
            f"{verb}+{what}"
            for verb in ("halt", "end", "suspend", "stop", "freeze")
            for what in ("talk", "negotiation", "mediation", "dialogue", "relation", "tie", "aid")
        )
        + " prohibit+aid reduce+aid reduce+supply",
        "COERCE": "impose+curfew/curfew impose+restriction/restrict impose+ban/ban "
        "impose+blockade/restrict declare+emergency/martial-law declare+siege/martial-law "
        "declare+martial/martial-law declare+curfew/curfew set+fire/destroy "
        "blow+up/destroy close+border/restrict take+custody/detain round+up/detain "
        "shut+down/restrict crack+down",
        "ASSAULT": "take+hostage/abduct claim+life gun+down/firearms",
        "FIGHT": "violate+ceasefire violate+truce launch+attack launch+offensive "
        "mount+offensive mount+invasion/heavy-weapons open+fire/firearms shoot+down/heavy-weapons",
        "ECONOMIC": "strike+bargain",
    }
)

# Eventive nouns.
NOUNS = _table(
    {
        "AGREE": "agreement accord deal pledge promise offer",
        "CONSULT": "welcome/host talk meeting summit visit/visit trip/visit negotiation "
        "consultation mediation dialogue conference",
        "SUPPORT": "praise endorsement recognition apology treaty support backing",
        "COOPERATE": "cooperation collaboration partnership extradition exercise",
        "AID": "aid assistance donation asylum relief airlift evacuation",
        "CONCEDE": "concession amnesty reform pardon",
        "RETREAT": "withdrawal pullout pull-out release/release ceasefire/ceasefire "
        "cease-fire/ceasefire truce/ceasefire armistice/ceasefire surrender resignation "
        "handover",
        "INVESTIGATE": "investigation inquiry probe inspection",
        "DEMAND": "demand request appeal plea petition",
        "DISAPPROVE": "criticism condemnation accusation complaint lawsuit indictment charge "
        "allegation",
        "REJECT": "rejection refusal veto",
        "THREATEN": "threat warning ultimatum",
        "PROTEST": "protest demonstration rally march riot/riot-spon strike/strike-gen "
        "boycott/boycott sit-in walkout vigil uprising",
        "MOBILIZE": "mobilization mobilisation deployment buildup build-up alert",
        "SANCTION": "sanction embargo suspension expulsion",
        "COERCE": "arrest/detain detention/detain curfew/curfew ban/ban crackdown "
        "deportation/deport blockade/restrict siege/restrict occupation raid",
        "ASSAULT": "attack assault bombing/explosives assassination/assassinate massacre "
        "killing murder kidnapping/abduct abduction/abduct hijacking/abduct torture/torture "
        "execution cleansing/cleansing shooting/firearms stabbing beating/beat rape/sexual "
        "hostage-taking/abduct",
        "FIGHT": "fighting clash battle offensive invasion/heavy-weapons shelling/heavy-weapons "
        "airstrike/heavy-weapons gunfire/firearms gunbattle/firearms "
        "war combat hostility violence bombardment/heavy-weapons incursion skirmish "
        "firefight/firearms ambush insurgency",
        "ECONOMIC": "trade investment sale purchase contract loan acquisition merger takeover "
        "bankruptcy layoff",
        "DISASTER": "earthquake quake temblor flood storm hurricane typhoon cyclone drought "
        "famine tsunami wildfire crash outbreak epidemic explosion blast fire blaze accident "
        "collision wreck derailment eruption landslide mudslide avalanche blackout",
        "LEGAL": "trial verdict ruling hearing sentence conviction acquittal arraignment",
        "ELECTION": "election vote referendum ballot poll nomination inauguration",
        "MOVEMENT": "arrival departure escape",
        # Happenings of everyday news that no class above names: a death, a game, a crime.
        "OTHER": "death funeral wedding birth injury surgery victory defeat game match "
        "tournament robbery theft burglary arson fraud incident ceremony",
    }
)

# (noun, modifier) readings: "hunger strike", "air strike", "car bomb".
NOUN_PAIRS = _pairs(
    {
        "PROTEST": "strike+hunger/strike-hun strike+general/strike-gen",
        "FIGHT": "strike+air/heavy-weapons strike+missile/heavy-weapons "
        "strike+drone/heavy-weapons strike+military/heavy-weapons raid+air/heavy-weapons",
        "ASSAULT": "bombing+suicide/suicide-attack bombing+car/explosives "
        "attack+suicide/suicide-attack attack+bomb/explosives bomb+car/explosives",
        "COOPERATE": "game+war",
        "ECONOMIC": "deal+trade deal+arms",
    }
)

# Verbs whose object noun names the event: "held talks", "staged a protest".
LIGHT_VERBS = words(
    "hold stage launch mount conduct begin start resume continue renew carry open make pay "
    "undertake organize organise join lead announce call give engage participate take"
)

# Military nouns: violence by these is FIGHT (conventional force), by anyone
# else ASSAULT (CAMEO 19 vs 18).
MILITARY = words(
    "army military troop force soldier navy airforce aircraft jet warplane plane helicopter "
    "tank artillery gunship warship marine paratrooper battalion brigade unit regiment "
    "division missile rocket mortar shell"
)


# --- words the parse rules of :mod:`storyline.stages.events` rely on ---------------------

# Common nouns that name people or bodies able to act.
ACTOR_NOUNS = words(
    """official minister government leader president premier chancellor king queen prince
    emir sheikh army force troop soldier police policeman rebel militant guerrilla
    insurgent fighter militia militiaman people civilian refugee protester demonstrator
    student worker union party group country nation state authority court parliament
    congress senate cabinet administration ministry agency organization organisation
    council committee opposition regime diplomat ambassador envoy negotiator delegation
    spokesman spokeswoman judge prosecutor prisoner detainee hostage immigrant settler
    resident villager farmer citizen man woman child journalist activist mediator observer
    inspector peacekeeper monitor side member elder bank company firm community coalition
    alliance bloc movement front navy aircraft jet helicopter tank warship plane
    serviceman officer commander general colonel chief youth employee teacher doctor"""
)
# The ones that are a single person, for "he"/"she".
PERSON_NOUNS = words(
    """official minister leader president premier chancellor king queen prince emir sheikh
    diplomat ambassador envoy negotiator spokesman spokeswoman judge prosecutor man woman
    journalist activist commander general colonel chief secretary"""
)
# Verbs whose complement is what someone said or thinks ("said it will veto").
SAY_VERBS = frozenset(w for w, s in VERBS.items() if s.type == "STATEMENT") | words(
    "think believe insist warn accuse charge"
)
# Governing words that mark what they govern as not done, planned, or asked for.
NEGATORS = words("fail refuse decline cease stop")
PLANNERS = words(
    """plan due set expect intend prepare schedule aim want hope agree promise pledge vow
    threaten offer decide ready willing prepared poised likely seek propose going"""
)
REQUESTERS = words("demand urge ask call request appeal press order")
# Demonyms whose country is not their prefix; the rest match by stem ("Syrian" ~ "Syria").
DEMONYMS = {
    "british": ("britain", "united kingdom", "uk"), "english": ("england",),
    "french": ("france",), "greek": ("greece",), "dutch": ("netherlands",),
    "swiss": ("switzerland",), "american": ("united states", "us", "usa", "america"),
    "welsh": ("wales",), "scottish": ("scotland",), "irish": ("ireland",),
    "danish": ("denmark",), "swedish": ("sweden",), "finnish": ("finland",),
    "polish": ("poland",), "spanish": ("spain",), "turkish": ("turkey", "turkiye"),
    "saudi": ("saudi arabia",), "emirati": ("united arab emirates", "uae"),
    "filipino": ("philippines",), "thai": ("thailand",), "burmese": ("burma", "myanmar"),
    "soviet": ("soviet union", "ussr"), "kurdish": ("kurdistan",), "czech": ("czechia",),
}  # fmt: skip


def verb_pair(lemma: str, words: Iterable[str]) -> Sense | None:
    """Return the reading a particle or object word gives a verb ("call off"), or None."""
    return next((VERB_PAIRS[lemma, w] for w in words if (lemma, w) in VERB_PAIRS), None)


def noun_sense(lemma: str, modifiers: Iterable[str] = ()) -> Sense | None:
    """Return the sense of an eventive noun given its modifiers, or None."""
    for word in modifiers:
        sense = NOUN_PAIRS.get((lemma, word))
        if sense is not None:
            return sense
    return NOUNS.get(lemma)
