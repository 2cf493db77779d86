"""How a story shows its figures and quotes: the article's own words, each once."""

from __future__ import annotations

from datetime import date

from storyline.link.measures import Figure, Key
from storyline.model import Quantity, Quote
from storyline.render import REFERENCES, counted
from storyline.views import (
    UNATTRIBUTED,
    _as_of,
    _inside_another,
    _said,
    _worth_listing,
    what_it_measures,
)


def _what(about: str | None, measure: str | None) -> str:
    """Return what_it_measures for a figure whose measure reads ``measure`` ("people displaced")."""
    if measure is None:
        return what_it_measures(about, None)
    head, *qualifiers = measure.split()
    key = Key("", head, frozenset({head, *qualifiers}))
    figure = Figure("a", 0, 1, "1", 1.0, key, 1.0, None, None, False)
    assert figure.label == measure
    return what_it_measures(about, figure)


def test_a_figure_reads_in_the_articles_words_not_its_comparison_class():
    assert _what("lives", "dead") == "lives"
    assert _what("trade volume", "volume") == "trade volume"


def test_what_happened_to_the_counted_is_added_only_where_the_words_lack_it():
    assert _what("people", "people displaced") == "people (displaced)"
    assert _what("displaced people", "people displaced") == "displaced people"
    assert _what(None, "people missing") == "people missing"
    assert _what(None, None) == "?"


def test_a_figure_said_to_hold_now_shows_the_day_now_was():
    now = Quantity(0, 5, 2e4, None, "refugees", time_value="PRESENT_REF",
                   time_start=date(2012, 12, 3), time_end=date(2012, 12, 3))  # fmt: skip
    assert _as_of(now) == "2012-12-03"
    undated = Quantity(0, 5, 2e4, None, "refugees", time_value="PRESENT_REF")
    assert _as_of(undated) == "PRESENT_REF"
    year = Quantity(0, 5, 35e9, "USD", "trade volume", time_value="2012",
                    time_start=date(2012, 9, 1), time_end=date(2012, 12, 31))  # fmt: skip
    assert _as_of(year) == "2012"


def test_a_quote_inside_another_of_the_same_speaker_is_listed_once():
    said = Quote(10, 60, ((10, 60),), "indirect", "said")  # there was "no fault" and ...
    direct = Quote(22, 32, ((22, 32),), "direct")  # no fault
    again = Quote(10, 60, ((10, 60),), "indirect", "added")
    other = Quote(22, 32, ((22, 32),), "direct")
    quotes = [said, direct, again, other]
    speakers = ["klemet", "klemet", "klemet", "marrow"]
    assert [_inside_another(i, quotes, speakers) for i in range(4)] == [False, True, True, False]


def test_a_split_quote_shows_its_pieces_without_the_attribution_between():
    text = '"We will rebuild," Ferreño told reporters, "and nobody will be left alone."'
    quote = Quote(1, 74, ((1, 17), (44, 74)), "direct", "told")
    assert _said(text, quote) == "We will rebuild, … and nobody will be left alone."


def test_reported_speech_without_a_speaker_or_of_a_few_words_is_not_listed():
    indirect = Quote(0, 10, ((0, 10),), "indirect", "said")
    direct = Quote(0, 10, ((0, 10),), "direct", "said")
    assert _worth_listing(indirect, "putin", "that there were differences over Syria")
    assert not _worth_listing(indirect, "putin", "differences on Syria")  # "to discuss ..."
    assert not _worth_listing(indirect, "klemet", "what … exceptional rainfall")  # "he called"
    assert not _worth_listing(indirect, UNATTRIBUTED, "to be completed by 2022 at the latest")
    assert _worth_listing(direct, UNATTRIBUTED, "Nobody listened")


def test_the_object_of_an_act_that_is_no_saying_is_not_listed():
    def quote(cue: str) -> Quote:
        return Quote(0, 10, ((0, 10),), "indirect", cue)

    assert not _worth_listing(quote("offered"), "kestrel", "$4.2bn for Ambrose Rail today")
    assert not _worth_listing(quote("recommended"), "board", "the offer to all its shareholders")
    assert not _worth_listing(quote("blamed"), "klemet", "exceptional rainfall for the failure")
    # what such a verb introduces as a clause or an infinitive is what was meant
    assert _worth_listing(quote("recommended"), "board", "that shareholders accept the offer")
    assert _worth_listing(quote("offered"), "kestrel", "to keep the head office in Teravo")
    # verbs of saying report whatever follows them
    assert _worth_listing(quote("said"), "orrin", "the gate failure was preventable")
    assert _worth_listing(quote("warned"), "engineers", "corroded gates at the Holvik Dam")


def test_counts_and_relative_times_read_as_words():
    assert [counted(1, "source"), counted(2, "source")] == ["1 source", "2 sources"]
    assert REFERENCES["PRESENT_REF"] == "now"


def test_an_article_without_an_outlet_goes_by_its_file_name():
    from storyline.render import story_text

    view = {
        "title": "Kestrel bids", "id": "st1", "first": "2025-06-16", "last": "2025-06-16",
        "sources": 1, "occasions": [{"id": "oc1", "articles": ["a1"]}], "summary": "",
        "articles": [{"id": "a1", "source": None, "title": "Kestrel bids",
                      "published": "2025-06-16", "path": "news/04-kestrel-bid.txt"}],
        "timeline": [{"start": "2025-06-16", "end": "2025-06-16", "date": "2025-06-16",
                      "summary": "Kestrel bid.", "articles": ["a1"], "sources": 1}],
        "actors": [], "quotes": [],
        "figures": [{"text": "$4.2bn", "what": "offer", "as_of": "2025-06-16", "published": None,
                     "according_to": None, "article": "a1"}],
        "compared": [{"article": "a1", "source": None, "published": "2025-06-16",
                      "title": "Kestrel bids", "adds": 1, "confirms": 0, "contradicts": 0,
                      "findings": []}],
    }  # fmt: skip
    text = story_text(view)
    assert "(1 source: 04-kestrel-bid.txt)" in text
    assert "2025-06-16 04-kestrel-bid.txt: Kestrel bids" in text
    assert text.endswith("according to 04-kestrel-bid.txt")
    view["figures"][0]["also"] = [{"article": "a1", "source": None}]
    assert story_text(view).endswith("according to 04-kestrel-bid.txt (also in 04-kestrel-bid.txt)")


def test_an_article_lists_what_each_quote_says_without_its_attribution():
    from storyline.model import Article, Doc
    from storyline.render import highlight

    text = "About 6,000 people came, according to the organisers, the largest crowd yet."
    second = text.index("the largest")
    spans = ((0, text.index(", according")), (second, len(text)))
    quote = Quote(0, len(text), spans, "indirect", "according to", None, "the organisers")
    doc = Doc(Article("a1", text, published_origin="given"), quotes=(quote,))
    legend = highlight(doc, color=False).splitlines()[-1]
    assert legend == (
        "  the organisers (indirect, according to): "
        "'About 6,000 people came … the largest crowd yet.'"
    )


def test_a_figure_carried_by_several_outlets_is_one_row_listing_each():
    from storyline.model import Article, Doc
    from storyline.views import _figures

    def report(article: str, source: str, text: str, speaker: str | None = None) -> Doc:
        start = text.index("12,000")
        figure = Quantity(start, start + 6, 12e3, None, "people", kind="count",
                          time_value="2025-03-14", source=speaker,
                          source_text=speaker or source)  # fmt: skip
        return Doc(Article(article, text, source=source, published=date(2025, 3, 14)),
                   quantities=(figure,))  # fmt: skip

    wire = "The flood drove 12,000 people from their homes."
    rows = _figures([
        report("a1", "Harbor Wire", wire), report("a2", "Veldmark Courier", wire),
        report("a3", "Ostral Daily", "Aid groups counted 12,000 people.", speaker="aid"),
    ])  # fmt: skip
    assert [(r["article"], [a["article"] for a in r["also"]]) for r in rows] == [
        ("a1", ["a2"]), ("a3", []),
    ]  # fmt: skip
    assert rows[0]["according_to"] == "Harbor Wire"
