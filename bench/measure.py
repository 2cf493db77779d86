"""Run one measurement in a fresh process and return its result with the peak memory it reached.

Each measurement gets its own process (``spawn``: nothing inherited, no
model already loaded) so peak resident memory (``ru_maxrss``) belongs to it
alone. The peak of the process's own children (pipeline workers, spaCy's
``n_process``) is read separately: ``RUSAGE_CHILDREN`` reports the largest
single child that has been waited for, not a sum. Inside the fresh process,
the default start method for further processes is reset to this platform's
default (``fork`` on Linux up to Python 3.13), as a command run from a shell
would have it; a spawned child would otherwise default to ``spawn``.
"""

from __future__ import annotations

import multiprocessing
import resource
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")

# Linux reports ru_maxrss in KiB, macOS in bytes.
_RSS_UNIT = 1 if sys.platform == "darwin" else 1024


@dataclass(frozen=True)
class Peak:
    """Peak resident memory in MiB: the measuring process, and its largest child (0 if none)."""

    own_mb: float
    child_mb: float

    def describe(self) -> str:
        own = f"{self.own_mb:,.0f} MB"
        return f"{own} + {self.child_mb:,.0f} MB/worker" if self.child_mb > 0 else own


@dataclass(frozen=True)
class Measured(Generic[T]):
    """What a measurement returned, and the memory it peaked at."""

    value: T
    peak: Peak


class MeasurementFailed(Exception):
    """A measurement raised, crashed or ran out of time; the message says which."""


def peak_now() -> Peak:
    """Return the peak resident memory of this process and of its largest finished child."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * _RSS_UNIT / 2**20
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * _RSS_UNIT / 2**20
    return Peak(own, child)


def _child(conn: Any, start_method: str, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        multiprocessing.set_start_method(start_method, force=True)
        value = fn(*args)
        conn.send(("ok", value, peak_now()))
    except BaseException as exc:  # report everything, the parent decides
        last = traceback.extract_tb(exc.__traceback__)[-1:]
        where = f" at {last[0].filename}:{last[0].lineno}" if last else ""
        conn.send(("error", f"{type(exc).__name__}: {exc}{where}", None))
    finally:
        conn.close()


def isolated(fn: Callable[..., T], *args: Any, timeout: float = 600.0) -> Measured[T]:
    """Return ``fn(*args)`` run in a fresh process, with the peak memory it reached.

    ``fn`` must be a module-level function of an importable module. Raises
    :class:`MeasurementFailed` when it raises, dies or outlives ``timeout`` seconds.
    """
    default = multiprocessing.get_start_method()
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(send, default, fn, args))
    process.start()
    send.close()
    deadline = time.monotonic() + timeout
    try:
        while not receive.poll(1.0):
            if not process.is_alive():
                raise MeasurementFailed(f"the process died (exit code {process.exitcode})")
            if time.monotonic() > deadline:
                raise MeasurementFailed(f"it did not finish within {timeout:.0f} s")
        status, value, peak = receive.recv()
    except EOFError:
        raise MeasurementFailed(f"the process died (exit code {process.exitcode})") from None
    finally:
        if process.is_alive():
            process.join(5)
        if process.is_alive():
            process.kill()
            process.join()
    if status != "ok":
        raise MeasurementFailed(str(value))
    return Measured(value, peak)


class Stopwatch:
    """Wall-clock seconds since construction (``time.perf_counter``)."""

    def __init__(self) -> None:
        self.started = time.perf_counter()

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started
