"""The merger's state in the store: blocks in ``mention_blocks``, events in ``event_mentions``.

A batch asks the file for what linking it needs (one query each: the candidates
of its mentions, their footprints and events, the members of the events it
joins), so the writer's memory does not grow with the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..merge import Footprint, Mention, MergeDelta
from ..merge.compat import DATE_GAP_DAYS
from ..merge.index import block_id, block_keys
from ..merge.reconcile import reconcile
from . import rows
from .sql import IN_IDS, insert_rows

if TYPE_CHECKING:
    import duckdb

    from .db import Store

BLOCK_COLUMNS = (("mention_id", "VARCHAR"), ("block", "BIGINT"), ("first_day", "INTEGER"), ("last_day", "INTEGER"))
CANDIDATES = f"""
SELECT DISTINCT q.mention_id, b.mention_id
FROM (SELECT unnest($1::VARCHAR[]) AS mention_id, unnest($2::BIGINT[]) AS block,
             unnest($3::INTEGER[]) AS first_day, unnest($4::INTEGER[]) AS last_day) q
JOIN mention_blocks b ON b.block = q.block
    AND b.first_day <= q.last_day + {DATE_GAP_DAYS} AND b.last_day >= q.first_day - {DATE_GAP_DAYS}
"""


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


def fill_merged_fields(conn: duckdb.DuckDBPyConnection) -> None:
    """Migration 7: the reconciled mention fields (``rows.MERGED_FIELD_COLUMNS``) of the stored events, by the
    merge's own rule (``merge.reconcile``) over their stored mentions (read at once: a migration runs once)."""
    mentions = {r[0]: rows.mention_from_row(r, ()) for r in
                conn.execute(f"SELECT {rows.MENTION_COLUMNS} FROM mentions").fetchall()}  # fmt: skip
    members: dict[str, list[Mention]] = {}
    for event_id, mention_id in conn.execute("SELECT event_id, mention_id FROM event_mentions ORDER BY ALL").fetchall():
        if mention_id in mentions:
            members.setdefault(event_id, []).append(mentions[mention_id])
    values = [[event_id, *rows.merged_fields(reconcile(found).event)] for event_id, found in members.items()]
    columns = (("event_id", "VARCHAR"), *rows.MERGED_FIELD_COLUMNS)
    conn.execute(f"CREATE TEMP TABLE merged_fields ({', '.join(f'{c} {t}' for c, t in columns)})")
    insert_rows(conn, "merged_fields", columns, values)
    assigned = ", ".join(f"{c} = f.{c}" for c, _ in rows.MERGED_FIELD_COLUMNS)
    conn.execute(f"UPDATE events SET {assigned} FROM merged_fields f WHERE events.event_id = f.event_id")
    conn.execute("DROP TABLE merged_fields")


class StoredState:
    """A ``merge.MergeState`` over the store's tables (read and written inside the batch's transaction)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def events_of(self, mention_ids: Sequence[str]) -> dict[str, str]:
        sql = f"SELECT mention_id, event_id FROM event_mentions WHERE mention_id {IN_IDS}"
        return dict(self._store.conn.execute(sql, [list(mention_ids)]).fetchall())

    def candidates(self, prints: Sequence[Footprint]) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {p.mention_id: set() for p in prints}
        lookups = block_rows(prints, lookup=True)
        if lookups:
            columns = [list(c) for c in zip(*lookups, strict=True)]
            for mention_id, other in self._store.conn.execute(CANDIDATES, columns).fetchall():
                found[mention_id].add(other)
        return found

    def footprints(self, mention_ids: Sequence[str]) -> dict[str, Footprint]:
        sql = f"SELECT {rows.FOOTPRINT_COLUMNS} FROM mentions WHERE mention_id {IN_IDS}"
        found = (rows.footprint_from_row(r) for r in self._store.conn.execute(sql, [list(mention_ids)]).fetchall())
        return {f.mention_id: f for f in found}

    def members(self, event_ids: Sequence[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {e: [] for e in event_ids}
        sql = f"SELECT event_id, mention_id FROM event_mentions WHERE event_id {IN_IDS} ORDER BY ALL"
        for event_id, mention_id in self._store.conn.execute(sql, [list(event_ids)]).fetchall():
            found[event_id].append(mention_id)
        return found

    def mentions(self, mention_ids: Sequence[str]) -> list[Mention]:
        return self._store.fetch_mentions(mention_ids)

    def file(self, added: Sequence[tuple[Mention, Footprint]]) -> None:
        """File the new mentions (the store has written their rows)."""
        file_blocks(self._store.conn, (found for _, found in added))

    def unfile(self, mention_ids: Sequence[str]) -> None:
        """Unfile mentions taken out (the store deletes their rows)."""
        self._store.conn.execute(f"DELETE FROM mention_blocks WHERE mention_id {IN_IDS}", [list(mention_ids)])

    def record(self, delta: MergeDelta) -> None:
        """Nothing to do: the store writes ``delta``'s events and links itself."""
