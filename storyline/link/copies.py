"""Syndicated copies: groups of articles whose texts are one report (the same AFP text twice).

Copies count as one source when a timeline says how many sources confirm something. Two texts
are copies when the Jaccard similarity of their word 5-grams reaches the ``copy_threshold``
setting; MinHash LSH proposes the pairs, so the cost stays near-linear in the corpus, and each
proposed pair is then checked on its exact shingle sets.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from storyline.model import Doc
from storyline.settings import Settings

# Word 5-grams, 128 MinHash permutations (Jaccard estimated within ~0.04). The LSH proposes
# pairs from a Jaccard well below the copy threshold (its banding misses about a third of the
# pairs right at its own threshold); exact shingle sets then decide.
SHINGLE = 5
PERMUTATIONS = 128
LSH_SLACK = 0.25

_WORDS = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    """Return the word 5-grams of a text, lower-cased; a shorter text is one shingle."""
    words = _WORDS.findall(text.lower())
    if len(words) <= SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def copies(docs: Sequence[Doc], settings: Settings | None = None) -> list[set[str]]:
    """Return groups of article ids whose texts are copies of one report (two or more each).

    Two texts are copies when the Jaccard similarity of their word 5-grams reaches the
    ``copy_threshold`` setting. MinHash LSH proposes the pairs, so the cost stays near-linear;
    each proposed pair is then checked on its exact shingle sets.
    """
    from datasketch import MinHash, MinHashLSH

    threshold = float((settings or Settings())["copy_threshold"])
    ordered = sorted(
        docs, key=lambda d: (d.article.published is None, d.article.published or date.min,
                             d.article.id),
    )  # fmt: skip
    lsh = MinHashLSH(threshold=max(0.1, threshold - LSH_SLACK), num_perm=PERMUTATIONS)
    sets: dict[str, set[str]] = {}
    parent: dict[str, str] = {}

    def root(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for doc in ordered:
        aid = doc.article.id
        if aid in sets:
            continue
        grams = shingles(doc.text)
        sets[aid], parent[aid] = grams, aid
        if not grams:
            continue
        sketch = MinHash(num_perm=PERMUTATIONS, seed=1)
        sketch.update_batch([g.encode("utf-8") for g in sorted(grams)])
        for other in sorted(lsh.query(sketch)):
            shared = len(grams & sets[other])
            if shared / len(grams | sets[other]) >= threshold:
                parent[root(aid)] = root(other)
        lsh.insert(aid, sketch)
    groups: dict[str, set[str]] = defaultdict(set)
    for aid in sets:
        groups[root(aid)].add(aid)
    return sorted((g for g in groups.values() if len(g) > 1), key=min)
