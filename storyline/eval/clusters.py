"""Coreference and clustering scores over mappings item → cluster id: MUC, B³, CEAF-e, CoNLL.

Both the gold and the predicted partition are given as ``Mapping[item, cluster id]``: an
article id → story id, or an event mention → event id. The cluster ids of the two sides need
not match in any way; only which items share one matters.

Items present on one side only follow the reference CoNLL scorer (Pradhan et al. 2014, "Scoring
Coreference Partitions of Predicted Mentions"), with no special "twinless" treatment:

- MUC: a gold item missing from the prediction is a partition of its own (and vice versa), so
  it costs recall (precision) the link to its cluster;
- B³: recall is averaged over gold items, precision over predicted items; an item missing from
  the other side gets 0 for that side;
- CEAF-e: clusters are compared as sets, so missing items only shrink the overlaps;
- pairwise: pairs are formed on each side separately;
- adjusted Rand: computed over the items present on both sides (it needs one label per item).

For gold mentions (event coreference on gold mentions, article clustering) every item is on
both sides and these conventions do not matter.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from typing import TypeVar

import numpy as np
from scipy.optimize import linear_sum_assignment  # type: ignore[import-untyped]
from sklearn.metrics import adjusted_rand_score

from storyline.eval.report import PRF

# Items may be any hashable (article ids, mention keys, indices); a TypeVar, because Mapping is
# invariant in its key type and a dict[int, str] is not a Mapping[Hashable, Hashable].
K = TypeVar("K", bound=Hashable)
Partition = Mapping[K, Hashable]


def _clusters(assignment: Partition[K]) -> list[frozenset[K]]:
    """Return the clusters of an assignment as sets of items, in first-seen order."""
    groups: dict[Hashable, set[K]] = defaultdict(set)
    for item, cluster in assignment.items():
        groups[cluster].add(item)
    return [frozenset(g) for g in groups.values()]


def _muc_side(key: Partition[K], response: Partition[K]) -> tuple[int, int]:
    """Return MUC's (numerator, denominator) for recall of ``key`` against ``response``."""
    numerator = denominator = 0
    for cluster in _clusters(key):
        # Items absent from the response each form a partition of their own.
        partitions = {response.get(item, ("missing", item)) for item in cluster}
        numerator += len(cluster) - len(partitions)
        denominator += len(cluster) - 1
    return numerator, denominator


def _prf(p_num: float, p_den: float, r_num: float, r_den: float) -> PRF:
    p = p_num / p_den if p_den else 0.0
    r = r_num / r_den if r_den else 0.0
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def muc(gold: Partition[K], pred: Partition[K]) -> PRF:
    """Return the link-based MUC score (Vilain et al. 1995); all-singleton sides score 0."""
    r_num, r_den = _muc_side(gold, pred)
    p_num, p_den = _muc_side(pred, gold)
    return _prf(p_num, p_den, r_num, r_den)


def _b3_side(key: Partition[K], response: Partition[K]) -> float:
    """Return the sum over ``key`` items of |own cluster ∩ response cluster| / |own cluster|."""
    key_clusters = {c: cl for cl in _clusters(key) for c in cl}
    response_clusters = {c: cl for cl in _clusters(response) for c in cl}
    total = 0.0
    for item, cluster in key_clusters.items():
        other = response_clusters.get(item)
        if other is not None:
            total += len(cluster & other) / len(cluster)
    return total


def b_cubed(gold: Partition[K], pred: Partition[K]) -> PRF:
    """Return the mention-based B³ score (Bagga & Baldwin 1998)."""
    return _prf(_b3_side(pred, gold), len(pred), _b3_side(gold, pred), len(gold))


def ceaf_e(gold: Partition[K], pred: Partition[K]) -> PRF:
    """Return entity-based CEAF (Luo 2005) with φ4 = 2|K∩R| / (|K|+|R|), optimally aligned."""
    gold_clusters, pred_clusters = _clusters(gold), _clusters(pred)
    if not gold_clusters or not pred_clusters:
        return PRF(0.0, 0.0, 0.0)
    similarity = np.array(
        [[2 * len(k & r) / (len(k) + len(r)) for r in pred_clusters] for k in gold_clusters]
    )
    rows, cols = linear_sum_assignment(similarity, maximize=True)
    best = float(similarity[rows, cols].sum())
    return _prf(best, len(pred_clusters), best, len(gold_clusters))


def conll(gold: Partition[K], pred: Partition[K]) -> dict[str, PRF | float]:
    """Return MUC, B³ and CEAF-e (keys ``muc``, ``b3``, ``ceafe``) and their mean F1 (``conll``)."""
    scores: dict[str, PRF] = {
        "muc": muc(gold, pred),
        "b3": b_cubed(gold, pred),
        "ceafe": ceaf_e(gold, pred),
    }
    mean = sum(s.f1 for s in scores.values()) / len(scores)
    return {**scores, "conll": mean}


def _pairs(assignment: Partition[K]) -> set[frozenset[K]]:
    pairs: set[frozenset[K]] = set()
    for cluster in _clusters(assignment):
        members = list(cluster)
        for i, a in enumerate(members):
            pairs.update(frozenset((a, b)) for b in members[i + 1 :])
    return pairs


def pairwise(gold: Partition[K], pred: Partition[K]) -> PRF:
    """Return precision/recall/F1 of the item pairs put in one cluster."""
    gold_pairs, pred_pairs = _pairs(gold), _pairs(pred)
    return PRF.from_counts(len(gold_pairs & pred_pairs), len(pred_pairs), len(gold_pairs))


def adjusted_rand(gold: Partition[K], pred: Partition[K]) -> float:
    """Return the adjusted Rand index over the items present on both sides (1.0 = identical)."""
    items = [item for item in gold if item in pred]
    if not items:
        return 0.0
    # Cluster ids may be any hashable; sklearn wants comparable labels, so index them.
    gold_ids: dict[Hashable, int] = {}
    pred_ids: dict[Hashable, int] = {}
    gold_labels = [gold_ids.setdefault(gold[i], len(gold_ids)) for i in items]
    pred_labels = [pred_ids.setdefault(pred[i], len(pred_ids)) for i in items]
    return float(adjusted_rand_score(gold_labels, pred_labels))
