from __future__ import annotations

import numpy as np
import pytest

from storyline.embed import DIMENSIONS, Embedder, embedder

pytestmark = pytest.mark.slow


def test_vectors_are_unit_length_and_batch_independent():
    texts = ["Putin and Erdogan met in Istanbul.", "A rowing club won the cup.", "x"]
    together = embedder().embed(texts, batch_size=8)
    alone = np.vstack([embedder().embed([t]) for t in texts])
    assert together.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    assert np.allclose(together, alone, atol=1e-4)


def test_same_story_is_closer_than_an_unrelated_one():
    a, b, c = embedder().embed(
        [
            "Russia and Turkey fail to agree on how to end the war in Syria.",
            "Putin and Erdogan remain at odds over the Syrian conflict.",
            "The local rowing club won the regional cup on Saturday.",
        ]
    )
    assert a @ b > 0.5 > a @ c


def test_no_texts_give_an_empty_matrix():
    assert Embedder().embed([]).shape == (0, DIMENSIONS)
