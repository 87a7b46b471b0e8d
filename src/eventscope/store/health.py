"""A damaged database file is one coded error, found before a writer touches it.

A writer checks the file it opens (``check_file``): shorter than the blocks its header counts (a copy or
a disk cut short), or a table whose data does not read back (DuckDB checks each block's checksum as it
reads it). A reader checks the length only (reading everything would cost every request). Any DuckDB
error met later (a disk that fills, a lock, a damaged block) becomes the same kind of line (``coded``).
"""

from __future__ import annotations

import os

import duckdb

from ..errors import StoreError
from .file import FILE_DB, wal_size

HEADER_BYTES = 3 * 4096  # DuckDB's file header and its two database headers, before the first block
DISK_FULL = ("No space left on device", "Disk quota exceeded")  # the OS's words (ENOSPC, EDQUOT)
TOO_LARGE = ("File too large",)  # EFBIG: a file-size limit (ulimit -f, a FAT32 disk), which freeing space does not lift
DETAIL_CHARS = 400


def coded(path: str, exc: duckdb.Error) -> StoreError:
    """One coded line (E040) for a DuckDB error on the file at ``path``; a full disk or a file-size limit
    says so first (read in the whole message: a long path must not cut the OS's words off)."""
    whole = " ".join(str(exc).split())
    detail = whole[:DETAIL_CHARS]
    if any(words in whole for words in DISK_FULL):
        detail = f"the disk is full: free space and run the same command again (no batch is half written); {detail}"
    elif any(words in whole for words in TOO_LARGE):
        detail = ("the file reached a size limit (ulimit -f or the file system's): lift it or use another disk, "
                  f"and run the same command again (no batch is half written); {detail}")
    return StoreError("E040", path=path, detail=detail)


def check_file(conn: duckdb.DuckDBPyConnection, path: str, writer: bool) -> None:
    """Raise E041 when the attached file is damaged; a writer first folds a log left by a crash into the file."""
    if writer and wal_size(path):
        conn.execute("CHECKPOINT")
    if not wal_size(path):
        _check_length(conn, path)
    if writer:
        _check_tables(conn, path)


def _check_length(conn: duckdb.DuckDBPyConnection, path: str) -> None:
    """The file must reach the last block a table's data or the catalog lives in (blocks past it may be free)."""
    (block_size,) = conn.execute("SELECT block_size FROM pragma_database_size() WHERE database_name = ?",
                                 [FILE_DB]).fetchone() or (0,)  # fmt: skip
    last = max((_last_block(conn, table) for table in _tables(conn)), default=-1)
    (meta,) = conn.execute("SELECT max(block_id) FROM pragma_metadata_info()").fetchone() or (None,)
    need = HEADER_BYTES + (max(last, meta if meta is not None else -1) + 1) * block_size
    size = os.path.getsize(path) if os.path.exists(path) else 0
    if size < need:
        raise StoreError("E041", path=path, detail=f"truncated: {size} bytes, its blocks need {need}")


def _tables(conn: duckdb.DuckDBPyConnection) -> list[str]:
    found = conn.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = ? ORDER BY 1", [FILE_DB])
    return [row[0] for row in found.fetchall()]


def _last_block(conn: duckdb.DuckDBPyConnection, table: str) -> int:
    sql = "SELECT max(block_id) FROM pragma_storage_info(?) WHERE persistent AND block_id >= 0"
    (last,) = conn.execute(sql, [f"{FILE_DB}.main.{table}"]).fetchone() or (None,)
    return -1 if last is None else int(last)


def _check_tables(conn: duckdb.DuckDBPyConnection, path: str) -> None:
    for table in _tables(conn):
        try:
            conn.execute(f'SELECT bit_xor(hash(COLUMNS(*))) FROM "{table}"').fetchall()  # reads every block
        except duckdb.Error as exc:
            detail = f"table {table} does not read back: {' '.join(str(exc).split())[:300]}"
            raise StoreError("E041", path=path, detail=detail) from exc
