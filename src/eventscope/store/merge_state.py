"""The merger's state in the store: blocks in ``mention_blocks``, events in ``event_mentions``.

A batch asks the file for what linking it needs (one query each: the candidates
of its mentions, their footprints and events, the members of the events it
joins), so the writer's memory does not grow with the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from ..merge import Footprint, Mention, MergeDelta
from ..merge.compat import DATE_GAP_DAYS
from . import rows
from .blocks import block_rows, file_blocks
from .sql import IN_IDS

if TYPE_CHECKING:
    import duckdb


class Tables(Protocol):
    """What the merger's state reads and writes: the store's connection and its stored mentions."""

    @property
    def conn(self) -> duckdb.DuckDBPyConnection: ...
    def fetch_mentions(self, ids: Sequence[str]) -> list[Mention]: ...


# $5, $6: the batch's date window (what the join's own date condition implies, as constants): the scan of
# mention_blocks skips, by DuckDB's zone maps, the row groups filed outside it (mentions arrive roughly in
# date order, so a batch of today's news reads recent row groups, not the whole table)
CANDIDATES = f"""
SELECT DISTINCT q.mention_id, b.mention_id
FROM (SELECT unnest($1::VARCHAR[]) AS mention_id, unnest($2::BIGINT[]) AS block,
             unnest($3::INTEGER[]) AS first_day, unnest($4::INTEGER[]) AS last_day) q
JOIN (SELECT * FROM mention_blocks WHERE first_day <= $5 AND last_day >= $6) b ON b.block = q.block
    AND b.first_day <= q.last_day + {DATE_GAP_DAYS} AND b.last_day >= q.first_day - {DATE_GAP_DAYS}
"""


class StoredState:
    """A ``merge.MergeState`` over the store's tables (read and written inside the batch's transaction)."""

    def __init__(self, store: Tables) -> None:
        self._store = store

    def events_of(self, mention_ids: Sequence[str]) -> dict[str, str]:
        sql = f"SELECT mention_id, event_id FROM event_mentions WHERE mention_id {IN_IDS}"
        return dict(self._store.conn.execute(sql, [list(mention_ids)]).fetchall())

    def candidates(self, prints: Sequence[Footprint]) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {p.mention_id: set() for p in prints}
        lookups = block_rows(prints, lookup=True)
        if lookups:
            columns: list[Any] = [list(c) for c in zip(*lookups, strict=True)]
            window = [max(columns[3]) + DATE_GAP_DAYS, min(columns[2]) - DATE_GAP_DAYS]
            for mention_id, other in self._store.conn.execute(CANDIDATES, [*columns, *window]).fetchall():
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
