"""One exception family. Every message says what went wrong, where, and what to do."""

from __future__ import annotations


class StorylineError(Exception):
    """Base of every error storyline raises on purpose."""


class SettingError(StorylineError):
    """A setting name or value that does not exist or does not parse."""


class PipelineError(StorylineError):
    """A pipeline built in an order that cannot work, or a stage that failed."""


class StoreError(StorylineError):
    """The store cannot be opened, migrated or queried."""


class InputError(StorylineError):
    """One input (file, record, line) cannot be read; becomes a recorded skip."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


class ModelError(StorylineError):
    """A language model is missing or not the one we expect."""


class NotFound(StorylineError):
    """An id asked for that the store does not hold."""
