"""Read merged events back in full, filtered by an ``EventFilter`` (date, type, actor, country, place, distance ...)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..merge import MergedEvent
from . import rows
from .db import Store
from .filters import SORTS, EventFilter, where
from .sql import IN_IDS

Fetch = Callable[[str, list[Any]], list[Any]]  # (sql, parameters) -> rows: how a reader runs one query


def query_events(store: Store, f: EventFilter, fetch: Fetch | None = None) -> list[MergedEvent]:
    """Merged events matching ``f`` in its order (by start day then id unless ``f.sort`` says otherwise), with
    their evidence; ``fetch`` runs the query (default: on the store's connection; the web server's reads run
    on a cursor with a time limit)."""
    clause, params = where(f)
    page = (" LIMIT ?" if f.limit is not None else "") + (" OFFSET ?" if f.offset else "")
    params += ([max(0, f.limit)] if f.limit is not None else []) + ([f.offset] if f.offset else [])
    sql = f"SELECT {rows.EVENT_COLUMNS}, mention_ids, evidence FROM events{clause} ORDER BY {SORTS[f.sort]}{page}"
    found = fetch(sql, params) if fetch is not None else store.conn.execute(sql, params).fetchall()
    return [rows.merged_from_columns(r) for r in found]


def updated_at(store: Store, event_ids: list[str]) -> dict[str, int]:
    """event id -> Unix time the writer last wrote it (events written before schema 3 have none)."""
    sql = f"SELECT event_id, updated_at FROM events WHERE event_id {IN_IDS}"
    return {eid: stamp for eid, stamp in store.conn.execute(sql, [event_ids]).fetchall() if stamp is not None}
