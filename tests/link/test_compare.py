"""Sources compared: what each article adds, confirms and contradicts."""

from __future__ import annotations

import dataclasses
from datetime import date

from link.handmade import make
from storyline.link.compare import compare
from storyline.link.events import merge
from storyline.link.measures import figures, precision
from storyline.link.reports import StoryDocs, independence
from storyline.link.timeline import build
from storyline.model import Comparison, Doc, Quantity

MARCH = date(2025, 3, 14)
APRIL = date(2025, 4, 2)


def figure_doc(
    aid: str,
    text: str,
    published: date,
    figure: str,
    about: str | None,
    value: float,
    unit: str | None = None,
    source: str | None = None,
) -> Doc:
    start = text.index(figure)
    kind = "money" if unit else ("percent" if figure.endswith("%") else "count")
    q = Quantity(start, start + len(figure), value, unit, about, kind)
    return make(aid, text, published, [], source=source, quantities=(q,))


def run(*docs: Doc, copies: list[set[str]] | None = None) -> list[Comparison]:
    sd = StoryDocs(
        "st1", tuple(docs), {d.article.id: d.article.id for d in docs},
        independent=independence(docs, copies or []),
    )  # fmt: skip
    merged = merge(sd)
    return compare(sd, merged, build(sd, merged, {}))


def of(found: list[Comparison], article: str, kind: str) -> list[Comparison]:
    return [c for c in found if c.article == article and c.kind == kind]


WIRE = "Floodwater swept through three towns, forcing about 12,000 people from their homes."
OSTRAL = "Aid groups now say about 15,000 people were driven from their homes by the flood."


def test_different_figures_for_the_same_measure_are_a_contradiction():
    a = figure_doc("a1", WIRE, MARCH, "about 12,000", "people", 12000, source="Harbor Wire")
    b = figure_doc("a2", OSTRAL, APRIL, "about 15,000", "people", 15000, source="Ostral Daily")
    found = run(a, b)
    (first,) = of(found, "a1", "figure")
    assert first.relation == "adds"
    (second,) = of(found, "a2", "figure")
    assert second.relation == "contradicts" and second.others == ("a1",)
    assert "about 12,000" in second.note and "displaced" in second.note


def test_rounded_and_exact_figures_agree():
    a = figure_doc("a1", WIRE, MARCH, "about 12,000", "people", 12000, source="Harbor Wire")
    text = "The agency said 12,000 people had been forced from their homes."
    b = figure_doc("a2", text, APRIL, "12,000", "people", 12000, source="Ostral Daily")
    (second,) = of(run(a, b), "a2", "figure")
    assert second.relation == "confirms" and second.others == ("a1",) and not second.note


def test_a_wire_copy_confirms_nothing_independently():
    a = figure_doc("a1", WIRE, MARCH, "about 12,000", "people", 12000, source="Harbor Wire")
    b = figure_doc("a2", WIRE, MARCH, "about 12,000", "people", 12000, source="Courier")
    (copy,) = of(run(a, b, copies=[{"a1", "a2"}]), "a2", "figure")
    assert copy.relation == "confirms" and "not independent" in copy.note


def test_figures_of_other_measures_do_not_contradict():
    a = figure_doc("a1", WIRE, MARCH, "about 12,000", "people", 12000, source="Harbor Wire")
    text = "No deaths have been confirmed, but four people remain missing."
    b = figure_doc("a2", text, APRIL, "four", "people", 4, source="Ostral Daily")
    assert of(run(a, b), "a2", "figure")[0].relation == "adds"


def test_changes_and_prices_per_share_are_not_levels():
    a = figure_doc("a1", "Shares in Ambrose fell 2.3% on the news.", MARCH, "2.3%", "Shares",
                   2.3, source="A")  # fmt: skip
    b = figure_doc("a2", "Shares in Ambrose rose 4% on the news.", APRIL, "4%", "Shares", 4.0,
                   source="B")  # fmt: skip
    assert all(c.relation != "contradicts" for c in run(a, b))
    c = figure_doc("a3", "Kestrel offered $4.2bn for Ambrose Rail.", MARCH, "$4.2bn", "offer",
                   4.2e9, "USD", source="C")  # fmt: skip
    d = figure_doc("a4", "The offer values each share at $14.20 in cash.", APRIL, "$14.20",
                   "offer", 14.2, "USD", source="D")  # fmt: skip
    assert all(x.relation != "contradicts" for x in run(c, d))


def test_deal_values_under_different_nouns_contradict():
    c = figure_doc("a3", "Kestrel offered $4.2bn for Ambrose Rail.", MARCH, "$4.2bn", "offer",
                   4.2e9, "USD", source="C")  # fmt: skip
    d = figure_doc("a4", "The regulator cleared the $3.9bn takeover of Ambrose Rail.", APRIL,
                   "$3.9bn", "takeover", 3.9e9, "USD", source="D")  # fmt: skip
    (found,) = of(run(c, d), "a4", "figure")
    assert found.relation == "contradicts" and "$4.2bn" in found.note


def test_precision_is_the_unit_a_figure_was_rounded_to():
    assert precision(12000) == 1000 and precision(14300) == 100 and precision(4.2e9) == 1e8
    assert precision(14.2) == 0.1 and precision(7) == 1


def test_a_cited_figure_is_not_the_articles_own():
    text = "About 15,000 people were driven from their homes, above the figure of 12,000."
    s1, s2 = text.index("About 15,000"), text.index("12,000")
    doc = make("a2", text, APRIL, [], quantities=(
        Quantity(s1, s1 + 12, 15000, None, "people", "count"),
        Quantity(s2, s2 + 6, 12000, None, "figure", "count"),
    ))  # fmt: skip
    found = figures(doc)
    assert found[0].key == found[1].key  # the cited one borrows the measure


def test_different_dates_for_the_same_happening_are_a_contradiction():
    tue, mon = date(2025, 3, 11), date(2025, 3, 10)
    a = make("a1", "The spillway gate at Holvik failed on Tuesday after heavy rain.", MARCH,
             [{"trigger": "failed", "type": "OTHER", "start": tue, "end": tue,
               "value": tue.isoformat()}], source="A")  # fmt: skip
    b = make("a2", "The spillway gate at Holvik failed on Monday after heavy rain.", APRIL,
             [{"trigger": "failed", "type": "OTHER", "start": mon, "end": mon,
               "value": mon.isoformat()}], source="B")  # fmt: skip
    found = [c for c in run(a, b) if c.relation == "contradicts"]
    assert len(found) == 1 and found[0].article == "a2" and found[0].others == ("a1",)
    assert "2025-03-10" in found[0].note and "2025-03-11" in found[0].note


def test_meetings_months_apart_are_two_meetings_not_a_contradiction():
    jul, dec = date(2012, 7, 18), date(2012, 12, 3)
    a = make("a1", "Putin met Erdogan in Moscow.", jul,
             [{"trigger": "met", "type": "CONSULT", "source": "putin", "target": "erdogan",
               "start": jul, "end": jul, "value": "2012-07-18"}], source="AFP")  # fmt: skip
    b = make("a2", "Putin met Erdogan in Istanbul.", dec,
             [{"trigger": "met", "type": "CONSULT", "source": "putin", "target": "erdogan",
               "start": dec, "end": dec, "value": "2012-12-03"}], source="AJ")  # fmt: skip
    assert all(c.relation != "contradicts" for c in run(a, b))


def test_a_claim_another_source_says_was_denied_is_contradicted():
    claim = make("a1", "Russia supplies weapons to Syria.", date(2012, 7, 18),
                 [{"trigger": "supplies", "type": "AID", "source": "putin", "target": "syria"}],
                 source="AFP")  # fmt: skip
    denial = make(
        "a2", "Putin denied that Russia supplies weapons to Syria.", date(2012, 12, 3),
        [{"trigger": "denied", "type": "REJECT", "source": "putin"},
         {"trigger": "supplies", "type": "AID", "source": "putin", "target": "syria",
          "modality": "reported"}],
        source="AJ",
    )  # fmt: skip
    found = [c for c in run(claim, denial) if c.relation == "contradicts"]
    assert len(found) == 1 and found[0].article == "a2" and found[0].others == ("a1",)
    assert "denial" in found[0].note


def test_a_negated_report_contradicts_the_claim():
    day = date(2012, 12, 3)
    a = make("a1", "Putin met Erdogan.", day,
             [{"trigger": "met", "type": "CONSULT", "source": "putin", "target": "erdogan"}],
             source="A")  # fmt: skip
    b = make("a2", "Putin did not meet Erdogan.", day,
             [{"trigger": "meet", "type": "CONSULT", "source": "putin", "target": "erdogan",
               "modality": "negated"}], source="B")  # fmt: skip
    found = [c for c in run(a, b) if c.relation == "contradicts"]
    assert [c.article for c in found] == ["a2"]


def test_an_event_reported_twice_is_added_then_confirmed():
    day = date(2012, 12, 3)
    a = make("a1", "Putin met Erdogan in Istanbul.", day,
             [{"trigger": "met", "type": "CONSULT", "source": "putin", "target": "erdogan",
               "start": day, "end": day, "value": "2012-12-03"}], source="A")  # fmt: skip
    b = make("a2", "Putin held a meeting with Erdogan.", day,
             [{"trigger": "meeting", "type": "CONSULT", "source": "putin", "target": "erdogan",
               "start": day, "end": day, "value": "2012-12-03"}], source="B")  # fmt: skip
    found = run(a, b)
    assert [c.relation for c in of(found, "a1", "event")] == ["adds"]
    (second,) = of(found, "a2", "event")
    assert second.relation == "confirms" and second.others == ("a1",)


def test_the_verb_of_one_figure_does_not_qualify_the_figure_before_it():
    text = "It operates about 1,900 kilometres of track and employs 6,400 people."
    s1, s2 = text.index("about 1,900"), text.index("6,400")
    doc = make("a1", text, APRIL, [], quantities=(
        Quantity(s1, s1 + 11, 1900, None, "kilometres", "count"),
        Quantity(s2, s2 + 5, 6400, None, "people", "count"),
    ))  # fmt: skip
    track, staff = figures(doc)
    assert (track.key.head, track.key.qualifiers) == ("kilometres", frozenset())
    assert (staff.key.head, staff.key.qualifiers) == ("people", frozenset({"employed"}))


def test_an_article_without_an_outlet_is_named_by_its_file():
    a = figure_doc("a1", WIRE, MARCH, "about 12,000", "people", 12000)
    a = dataclasses.replace(a, article=dataclasses.replace(a.article, path="news/wire.txt"))
    b = figure_doc("a2", OSTRAL, APRIL, "about 15,000", "people", 15000, source="Ostral Daily")
    (second,) = of(run(a, b), "a2", "figure")
    assert "about 12,000 (wire.txt)" in second.note
