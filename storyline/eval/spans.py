"""Pairs of gold and predicted annotations matched by their character spans.

An annotation is a tuple of ``(start, end)`` pieces (one piece for most
things; a quote interrupted by its attribution has several). Matching is
one-to-one everywhere: a predicted span can satisfy at most one gold span,
so predicting the same stretch twice never earns two true positives.
"""

from __future__ import annotations

from collections.abc import Sequence

Piece = tuple[int, int]
Pieces = tuple[Piece, ...]


def overlap(a: Sequence[Piece], b: Sequence[Piece]) -> int:
    """Return the number of characters two multi-piece spans share."""
    return sum(max(0, min(ae, be) - max(a_s, bs)) for a_s, ae in a for bs, be in b)


def match_exact(gold: Sequence[Pieces], pred: Sequence[Pieces]) -> list[tuple[int, int]]:
    """Return ``(gold index, pred index)`` pairs whose spans are identical, one-to-one."""
    free: dict[Pieces, list[int]] = {}
    for i, g in enumerate(gold):
        free.setdefault(tuple(sorted(g)), []).append(i)
    pairs = []
    for j, p in enumerate(pred):
        waiting = free.get(tuple(sorted(p)))
        if waiting:
            pairs.append((waiting.pop(0), j))
    return sorted(pairs)


def match_overlap(gold: Sequence[Pieces], pred: Sequence[Pieces]) -> list[tuple[int, int]]:
    """Return ``(gold index, pred index)`` pairs that overlap, matched greedily one-to-one.

    The pairs sharing the most characters are taken first (ties by position),
    the usual relaxed matching of TempEval-3 and of attribution scoring: with
    one gold span and two overlapping predictions, the bigger overlap wins.
    """
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            shared = overlap(g, p)
            if shared > 0:
                candidates.append((-shared, i, j))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def covered(span: Sequence[Piece], others: Sequence[Pieces]) -> bool:
    """Return whether ``span`` overlaps any of ``others``."""
    return any(overlap(span, o) > 0 for o in others)
