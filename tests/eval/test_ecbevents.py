"""ECB+ gold-mention setting: gold mentions become our event mentions, our merging clusters them."""

from __future__ import annotations

from datetime import date

from storyline.eval import ecbevents
from storyline.eval.ecbplus import EventMention
from storyline.link.reports import StoryDocs
from storyline.model import Article, Doc, Entity, Event, Mention, Span

DAY = date(2013, 5, 3)


def doc(aid: str, text: str, names: dict[str, str], events: tuple[Event, ...] = ()) -> Doc:
    """Return a doc whose entity mentions sit on the given names (name -> spaCy label)."""
    mentions = tuple(
        Mention(text.index(n), text.index(n) + len(n), Entity.make_id(n.lower()), label)
        for n, label in names.items()
    )
    entities = tuple(Entity(Entity.make_id(n.lower()), n, "PER") for n in names)
    return Doc(
        Article(aid, text, published=None),
        sentences=(Span(0, len(text)),),
        entities=entities,
        mentions=mentions,
        events=events,
    )


def gold(key: str, d: Doc, word: str, lemma: str) -> ecbevents.GoldTrigger:
    start = d.text.index(word)
    return ecbevents.GoldTrigger(key, start, start + len(word), lemma, Span(0, len(d.text)))


def test_a_gold_mention_takes_its_head_its_sentence_entities_and_our_event():
    d = doc(
        "a1",
        "Police arrested Smith in Chicago after the quake.",
        {"Smith": "PERSON", "Chicago": "GPE"},
        (Event("v1", 7, 15, "arrested", "COERCE", target=Entity.make_id("smith")),),
    )
    sd = StoryDocs("st", (d,), {"a1": "oc1"})
    arrested, quake = ecbevents.gold_event_mentions(
        sd, d, [gold("x/1", d, "arrested", "arrest"), gold("x/2", d, "quake", "quake")]
    )
    assert arrested.event.trigger == "arrested" and arrested.event.type == "COERCE"
    assert arrested.actors == {Entity.make_id("smith"), Entity.make_id("chicago")}
    assert arrested.occasion == "oc1" and not arrested.sources  # Smith is the target
    # No event of ours on "quake": the type comes from the lexicon, the trigger from the head.
    assert quake.event.type == "DISASTER" and quake.stem == "quake"
    assert quake.actors == arrested.actors and quake.event.modality == "asserted"


def test_gold_mentions_of_one_occasion_merge_by_word_family_and_stay_apart_otherwise():
    a = doc("a1", "A quake struck Chile.", {"Chile": "GPE"})
    b = doc("a2", "The temblor killed two, officials said.", {})
    c = doc("a3", "A quake struck Peru.", {"Peru": "GPE"})
    blocks = [
        StoryDocs("st1", (a, b), {"a1": "oc1", "a2": "oc1"}),
        StoryDocs("st2", (c,), {"a3": "oc2"}),
    ]
    found = {
        "a1": [gold("1_1ecb/1", a, "quake", "quake")],
        "a2": [gold("1_2ecb/1", b, "temblor", "temblor"), gold("1_2ecb/2", b, "said", "say")],
        "a3": [gold("1_1ecbplus/1", c, "quake", "quake")],
    }
    clusters = ecbevents.gold_setting(blocks, found)
    assert clusters["1_1ecb/1"] == clusters["1_2ecb/1"]
    assert clusters["1_2ecb/2"] != clusters["1_1ecb/1"]
    # Another story (another quake) never joins, whatever the word.
    assert clusters["1_1ecbplus/1"] != clusters["1_1ecb/1"]


def test_halves_split_the_topics_alternately_and_keys_name_their_topic():
    mentions = [
        EventMention(f"{t}_1ecb/1", t, f"{t}ecb", ("w",), (0,), "e") for t in ("1", "2", "3", "10")
    ]
    halves = ecbevents.halves(mentions)
    assert halves == {"held-out half": {"2", "10"}, "tuning half": {"1", "3"}}
    assert ecbevents._topic("10_2ecbplus/7") == "10"
    assert ecbevents._topic(("ours", "3_1ecb", "v1")) == "3"
