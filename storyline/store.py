"""The SQLite store: schema with ordered migrations, saving analyzed docs, and queries.

One file holds everything. Migrations run in order and are recorded in
``PRAGMA user_version``; the journal is WAL so readers never block the
writer. Each batch of articles is saved in one transaction, so a crash or
Ctrl-C leaves the store as it was after the last finished batch.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from storyline.errors import NotFound, StoreError
from storyline.model import (
    Article,
    Comparison,
    Doc,
    Entity,
    Event,
    Mention,
    Occasion,
    Quantity,
    Quote,
    Role,
    Skip,
    Span,
    Story,
    StoryEvent,
    Support,
    TimeExpr,
    TimelineEntry,
)

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY, title TEXT, source TEXT, url TEXT, published TEXT,
        published_origin TEXT NOT NULL, path TEXT, language TEXT, author TEXT,
        dateline_place TEXT, dateline_agency TEXT, flags TEXT NOT NULL, meta TEXT NOT NULL,
        text TEXT NOT NULL, raw TEXT, status TEXT NOT NULL, stages TEXT NOT NULL
    );
    CREATE INDEX articles_source ON articles(source);
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE sentences (article TEXT NOT NULL, start INT NOT NULL, "end" INT NOT NULL,
        PRIMARY KEY (article, start));
    CREATE TABLE entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL,
        aliases TEXT NOT NULL);
    CREATE TABLE mentions (article TEXT NOT NULL, start INT NOT NULL, "end" INT NOT NULL,
        entity TEXT NOT NULL, label TEXT NOT NULL, PRIMARY KEY (article, start, "end"));
    CREATE INDEX mentions_entity ON mentions(entity);
    CREATE TABLE times (article TEXT NOT NULL, start INT NOT NULL, "end" INT NOT NULL,
        type TEXT NOT NULL, value TEXT, interval_start TEXT, interval_end TEXT, mod TEXT,
        PRIMARY KEY (article, start));
    CREATE TABLE quotes (article TEXT NOT NULL, start INT NOT NULL, "end" INT NOT NULL,
        spans TEXT NOT NULL, kind TEXT NOT NULL, cue TEXT, speaker TEXT, speaker_text TEXT,
        speaker_start INT, speaker_end INT, PRIMARY KEY (article, start));
    CREATE TABLE events (id TEXT PRIMARY KEY, article TEXT NOT NULL, start INT NOT NULL,
        "end" INT NOT NULL, trigger TEXT NOT NULL, type TEXT NOT NULL, source TEXT, target TEXT,
        place TEXT, time_value TEXT, time_start TEXT, time_end TEXT, modality TEXT NOT NULL);
    CREATE INDEX events_article ON events(article);
    CREATE TABLE quantities (article TEXT NOT NULL, start INT NOT NULL, "end" INT NOT NULL,
        value REAL, unit TEXT, about TEXT, PRIMARY KEY (article, start));
    CREATE TABLE stories (id TEXT PRIMARY KEY, title TEXT NOT NULL, articles TEXT NOT NULL,
        events TEXT NOT NULL, timeline TEXT NOT NULL);
    CREATE TABLE skips (id TEXT PRIMARY KEY, location TEXT NOT NULL, kind TEXT NOT NULL,
        reason TEXT NOT NULL, article TEXT);
    """,
    """
    ALTER TABLE events ADD COLUMN mode TEXT;
    ALTER TABLE events ADD COLUMN source_start INT;
    ALTER TABLE events ADD COLUMN source_end INT;
    ALTER TABLE events ADD COLUMN target_start INT;
    ALTER TABLE events ADD COLUMN target_end INT;
    ALTER TABLE quantities ADD COLUMN kind TEXT;
    ALTER TABLE quantities ADD COLUMN mod TEXT;
    ALTER TABLE quantities ADD COLUMN upper REAL;
    ALTER TABLE quantities ADD COLUMN time_value TEXT;
    ALTER TABLE quantities ADD COLUMN time_start TEXT;
    ALTER TABLE quantities ADD COLUMN time_end TEXT;
    ALTER TABLE quantities ADD COLUMN source TEXT;
    ALTER TABLE quantities ADD COLUMN source_text TEXT;
    """,
    # Linking across articles: story membership with occasion, the features grouping reads
    # (so a new article joins without recomputing the others), merged events with their
    # members, and what each article adds, confirms or contradicts.
    """
    CREATE TABLE story_articles (article TEXT PRIMARY KEY, story TEXT NOT NULL,
        occasion TEXT NOT NULL, score REAL NOT NULL, stages TEXT NOT NULL);
    CREATE INDEX story_articles_story ON story_articles(story);
    CREATE TABLE link_features (article TEXT PRIMARY KEY, version TEXT NOT NULL,
        record TEXT NOT NULL, vector BLOB NOT NULL);
    CREATE TABLE story_events (id TEXT PRIMARY KEY, story TEXT NOT NULL, record TEXT NOT NULL);
    CREATE INDEX story_events_story ON story_events(story);
    CREATE TABLE story_event_members (event TEXT NOT NULL, member TEXT NOT NULL,
        article TEXT NOT NULL, PRIMARY KEY (event, member));
    CREATE INDEX story_event_members_member ON story_event_members(member);
    CREATE TABLE comparisons (story TEXT NOT NULL, article TEXT NOT NULL,
        relation TEXT NOT NULL, kind TEXT NOT NULL, start INT NOT NULL, "end" INT NOT NULL,
        fact TEXT NOT NULL, others TEXT NOT NULL, note TEXT NOT NULL);
    CREATE INDEX comparisons_story ON comparisons(story);
    ALTER TABLE stories ADD COLUMN summary TEXT NOT NULL DEFAULT '';
    ALTER TABLE stories ADD COLUMN occasions TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE stories ADD COLUMN first TEXT;
    ALTER TABLE stories ADD COLUMN last TEXT;
    ALTER TABLE stories ADD COLUMN sources INT NOT NULL DEFAULT 0;
    """,
    # Entities: where a place lies and what government a seat speaks for; roles per article.
    """
    ALTER TABLE entities ADD COLUMN country TEXT;
    ALTER TABLE entities ADD COLUMN lat REAL;
    ALTER TABLE entities ADD COLUMN lon REAL;
    ALTER TABLE entities ADD COLUMN government_of TEXT;
    CREATE TABLE roles (article TEXT NOT NULL, start INT NOT NULL, "end" INT NOT NULL,
        entity TEXT NOT NULL, title TEXT NOT NULL, "of" TEXT, of_entity TEXT, as_of TEXT,
        PRIMARY KEY (article, start, entity));
    CREATE INDEX roles_entity ON roles(entity);
    """,
    # Full-text search over titles and text, for the web app's search box. Triggers keep it in
    # sync: an INSERT OR REPLACE of an article fires no DELETE trigger, so the INSERT trigger
    # clears the old row first.
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(id UNINDEXED, title, text,
        tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO articles_fts (id, title, text) SELECT id, COALESCE(title, ''), text FROM articles;
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        DELETE FROM articles_fts WHERE id = new.id;
        INSERT INTO articles_fts (id, title, text) VALUES (new.id, COALESCE(new.title, ''),
            new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        DELETE FROM articles_fts WHERE id = old.id;
    END;
    """,
    # The search index's rows share the article's rowid: the triggers above found the old row
    # by its unindexed id, a scan of the whole index for every article saved (saving grew
    # linearly with the store). The old row is cleared BEFORE the insert, while its rowid
    # can still be looked up by the article's primary key.
    """
    DROP TRIGGER articles_fts_insert;
    DROP TRIGGER articles_fts_delete;
    DELETE FROM articles_fts;
    INSERT INTO articles_fts (rowid, id, title, text)
        SELECT rowid, id, COALESCE(title, ''), text FROM articles;
    CREATE TRIGGER articles_fts_replace BEFORE INSERT ON articles BEGIN
        DELETE FROM articles_fts WHERE rowid = (SELECT rowid FROM articles WHERE id = new.id);
    END;
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, id, title, text) VALUES (new.rowid, new.id,
            COALESCE(new.title, ''), new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        DELETE FROM articles_fts WHERE rowid = old.rowid;
    END;
    """,
    # Every save clears the analysis-error skips of the articles it saves: without an index
    # that is a scan of all skips per article, and a large run records many skips.
    """
    CREATE INDEX skips_article ON skips(article);
    """,
    # An entity's type is what most articles that name it say (an unknown town tagged a person
    # in one report is a place in three), not what the first article saved said. Each article's
    # vote is kept so that saving it again takes the old vote back; existing articles vote for
    # the type stored so far.
    """
    CREATE TABLE entity_types (article TEXT NOT NULL, entity TEXT NOT NULL,
        type TEXT NOT NULL, PRIMARY KEY (article, entity));
    CREATE TABLE entity_type_counts (entity TEXT NOT NULL, type TEXT NOT NULL, n INT NOT NULL,
        PRIMARY KEY (entity, type));
    INSERT INTO entity_types SELECT DISTINCT m.article, m.entity, e.type
        FROM mentions m JOIN entities e ON e.id = m.entity;
    INSERT INTO entity_type_counts SELECT entity, type, COUNT(*) FROM entity_types
        GROUP BY entity, type;
    """,
)

# Layer tables keyed by article, cleared before an article is re-analyzed.
_LAYER_TABLES = ("sentences", "mentions", "times", "quotes", "events", "quantities", "roles")


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class LinkRow:
    """An article's place in the stories: its story, occasion and the grouping score."""

    article: str
    story: str
    occasion: str
    score: float


@dataclass(frozen=True)
class ArticleRow:
    """An article as listed: its record, whether it was analyzed, and by which stages."""

    article: Article
    status: str
    stages: tuple[str, ...]


class Store:
    """A storyline database in one SQLite file (or ``:memory:``)."""

    def __init__(self, path: str | Path = "storyline.db") -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"cannot open store {self.path}: {exc}; "
                "check the path, or pass --db with a new file name"
            ) from exc

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(
                f"store {self.path} has schema version {version}, newer than this storyline "
                f"knows ({len(MIGRATIONS)}); upgrade storyline"
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            self.conn.executescript(f"BEGIN; {script}; PRAGMA user_version={number}; COMMIT;")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------

    def stages_of(self, article_id: str) -> tuple[str, ...] | None:
        """Return the stage keys an article was analyzed with, or None if it is not stored."""
        row = self.conn.execute(
            "SELECT stages, status FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        return tuple(json.loads(row["stages"]))

    def save(self, docs: Sequence[Doc], skips: Sequence[Skip] = ()) -> None:
        """Save analyzed docs and skipped inputs in one transaction."""
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            for doc in docs:
                self._save_doc(cur, doc)
            for skip in skips:
                if skip.article is not None:
                    self._save_article(cur, skip.article, "skipped", ())
                cur.execute(
                    "INSERT OR REPLACE INTO skips VALUES (?, ?, ?, ?, ?)",
                    (
                        skip.id,
                        skip.location,
                        skip.kind,
                        skip.reason,
                        skip.article.id if skip.article else None,
                    ),
                )
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise

    def _save_article(
        self, cur: sqlite3.Cursor, a: Article, status: str, stages: Sequence[str]
    ) -> None:
        cur.execute(
            "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                a.id, a.title, a.source, a.url, _iso(a.published), a.published_origin, a.path,
                a.language, a.author, a.dateline_place, a.dateline_agency, json.dumps(a.flags),
                json.dumps(dict(a.meta), default=str), a.text, a.raw, status, json.dumps(stages),
            ),
        )  # fmt: skip

    def _save_doc(self, cur: sqlite3.Cursor, doc: Doc) -> None:
        aid = doc.article.id
        self._save_article(cur, doc.article, "analyzed", doc.stages)
        self._take_back_types(cur, aid)
        for table in _LAYER_TABLES:
            cur.execute(f"DELETE FROM {table} WHERE article = ?", (aid,))
        # A previous skip of the same content (say, a failed stage) is resolved now.
        cur.execute("DELETE FROM skips WHERE article = ? AND kind = 'analysis-error'", (aid,))
        cur.executemany(
            "INSERT INTO sentences VALUES (?,?,?)", [(aid, s.start, s.end) for s in doc.sentences]
        )
        for e in doc.entities:
            self._merge_entity(cur, e)
        self._vote_types(cur, aid, doc.entities)
        cur.executemany(
            "INSERT OR REPLACE INTO mentions VALUES (?,?,?,?,?)",
            [(aid, m.start, m.end, m.entity, m.label) for m in doc.mentions],
        )
        cur.executemany(
            "INSERT OR REPLACE INTO times VALUES (?,?,?,?,?,?,?,?)",
            [
                (aid, t.start, t.end, t.type, t.value, _iso(t.interval_start),
                 _iso(t.interval_end), t.mod)
                for t in doc.times
            ],
        )  # fmt: skip
        cur.executemany(
            "INSERT OR REPLACE INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (aid, q.start, q.end, json.dumps(q.spans), q.kind, q.cue, q.speaker,
                 q.speaker_text, q.speaker_start, q.speaker_end)
                for q in doc.quotes
            ],
        )  # fmt: skip
        cur.executemany(
            "INSERT OR REPLACE INTO events (id, article, start, \"end\", trigger, type, source, "
            "target, place, time_value, time_start, time_end, modality, mode, source_start, "
            "source_end, target_start, target_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (e.id, aid, e.start, e.end, e.trigger, e.type, e.source, e.target, e.place,
                 e.time_value, _iso(e.time_start), _iso(e.time_end), e.modality, e.mode,
                 e.source_start, e.source_end, e.target_start, e.target_end)
                for e in doc.events
            ],
        )  # fmt: skip
        cur.executemany(
            "INSERT OR REPLACE INTO quantities (article, start, \"end\", value, unit, about, kind, "
            "mod, upper, time_value, time_start, time_end, source, source_text) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (aid, q.start, q.end, q.value, q.unit, q.about, q.kind, q.mod, q.upper,
                 q.time_value, _iso(q.time_start), _iso(q.time_end), q.source, q.source_text)
                for q in doc.quantities
            ],
        )  # fmt: skip
        cur.executemany(
            'INSERT OR REPLACE INTO roles (article, start, "end", entity, title, "of", '
            "of_entity, as_of) VALUES (?,?,?,?,?,?,?,?)",
            [
                (aid, r.start, r.end, r.entity, r.title, r.of, r.of_entity, _iso(r.as_of))
                for r in doc.roles
            ],
        )

    def _take_back_types(self, cur: sqlite3.Cursor, aid: str) -> None:
        """Take back the types an article voted for, before it is saved again."""
        old = cur.execute("SELECT entity, type FROM entity_types WHERE article = ?", (aid,))
        cur.executemany(
            "UPDATE entity_type_counts SET n = n - 1 WHERE entity = ? AND type = ?",
            [(r["entity"], r["type"]) for r in old.fetchall()],
        )
        cur.execute("DELETE FROM entity_types WHERE article = ?", (aid,))

    def _vote_types(self, cur: sqlite3.Cursor, aid: str, entities: Sequence[Entity]) -> None:
        """Record the type an article gives each entity; store the type most articles give.

        A tie keeps the type stored, so the first article's word stands until outvoted.
        """
        cur.executemany(
            "INSERT INTO entity_types VALUES (?,?,?)", [(aid, e.id, e.type) for e in entities]
        )
        cur.executemany(
            "INSERT INTO entity_type_counts VALUES (?,?,1) "
            "ON CONFLICT (entity, type) DO UPDATE SET n = n + 1",
            [(e.id, e.type) for e in entities],
        )
        for e in entities:
            stored = cur.execute("SELECT type FROM entities WHERE id = ?", (e.id,)).fetchone()
            votes = cur.execute(
                "SELECT type, n FROM entity_type_counts WHERE entity = ?", (e.id,)
            ).fetchall()
            best = max(votes, key=lambda r: (r["n"], r["type"] == stored["type"]))["type"]
            if best != stored["type"]:
                cur.execute("UPDATE entities SET type = ? WHERE id = ?", (best, e.id))

    def _merge_entity(self, cur: sqlite3.Cursor, e: Entity) -> None:
        row = cur.execute("SELECT aliases FROM entities WHERE id = ?", (e.id,)).fetchone()
        if row is None:
            cur.execute(
                "INSERT INTO entities (id, name, type, aliases, country, lat, lon, government_of) "
                "VALUES (?,?,?,?,?,?,?,?)",
                (e.id, e.name, e.type, json.dumps(list(e.aliases)), e.country, e.lat, e.lon,
                 e.government_of),
            )  # fmt: skip
            return
        aliases = sorted(set(json.loads(row["aliases"])) | set(e.aliases))
        cur.execute(
            "UPDATE entities SET aliases = ?, country = COALESCE(country, ?), "
            "lat = COALESCE(lat, ?), lon = COALESCE(lon, ?), "
            "government_of = COALESCE(government_of, ?) WHERE id = ?",
            (json.dumps(aliases), e.country, e.lat, e.lon, e.government_of, e.id),
        )

    def save_stories(self, stories: Iterable[Story]) -> None:
        """Replace the stored stories with ``stories`` in one transaction."""
        rows = [_story_row(s) for s in stories]
        with self._transaction():
            self.conn.execute("DELETE FROM stories")
            self.conn.executemany(_STORY_INSERT, rows)

    # -- linking ---------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """Run a block in one transaction (the connection is in autocommit mode otherwise)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def pending_links(self) -> list[str]:
        """Return analyzed articles not linked yet, or linked from older stage output."""
        rows = self.conn.execute(
            "SELECT a.id FROM articles a LEFT JOIN story_articles l ON l.article = a.id "
            "WHERE a.status = 'analyzed' AND (l.article IS NULL OR l.stages != a.stages) "
            "ORDER BY a.published IS NULL, a.published, a.id"
        ).fetchall()
        return [str(r["id"]) for r in rows]

    def links(self) -> list[LinkRow]:
        """Return every stored story assignment, in article id order."""
        return [
            LinkRow(r["article"], r["story"], r["occasion"], r["score"])
            for r in self.conn.execute("SELECT * FROM story_articles ORDER BY article")
        ]

    def link_features(self, version: str) -> dict[str, tuple[str, bytes]]:
        """Return article → (JSON record, vector bytes) of the stored features of ``version``."""
        return {
            r["article"]: (r["record"], bytes(r["vector"]))
            for r in self.conn.execute(
                "SELECT article, record, vector FROM link_features WHERE version = ?", (version,)
            )
        }

    def save_links(
        self,
        links: Sequence[LinkRow],
        features: Sequence[tuple[str, str, str, bytes]],
        merged: Iterable[str] = (),
    ) -> None:
        """Save story assignments and grouping features ``(article, version, record, vector)``.

        ``merged`` names stories merged into others: they are deleted in the same transaction.
        """
        with self._transaction():
            self._drop_stories(merged)
            self.conn.executemany(
                "INSERT OR REPLACE INTO story_articles "
                "SELECT ?, ?, ?, ?, stages FROM articles WHERE id = ?",
                [(x.article, x.story, x.occasion, x.score, x.article) for x in links],
            )
            self.conn.executemany("INSERT OR REPLACE INTO link_features VALUES (?,?,?,?)", features)

    def clear_links(self) -> None:
        """Forget every story, assignment and cross-article result (features are kept)."""
        with self._transaction():
            for table in ("story_articles", "stories", "story_events", "story_event_members",
                          "comparisons"):  # fmt: skip
                self.conn.execute(f"DELETE FROM {table}")

    def save_story(
        self, story: Story, events: Sequence[StoryEvent], comparisons: Sequence[Comparison]
    ) -> None:
        """Replace one story with its merged events and comparisons, in one transaction."""
        with self._transaction():
            old = [r["id"] for r in self.conn.execute(
                "SELECT id FROM story_events WHERE story = ?", (story.id,))]  # fmt: skip
            self.conn.executemany(
                "DELETE FROM story_event_members WHERE event = ?", [(i,) for i in old]
            )
            for table in ("story_events", "comparisons"):
                self.conn.execute(f"DELETE FROM {table} WHERE story = ?", (story.id,))
            self.conn.execute("DELETE FROM stories WHERE id = ?", (story.id,))
            self.conn.execute(_STORY_INSERT, _story_row(story))
            self.conn.executemany(
                "INSERT INTO story_events VALUES (?,?,?)",
                [(e.id, e.story, json.dumps(_story_event_json(e))) for e in events],
            )
            self.conn.executemany(
                "INSERT OR REPLACE INTO story_event_members "
                "SELECT ?, id, article FROM events WHERE id = ?",
                [(e.id, m) for e in events for m in e.members],
            )
            self.conn.executemany(
                "INSERT INTO comparisons VALUES (?,?,?,?,?,?,?,?,?)",
                [
                    (c.story, c.article, c.relation, c.kind, c.start, c.end, c.fact,
                     json.dumps(c.others), c.note)
                    for c in comparisons
                ],
            )  # fmt: skip

    def drop_stories(self, ids: Iterable[str]) -> None:
        """Delete stories that no longer have articles, with their events and comparisons."""
        with self._transaction():
            self._drop_stories(ids)

    def _drop_stories(self, ids: Iterable[str]) -> None:
        for story in ids:
            self.conn.execute(
                "DELETE FROM story_event_members WHERE event IN "
                "(SELECT id FROM story_events WHERE story = ?)",
                (story,),
            )
            for table in ("story_events", "comparisons"):
                self.conn.execute(f"DELETE FROM {table} WHERE story = ?", (story,))
            self.conn.execute("DELETE FROM stories WHERE id = ?", (story,))

    def resolve_story(self, prefix: str) -> str:
        """Return the one story id starting with ``prefix``."""
        rows = self.conn.execute(
            "SELECT id FROM stories WHERE id LIKE ? ORDER BY id LIMIT 2", (prefix + "%",)
        ).fetchall()
        if not rows:
            raise NotFound(f"no story with id {prefix!r}; list them with `storyline stories`")
        if len(rows) > 1:
            raise NotFound(f"story id {prefix!r} is ambiguous; give more characters")
        return str(rows[0]["id"])

    def story(self, story_id: str) -> Story:
        """Return one stored story."""
        row = self.conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            raise NotFound(f"no story with id {story_id!r}; list them with `storyline stories`")
        return _story(row)

    def story_events(self, story_id: str) -> list[StoryEvent]:
        """Return the merged events of a story."""
        return [
            _story_event(json.loads(r["record"]))
            for r in self.conn.execute(
                "SELECT record FROM story_events WHERE story = ? ORDER BY rowid", (story_id,)
            )
        ]

    def comparisons(self, story_id: str) -> list[Comparison]:
        """Return what each article of a story adds, confirms and contradicts, in stored order."""
        return [
            Comparison(r["story"], r["article"], r["relation"], r["kind"], r["start"], r["end"],
                       r["fact"], tuple(json.loads(r["others"])), r["note"])
            for r in self.conn.execute(
                "SELECT * FROM comparisons WHERE story = ? ORDER BY rowid", (story_id,)
            )
        ]  # fmt: skip

    # -- reading ---------------------------------------------------------

    def resolve_id(self, prefix: str) -> str:
        """Return the one article id starting with ``prefix``."""
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE id LIKE ? ORDER BY id LIMIT 2", (prefix + "%",)
        ).fetchall()
        if not rows:
            raise NotFound(f"no article with id {prefix!r}; list them with `storyline articles`")
        if len(rows) > 1:
            raise NotFound(f"id {prefix!r} is ambiguous; give more characters")
        return str(rows[0]["id"])

    def articles(
        self,
        source: str | None = None,
        since: date | None = None,
        until: date | None = None,
        status: str | None = None,
    ) -> Iterator[ArticleRow]:
        """Yield stored articles, oldest first, filtered by source, date range and status."""
        clauses, params = [], []
        if source:
            clauses.append("source LIKE ?")
            params.append(f"%{source}%")
        if since:
            clauses.append("published >= ?")
            params.append(since.isoformat())
        if until:
            clauses.append("published <= ?")
            params.append(until.isoformat())
        if status:
            clauses.append("status = ?")
            params.append(status)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        query = f"SELECT * FROM articles {where} ORDER BY published IS NULL, published, id"
        for row in self.conn.execute(query, params):
            yield ArticleRow(_article(row), row["status"], tuple(json.loads(row["stages"])))

    def doc(self, article_id: str) -> Doc:
        """Return the stored doc of an article with all its layers."""
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFound(
                f"no article with id {article_id!r}; list them with `storyline articles`"
            )

        def rows(table: str) -> list[sqlite3.Row]:
            return self.conn.execute(
                f"SELECT * FROM {table} WHERE article = ? ORDER BY start", (article_id,)
            ).fetchall()

        mentions = [
            Mention(r["start"], r["end"], r["entity"], r["label"]) for r in rows("mentions")
        ]
        entity_ids = sorted({m.entity for m in mentions})
        return Doc(
            article=_article(row),
            sentences=tuple(Span(r["start"], r["end"]) for r in rows("sentences")),
            entities=tuple(self.entities(entity_ids)),
            mentions=tuple(mentions),
            times=tuple(
                TimeExpr(r["start"], r["end"], r["type"], r["value"], _date(r["interval_start"]),
                         _date(r["interval_end"]), r["mod"])
                for r in rows("times")
            ),
            quotes=tuple(
                Quote(r["start"], r["end"], tuple(tuple(p) for p in json.loads(r["spans"])),
                      r["kind"], r["cue"], r["speaker"], r["speaker_text"], r["speaker_start"],
                      r["speaker_end"])
                for r in rows("quotes")
            ),
            events=tuple(
                Event(r["id"], r["start"], r["end"], r["trigger"], r["type"], r["source"],
                      r["target"], r["place"], r["time_value"], _date(r["time_start"]),
                      _date(r["time_end"]), r["modality"], r["mode"], r["source_start"],
                      r["source_end"], r["target_start"], r["target_end"])
                for r in rows("events")
            ),
            quantities=tuple(
                Quantity(r["start"], r["end"], r["value"], r["unit"], r["about"], r["kind"],
                         r["mod"], r["upper"], r["time_value"], _date(r["time_start"]),
                         _date(r["time_end"]), r["source"], r["source_text"])
                for r in rows("quantities")
            ),
            roles=tuple(
                Role(r["entity"], r["title"], r["of"], r["start"], r["end"], _date(r["as_of"]),
                     r["of_entity"])
                for r in rows("roles")
            ),
            stages=tuple(json.loads(row["stages"])),
        )  # fmt: skip

    def entities(self, ids: Sequence[str] | None = None) -> list[Entity]:
        """Return stored entities (all, or those with the given ids), sorted by id."""
        if ids is None:
            rows = self.conn.execute("SELECT * FROM entities ORDER BY id").fetchall()
        else:
            marks = ",".join("?" * len(ids))
            rows = self.conn.execute(
                f"SELECT * FROM entities WHERE id IN ({marks}) ORDER BY id", list(ids)
            ).fetchall()
        return [
            Entity(r["id"], r["name"], r["type"], tuple(json.loads(r["aliases"])), r["country"],
                   r["lat"], r["lon"], r["government_of"])
            for r in rows
        ]  # fmt: skip

    def stories(self) -> list[Story]:
        """Return the stored stories."""
        return [_story(r) for r in self.conn.execute("SELECT * FROM stories ORDER BY id")]

    def search(self, query: str, limit: int = 200) -> list[str]:
        """Return ids of articles whose title or text holds every word of ``query``, best first.

        Words are quoted one by one (the last as a prefix), so FTS5 operators typed by a
        user are searched as text instead of failing as syntax.
        """
        words = [w for w in (query or "").replace('"', " ").split() if w]
        if not words:
            return []
        terms = [f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*']
        rows = self.conn.execute(
            "SELECT id FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (" ".join(terms), limit),
        )
        return [str(r["id"]) for r in rows]

    def articles_mentioning(self, entity_ids: Sequence[str]) -> list[str]:
        """Return ids of the articles that mention any of ``entity_ids``, sorted."""
        marks = ",".join("?" * len(entity_ids))
        rows = self.conn.execute(
            f"SELECT DISTINCT article FROM mentions WHERE entity IN ({marks}) ORDER BY article",
            list(entity_ids),
        )
        return [str(r["article"]) for r in rows]

    def skips(self) -> list[Skip]:
        """Return every recorded skip, by location."""
        return [
            Skip(r["location"], r["kind"], r["reason"])
            for r in self.conn.execute("SELECT * FROM skips ORDER BY location, kind")
        ]

    def raw(self, article_id: str) -> str | None:
        """Return the original input an article was read from."""
        row = self.conn.execute("SELECT raw FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id!r}")
        raw: str | None = row["raw"]
        return raw

    def counts(self) -> dict[str, int]:
        """Return the number of rows per table, for summaries and tests."""
        tables = ("articles", "entities", *_LAYER_TABLES, "stories", "skips", "story_articles",
                  "story_events", "comparisons")  # fmt: skip
        return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


def _article(row: sqlite3.Row) -> Article:
    meta: dict[str, Any] = json.loads(row["meta"])
    return Article(
        id=row["id"], text=row["text"], title=row["title"], source=row["source"], url=row["url"],
        published=_date(row["published"]), published_origin=row["published_origin"],
        path=row["path"], language=row["language"], author=row["author"],
        dateline_place=row["dateline_place"], dateline_agency=row["dateline_agency"],
        flags=tuple(json.loads(row["flags"])), meta=meta, raw=row["raw"],
    )  # fmt: skip


def _support_json(support: Sequence[Support]) -> list[list[Any]]:
    return [[x.article, x.start, x.end] for x in support]


def _support(rows: Sequence[Sequence[Any]]) -> tuple[Support, ...]:
    return tuple(Support(str(a), int(b), int(c)) for a, b, c in rows)


def _entry_json(t: TimelineEntry) -> dict[str, Any]:
    return {
        "date": t.date, "start": _iso(t.start), "end": _iso(t.end), "event": t.event,
        "articles": list(t.articles), "summary": t.summary, "type": t.type,
        "participants": list(t.participants), "place": t.place,
        "support": _support_json(t.support), "sources": t.sources, "background": t.background,
        "dated_by": t.dated_by, "modality": t.modality,
    }  # fmt: skip


def _entry(d: dict[str, Any]) -> TimelineEntry:
    return TimelineEntry(
        d["date"], _date(d["start"]), _date(d["end"]), d["event"], tuple(d["articles"]),
        d["summary"], d.get("type"), tuple(d.get("participants", ())), d.get("place"),
        _support(d.get("support", ())), d.get("sources", 0), d.get("background", False),
        d.get("dated_by", "text"), d.get("modality", "asserted"),
    )  # fmt: skip


_STORY_INSERT = (
    "INSERT INTO stories (id, title, articles, events, timeline, summary, occasions, first, "
    "last, sources) VALUES (?,?,?,?,?,?,?,?,?,?)"
)


def _story_row(s: Story) -> tuple[Any, ...]:
    return (
        s.id, s.title, json.dumps(s.articles), json.dumps(s.events),
        json.dumps([_entry_json(t) for t in s.timeline]), s.summary,
        json.dumps([[o.id, list(o.articles)] for o in s.occasions]), _iso(s.first),
        _iso(s.last), s.sources,
    )  # fmt: skip


def _story(r: sqlite3.Row) -> Story:
    return Story(
        r["id"], r["title"], tuple(json.loads(r["articles"])), tuple(json.loads(r["events"])),
        tuple(_entry(t) for t in json.loads(r["timeline"])), r["summary"],
        tuple(Occasion(o, tuple(a)) for o, a in json.loads(r["occasions"])), _date(r["first"]),
        _date(r["last"]), r["sources"],
    )  # fmt: skip


def _story_event_json(e: StoryEvent) -> dict[str, Any]:
    return {
        "id": e.id, "story": e.story, "type": e.type, "trigger": e.trigger,
        "members": list(e.members), "articles": list(e.articles), "source": e.source,
        "target": e.target, "place": e.place, "time_value": e.time_value,
        "time_start": _iso(e.time_start), "time_end": _iso(e.time_end), "dated_by": e.dated_by,
        "modality": e.modality, "sources": e.sources, "support": _support_json(e.support),
    }  # fmt: skip


def _story_event(d: dict[str, Any]) -> StoryEvent:
    return StoryEvent(
        d["id"], d["story"], d["type"], d["trigger"], tuple(d["members"]), tuple(d["articles"]),
        d["source"], d["target"], d["place"], d["time_value"], _date(d["time_start"]),
        _date(d["time_end"]), d["dated_by"], d["modality"], d["sources"],
        _support(d["support"]),
    )  # fmt: skip
