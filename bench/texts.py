"""Real news texts to measure with, read at run time from ../shared/data (never copied here).

Sources, in order of preference: TempEval-3 TBAQ-cleaned (TimeBank + AQUAINT
newswire, TimeML tags stripped) and PolNeAR dev (US election news, 2016).
MEANTIME is left out: it ships tokens, not running text. When ../shared/data
is absent the bundled, invented examples/ stand in, repeated to give the
measurements something to chew on; the report says so.
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
EXAMPLES = ROOT / "examples"

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.DOTALL)
_DCT = re.compile(r'value="(\d{4}-\d{2}-\d{2})"[^>]*functionInDocument="CREATION_TIME"')
_AGENCY = re.compile(r"[A-Z]+")  # TimeBank file names start with the outlet: APW, NYT, wsj_...
_TAG = re.compile(r"<[^>]+>")
_POLNEAR_NAME = re.compile(r"^(?P<source>[a-z-]+)_(?P<date>\d{4}-\d{2}-\d{2})_")


@dataclass(frozen=True)
class NewsText:
    """One article's text and the little we know about it."""

    name: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Corpus:
    """The texts a run measures with, and a line saying where they came from."""

    texts: tuple[NewsText, ...]
    origin: str

    @property
    def words(self) -> int:
        return sum(t.words for t in self.texts)

    @property
    def megabytes(self) -> float:
        return sum(len(t.text.encode("utf-8")) for t in self.texts) / 1e6

    def take(self, words: int) -> Corpus:
        """Return the first texts holding about ``words`` words (a prefix mixes every source)."""
        taken: list[NewsText] = []
        for text in self.texts:
            if taken and sum(t.words for t in taken) >= words:
                break
            taken.append(text)
        return Corpus(tuple(taken), self.origin)


def tempeval(data: Path) -> list[NewsText]:
    """Return the TempEval-3 TBAQ-cleaned articles as plain text, with their creation dates."""
    texts = []
    for path in sorted((data / "tempeval3" / "tbaq-cleaned").glob("*/*.tml")):
        raw = path.read_text("utf-8")
        body = _TEXT.search(raw)
        if body is None:
            continue
        title = _TITLE.search(raw)
        dct = _DCT.search(raw)
        agency = _AGENCY.match(path.stem.upper())
        texts.append(
            NewsText(
                name=path.stem,
                text=_plain(body.group(1)),
                title=_plain(title.group(1)) if title else None,
                published=date.fromisoformat(dct.group(1)) if dct else None,
                source=agency.group(0) if agency else None,
            )
        )
    return texts


def polnear(data: Path) -> list[NewsText]:
    """Return the PolNeAR dev articles, dated from their file names."""
    texts = []
    for path in sorted((data / "polnear" / "dev" / "text").glob("*.txt")):
        match = _POLNEAR_NAME.match(path.name)
        texts.append(
            NewsText(
                name=path.stem,
                text=path.read_text("utf-8").strip(),
                published=date.fromisoformat(match["date"]) if match else None,
                source=match["source"] if match else None,
            )
        )
    return texts


def examples(minimum_words: int) -> list[NewsText]:
    """Return the bundled example articles, repeated (copies distinct) up to ``minimum_words``."""
    from storyline import ingest  # the real readers; only needed for this fallback
    from storyline.model import Article

    paths = [str(p) for p in sorted(EXAMPLES.iterdir()) if p.suffix in {".txt", ".md", ".html"}]
    paths += [str(p) for p in sorted(EXAMPLES.glob("*.json")) if p.name != "gold.json"]
    found = [
        NewsText(name=Path(a.path or a.id).name, text=a.text, title=a.title,
                 published=a.published, source=a.source)
        for a in ingest.read(paths, ingest.IngestOptions())
        if isinstance(a, Article) and a.language == "en"
    ]  # fmt: skip
    if not found:
        raise RuntimeError("no English article could be read from examples/")
    texts, copy = list(found), 1
    while sum(t.words for t in texts) < minimum_words:
        copy += 1
        texts += [
            NewsText(f"{t.name}#copy{copy}", f"Copy {copy}.\n\n{t.text}", t.title, t.published,
                     t.source)
            for t in found
        ]  # fmt: skip
    return texts


def load(data: Path, limit: int | None = None, minimum_words: int = 50_000) -> Corpus:
    """Return real news texts from ``data`` (interleaved by source), else the bundled examples."""
    sources = []
    for name, reader in (("TempEval-3 TBAQ-cleaned", tempeval), ("PolNeAR dev", polnear)):
        try:
            found = reader(data)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            log.warning("cannot read %s from %s: %s", name, data, exc)
            continue
        if found:
            sources.append((name, found))
    if sources:
        interleaved = _interleave([found for _, found in sources])
        # TimeBank holds the same story twice under two names; analyze would count it as a
        # duplicate and not analyze it, so every section drops it to compare the same work.
        seen: set[str] = set()
        texts = []
        for text in interleaved:
            if text.text not in seen:
                seen.add(text.text)
                texts.append(text)
        origin = " + ".join(f"{name} ({len(found)} texts)" for name, found in sources)
        dropped = len(interleaved) - len(texts)
        where = os.path.relpath(data, ROOT)  # no machine's absolute path in the report
        origin = f"real news texts from {where}: {origin}, {dropped} exact duplicate(s) dropped"
    else:
        texts = examples(minimum_words)
        origin = (
            f"{data} not found or empty: using the bundled, invented examples/ "
            f"repeated to {len(texts)} texts (numbers are indicative only)"
        )
    return Corpus(tuple(texts[:limit] if limit else texts), origin)


def _plain(markup: str) -> str:
    """Return TimeML text without its tags and entities, paragraphs kept."""
    text = html.unescape(_TAG.sub("", markup))
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _interleave(groups: list[list[NewsText]]) -> list[NewsText]:
    """Return the texts of ``groups`` taken round-robin, so a prefix mixes every source."""
    out: list[NewsText] = []
    for position in range(max(len(g) for g in groups)):
        out += [g[position] for g in groups if position < len(g)]
    return out


def dump_meta(text: NewsText) -> str:
    """Return the ``.meta.json`` sidecar storyline's text reader takes for ``text``."""
    meta = {"title": text.title, "source": text.source}
    if text.published:
        meta["published"] = text.published.isoformat()
    return json.dumps({k: v for k, v in meta.items() if v})
