"""The DuckDB file, held only while it is used, so a writer and readers in other processes take turns.

DuckDB lets one process write a file, or any number read it, never both at once.  A ``DbFile`` keeps an
in-memory DuckDB instance for the whole run and attaches the file to it (as ``FILE_DB``, every statement's
default catalog) only while it reads or writes: attaching costs milliseconds (``benchmarks/store.py``),
starting an instance tens of them.  A reader leases the file per request (``lease``): the file is detached when
the last lease ends, and a lease that would keep it attached longer than ``HOLD_S`` waits for the others to end
and lets ``YIELD_S`` pass first, so a steady stream of requests never locks a writer out.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from ..errors import StoreError
from ..settings import LOCK_WAIT_S, current

FILE_DB = "eventscope_file"  # the name the file is attached under
LOCK_POLL_S = 0.05
HOLD_S = 1.0  # readers keep the file attached at most about this long while requests overlap
YIELD_S = 2 * LOCK_POLL_S  # then leave it detached this long: a waiting writer polls in that time
REFRESH_S = 1.0  # a reader looks whether the file changed at most this often
# (the memory limit per open file is the db_memory setting: DuckDB's own default, 80% of RAM, would let its page
# cache grow with the file)


def instance() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB instance with the store's settings (no Python variable is ever read as a table)."""
    limit: str | bool | int | float | list[str] = current().db_memory
    conn = duckdb.connect(":memory:", config={"memory_limit": limit, "python_enable_replacements": False})
    conn.execute("PRAGMA disable_checkpoint_on_shutdown")  # a writer checkpoints only after writing (Store.release)
    return conn


def attach(conn: duckdb.DuckDBPyConnection, path: str, read_only: bool, wait: float = LOCK_WAIT_S) -> None:
    """Attach the file as ``FILE_DB`` and make it the default, waiting up to ``wait`` s while another process
    holds it; a file that stays held is one coded error (E040)."""
    if read_only and not os.path.exists(path):
        raise StoreError("E040", path=path, detail="no such file (eventscope ingest --db FILE creates it)")
    deadline = time.monotonic() + wait
    while True:
        try:
            conn.execute(f"ATTACH ? AS {FILE_DB}" + (" (READ_ONLY)" if read_only else ""), [path])
            conn.execute(f"USE {FILE_DB}")
            return
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise StoreError("E040", path=path, detail=str(exc)) from exc
            if time.monotonic() > deadline:
                held = f"another process holds the file (a writer, or a reader in mid-query); waited {wait:g} s"
                raise StoreError("E040", path=path, detail=f"{held}: {str(exc).splitlines()[0]}") from exc
            time.sleep(LOCK_POLL_S)
        except (duckdb.Error, OSError) as exc:
            raise StoreError("E040", path=path, detail=str(exc)) from exc


def detach(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute("USE memory")
    conn.execute(f"DETACH {FILE_DB}")


def signature(path: str) -> tuple[tuple[int, int] | None, ...]:
    """(modification time, size) of the file and of its write-ahead log: a commit changes one of them."""
    found: list[tuple[int, int] | None] = []
    for name in (path, path + ".wal"):
        try:
            st = os.stat(name)
            found.append((st.st_mtime_ns, st.st_size))
        except FileNotFoundError:
            found.append(None)
    return tuple(found)


def wal_size(path: str) -> int:
    try:
        return os.path.getsize(path + ".wal")
    except FileNotFoundError:
        return 0


class DbFile:
    """One DuckDB file, attached on use; ``changes`` counts the times a reader found it changed by a writer."""

    def __init__(self, path: str, read_only: bool, wait: float = LOCK_WAIT_S) -> None:
        self.path, self.read_only, self.wait = path, read_only, wait
        self.db = instance()
        self.changes = 0
        self._attached = False
        self._since = self._released = self._looked = time.monotonic()
        self._seen = signature(path)
        self._turn = threading.Condition()
        self._readers = 0
        self._draining = False
        self._depth = threading.local()

    @property
    def attached(self) -> bool:
        return self._attached

    def conn(self) -> duckdb.DuckDBPyConnection:
        """The instance with the file attached (attaching it if it is not)."""
        if not self._attached:
            attach(self.db, self.path, self.read_only, self.wait)
            self._attached, self._since = True, time.monotonic()
            self._look()
        return self.db

    def _look(self) -> None:
        now = time.monotonic()
        if now - self._looked >= REFRESH_S:
            seen, self._looked = signature(self.path), now
            if seen != self._seen:
                self._seen, self.changes = seen, self.changes + 1

    def release(self, every: float = 0.0) -> None:
        """Detach the file (another process may take it meanwhile), unless it was detached less than ``every``
        seconds ago or a lease holds it."""
        if self._attached and not self._readers and time.monotonic() - self._released >= every:
            detach(self.db)
            self._attached, self._released = False, time.monotonic()

    @contextmanager
    def lease(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The file attached for one request: detached when no request holds it (leases nest in a thread)."""
        depth = getattr(self._depth, "n", 0)
        if depth:
            self._depth.n = depth + 1
            try:
                yield self.db
            finally:
                self._depth.n = depth
            return
        self._enter()
        self._depth.n = 1
        try:
            yield self.db
        finally:
            self._depth.n = 0
            self._leave()

    def _enter(self) -> None:
        with self._turn:
            while self._draining:
                self._turn.wait()
            if self._readers and time.monotonic() - self._since > HOLD_S:  # let a waiting writer in
                self._draining = True
                while self._readers:
                    self._turn.wait()
                self.release()
                time.sleep(YIELD_S)
                self._draining = False
                self._turn.notify_all()
            self.conn()
            self._readers += 1

    def _leave(self) -> None:
        with self._turn:
            self._readers -= 1
            if not self._readers:
                self.release()
                self._turn.notify_all()
