"""Stages and the ordered pipeline that runs them.

A stage is a function ``Doc -> Doc`` with metadata: the layers it requires,
the layers it assigns, and a versioned name (``times.v1``) recorded with its
output. A :class:`Pipeline` is a plain list of stages, checked when it is
built: a stage that needs a layer no earlier stage assigns fails at once,
with a message that names the fix.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from storyline.errors import PipelineError
from storyline.model import Doc

log = logging.getLogger(__name__)

# Layers every Doc starts with; anything else must be assigned by a stage.
BASE_LAYERS = frozenset({"article"})
LAYERS = frozenset(f.name for f in dataclasses.fields(Doc)) - {"stages"}

DocFn = Callable[[Doc], Doc]
BatchFn = Callable[[Sequence[Doc]], list[Doc]]


@dataclass(frozen=True)
class Stage:
    """A named, versioned step of the per-article pipeline.

    ``batch``, when given, processes many docs at once (a model that is
    faster in batches); it must return what ``func`` would, doc by doc.
    """

    name: str
    version: int
    requires: frozenset[str]
    assigns: frozenset[str]
    func: DocFn
    batch: BatchFn | None = None

    @property
    def key(self) -> str:
        return f"{self.name}.v{self.version}"

    def __call__(self, doc: Doc) -> Doc:
        return self.func(doc)


def stage(
    name: str,
    version: int,
    *,
    requires: Iterable[str] = (),
    assigns: Iterable[str],
) -> Callable[[DocFn], Stage]:
    """Turn a ``Doc -> Doc`` function into a :class:`Stage` with its metadata."""
    required, assigned = frozenset(requires), frozenset(assigns)
    unknown = (required | assigned) - LAYERS
    if unknown:
        raise PipelineError(
            f"stage {name!r} names unknown layers {sorted(unknown)}; "
            f"layers are the fields of Doc: {sorted(LAYERS)}"
        )

    def wrap(func: DocFn) -> Stage:
        return Stage(name, version, required, assigned, func)

    return wrap


class Pipeline:
    """An ordered list of stages whose requirements are checked on construction."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        self.stages = tuple(stages)
        self._check()

    def _check(self) -> None:
        available = set(BASE_LAYERS)
        seen: dict[str, str] = {}
        for position, st in enumerate(self.stages):
            if st.name in seen:
                raise PipelineError(f"stage {st.name!r} appears twice in the pipeline")
            missing = st.requires - available
            if missing:
                providers = {
                    layer: [s.name for s in self.stages[position + 1 :] if layer in s.assigns]
                    for layer in sorted(missing)
                }
                hints = "; ".join(
                    f"{layer!r} is assigned by {', '.join(names)}: move it before {st.name!r}"
                    if names
                    else f"no stage assigns {layer!r}: add one before {st.name!r}"
                    for layer, names in providers.items()
                )
                raise PipelineError(f"stage {st.name!r} requires {sorted(missing)}; {hints}")
            available |= st.assigns
            seen[st.name] = st.key

    @property
    def keys(self) -> tuple[str, ...]:
        """Return the versioned names of the stages, in order (stored with output)."""
        return tuple(st.key for st in self.stages)

    def __call__(self, doc: Doc) -> Doc:
        for st in self.stages:
            doc = _run_one(st, doc)
        return dataclasses.replace(doc, parse=None)

    def run(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Run every stage over ``docs`` in batches, yielding finished docs in order."""
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, docs: list[Doc]) -> list[Doc]:
        for st in self.stages:
            if st.batch is not None:
                docs = [_mark(st, d) for d in st.batch(docs)]
            else:
                docs = [_run_one(st, d) for d in docs]
        return [dataclasses.replace(d, parse=None) for d in docs]

    def __repr__(self) -> str:
        return f"Pipeline({', '.join(self.keys)})"


def _run_one(st: Stage, doc: Doc) -> Doc:
    try:
        return _mark(st, st.func(doc))
    except PipelineError:
        raise
    except Exception as exc:
        raise PipelineError(
            f"stage {st.key} failed on article {doc.article.id} "
            f"({doc.article.path or doc.article.title or 'no path'}): {exc}; "
            "rerun with --verbose for the traceback and report it with this article"
        ) from exc


def _mark(st: Stage, doc: Doc) -> Doc:
    return dataclasses.replace(doc, stages=(*doc.stages, st.key))
