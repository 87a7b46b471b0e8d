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


def updated_at(store: Store, event_ids: list[str]) -> dict[str, int]:
    """event id -> Unix time the writer last wrote it (events written before schema 3 have none)."""
    sql = f"SELECT event_id, updated_at FROM events WHERE event_id {IN_IDS}"
    return {eid: stamp for eid, stamp in store.conn.execute(sql, [event_ids]).fetchall() if stamp is not None}
