"""SQL the store's modules share: id-list filters and bulk inserts of list parameters."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

IN_IDS = "IN (SELECT unnest(?::VARCHAR[]))"  # a column among a list of ids passed as one parameter


def insert_rows(conn: duckdb.DuckDBPyConnection, table: str, columns: Sequence[tuple[str, str]],
                values: Sequence[Sequence[object]], conflict: str = "") -> None:  # fmt: skip
    """Insert ``values`` (rows giving ``columns``, (name, type) pairs) in one statement, a list per column."""
    if not values:
        return
    names = ", ".join(name for name, _ in columns)
    select = ", ".join(f"unnest(${n}::{kind}[])" for n, (_, kind) in enumerate(columns, start=1))
    params = [list(column) for column in zip(*values, strict=True)]
    conn.execute(f"INSERT INTO {table} ({names}) SELECT {select} {conflict}", params)
