"""Sentences: parses each article once with spaCy and records its sentence spans.

This is the stage that holds the model. The parse it leaves on ``Doc.parse``
is shared by the later stages of the same run and dropped before storage.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyline import nlp
from storyline.model import Doc, Span
from storyline.pipeline import Stage

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

NAME, VERSION = "sentences", 2


def find(parsed: SpacyDoc) -> tuple[Span, ...]:
    """Return the sentence spans of a parsed text, trimmed of surrounding whitespace."""
    spans = []
    for sent in parsed.sents:
        start, end = sent.start_char, sent.end_char
        text = parsed.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(Span(start, end))
    return tuple(spans)


class Sentences:
    """Builds the sentences stage around one lazily loaded spaCy model."""

    def __init__(self, model: str, check_hashes: bool = True) -> None:
        self.model = model
        self.check_hashes = check_hashes

    def _attach(self, doc: Doc, parsed: SpacyDoc) -> Doc:
        return dataclasses.replace(doc, parse=parsed, sentences=find(parsed))

    def one(self, doc: Doc) -> Doc:
        return self._attach(doc, nlp.load(self.model, self.check_hashes)(doc.text))

    def many(self, docs: Sequence[Doc]) -> list[Doc]:
        model = nlp.load(self.model, self.check_hashes)
        parsed = model.pipe((d.text for d in docs), batch_size=max(1, len(docs)))
        return [self._attach(d, p) for d, p in zip(docs, parsed, strict=True)]

    def stage(self) -> Stage:
        return Stage(
            NAME,
            VERSION,
            requires=frozenset({"article"}),
            assigns=frozenset({"parse", "sentences"}),
            func=self.one,
            batch=self.many,
        )
