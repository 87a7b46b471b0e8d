"""The one writer: an embedded DuckDB file, created and migrated on first use.

Every batch (articles, their mentions, the merged events they change, the
quarantined inputs) is written in one transaction, so a crash leaves the
database as it was after the last committed batch.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, replace

import duckdb

from ..addresses import not_a_path
from ..errors import Errors, StoreError
from ..merge import Mention, MergeDelta, Merger
from ..records import Article, Evidence, Rejected
from ..settings import LOCK_WAIT_S, current
from . import rows
from .file import FILE_DB, DbFile, attach, instance, wal_size
from .health import check_file, coded
from .merge_state import StoredState
from .schema import migrate, outdated
from .sql import IN_IDS, insert_rows


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


def connect(path: str, read_only: bool, wait: float = LOCK_WAIT_S) -> duckdb.DuckDBPyConnection:
    """An instance with the file attached, waiting while another process holds it (see ``file.attach``)."""
    conn = instance()
    attach(conn, path, read_only, wait)
    return conn


class Store:
    """A DuckDB file, attached while it is used: ``release`` detaches it between batches, ``lease`` holds it for
    one reader's request (``store.file``), so a writer and readers in other processes take turns."""

    def __init__(self, path: str, read_only: bool = False, clock: Callable[[], float] = time.time,
                 wait: float = LOCK_WAIT_S, read_timeout: float | None = None) -> None:  # fmt: skip
        self.path = path
        self.read_timeout = current().query_timeout_s if read_timeout is None else read_timeout  # read_api.run's
        self.read_only = read_only
        self.clock = clock  # read once per batch: the events it writes are stamped with it
        if (why := not_a_path(path, "the database is a local file")) is not None:  # DuckDB would fetch it (httpfs)
            raise StoreError("E040", path=path, detail=Errors.E015.format(detail=why))  # E015's words, E040's line
        if not read_only and os.path.dirname(path):
            os.makedirs(os.path.dirname(path), exist_ok=True)
        self.file = DbFile(path, read_only, wait)
        self._column_types: dict[str, list[tuple[str, str]]] = {}
        try:
            self._open(wait)
        except StoreError:
            self._let_go()
            raise
        except duckdb.Error as exc:
            self._let_go()
            raise coded(path, exc) from exc

    def _let_go(self) -> None:
        """Detach a file that failed to open (so this process may attach it again), whatever state it is in."""
        with suppress(duckdb.Error):
            self.file.release()

    def _open(self, wait: float) -> None:
        """Check the file for damage, then bring its schema up to date (a writer, or a reader of an older file)."""
        check_file(self.conn, self.path, writer=not self.read_only)
        if not self.read_only:
            migrate(self.conn)
        elif outdated(self.conn):  # a file an older eventscope wrote: migrate it once, then read
            self.release()
            with connect(self.path, read_only=False, wait=wait) as writer:
                migrate(writer)
        self.release()  # attached again on first use

    @property
    def conn(self) -> duckdb.DuckDBPyConnection:
        """The connection, the file attached (until ``release``)."""
        return self.file.conn()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor of its own over the attached file (for a reader's thread)."""
        cursor = self.conn.cursor()
        cursor.execute(f"USE {FILE_DB}")
        return cursor

    def lease(self) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        """The file attached for one reader's request, detached when no request holds it."""
        return self.file.lease()

    def release(self, every: float = 0.0) -> None:
        """Detach the file until the next use (another process may open it meanwhile), unless it was detached
        less than ``every`` seconds ago.  A writer that wrote checkpoints first: a log left behind would be replayed
        by every reader's attach (once per web request), and by its own next attach."""
        if not self.read_only and self.file.attached and wal_size(self.path):
            self.file.conn().execute("CHECKPOINT")
        self.file.release(every)

    def close(self) -> None:
        self.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: object, exc: BaseException | None, tb: object) -> None:
        """Close; a DuckDB error that ends the block (a full disk, a damaged block) leaves as one coded E040."""
        try:
            self.close()
        except duckdb.Error as error:
            if exc is None:
                raise coded(self.path, error) from error
        if isinstance(exc, duckdb.Error):
            raise coded(self.path, exc) from exc

    @contextmanager
    def briefly(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The connection for one short use: a file detached before is detached again after it."""
        closed = not self.file.attached
        try:
            yield self.conn
        finally:
            if closed:
                self.release()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def versions(self, keys: Sequence[str]) -> dict[str, dict[str, int]]:
        """article key -> content hash -> version, for the stored articles of ``keys`` (a file closed for readers
        is closed again after the lookup: the ingest asks while it extracts, and readers get in meanwhile)."""
        known: dict[str, dict[str, int]] = {}
        query = ("SELECT article_key, content_hash, version FROM articles "
                 f"WHERE article_key {IN_IDS}")
        with self.briefly() as conn:
            for key, digest, version in conn.execute(query, [list(keys)]).fetchall():
                known.setdefault(key, {})[digest] = version
        return known

    def merger(self) -> Merger:
        """A merger whose state is this file: it reads, per batch, only what linking the batch needs."""
        return Merger(StoredState(self))

    def fetch_mentions(self, ids: Sequence[str]) -> list[Mention]:
        """The stored mentions of ``ids`` (in id order), with their evidence."""
        within = f"WHERE mention_id {IN_IDS}"
        evidence = self._evidence_by_mention(within, [list(ids)])
        query = f"SELECT {rows.MENTION_COLUMNS} FROM mentions {within} ORDER BY mention_id"
        found = self.conn.execute(query, [list(ids)]).fetchall()
        return [rows.mention_from_row(r, evidence.get(r[0], ())) for r in found]

    def _evidence_by_mention(self, where: str, params: Sequence[object]) -> dict[str, tuple[Evidence, ...]]:
        found: dict[str, list[Evidence]] = {}
        query = f"SELECT mention_id, article_id, start_char, end_char, text FROM evidence {where} ORDER BY ALL"
        for mid, aid, start, end, text in self.conn.execute(query, params).fetchall():
            found.setdefault(mid, []).append(Evidence(aid, start, end, text))
        return {k: tuple(v) for k, v in found.items()}

    def write_batch(self, stored: Sequence[StoredArticle], rejected: Sequence[Rejected], merger: Merger) -> None:
        """Write one batch in one transaction, merging its mentions with ``merger`` (whose state, the file's
        tables, rolls back with it).  A new version of an article withdraws the mentions of its older versions."""
        old = self._superseded(stored)
        live = [m for s in stored if s.uid not in old for m in s.mentions]
        stamp = int(self.clock())
        with self.transaction():
            if old:
                self._withdraw(merger, sorted(old), stamp)
            self._insert_articles([s if s.uid not in old else replace(s, mentions=()) for s in stored])
            self._quarantine(rejected)
            self._apply(merger.add(live), stamp)

    def _superseded(self, stored: Sequence[StoredArticle]) -> set[str]:
        """The uids of the stored and batch versions older than the batch's newest of each article."""
        newest: dict[str, int] = {}
        for s in stored:
            newest[s.key] = max(s.version, newest.get(s.key, 0))
        if not any(v > 1 for v in newest.values()):
            return set()
        sql = f"SELECT article_key, version FROM articles WHERE article_key {IN_IDS}"
        known = self.conn.execute(sql, [[k for k, v in newest.items() if v > 1]]).fetchall()
        versions = [*known, *((s.key, s.version) for s in stored)]
        return {f"{key}#{version}" for key, version in versions if version < newest[key]}

    def _withdraw(self, merger: Merger, uids: list[str], stamp: int) -> None:
        """Delete the stored mentions of the article versions ``uids``; re-merge the rest of their events."""
        sql = f"SELECT mention_id FROM mentions WHERE article_uid {IN_IDS} ORDER BY 1"
        withdrawn = [r[0] for r in self.conn.execute(sql, [uids]).fetchall()]
        if not withdrawn:
            return
        delta = merger.withdraw(withdrawn)  # reads the mentions it needs before they are deleted
        for table in ("mentions", "evidence", "event_mentions"):
            self.conn.execute(f"DELETE FROM {table} WHERE mention_id {IN_IDS}", [withdrawn])
        self._apply(delta, stamp)

    def _insert_articles(self, stored: Sequence[StoredArticle]) -> None:
        mentions = [m for s in stored for m in s.mentions]
        self.insert("articles", [rows.article_row(s.article, s.key, s.version, s.digest) for s in stored])
        self.insert("mentions", [rows.mention_row(m) for m in mentions])
        self.insert("evidence", [r for m in mentions for r in rows.evidence_rows(m)])
        pairs = [(n, k) for m in mentions for n, k in ((m.outlet, "outlet"), (m.event.source, "reported")) if n]
        first = dict(reversed(pairs))  # a name keeps the kind it was first stored with
        self.insert("sources", [list(pair) for pair in first.items()], conflict="ON CONFLICT DO NOTHING")

    def insert(self, table: str, values: Sequence[Sequence[object]], conflict: str = "",
               names: Sequence[str] = ()) -> None:  # fmt: skip
        """Insert ``values`` in one statement, one list parameter per column (rows give the table's first columns,
        or the columns ``names``)."""
        if values:
            typed = self._columns(table)
            chosen = [next(c for c in typed if c[0] == n) for n in names] if names else typed[: len(values[0])]
            insert_rows(self.conn, table, chosen, values, conflict)

    def _columns(self, table: str) -> list[tuple[str, str]]:
        if table not in self._column_types:
            sql = ("SELECT column_name, data_type FROM duckdb_columns() "
                   "WHERE database_name = current_database() AND table_name = ? ORDER BY column_index")  # fmt: skip
            self._column_types[table] = [(r[0], r[1]) for r in self.conn.execute(sql, [table]).fetchall()]
        return self._column_types[table]

    def feed_state(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified a feed last answered with."""
        with self.briefly() as conn:
            row = conn.execute("SELECT etag, last_modified FROM feed_state WHERE url = ?", [url]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def set_feed_state(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self.briefly() as conn:
            conn.execute(
                "INSERT INTO feed_state VALUES (?, ?, ?) ON CONFLICT (url) DO UPDATE SET etag = ?, last_modified = ?",
                [url, etag, last_modified, etag, last_modified],
            )

    def _quarantine(self, rejected: Sequence[Rejected]) -> None:
        first = {r.origin: [r.origin, r.code, r.reason] for r in reversed(rejected)}  # the first reason per input
        self.insert("quarantine", list(first.values()), conflict="ON CONFLICT DO NOTHING")

    def _apply(self, delta: MergeDelta, stamp: int) -> None:
        """Rewrite the events ``delta`` changed, stamped ``stamp`` (Unix time), and their links."""
        events = [[*rows.event_row(merged), stamp, *rows.event_details(merged)] for merged in delta.upserted]
        names = [*rows.EVENT_COLUMNS.split(", "), "updated_at", "mention_ids", "evidence"]
        gone = [*delta.removed, *(row[0] for row in events)]
        links = [[mid, merged.event.event_id] for merged in delta.upserted for mid in merged.mention_ids]
        if gone:
            self.conn.execute(f"DELETE FROM events WHERE event_id {IN_IDS}", [gone])
        if links:
            ids = [mid for mid, _ in links]
            self.conn.execute(f"DELETE FROM event_mentions WHERE mention_id {IN_IDS}", [ids])
        self.insert("events", events, names=names)
        self.insert("event_mentions", links)
