"""The options every ingest source reads, carried as one object."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from storyline.settings import Settings


@dataclass(frozen=True)
class IngestOptions:
    """What ingest needs to know besides the inputs themselves.

    ``published`` is the date the user gave with ``--published``: it is used
    only for inputs whose own metadata carries no publication date.
    """

    published: date | None = None
    max_text_bytes: int = 5_000_000
    min_text_chars: int = 40
    min_english_confidence: float = 0.5

    @classmethod
    def from_settings(cls, settings: Settings, published: date | None = None) -> IngestOptions:
        """Return the options in force for ``settings`` and an optional given date."""
        return cls(
            published=published,
            max_text_bytes=int(settings["max_text_bytes"]),
            min_text_chars=int(settings["min_text_chars"]),
            min_english_confidence=float(settings["min_english_confidence"]),
        )
