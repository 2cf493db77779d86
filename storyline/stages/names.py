"""Name keys: the folded form under which spellings of one name meet.

A key is ASCII, lower case, without a leading "the" or a trailing possessive
("Erdoğan's" → ``erdogan``). Common transliteration variants of Russian and
Arabic given names fold to one spelling ("Dimitri"/"Dmitri" → ``dmitry``), an
Arabic article inside a name is dropped ("Bashar al-Assad" → ``bashar assad``)
and a trailing company designator goes ("Apple Inc." → ``apple``). Keys are
what entity ids are made of, so they must be idempotent: ``normalize`` of a
key is the key.
"""

from __future__ import annotations

import re

from unidecode import unidecode

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"\s+")
# "al-Assad", "el-Sisi", "ad-Din": the Arabic article, written joined or apart.
_PARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)-(?=\w)")
_PARTICLE_WORDS = frozenset({"al", "el"})

# One spelling for the usual romanizations of a given name or surname. The
# target of every entry is not itself a source, so folding twice changes nothing.
VARIANTS: dict[str, str] = {
    **dict.fromkeys(("dmitri", "dimitri", "dmitriy", "dimitry", "dmitrii"), "dmitry"),
    **dict.fromkeys(("sergei", "sergiy", "sergii"), "sergey"),
    **dict.fromkeys(("yury", "yuriy", "iouri", "yurii"), "yuri"),
    **dict.fromkeys(("alexey", "aleksei", "aleksey", "alexi", "alexej"), "alexei"),
    **dict.fromkeys(("aleksandr", "alexandr", "aleksander"), "alexander"),
    **dict.fromkeys(("nikolay", "nicolai", "nikolaj"), "nikolai"),
    **dict.fromkeys(("andrey", "andrej"), "andrei"),
    **dict.fromkeys(("mikhael", "mihail"), "mikhail"),
    **dict.fromkeys(("evgeny", "yevgeniy", "evgeniy", "yevgeni", "evgeni"), "yevgeny"),
    **dict.fromkeys(("anatoliy", "anatoli"), "anatoly"),
    **dict.fromkeys(("valeriy", "valeri"), "valery"),
    **dict.fromkeys(("arkadiy", "arkadi"), "arkady"),
    **dict.fromkeys(("medvedyev",), "medvedev"),
    **dict.fromkeys(("zelenskiy", "zelenskyy", "zelenskii"), "zelensky"),
    **dict.fromkeys(("lavrow",), "lavrov"),
    **dict.fromkeys(
        ("mohammed", "mohamed", "mohammad", "muhammed", "mohamad", "muhamad"),
        "muhammad",
    ),
    **dict.fromkeys(("ahmad",), "ahmed"),
    **dict.fromkeys(("mahmud", "mahmood"), "mahmoud"),
    **dict.fromkeys(("moustafa", "mostafa", "mustapha"), "mustafa"),
    **dict.fromkeys(("husayn", "hussain", "husain", "hossein"), "hussein"),
    **dict.fromkeys(("hasan",), "hassan"),
    **dict.fromkeys(("khalid",), "khaled"),
    **dict.fromkeys(("umar",), "omar"),
    **dict.fromkeys(("usama",), "osama"),
    **dict.fromkeys(("abdallah", "abdulla"), "abdullah"),
    **dict.fromkeys(("abdel", "abd"), "abdul"),
    **dict.fromkeys(("yousef", "youssef", "yousuf", "yusef", "youssouf"), "yusuf"),
    **dict.fromkeys(("qaddafi", "kadhafi", "gadhafi", "qadhafi", "kaddafi"), "gaddafi"),
    **dict.fromkeys(("qaida",), "qaeda"),
    **dict.fromkeys(("nasrullah",), "nasrallah"),
    **dict.fromkeys(("viacheslav",), "vyacheslav"),
    **dict.fromkeys(("gennadiy", "gennadi"), "gennady"),
}

# Company designators that end a name without telling companies apart.
DESIGNATORS = frozenset(
    {"inc", "incorporated", "corp", "corporation", "co", "ltd", "limited", "llc", "plc", "ag"}
    | {"sa", "nv", "gmbh", "spa", "bv", "se", "lp", "llp", "pty", "oyj", "asa", "ab", "kgaa"}
)


def wordset(text: str) -> frozenset[str]:
    """Return the words of a space-separated list, for the lexicons of the entity modules."""
    return frozenset(text.split())


def _fold_word(word: str, first: bool) -> str:
    if not first:
        word = _PARTICLE.sub("", word)
    return VARIANTS.get(word, word)


def normalize(name: str) -> str:
    """Return the folding key of a name: ASCII, lower case, no article or possessive."""
    key = unidecode(_POSSESSIVE.sub("", name.strip()))
    key = _LEADING_THE.sub("", key)
    key = _NON_WORD.sub(" ", key).casefold()
    words = _SPACES.sub(" ", key).strip().split(" ")
    while len(words) > 1 and words[-1] in DESIGNATORS:
        words.pop()
    # "Bashar al Assad": the article written apart, never the first word ("Al Jazeera").
    words = [w for i, w in enumerate(words) if i == 0 or w not in _PARTICLE_WORDS]
    return " ".join(_fold_word(w, i == 0) for i, w in enumerate(words) if w)


def surname(key: str) -> str:
    """Return the last word of a key without an Arabic article ("al-assad" → "assad")."""
    last = key.rsplit(" ", 1)[-1]
    return _PARTICLE.sub("", last)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Return a mention's bounds without a leading "the" or a trailing possessive."""
    surface = text[start:end]
    lead = _LEADING_THE.match(surface)
    if lead and end - start > lead.end():
        start += lead.end()
    tail = _POSSESSIVE.search(text[start:end])
    if tail and tail.start() > 0:
        end = start + tail.start()
    while end > start and text[end - 1] in " \t\n,;:-–—(":
        end -= 1
    return start, end


def initials(key: str) -> str:
    """Return the initials of a key's capitalized-looking words ("general motors" → "gm")."""
    skip = {"of", "the", "and", "for", "de", "la", "du", "&"}
    return "".join(w[0] for w in key.replace("-", " ").split() if w not in skip)
