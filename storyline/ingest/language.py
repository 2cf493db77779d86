"""Article text -> its language, as an ISO 639-1 code with a confidence.

py3langid's model ships inside the package, so this works offline. It is
loaded once, on first use.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# The head of an article says its language as well as the whole; this bounds
# the cost on very long texts.
_SAMPLE_CHARS = 20_000


@dataclass(frozen=True)
class Language:
    """A language guess: ISO 639-1 code and a probability in [0, 1]."""

    code: str
    confidence: float


@functools.cache
def _identifier() -> LanguageIdentifier:
    """Return the shared language identifier with normalized probabilities."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> Language:
    """Return the most likely language of ``text`` and how sure the model is."""
    code, probability = _identifier().classify(text[:_SAMPLE_CHARS])
    return Language(code=str(code), confidence=float(probability))


def is_english(language: Language, min_confidence: float) -> bool:
    """Return True when ``language`` is English with at least ``min_confidence``."""
    return language.code == "en" and language.confidence >= min_confidence
