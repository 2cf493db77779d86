"""Articles added from the browser: checked, written to a folder the server owns, analyzed.

Nothing from the request names a file: the server picks every file name, and keeps only the
extension after checking it against an allow-list and sniffing the content. Analysis runs in a
thread per job; a status record says how far it got.
"""

from __future__ import annotations

import gzip
import json
import logging
import shutil
import tempfile
import threading
import uuid
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.analyze import Summary, analyze
from storyline.errors import StorylineError
from storyline.settings import Settings
from storyline.store import Store

log = logging.getLogger(__name__)

# Longest first, so ".warc.gz" wins over a bare ".gz" (which is not accepted).
EXTENSIONS = (".warc.gz", ".txt", ".md", ".html", ".json", ".jsonl", ".xml", ".rss")


class Rejected(StorylineError):
    """An upload refused before analysis: wrong type, too large, or empty."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def extension(filename: str) -> str:
    """Return the allowed extension ``filename`` ends with, or raise :class:`Rejected`."""
    lower = filename.lower()
    for ext in EXTENSIONS:
        if lower.endswith(ext):
            return ext
    raise Rejected(
        415, f"{filename!r} is not a supported type; upload one of {', '.join(EXTENSIONS)}"
    )


def sniff(ext: str, data: bytes, name: str) -> None:
    """Check that ``data`` looks like what ``ext`` promises; raise :class:`Rejected` if not."""
    if not data.strip():
        raise Rejected(400, f"{name!r} is empty; upload a file with an article in it")
    if ext == ".warc.gz":
        if data[:2] != b"\x1f\x8b":
            raise Rejected(415, f"{name!r} is not gzip data; a .warc.gz file must be gzipped")
        try:
            head = gzip.decompress(data)[:8]
        except (OSError, EOFError) as exc:
            raise Rejected(415, f"{name!r} is not a readable gzip file: {exc}") from None
        if not head.startswith(b"WARC/"):
            raise Rejected(415, f"{name!r} does not hold WARC records")
        return
    if b"\x00" in data:
        raise Rejected(415, f"{name!r} looks binary (NUL bytes); upload text files")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Rejected(415, f"{name!r} is not UTF-8 text; save it as UTF-8 and retry") from None
    first = text.lstrip()[:1]
    expected = {".json": "{[", ".jsonl": "{", ".xml": "<", ".rss": "<", ".html": "<"}
    if ext in expected and (not first or first not in expected[ext]):
        raise Rejected(415, f"{name!r} does not start like a {ext} file")


def paste_record(text: str, title: str, source: str, published: str) -> bytes:
    """Return pasted text with its title, source and date as one JSON record (ingest's .json)."""
    record = {"text": text, "title": title.strip() or None, "source": source.strip() or None,
              "published": published.strip() or None}  # fmt: skip
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


@dataclass
class Job:
    """One upload being analyzed: its state, counts so far, and the articles it stored."""

    id: str
    names: list[str]
    state: str = "queued"
    read: int = 0
    analyzed: int = 0
    unchanged: int = 0
    skipped: int = 0
    message: str = ""
    articles: list[str] = field(default_factory=list)
    skips: list[dict[str, str]] = field(default_factory=list)

    def record(self) -> dict[str, Any]:
        """Return the job as the status endpoint shows it."""
        return {
            "id": self.id, "files": self.names, "state": self.state, "read": self.read,
            "analyzed": self.analyzed, "unchanged": self.unchanged, "skipped": self.skipped,
            "message": self.message, "articles": self.articles, "skips": self.skips,
            "done": self.state in ("done", "failed"),
        }  # fmt: skip


class Jobs:
    """The upload jobs of one server, with the temporary folder their files are written to."""

    def __init__(self, db: str, settings: Settings) -> None:
        self.db, self.settings = db, settings
        self._folder: Path | None = None  # made on the first upload, removed with the jobs
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        # One analysis at a time: SQLite has one writer, and spaCy is loaded once.
        self._run_lock = threading.Lock()

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def start(self, files: list[tuple[str, str, bytes]], wait: bool = False) -> Job:
        """Write ``(display name, extension, data)`` files and analyze them in a thread."""
        job = Job(uuid.uuid4().hex, [name for name, _, _ in files])
        folder = self.folder() / job.id
        folder.mkdir()
        paths = []
        for n, (_, ext, data) in enumerate(files):
            path = folder / f"upload-{n}{ext}"
            path.write_bytes(data)
            paths.append(str(path))
        with self._lock:
            self._jobs[job.id] = job
        thread = threading.Thread(target=self._run, args=(job, paths, folder), daemon=True)
        thread.start()
        if wait:
            thread.join()
        return job

    def _run(self, job: Job, paths: list[str], folder: Path) -> None:
        def progress(summary: Summary, where: str) -> None:
            job.read, job.analyzed = summary.read, summary.analyzed
            job.unchanged, job.skipped = summary.unchanged, summary.skipped

        with self._run_lock:
            job.state = "analyzing"
            try:
                with Store(self.db) as store:
                    before = {r.article.id for r in store.articles(status=None)}
                    summary = analyze(paths, store, self.settings, progress=progress)
                    progress(summary, "")
                    if summary.analyzed and self.settings["link_after_analyze"]:
                        from storyline.link.corpus import link_corpus

                        job.state = "linking"
                        link_corpus(store, self.settings)
                    names = dict(zip(paths, job.names, strict=True))
                    job.skips = [
                        {"file": names.get(s.location.split("#")[0].split(":")[0], "upload"),
                         "kind": s.kind, "reason": s.reason}
                        for s in summary.skips
                    ]  # fmt: skip
                    job.articles = [
                        r.article.id for r in store.articles(status=None)
                        if r.article.id not in before or (r.article.path in paths)
                    ]  # fmt: skip
                job.state = "done"
                job.message = summary.line()
            except Exception as exc:  # a failed job is reported, the server goes on
                log.exception("upload job %s failed", job.id)
                job.state, job.message = "failed", f"analysis failed: {exc}"
            finally:
                shutil.rmtree(folder, ignore_errors=True)

    def folder(self) -> Path:
        """Return the temporary folder uploads are written to, made on first use.

        A server that never receives an upload leaves nothing behind; the folder
        goes when the jobs are garbage-collected or the process exits.
        """
        with self._lock:
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="storyline-uploads-"))
                weakref.finalize(self, shutil.rmtree, self._folder, True)
            return self._folder

    def close(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
