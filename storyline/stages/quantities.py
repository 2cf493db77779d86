"""Quantities: the figures of an article, with what they measure, when, and on whose word.

Four kinds of figure are read, by rules over the text with the parse for
their context:

- money: "$35bn", "$22 billion", "€3.5m", "£10,000", "US$1.2 trillion",
  "250 million crowns". ``value`` is in units of the currency (35e9);
  ``unit`` is its ISO code where the symbol or word settles it ("$" and a
  bare "dollars" are taken as USD), else the currency word as written
  ("crowns", "shillings").
- percentages: "4.5%", "12 percent" (unit ``%``); "3 percentage points"
  (unit ``percentage point``).
- counts: "17,000 lives", "about 3,400 people", "four people", "12,000
  displaced"; ``unit`` is None. Small counts in words ("the two countries")
  are kept only when they count people.
- vague amounts: "dozens", "hundreds", "thousands", "tens of thousands",
  "hundreds of thousands". A plural means at least two of its unit, so
  "tens of thousands" is 20,000 to 99,999: ``value`` is the lower bound and
  :attr:`Quantity.upper` the upper one, with ``mod`` APPROX.

``about`` says what a figure measures: the noun it counts or modifies
("lives"; the cost of a thing built or bought: "the $22bn plant" -> "cost of the
plant"), the noun it is "of" ("a grant of 580 million
shillings" -> "grant"), or the subject of a verb of measure ("the trade
volume ... is expected to reach $35bn" -> "trade volume").

Qualifiers keep TimeML's modifiers in :attr:`Quantity.mod`: "about" APPROX,
"more than" MORE_THAN, "at least" EQUAL_OR_MORE, "nearly" LESS_THAN, "up
to" EQUAL_OR_LESS. The time a figure refers to is a DATE/TIME expression
attached to the figure's clause ("by the end of this year"), else none.
Its source is the speaker when it lies inside a quote, else the "according
to ..." party of its sentence, else the outlet.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from storyline.model import Doc, Mention, Quantity, Quote, TimeExpr
from storyline.pipeline import stage

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# --- vocabulary ---------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}  # fmt: skip
SCALES = {
    "dozen": 12, "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "crore": 1e7,
    "lakh": 1e5,
}  # fmt: skip
# Vague plurals: the smallest amount each can mean (two of its unit) and the next order.
VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
    "thousands": (2_000, 9_999), "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999), "millions": (2e6, 9_999_999),
    "tens of millions": (2e7, 99_999_999), "hundreds of millions": (2e8, 999_999_999),
    "billions": (2e9, 9_999_999_999),
}  # fmt: skip
VAGUE_WORDS = frozenset(word for phrase in VAGUE for word in phrase.split()) - {"of"}
QUALIFIERS = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "some": "APPROX", "an estimated": "APPROX", "estimated": "APPROX", "close to": "LESS_THAN",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "just under": "LESS_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN",
    "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN",
    "well over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "as many as": "EQUAL_OR_LESS",
    "as much as": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
}  # fmt: skip
SYMBOLS = {
    "us$": "USD", "$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "nz$": "NZD",
    "s$": "SGD", "r$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "rs": "INR",
    "rs.": "INR", "₽": "RUB", "₺": "TRY", "₩": "KRW", "₪": "ILS",
}  # fmt: skip
CODES = sorted(_words("USD EUR GBP JPY CNY RUB INR CHF CAD AUD TRY SEK NOK DKK CZK PLN ZAR"))
# Currency words whose code is not in doubt; other currency words stay as written.
CURRENCY_WORDS = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rouble": "RUB", "ruble": "RUB", "lira": "TRY",
    "shekel": "ILS", "rand": "ZAR", "naira": "NGN", "baht": "THB", "ringgit": "MYR",
    "rupiah": "IDR", "zloty": "PLN", "forint": "HUF", "hryvnia": "UAH",
}  # fmt: skip
NATIONAL_CURRENCIES = {
    ("australian", "dollar"): "AUD", ("canadian", "dollar"): "CAD",
    ("hong kong", "dollar"): "HKD", ("new zealand", "dollar"): "NZD",
    ("singapore", "dollar"): "SGD", ("swiss", "franc"): "CHF", ("swedish", "crown"): "SEK",
    ("swedish", "krona"): "SEK", ("norwegian", "crown"): "NOK", ("danish", "crown"): "DKK",
    ("czech", "crown"): "CZK", ("indian", "rupee"): "INR", ("pakistani", "rupee"): "PKR",
    ("mexican", "peso"): "MXN", ("kenyan", "shilling"): "KES", ("turkish", "lira"): "TRY",
}  # fmt: skip
OTHER_CURRENCIES = sorted(
    _words(
        "crowns? kronor kronur krona krone kroner francs? shillings? dinars? dirhams? riyals? "
        "rials? pesos? rupees? reais cedis? kwacha leones? pula birr"
    )
)
# Adjectives that stand for people when counted: "12,000 displaced".
PEOPLE_ADJECTIVES = _words(
    "displaced dead injured wounded missing homeless unemployed killed detained"
)
PEOPLE_NOUNS = _words(
    """people person life civilian child woman man soldier troop refugee casualty victim
    protester demonstrator worker student resident prisoner hostage migrant fighter
    militant rebel policeman officer"""
)
# Things built or bought: an amount of money before one is what it costs ("the $22bn
# plant" is the cost of the plant), while before a deal, a loan or a budget it is the thing.
COSTED_NOUNS = _words(
    """plant reactor dam bridge tunnel road highway motorway railway railroad pipeline port
    airport terminal stadium arena tower building skyscraper factory refinery mine hospital
    school campus station facility complex project scheme line system network ship vessel
    carrier submarine aircraft jet plane fighter helicopter satellite car truck house home
    mansion apartment flat villa palace embassy headquarters renovation upgrade expansion
    extension construction rebuilding reconstruction"""
)
# Verbs of measure: the figure measures their subject ("trade reached $35bn").
# "since March", "since it began in 2011": the time a running total counts from.
_OPENS_PERIOD = re.compile(r"\bsince\s+(?:\w+\s+)?", re.I)
MEASURE_VERBS = _words(
    """reach total amount stand rise fall climb drop increase decrease grow jump surge
    plunge soar hit exceed top be cost value estimate double triple decline slip
    edge"""
)

# --- patterns -----------------------------------------------------------------------------

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD = "|".join(sorted((w for w in ONES if w not in ("a", "an")), key=len, reverse=True))
_WORDS = rf"(?:(?:{_WORD})(?:-(?:{_WORD}))?|an?(?=\s+(?:hundred|thousand|million|billion|dozen)))\b"
_SCALE_WORD = r"dozen|hundred|thousand|million|billion|trillion|bn|mn|crore|lakh"


def _number(name: str) -> str:
    """Return the pattern of a written number, digits or words, as group ``name``."""
    return (
        rf"(?P<{name}>(?:{_DIGITS})(?:(?:bn|mn|tn|[mkb])\b|(?:\s+(?:{_SCALE_WORD})\b)+)?"
        rf"|{_WORDS}(?:\s+(?:and\s+)?(?:{_WORD}|{_SCALE_WORD})\b)*)"
    )


_QUALIFIER = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
_SYMBOL = r"US\$|[ACS]\$|HK\$|NZ\$|R\$|Rs\.?\s?|\$|€|£|¥|₹|₽|₺|₩|₪|(?:" + "|".join(CODES) + r")\s?"
_CURRENCY = (
    r"(?:dollars?|euros?|pounds?(?:\s+sterling)?|sterling|yen|yuan|renminbi|roubles?|"
    r"rubles?|liras?|shekels?|rand|naira|baht|ringgit|rupiah|zloty|forints?|hryvnias?|"
    + "|".join(OTHER_CURRENCIES)
    + r")\b(?!\s+of\b)"  # "500 pounds of explosives" weighs, it does not cost
)
_PERCENT = r"%|\s?per\s?cent\b|\s?percent\b|\s+percentage\s+points?\b"
# Case matters only for the nationality before a currency ("Swiss francs", "Syrian pounds").
FIGURE = re.compile(
    rf"(?:\b(?P<qualifier>(?i:{_QUALIFIER}))\s+)?(?:"
    r"(?P<vague>(?i:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|scores|hundreds|"
    r"thousands|millions|billions))\b"
    rf"|(?P<symbol>{_SYMBOL})\s?{_number('priced')}"
    rf"|(?<![\w-]){_number('amount')}(?![^\W_]|-[a-z])(?:(?P<percent>(?i:{_PERCENT}))"
    rf"|\s+(?:(?P<nation>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|US)\s+)?(?P<currency>(?i:{_CURRENCY})))?"
    r")"
)


# --- values -------------------------------------------------------------------------------


def number(text: str) -> float | None:
    """Return the value of a written number: "17,000", "3.5m", "two million", "a dozen"."""
    words = re.findall(r"\d[\d,]*(?:\.\d+)?|[a-z]+", text.lower().replace("-", " "))
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if word[0].isdigit():
            current += float(word.replace(",", ""))
        elif word in ONES and not (word in ("a", "an") and current):
            current += ONES[word]
        elif word in SCALES:
            scale = SCALES[word]
            current = (current or 1) * scale
            if scale >= 1e3:
                total, current = total + current, 0.0
        elif word != "and":
            return None
        seen = True
    return total + current if seen else None


def currency(symbol: str | None, word: str | None, nation: str | None = None) -> str | None:
    """Return the ISO code of a currency symbol or word, or the words themselves when in doubt.

    A bare "dollars" is taken as US dollars; "Swiss francs" is CHF; "Syrian
    pounds" and "crowns" stay as written.
    """
    if symbol:
        key = symbol.strip().lower()
        return SYMBOLS.get(key, key.upper())
    if not word:
        return None
    noun = word.lower().split()[-1]
    if noun.endswith("s") and not noun.endswith("ss"):
        noun = noun[:-1]
    country = (nation or "").lower()
    if (country, noun) in NATIONAL_CURRENCIES:
        return NATIONAL_CURRENCIES[country, noun]
    if country in ("", "us") and noun in CURRENCY_WORDS:
        return CURRENCY_WORDS[noun]
    return f"{nation} {word}" if nation and country != "us" else word


# --- context ------------------------------------------------------------------------------


def _phrase(noun: Token, skip: set[int]) -> str:
    """Return a noun with the compounds and adjectives before it ("nuclear plant")."""
    kept = [
        t
        for c in noun.lefts
        if c.dep_ in ("compound", "amod") and c.i not in skip
        for t in (*(g for g in c.lefts if g.dep_ == "compound"), c)
    ]
    tokens = [t for t in (*kept, noun) if t.pos_ not in ("NUM", "SYM", "DET", "PUNCT")]
    return " ".join(t.text for t in tokens) if tokens else noun.text


def _subject(verb: Token) -> Token | None:
    """Return a verb's subject, or the subject of the verb it is the complement of."""
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _about(span: SpacySpan, kind: str) -> str | None:
    """Return what a figure measures, from where its tokens sit in the parse."""
    inside = {t.i for t in span}
    root = span.root
    head = root.head
    # "an emergency fund of 250 million crowns for housing": the fund, whatever it is for
    owner = head.head if kind == "money" and root.dep_ == "pobj" and head.lower_ == "of" else None
    if owner is not None and owner.pos_ in ("NOUN", "PROPN") and owner.i not in inside:
        return _phrase(owner, inside)
    for prep in root.children:
        # "tens of thousands of refugees", "4.5% of GDP", "$500m in aid"
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "for") and prep.i not in inside:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _phrase(pobj, inside)
    if head.lower_ == "worth" and head.i not in inside:
        # "$50,000 worth of goods", "deals worth $22 billion"
        goods = [g for p in head.children if p.lower_ == "of" for g in p.children]
        return _phrase(goods[0] if goods else head.head, inside)
    if root.dep_ in ("conj", "appos") and head.i not in inside:
        return _about(head.doc[head.i : head.i + 1], kind)  # "$35bn and €3.5m", "(64m dollars)"
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if kind == "count" and after is not None and after.lower_ in PEOPLE_ADJECTIVES:
        return f"{after.lower_} people"  # "12,000 displaced", "12 dead"
    if root.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod") and head.i not in inside:
        if kind == "money" and head.lemma_.lower() in COSTED_NOUNS:
            return f"cost of the {_phrase(head, inside)}"
        return _phrase(head, inside)
    if root.dep_ == "pobj" and head.dep_ == "prep":
        if head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
            return _phrase(head.head, inside)  # "a grant of 580 million shillings"
        head = head.head
    if kind in ("money", "percent") and head.lemma_.lower() in MEASURE_VERBS:
        subject = _subject(head)
        if subject is not None and subject.i not in inside and subject.pos_ != "PRON":
            return _phrase(subject, inside)
    if kind in ("count", "vague") and head.lemma_.lower() in MEASURE_VERBS and head.pos_ == "VERB":
        # "the tens of thousands of refugees ... will increase to hundreds of thousands"
        subject = _subject(head)
        if subject is not None and subject.i not in inside and subject.pos_ != "PRON":
            counted = next(
                (g for p in subject.children if p.lower_ == "of" for g in p.children), None
            )
            if subject.lower_ in VAGUE_WORDS and counted is not None:
                return _phrase(counted, inside)
            if subject.lower_ not in VAGUE_WORDS:
                return _phrase(subject, inside)
    if kind in ("count", "vague"):
        return root.lower_ if root.pos_ == "NOUN" and root.lower_ not in VAGUE else None
    # Money or a share with no noun to hang on: what is done with it ("lend", "cost").
    return head.lemma_.lower() if head.pos_ == "VERB" else None


def _time(
    parsed: SpacyDoc, span: SpacySpan, times: Sequence[TimeExpr]
) -> tuple[TimeExpr | None, bool]:
    """Return the DATE/TIME expression of the figure's clause nearest to it, if any.

    A time that opens a period ("17,000 lives since last spring") is where a
    running total starts, not when it holds: it is passed over, and the second
    value says one was seen (the total holds as of the article's date).
    """

    def clause(token: Token) -> int:
        while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
            token = token.head
        return token.i

    own = clause(span.root)
    best: tuple[int, TimeExpr] | None = None
    running = False
    for expr in times:
        if expr.type not in ("DATE", "TIME"):
            continue
        if not span.sent.start_char <= expr.start < span.sent.end_char:
            continue
        found = parsed.char_span(expr.start, expr.end, alignment_mode="expand")
        if found is None or clause(found.root) != own:
            continue
        if _OPENS_PERIOD.search(parsed.text, max(0, expr.start - 8), expr.start + 6):
            running = True
            continue
        distance = abs(found.start - span.start)
        if best is None or distance < best[0]:
            best = (distance, expr)
    return (None if best is None else best[1]), running


def _source(
    span: SpacySpan, quotes: Sequence[Quote], mentions: dict[int, Mention], outlet: str | None
) -> tuple[str | None, str | None]:
    """Return (entity id, text) of who gives a figure: speaker, "according to" party or outlet."""
    for quote in quotes:
        if any(s <= span.start_char < e for s, e in quote.spans):
            return quote.speaker, quote.speaker_text
    for token in span.sent:
        if token.lower_ != "according" or token.i + 1 >= len(token.doc):
            continue
        to = token.doc[token.i + 1]
        pobj = (
            next((c for c in to.children if c.dep_ == "pobj"), None) if to.lower_ == "to" else None
        )
        if pobj is not None:
            mention = mentions.get(pobj.i)
            party = token.doc[pobj.left_edge.i : pobj.right_edge.i + 1].text
            return (mention.entity if mention else None), party
    return None, outlet


def _kept(match: re.Match[str], value: float, span: SpacySpan, kind: str) -> bool:
    """Say whether a count is a figure worth keeping, not a year, an age or "the two sides".

    A number joined to a word ("52-year-old", "24-hour") never reaches here.
    """
    if kind != "count":
        return True
    digits = match.group("amount")
    if re.fullmatch(r"1[89]\d\d|20\d\d", digits):
        return False  # a year the time stage did not claim
    doc, first = span.doc, span.start
    if first >= 2 and doc[first - 1].text == "," and doc[first - 2].ent_type_ == "PERSON":
        return False  # an age: "John Smith, 44, of St. Albans"
    if digits[0].isdigit() or match.group("qualifier") or value >= 10:
        return True
    # A small count in words is a figure only when it counts people ("four people remain
    # missing"), and not when it refers back to them ("the two men").
    head = span.root.head
    if any(c.dep_ in ("det", "poss") for c in head.children if c.i < span.root.i):
        return False
    return head.lemma_.lower() in PEOPLE_NOUNS or head.lower_ in PEOPLE_ADJECTIVES


def find(
    text: str,
    parsed: SpacyDoc,
    mentions: Sequence[Mention] = (),
    quotes: Sequence[Quote] = (),
    times: Sequence[TimeExpr] = (),
    source: str | None = None,
    published: date | None = None,
) -> list[Quantity]:
    """Return the figures of a parsed text, in text order, with kind, bounds, time and source.

    A running total ("17,000 lives since last spring") holds as of ``published``.
    """
    by_token: dict[int, Mention] = {}
    for mention in mentions:
        found = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
        for token in () if found is None else found:
            by_token[token.i] = mention
    figures = []
    for match in FIGURE.finditer(text):
        start, end = match.start(), match.end()
        if any(t.start < end and start < t.end for t in times):
            continue  # "three months ago", "2010": a time, not a figure
        span = parsed.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        mod = QUALIFIERS.get((match.group("qualifier") or "").lower())
        upper: float | None = None
        if match.group("vague"):
            kind, unit = "vague", None
            low, high = VAGUE[re.sub(r"\s+", " ", match.group("vague").lower())]
            value, upper, mod = float(low), float(high), mod or "APPROX"
        else:
            amount = number(match.group("priced") or match.group("amount"))
            if amount is None:
                continue
            value = amount
            if match.group("percent"):
                kind = "percent"
                unit = "percentage point" if "point" in match.group("percent") else "%"
            elif match.group("symbol") or match.group("currency"):
                kind = "money"
                unit = currency(
                    match.group("symbol"), match.group("currency"), match.group("nation")
                )
            else:
                kind, unit = "count", None
        if not _kept(match, value, span, kind):
            continue
        when, running = _time(parsed, span, times)
        if when is None and running and published is not None:
            when = TimeExpr(start, start, "DATE", published.isoformat(), published, published)
        who, said_by = _source(span, quotes, by_token, source)
        figures.append(
            Quantity(
                start, end, value, unit, _about(span, kind), kind=kind, mod=mod, upper=upper,
                time_value=when.value if when else None,
                time_start=when.interval_start if when else None,
                time_end=when.interval_end if when else None,
                source=who, source_text=said_by,
            )
        )  # fmt: skip
    return figures


@stage("quantities", 3, requires=("article", "parse"), assigns=("quantities",))
def quantities_stage(doc: Doc) -> Doc:
    """Return the doc with its figures; quotes and times are used when earlier stages left them."""
    if doc.parse is None:
        return doc
    article = doc.article
    found = find(
        doc.text, doc.parse, doc.mentions, doc.quotes, doc.times, article.source, article.published
    )
    return dataclasses.replace(doc, quantities=tuple(found))
