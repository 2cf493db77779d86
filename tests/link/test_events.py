"""Events across articles: the same happening merged, different occasions kept apart."""

from __future__ import annotations

from datetime import date

from link.handmade import make
from storyline.link.events import merge, trigger_key
from storyline.link.reports import StoryDocs, independence, stem
from storyline.model import Doc

JULY = date(2012, 7, 18)
DECEMBER = date(2012, 12, 3)


def meeting(aid: str, when: date, published: date, word: str = "met") -> Doc:
    return make(
        aid,
        f"Putin {word} Erdogan in the capital. The two men disagreed on Syria.",
        published,
        [{"trigger": word, "type": "CONSULT", "source": "putin", "target": "erdogan",
          "start": when, "end": when, "value": when.isoformat()}],
    )  # fmt: skip


def story(*docs: Doc, occasions: dict[str, str] | None = None) -> StoryDocs:
    return StoryDocs("st1", tuple(docs), occasions or {d.article.id: "oc1" for d in docs})


def test_stems_fold_inflections_and_irregular_forms():
    assert stem("meeting") == stem("met") == stem("meets") == stem("meet") == "meet"
    assert stem("talks") == stem("talk")
    assert stem("denied") == stem("denies") == stem("deny")
    assert stem("shot") == "shoot"


def test_the_same_meeting_reported_by_two_sources_is_one_happening():
    a = meeting("a1", JULY, JULY)
    b = meeting("a2", JULY, JULY, word="meeting")
    merged = merge(story(a, b))
    consult = [e for e in merged if e.type == "CONSULT"]
    assert len(consult) == 1
    assert set(consult[0].members) == {"a1-e0", "a2-e0"}
    assert consult[0].articles == ("a1", "a2")
    assert consult[0].time_start == JULY and consult[0].dated_by == "text"


def test_meetings_on_different_dates_stay_apart():
    merged = merge(story(meeting("a1", JULY, JULY), meeting("a2", DECEMBER, DECEMBER)))
    assert len([e for e in merged if e.type == "CONSULT"]) == 2


def test_undated_reports_of_different_occasions_stay_apart():
    text = "Putin held talks with Erdogan."
    ev = [{"trigger": "talks", "type": "CONSULT", "source": "putin", "target": "erdogan"}]
    a, b = make("a1", text, JULY, ev), make("a2", text + " ", DECEMBER, ev)
    apart = merge(story(a, b, occasions={"a1": "july", "a2": "december"}))
    assert len(apart) == 2
    together = merge(story(a, b, occasions={"a1": "july", "a2": "july"}))
    assert len(together) == 1


def test_an_undated_report_is_anchored_to_its_first_publication_date():
    ev = [{"trigger": "talks", "type": "CONSULT", "source": "putin", "target": "erdogan"}]
    (only,) = merge(story(make("a1", "Putin held talks with Erdogan.", DECEMBER, ev)))
    assert only.dated_by == "published" and only.time_start == only.time_end == DECEMBER


def test_a_denial_never_merges_with_the_claim():
    claim = make("a1", "Russia supports Assad.", JULY,
                 [{"trigger": "supports", "type": "SUPPORT", "source": "putin"}])  # fmt: skip
    denial = make("a2", "Russia does not support Assad.", JULY,
                  [{"trigger": "support", "type": "SUPPORT", "source": "putin",
                    "modality": "negated"}])  # fmt: skip
    assert len(merge(story(claim, denial))) == 2


def test_a_supposition_never_merges_with_the_happening_told():
    sold = make("a1", "The government sold its stake to Kestrel.", JULY,
                [{"trigger": "sold", "type": "ECONOMIC", "source": "putin"}])  # fmt: skip
    selling = make("a2", "Selling the stake would change nothing.", JULY,
                   [{"trigger": "Selling", "type": "ECONOMIC", "source": "putin",
                     "modality": "hypothetical"}])  # fmt: skip
    assert len(merge(story(sold, selling))) == 2
    again = make("a3", "The government sold its stake to Kestrel.", JULY,
                 [{"trigger": "sold", "type": "ECONOMIC", "source": "putin"}])  # fmt: skip
    assert len(merge(story(sold, again))) == 1


def test_different_actors_of_one_verb_stay_apart():
    a = make("a1", "Syria accused Turkey.", JULY,
             [{"trigger": "accused", "type": "DISAPPROVE", "source": "syria"}])  # fmt: skip
    b = make("a2", "Putin accused Turkey.", JULY,
             [{"trigger": "accused", "type": "DISAPPROVE", "source": "putin"}])  # fmt: skip
    assert len(merge(story(a, b))) == 2


def test_two_statements_of_one_speaker_are_two_statements():
    doc = make(
        "a1", "Putin said the talks were useful. Putin said nothing was agreed.", DECEMBER,
        [{"trigger": "said", "type": "STATEMENT", "source": "putin"},
         {"trigger": "said", "type": "STATEMENT", "source": "putin", "after": 20}],
    )  # fmt: skip
    assert len(merge(story(doc))) == 2


def test_one_statement_reported_days_apart_is_one_but_months_apart_two():
    def statement(aid: str, text: str, published: date) -> Doc:
        return make(aid, text, published,
                    [{"trigger": "said", "type": "STATEMENT", "source": "marrow"}])  # fmt: skip

    march = statement("a1", "Marrow said the failure was a decision.", date(2025, 3, 14))
    days = statement("a2", "Marrow said ministers knew of the risk.", date(2025, 3, 16))
    may = statement("a3", "Marrow said the evidence showed the government must answer.",
                    date(2025, 5, 19))  # fmt: skip
    assert [e.articles for e in merge(story(march, days, may))] == [("a1", "a2"), ("a3",)]


def test_a_syndicated_copy_merges_even_without_actors():
    text = "The gate gave way after nine days of heavy rain."
    ev = [{"trigger": "gave", "type": "OTHER"}]
    merged = merge(story(make("a1", text, JULY, ev), make("a2", text, JULY, ev)))
    assert len(merged) == 1 and merged[0].articles == ("a1", "a2")


def test_two_triggers_of_one_sentence_are_never_merged():
    doc = make(
        "a1", "Putin met Erdogan and then met Erdogan again.", JULY,
        [{"trigger": "met", "type": "CONSULT", "source": "putin", "target": "erdogan"},
         {"trigger": "met", "type": "CONSULT", "source": "putin", "target": "erdogan",
          "after": 20}],
    )  # fmt: skip
    assert len(merge(story(doc))) == 2


def test_independent_sources_count_copies_and_outlets_once():
    docs = [
        make("a1", "Wire text.", JULY, [], source="Harbor Wire"),
        make("a2", "Wire text.", JULY, [], source="Veldmark Courier"),
        make("a3", "Own text.", JULY, [], source="Ostral Daily"),
        make("a4", "More text.", DECEMBER, [], source="Ostral Daily"),
    ]
    keys = independence(docs, [{"a1", "a2"}])
    assert keys["a1"] == keys["a2"] and keys["a3"] == keys["a4"] and keys["a1"] != keys["a3"]
    sd = StoryDocs("st1", tuple(docs), independent=keys)
    assert sd.sources(["a1", "a2", "a3", "a4"]) == 2


def test_merging_is_the_same_in_any_order_of_equal_reports():
    a = meeting("a1", JULY, JULY)
    b = meeting("a2", JULY, JULY, word="meeting")
    forward = {frozenset(e.members) for e in merge(story(a, b))}
    backward = {frozenset(e.members) for e in merge(story(b, a))}
    assert forward == backward


def test_a_verb_and_its_noun_or_cause_share_one_trigger_key():
    assert trigger_key("died") == trigger_key("death") == trigger_key("killed") == "die"
    assert trigger_key("quake") == trigger_key("Temblor") == trigger_key("earthquakes")
    assert trigger_key("arrested") == trigger_key("detention")
    # A word with two unrelated senses belongs to no family: only its own stem matches.
    assert trigger_key("fire") == stem("fire") != trigger_key("blaze")


def test_a_death_and_the_killing_reported_by_two_articles_merge():
    a = make("a1", "The gunman killed a guard.", JULY, [{"trigger": "killed"}])
    b = make("a2", "The guard's death shocked the town.", JULY, [{"trigger": "death"}])
    (merged,) = merge(story(a, b))
    assert set(merged.members) == {"a1-e0", "a2-e0"}


def test_an_untyped_general_verb_does_not_merge_on_its_word_alone():
    a = make("a1", "The mayor made changes.", JULY, [{"trigger": "made"}])
    b = make("a2", "The council made mistakes.", JULY, [{"trigger": "made"}])
    assert len(merge(story(a, b))) == 2
    c = make("a3", "The bridge collapsed at dawn.", JULY, [{"trigger": "collapsed"}])
    d = make("a4", "After it collapsed, traffic stopped.", JULY, [{"trigger": "collapsed"}])
    assert len(merge(story(c, d))) == 1


def test_an_undated_report_joins_a_dated_one_of_its_occasion_on_the_same_word_only():
    dated = {"start": JULY, "end": JULY, "value": JULY.isoformat()}
    a = make(
        "a1", "Floods hit the valley.", JULY, [{"trigger": "Floods", "type": "DISASTER", **dated}]
    )
    b = make("a2", "The floods ruined crops.", JULY, [{"trigger": "floods", "type": "DISASTER"}])
    assert len(merge(story(a, b))) == 1
    c = make("a3", "A storm ruined crops.", JULY, [{"trigger": "storm", "type": "DISASTER"}])
    assert len(merge(story(a, c))) == 2


def test_differing_participants_of_an_undirected_happening_do_not_keep_it_apart():
    a = make("a1", "Putin died.", JULY, [{"trigger": "died", "source": "putin"}])
    b = make("a2", "Erdogan said of the death.", JULY, [{"trigger": "death", "target": "erdogan"}])
    assert len(merge(story(a, b))) == 1


def test_a_group_split_by_arrival_order_joins_once_a_later_report_links_it():
    def consult(aid: str, text: str, word: str, target: str | None) -> Doc:
        event = {"trigger": word, "type": "CONSULT", "source": "putin", "target": target}
        return make(aid, text, JULY, [event])

    a = consult("a1", "Putin held talks in the capital.", "talks", None)
    b = consult("a2", "The meeting of Putin and Erdogan ran late.", "meeting", "erdogan")
    c = consult("a3", "Putin held talks with Erdogan on Syria.", "talks", "erdogan")
    # "meeting" did not fit the first report's talks alone (another word, one actor shared);
    # once the third report ties the talks to Erdogan too, it does.
    (merged,) = merge(story(a, b, c))
    assert set(merged.members) == {"a1-e0", "a2-e0", "a3-e0"}


def test_the_two_sides_of_a_contest_and_a_killing_called_murder_share_a_key():
    assert trigger_key("won") == trigger_key("lost") == trigger_key("defeat") == "win"
    assert trigger_key("murdered") == trigger_key("killed") == trigger_key("death")
