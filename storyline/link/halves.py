"""The two halves of a small occasion: where its members' pairwise similarities part weakest.

An occasion grows one arrival at a time, each joining on its average similarity with the members
so far; in an unlucky order the first reports of two happenings of one kind (a ruling and its
reversal, two quakes in one region) can end up in one occasion, and later reports of both keep
joining it. Its members then form two halves that are alike within and unlike across.
:func:`halves` finds the split that average linkage would make last and says how alike the two
halves are; :mod:`storyline.link.stories` splits the occasion when they are unlike enough.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Halves:
    """Two halves of a group's members (indices into its similarity matrix) and their link."""

    first: tuple[int, ...]  # the half holding member 0
    second: tuple[int, ...]
    link: float  # the average similarity between a member of one half and one of the other


def halves(similarity: Matrix) -> Halves:
    """Return the last two clusters that average linkage leaves of a similarity matrix.

    Clusters are joined two at a time, the pair with the highest average similarity first,
    until two remain (ties go to the lower indices, so the result is deterministic). The
    matrix is symmetric with at least two rows; its diagonal is not read.
    """
    n = similarity.shape[0]
    if n < 2:
        raise ValueError(f"halves() needs a matrix of two members or more, got {n}")
    clusters: list[list[int]] = [[i] for i in range(n)]
    # Sums of similarity between clusters: the average is the sum over the product of sizes.
    sums = similarity.astype(np.float64).copy()
    while len(clusters) > 2:
        sizes = np.array([len(c) for c in clusters], dtype=np.float64)
        average = sums / np.outer(sizes, sizes)
        np.fill_diagonal(average, -np.inf)
        i, j = divmod(int(np.argmax(average)), len(clusters))
        i, j = min(i, j), max(i, j)
        clusters[i].extend(clusters[j])
        del clusters[j]
        sums[i, :] += sums[j, :]
        sums[:, i] += sums[:, j]
        sums = np.delete(np.delete(sums, j, axis=0), j, axis=1)
    first, second = (sorted(c) for c in clusters)
    if 0 not in first:
        first, second = second, first
    link = float(sums[0, 1]) / (len(first) * len(second))
    return Halves(tuple(first), tuple(second), link)


def matrix(members: Sequence[str], pairs: dict[tuple[str, str], float]) -> Matrix:
    """Return the similarity matrix of ``members`` from pair similarities keyed in sorted order."""
    n = len(members)
    out = np.zeros((n, n), dtype=np.float64)
    for i in range(n):
        for j in range(i + 1, n):
            a, b = sorted((members[i], members[j]))
            out[i, j] = out[j, i] = pairs[a, b]
    return out
