"""Article features for grouping: the years an article's dates fall in."""

from __future__ import annotations

import dataclasses
from datetime import date

import numpy as np

from link.handmade import make
from storyline.link.corpus import decode, encode
from storyline.link.features import ArticleFeatures, event_years, known_date, protagonist
from storyline.model import Article, Doc, Entity, TimeExpr

TEXT = (
    "The warehouse burned on March 12, 2013. Crews fought the blaze in March. "
    "A fire hit the same street in 2008. Such fires were common in the 1990s. "
    "The owners rebuilt it over 2011-2012. Firefighters came on Saturday."
)


def date_at(phrase: str, value: str | None, start: date | None, end: date | None) -> TimeExpr:
    at = TEXT.index(phrase)
    return TimeExpr(at, at + len(phrase), "DATE", value, start, end)


def test_the_years_of_an_articles_dates_are_counted_and_coarse_spans_left_out():
    times = (
        date_at("March 12, 2013", "2013-03-12", date(2013, 3, 12), date(2013, 3, 12)),
        date_at("March", "2013-03", date(2013, 3, 1), date(2013, 3, 31)),
        date_at("2008", "2008", date(2008, 1, 1), date(2008, 12, 31)),
        # A decade and a span over two years pin no year; an unresolved weekday has no date.
        date_at("the 1990s", "199", date(1990, 1, 1), date(1999, 12, 31)),
        date_at("2011-2012", None, date(2011, 1, 1), date(2012, 12, 31)),
        date_at("Saturday", None, None, None),
    )
    doc = make("a", TEXT, None, [], times=times)
    assert event_years(doc) == {"2008": 1.0, "2013": 2.0}


def test_an_article_without_calendar_dates_names_no_year():
    doc = make("a", TEXT, None, [], times=(date_at("Saturday", None, None, None),))
    assert event_years(doc) == {}


def test_the_years_survive_the_stored_form_of_the_features():
    f = ArticleFeatures(
        id="a1", published=None, vector=np.ones(4, dtype=np.float32), actors={}, places=frozenset(),
        title="Warehouse fire", years={"2008": 1.0, "2013": 2.0},
    )  # fmt: skip
    assert dict(decode(*encode(f)[2:]).years) == {"2008": 1.0, "2013": 2.0}


def test_a_publication_date_inferred_from_the_text_neither_orders_nor_windows_grouping():
    given = make("a", TEXT, date(2013, 3, 13), [])
    assert given.article.published_origin == "given"
    assert known_date(given) == date(2013, 3, 13)
    inferred = dataclasses.replace(
        given, article=dataclasses.replace(given.article, published_origin="inferred")
    )
    assert known_date(inferred) is None
    assert known_date(make("b", TEXT, None, [])) is None


def people_doc(*names: tuple[str, str, str]) -> Doc:
    """Return a doc naming entities ``(id, name, type)``; protagonist() reads only these."""
    return Doc(Article("a", "Text."), entities=tuple(Entity(i, n, t) for i, n, t in names))


def test_the_protagonist_is_the_surname_of_a_person_who_outweighs_every_other_twice():
    doc = people_doc(
        ("e-w", "Chargers Jamal Williams", "PER"), ("e-j", "Vincent Jackson", "PER"),
        ("e-c", "San Diego Chargers", "ORG"),
    )  # fmt: skip
    # The team weighs most, but only people can be protagonists; Jackson is named in passing.
    assert protagonist(doc, {"e-c": 0.5, "e-w": 0.3, "e-j": 0.1}) == "williams"
    assert protagonist(doc, {"e-w": 0.3, "e-j": 0.15}) == "williams"  # exactly twice is enough
    assert protagonist(doc, {"e-w": 0.3, "e-j": 0.2}) is None  # two people share the report
    assert protagonist(doc, {"e-c": 1.0}) is None  # nobody


def test_a_protagonist_named_in_full_or_by_surname_is_one_across_articles():
    full = people_doc(("e-vj", "Vincent Jackson", "PER"))
    short = people_doc(("e-j", "Jackson", "PER"))
    assert protagonist(full, {"e-vj": 1.0}) == protagonist(short, {"e-j": 1.0}) == "jackson"


def test_the_protagonist_survives_the_stored_form_of_the_features():
    f = ArticleFeatures(
        id="a1", published=None, vector=np.ones(4, dtype=np.float32), actors={}, places=frozenset(),
        title="Williams arrested", protagonist="williams",
    )  # fmt: skip
    assert decode(*encode(f)[2:]).protagonist == "williams"


def test_a_generational_suffix_is_no_surname():
    father = people_doc(("e-c", "Arcade Joseph Comeaux Jr.", "PER"))
    assert protagonist(father, {"e-c": 1.0}) == "comeaux"
    assert protagonist(people_doc(("e-f", "William Felt III", "PER")), {"e-f": 1.0}) == "felt"
