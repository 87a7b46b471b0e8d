"""Read merged events back in full, filtered by an ``EventFilter`` (date, type, actor, country, place, distance ...)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..merge import MergedEvent
from . import rows
from .db import Store
from .export import Written
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
    found = (fetch or store_fetch(store))(sql, params)
    return [rows.merged_from_columns(r) for r in found]


_STAMPS = f"SELECT event_id, updated_at FROM events WHERE event_id {IN_IDS} AND updated_at IS NOT NULL"
# each report's associated actors, and whether its actor 1 is its merged event's actor 2
_REPORT_SIDES = f"""SELECT x.event_id, x.actor2 IS NOT NULL AND m.actor1 = x.actor2, m.assoc_actors
FROM (SELECT event_id, actor2, unnest(mention_ids) AS mention_id FROM events WHERE event_id {IN_IDS}) AS x
JOIN mentions AS m USING (mention_id) WHERE len(m.assoc_actors) > 0"""


def written(event_ids: list[str], fetch: Fetch) -> Written:
    """What the store wrote of events besides their records: the Unix time of each one's last write (events
    written before schema 3 have none), and which associated actors stand beside actor 2.  A report names
    its associated actors beside its own actor 1 (``events.arguments``: co-agents); they stand beside the
    merged event's actor 2 when every report naming them has that actor as its actor 1."""
    stamps = {eid: stamp for eid, stamp in fetch(_STAMPS, [event_ids])}
    beside: dict[str, set[str]] = {}
    elsewhere: dict[str, set[str]] = {}
    for eid, with_actor2, assoc in fetch(_REPORT_SIDES, [event_ids]):
        (beside if with_actor2 else elsewhere).setdefault(eid, set()).update(assoc)
    sides = {eid: frozenset(names - elsewhere.get(eid, set())) for eid, names in beside.items()}
    return Written(stamps, {eid: names for eid, names in sides.items() if names})


def store_fetch(store: Store) -> Fetch:
    """A ``Fetch`` on the store's own connection (the CLI's reads)."""
    return lambda sql, params: store.conn.execute(sql, params).fetchall()
