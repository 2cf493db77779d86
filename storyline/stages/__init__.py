"""The per-article stages, registered in one visible list.

:func:`build` returns the default pipeline for a set of settings. The order
here is the order they run in; :class:`~storyline.pipeline.Pipeline` checks it.
"""

from __future__ import annotations

from storyline.pipeline import Pipeline
from storyline.settings import Settings
from storyline.stages.entities import entities_stage
from storyline.stages.events import events_stage
from storyline.stages.published import published_stage
from storyline.stages.quantities import quantities_stage
from storyline.stages.quotes import quotes_stage
from storyline.stages.sentences import Sentences
from storyline.stages.times import times_stage


def build(settings: Settings | None = None) -> Pipeline:
    """Return the default per-article pipeline; the model loads on first use, not here."""
    settings = settings or Settings()
    return Pipeline(
        [
            Sentences(settings["spacy_model"], settings["check_model_hashes"]).stage(),
            published_stage,
            times_stage,
            entities_stage,
            quotes_stage,
            events_stage,
            quantities_stage,
        ]
    )
