"""Read merged events back, filtered by date, type, actor, country and distance."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..geo import distance_km
from ..merge import MergedEvent
from . import rows
from .db import Store
from .export import Written
from .sql import IN_IDS

Fetch = Callable[[str, list[Any]], list[Any]]  # (sql, parameters) -> rows: how a reader runs one query


@dataclass(frozen=True, slots=True)
class EventQuery:
    since: date | None = None  # events that end on or after this day
    until: date | None = None  # events that start on or before this day
    event_type: str | None = None  # ACLED event type or sub-event type
    actor: str | None = None  # case-insensitive part of an actor's name
    country: str | None = None  # ISO 3166-1 alpha-3
    near: tuple[float, float, float] | None = None  # latitude, longitude, km
    place: str | None = None  # the event's location, case-insensitive (never its admin1: Homs is not Palmyra)
    limit: int | None = None


def _where(q: EventQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    checks: list[tuple[bool, str, list[Any]]] = [
        (q.since is not None, "date_end >= ?", [q.since]),
        (q.until is not None, "date_start <= ?", [q.until]),
        (q.event_type is not None, "(event_type = ? OR sub_event_type = ?)", [q.event_type, q.event_type]),
        (q.country is not None, "upper(country) = upper(?)", [q.country]),
        (q.place is not None, "lower(location) = lower(?)", [q.place]),
    ]
    if q.actor is not None:
        pattern = rows.like_pattern(q.actor)
        clauses.append(
            "(lower(actor1) LIKE ? ESCAPE '\\' OR lower(actor2) LIKE ? ESCAPE '\\'"
            " OR len(list_filter(assoc_actors, lambda a: lower(a) LIKE ? ESCAPE '\\')) > 0)"
        )
        params += [pattern, pattern, pattern]
    if q.near is not None:
        lat, lon, km = q.near
        dlat = km / 111.0
        dlon = km / (111.0 * max(0.01, math.cos(math.radians(lat))))
        checks.append((True, "latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?",
                       [lat - dlat, lat + dlat, lon - dlon, lon + dlon]))  # fmt: skip
    for wanted, sql, values in checks:
        if wanted:
            clauses.append(sql)
            params += values
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def query_events(store: Store, q: EventQuery, fetch: Fetch | None = None) -> list[MergedEvent]:
    """Merged events matching ``q``, ordered by start day then id, with their evidence; ``fetch`` runs the
    query (default: on the store's connection; the web server's reads run on a cursor with a time limit)."""
    where, params = _where(q)
    sql = f"SELECT {rows.EVENT_COLUMNS}, mention_ids, evidence FROM events{where} ORDER BY date_start, event_id"
    found = fetch(sql, params) if fetch is not None else store.conn.execute(sql, params).fetchall()
    if q.near is not None:
        lat, lon, km = q.near
        found = [r for r in found if distance_km(lat, lon, r[14], r[15]) <= km]
    if q.limit is not None:
        found = found[: q.limit]
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
