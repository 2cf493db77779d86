"""The story timeline: ordered by calendar interval, uncertainty kept, provenance on every entry."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from link.handmade import make
from storyline.link.events import merge
from storyline.link.reports import StoryDocs
from storyline.link.timeline import _fold_nested, anchors, build, is_sorted
from storyline.model import Doc, TimeExpr

PUBLISHED = date(2012, 7, 18)
LATE_JUNE = (date(2012, 6, 21), date(2012, 6, 30))


def afp() -> Doc:
    text = (
        "Putin was due today to meet Erdogan. "
        "A Turkish jet was shot down in late June. "
        "In 2010, Ankara struck a deal with Moscow. "
        "Moscow has refused to support a resolution. "
        "Putin said Tuesday he backed the plan."
    )
    return make(
        "afp", text, PUBLISHED,
        [
            {"trigger": "meet", "type": "CONSULT", "source": "putin", "target": "erdogan",
             "start": PUBLISHED, "end": PUBLISHED, "value": "2012-07-18", "modality": "planned"},
            {"trigger": "shot", "type": "FIGHT", "start": LATE_JUNE[0], "end": LATE_JUNE[1],
             "value": "2012-06"},
            {"trigger": "struck", "type": "AGREE", "start": date(2010, 1, 1),
             "end": date(2010, 12, 31), "value": "2010"},
            {"trigger": "refused", "type": "REJECT", "source": "putin"},
            {"trigger": "said", "type": "STATEMENT", "source": "putin",
             "start": date(2012, 7, 17), "end": date(2012, 7, 17), "value": "2012-07-17"},
        ],
        source="AFP",
    )  # fmt: skip


def timeline(*docs: Doc) -> list:  # type: ignore[type-arg]
    sd = StoryDocs("st1", tuple(docs), {d.article.id: "oc" for d in docs})
    return build(sd, merge(sd), {"putin": "Vladimir Putin", "erdogan": "Recep Tayyip Erdogan"})


def test_entries_are_ordered_by_interval_and_keep_late_june_as_an_interval():
    entries = timeline(afp())
    assert is_sorted(entries)
    dates = [(t.start, t.end) for t in entries]
    assert dates[0] == (date(2010, 1, 1), date(2010, 12, 31))
    assert LATE_JUNE in dates
    late_june = next(t for t in entries if (t.start, t.end) == LATE_JUNE)
    assert late_june.date == "2012-06" and late_june.dated_by == "text"
    assert "shot down in late June" in late_june.summary


def test_every_entry_points_back_to_its_sentence():
    doc = afp()
    for t in timeline(doc):
        assert t.support and t.articles == ("afp",)
        s = t.support[0]
        assert t.summary == " ".join(doc.text[s.start : s.end].split())


def test_an_undated_entry_is_anchored_to_the_publication_date_and_flagged():
    refused = next(t for t in timeline(afp()) if "refused" in t.summary)
    assert refused.dated_by == "published" and refused.start == refused.end == PUBLISHED


def test_times_well_before_the_article_are_background():
    by_summary = {t.summary[:12]: t for t in timeline(afp())}
    assert by_summary["In 2010, Ank"].background
    assert by_summary["A Turkish je"].background  # 18 days before: background, not news
    assert not by_summary["Putin was du"].background


def test_participants_and_modality_are_carried():
    meet = next(t for t in timeline(afp()) if "due today" in t.summary)
    assert meet.participants == ("Vladimir Putin", "Recep Tayyip Erdogan")
    assert meet.modality == "planned" and meet.type == "CONSULT"


def test_a_date_no_event_claims_dates_its_sentence():
    text = "Rosatom will build the plant. It is expected to be completed by 2022."
    start = text.index("2022")
    doc = make(
        "aj", text, date(2012, 12, 3),
        [{"trigger": "build", "type": "ECONOMIC"}, {"trigger": "expected", "type": "OTHER"}],
        times=(TimeExpr(start, start + 4, "DATE", "2022", date(2022, 1, 1), date(2022, 12, 31)),),
    )  # fmt: skip
    found = [a for a in anchors(doc) if a.start == date(2022, 1, 1)]
    assert len(found) == 1 and found[0].event.trigger == "expected"
    last = timeline(doc)[-1]
    assert last.date == "2022" and last.summary.startswith("It is expected")


def test_where_a_period_begins_dates_no_sentence():
    text = "Putin visits Istanbul, his first trip abroad since October."
    october = TimeExpr(text.index("October"), len(text) - 1, "DATE", "2012-10",
                       date(2012, 10, 1), date(2012, 10, 31))  # fmt: skip
    doc = make("aj", text, PUBLISHED, [{"trigger": "visits", "type": "CONSULT",
                                        "source": "putin"}], times=(october,))  # fmt: skip
    assert [a.start for a in anchors(doc)] == [None]


def test_the_same_happening_in_two_articles_is_one_entry_with_two_supports():
    other = make(
        "dpa", "Putin was due today to meet Erdogan in Moscow.", PUBLISHED,
        [{"trigger": "meet", "type": "CONSULT", "source": "putin", "target": "erdogan",
          "start": PUBLISHED, "end": PUBLISHED, "value": "2012-07-18", "modality": "planned"}],
        source="DPA",
    )  # fmt: skip
    meet = [t for t in timeline(afp(), other) if t.type == "CONSULT"]
    assert len(meet) == 1
    assert meet[0].articles == ("afp", "dpa") and meet[0].sources == 2


def test_a_happening_dated_loosely_and_exactly_is_one_entry_on_the_exact_day():
    mid_june = (date(2012, 6, 11), date(2012, 6, 20))
    doc = make(
        "afp", "Putin met Erdogan at the G20 summit on 18 June. They last met in mid-June.",
        PUBLISHED,
        [{"trigger": "met", "type": "CONSULT", "source": "putin", "target": "erdogan",
          "start": date(2012, 6, 18), "end": date(2012, 6, 18), "value": "2012-06-18"},
         {"trigger": "met", "type": "CONSULT", "source": "putin", "target": "erdogan",
          "start": mid_june[0], "end": mid_june[1], "value": "2012-06-11/2012-06-20",
          "after": 48}],
        source="AFP",
    )  # fmt: skip
    meetings = timeline(doc)
    assert [(t.start, t.date, len(t.support)) for t in meetings] == [
        (date(2012, 6, 18), "2012-06-18", 2)
    ]


def test_a_folded_entry_reads_as_the_sentence_that_gives_its_date():
    doc = make(
        "afp", "Putin and Erdogan last met in mid-June. Putin met Erdogan on 18 June.", PUBLISHED,
        [{"trigger": "met", "type": "CONSULT", "source": "putin", "target": "erdogan",
          "start": date(2012, 6, 11), "end": date(2012, 6, 20), "value": "2012-06"},
         {"trigger": "met", "type": "CONSULT", "source": "putin", "target": "erdogan",
          "start": date(2012, 6, 18), "end": date(2012, 6, 18), "value": "2012-06-18",
          "after": 40}],
        source="AFP",
    )  # fmt: skip
    (meeting,) = timeline(doc)
    assert meeting.summary == "Putin met Erdogan on 18 June."
    assert meeting.date == "2012-06-18" and len(meeting.support) == 2


def test_a_loose_date_holding_two_exact_ones_of_a_happening_stays_its_own_slot():
    june, d4, d18 = (date(2012, 6, 1), date(2012, 6, 30)), date(2012, 6, 4), date(2012, 6, 18)
    slots = {("se1", *june): ["in June"], ("se1", d4, d4): ["4 June"], ("se1", d18, d18): ["18"]}
    folded = _fold_nested(slots)  # type: ignore[arg-type]
    assert folded == slots  # June cannot say which of the two days it was
    slots = {("se1", *june): ["in June"], ("se1", d4, d4): ["4 June"], ("se2", d18, d18): ["18"]}
    folded = _fold_nested(slots)  # type: ignore[arg-type]
    assert folded == {("se1", d4, d4): ["4 June", "in June"], ("se2", d18, d18): ["18"]}


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 400), st.integers(0, 40), st.booleans()), min_size=1, max_size=12
    )
)
def test_timelines_are_sorted_whatever_the_dates(spans: list[tuple[int, int, bool]]):
    base = date(2012, 1, 1)
    sentences, events = [], []
    for i, (offset, length, dated) in enumerate(spans):
        word = f"act{i}x"
        sentences.append(f"Putin did {word} today.")
        if dated:
            start = base + timedelta(days=offset)
            events.append({"trigger": word, "type": "FIGHT", "start": start,
                           "end": start + timedelta(days=length), "value": "x"})  # fmt: skip
        else:
            events.append({"trigger": word, "type": "FIGHT"})
    doc = make("a1", " ".join(sentences), date(2013, 6, 1), events)
    entries = timeline(doc)
    assert is_sorted(entries)
    assert len(entries) == len(spans)


def test_an_entry_reads_without_the_dateline_its_sentence_opens_with():
    text = "VELDMARK CITY, Sept 9 (Harbor Wire) - Repairs were put off four times. Nobody spoke."
    doc = make("hw", text, PUBLISHED, [{"trigger": "put", "type": "REDUCE"}])
    [entry] = timeline(doc)
    assert entry.summary == "Repairs were put off four times."
    assert entry.support[0].start == 0  # the offsets still cover the whole sentence
