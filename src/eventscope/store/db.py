"""The one writer: an embedded DuckDB file, created and migrated on first use.

Every batch (articles, their mentions, the merged events they change, the
quarantined inputs) is written in one transaction, so a crash leaves the
database as it was after the last committed batch.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb

from ..errors import StoreError
from ..merge import Mention, MergeDelta, Merger
from ..records import Article, Evidence, Rejected
from . import rows
from .schema import migrate


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article accepted for storing: its identity and the mentions read from it."""

    article: Article
    key: str
    version: int
    digest: str
    mentions: tuple[Mention, ...]

    @property
    def uid(self) -> str:
        return f"{self.key}#{self.version}"


LOCK_WAIT_S = 60.0  # how long to wait for another process's lock on the file
LOCK_POLL_S = 0.05


def connect(path: str, read_only: bool, wait: float = LOCK_WAIT_S) -> duckdb.DuckDBPyConnection:
    """Open the file, waiting while another process holds it (DuckDB allows one process at a time)."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                raise StoreError("E040", path=path, detail=str(exc)) from exc
            time.sleep(LOCK_POLL_S)
        except (duckdb.Error, OSError) as exc:
            raise StoreError("E040", path=path, detail=str(exc)) from exc


class Store:
    """A DuckDB file.  ``release`` closes the file between batches so readers can query meanwhile."""

    def __init__(self, path: str, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        if not read_only and os.path.dirname(path):
            os.makedirs(os.path.dirname(path), exist_ok=True)
        self._conn: duckdb.DuckDBPyConnection | None = connect(path, read_only)
        if not read_only:
            migrate(self.conn)

    @property
    def conn(self) -> duckdb.DuckDBPyConnection:
        if self._conn is None:
            self._conn = connect(self.path, self.read_only)
        return self._conn

    def release(self) -> None:
        """Close the file until the next use (another process may open it meanwhile)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def close(self) -> None:
        self.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def versions(self) -> dict[str, dict[str, int]]:
        """article key -> content hash -> version, for every stored article."""
        known: dict[str, dict[str, int]] = {}
        query = "SELECT article_key, content_hash, version FROM articles"
        for key, digest, version in self.conn.execute(query).fetchall():
            known.setdefault(key, {})[digest] = version
        return known

    def load_merger(self) -> Merger:
        merger = Merger()
        links = dict(self.conn.execute("SELECT mention_id, event_id FROM event_mentions").fetchall())
        merger.load(self.mentions(), links)
        return merger

    def mentions(self, where: str = "", params: Sequence[object] = ()) -> list[Mention]:
        evidence = self._evidence_by_mention()
        query = f"SELECT {rows.MENTION_COLUMNS} FROM mentions {where} ORDER BY mention_id"
        return [
            rows.mention_from_row(r, evidence.get(r[0], ()))
            for r in self.conn.execute(query, params).fetchall()
        ]

    def _evidence_by_mention(self) -> dict[str, tuple[Evidence, ...]]:
        found: dict[str, list[Evidence]] = {}
        query = "SELECT mention_id, article_id, start_char, end_char, text FROM evidence ORDER BY ALL"
        for mid, aid, start, end, text in self.conn.execute(query).fetchall():
            found.setdefault(mid, []).append(Evidence(aid, text, start, end))
        return {k: tuple(v) for k, v in found.items()}

    def write_batch(
        self, stored: Sequence[StoredArticle], rejected: Sequence[Rejected], merger: Merger
    ) -> MergeDelta:
        """Write one batch in one transaction (after a failure, reload the merger: ``load_merger``)."""
        delta = merger.add([m for s in stored for m in s.mentions])
        with self.transaction():
            self._insert_articles(stored)
            self._quarantine(rejected)
            self._apply(delta)
        return delta

    def _insert_articles(self, stored: Sequence[StoredArticle]) -> None:
        articles = [rows.article_row(s.article, s.key, s.version, s.digest) for s in stored]
        mentions = [m for s in stored for m in s.mentions]
        mention_rows = [rows.mention_row(m) for m in mentions]
        evidence = [r for m in mentions for r in rows.evidence_rows(m)]
        if articles:
            self.conn.executemany(f"INSERT INTO articles VALUES ({_marks(articles[0])})", articles)
        if mention_rows:
            sql = f"INSERT INTO mentions ({rows.MENTION_COLUMNS}) VALUES ({_marks(mention_rows[0])})"
            self.conn.executemany(sql, mention_rows)
        if evidence:
            self.conn.executemany("INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?)", evidence)
        for mention in mentions:
            self._add_sources(mention)

    def feed_state(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified a feed last answered with."""
        row = self.conn.execute("SELECT etag, last_modified FROM feed_state WHERE url = ?", [url]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def set_feed_state(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self.conn.execute(
            "INSERT INTO feed_state VALUES (?, ?, ?) ON CONFLICT (url) DO UPDATE SET etag = ?, last_modified = ?",
            [url, etag, last_modified, etag, last_modified],
        )

    def _add_sources(self, mention: Mention) -> None:
        for name, kind in ((mention.outlet, "outlet"), (mention.event.source, "reported")):
            if name:
                self.conn.execute("INSERT INTO sources VALUES (?, ?) ON CONFLICT DO NOTHING", [name, kind])

    def _quarantine(self, rejected: Sequence[Rejected]) -> None:
        for item in rejected:
            self.conn.execute(
                "INSERT INTO quarantine VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [item.origin, item.code, item.reason],
            )

    def _apply(self, delta: MergeDelta) -> None:
        for event_id in delta.removed:
            self.conn.execute("DELETE FROM events WHERE event_id = ?", [event_id])
        for merged in delta.upserted:
            row = rows.event_row(merged)
            self.conn.execute("DELETE FROM events WHERE event_id = ?", [row[0]])
            self.conn.execute(f"INSERT INTO events ({rows.EVENT_COLUMNS}) VALUES ({_marks(row)})", row)
            for mention_id in merged.mention_ids:
                self.conn.execute(_LINK, [mention_id, row[0], row[0]])


_LINK = "INSERT INTO event_mentions VALUES (?, ?) ON CONFLICT (mention_id) DO UPDATE SET event_id = ?"


def _marks(row: Sequence[object]) -> str:
    return ",".join("?" * len(row))
