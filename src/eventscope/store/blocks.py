"""Where the merger files a mention: ``mention_blocks`` rows (block, date interval) of its footprint."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..merge import Footprint
from ..merge.index import block_id, block_keys
from . import rows
from .sql import insert_rows

if TYPE_CHECKING:
    import duckdb

BLOCK_COLUMNS = (("mention_id", "VARCHAR"), ("block", "BIGINT"), ("first_day", "INTEGER"), ("last_day", "INTEGER"))


def block_rows(prints: Iterable[Footprint], lookup: bool = False) -> list[list[Any]]:
    """(mention id, block, first day, last day) rows: where each mention is filed, or (``lookup``) looks."""
    found: list[list[Any]] = []
    for f in prints:
        if f.date_start is not None and f.date_end is not None:
            first, last = f.date_start.toordinal(), f.date_end.toordinal()
            found += [[f.mention_id, block_id(key), first, last] for key in block_keys(f, neighbours=lookup)]
    return found


def file_blocks(conn: duckdb.DuckDBPyConnection, prints: Iterable[Footprint]) -> None:
    """File mentions in ``mention_blocks`` (inside the caller's transaction)."""
    insert_rows(conn, "mention_blocks", BLOCK_COLUMNS, block_rows(prints))


def fill_blocks(conn: duckdb.DuckDBPyConnection) -> None:
    """Migration 6: file the mentions stored before ``mention_blocks`` existed."""
    query = f"SELECT {rows.FOOTPRINT_COLUMNS} FROM mentions ORDER BY mention_id"
    file_blocks(conn, [rows.footprint_from_row(r) for r in conn.execute(query).fetchall()])
