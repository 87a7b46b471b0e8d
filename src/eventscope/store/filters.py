"""The one event filter of the CLI (``eventscope events``/``export``, ``store.query``) and the web
(``/api/events`` and the map, ``store.read_api``), and the one WHERE clause built from it.

``event_type`` is ACLED's event type *or* sub-event type (``--type Protests`` and ``--type 'Peaceful
protest'`` both answer; ACLED's type and sub-type names never coincide); ``sub_type`` is the sub-event type
only. Every filter given must hold. The clause reads either the events table itself or the web server's
serving copy of it (``read_api.prepare``), whose precomputed columns answer the actor, source and text filters
faster; both give the same events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..geo import EARTH_RADIUS_KM, Box, box_halves, near_box
from .rows import like_pattern

UNIT = chr(31)  # the separator of the serving copy's joined lower-cased texts
# the source and every outlet of an event, lower-cased and joined (a column of the serving copy; read as is
# from the events table)
SOURCES_LC = "concat_ws(chr(31), lower(source), lower(array_to_string(sources, chr(31))))"


@dataclass(frozen=True, slots=True)
class EventFilter:
    since: date | None = None  # events that end on or after this day
    until: date | None = None  # events that start on or before this day
    event_type: str | None = None  # ACLED event type or sub-event type: either matches
    sub_type: str | None = None  # ACLED sub-event type
    actor: str | None = None  # case-insensitive part of an actor's name (actor 1, 2 or an associated actor)
    country: str | None = None  # ISO 3166-1 alpha-3
    admin1: str | None = None  # the first-level region, case-insensitive
    place: str | None = None  # the event's location, case-insensitive (never its admin1: a town is not its region)
    near: tuple[float, float, float] | None = None  # latitude, longitude, km: within km of the point
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    text: str | None = None  # case-insensitive part of an evidence sentence or of the place
    actor_type: str | None = None  # ACLED's type of actor 1 or actor 2 ("State forces", ...)
    fatalities: int | None = None  # events with at least this many reported deaths (the lower bound)
    source: str | None = None  # case-insensitive part of a source's name (or of who the event is attributed to)
    exclude_types: tuple[str, ...] = ()  # ACLED event types left out (the legend's hidden types)
    sort: str = "date"  # a key of SORTS: the order of the events
    limit: int | None = None  # at most this many events (None: every one; a web page caps it)
    offset: int = 0


# the orders events can take (the event id breaks ties, so pages never overlap)
SORTS = {
    "date": "date_start, event_id", "-date": "date_start DESC NULLS LAST, event_id DESC",
    "fatalities": "coalesce(fatalities_min, fatalities_max, 0), date_start, event_id",
    "-fatalities": "coalesce(fatalities_min, fatalities_max, 0) DESC, date_start, event_id",
    "type": "event_type, sub_event_type, date_start, event_id",
    "-type": "event_type DESC, sub_event_type DESC, date_start, event_id",
    "location": "location NULLS LAST, date_start, event_id", "-location": "location DESC, date_start, event_id",
    "country": "country NULLS LAST, date_start, event_id", "-country": "country DESC, date_start, event_id",
    "actor": "actor1 NULLS LAST, date_start, event_id", "-actor": "actor1 DESC, date_start, event_id",
}  # fmt: skip

Check = tuple[object, str, list[Any]]  # (the filter's value, its SQL, its parameters): kept when the value is given


def where(f: EventFilter, copy: str | None = None) -> tuple[str, list[Any]]:
    """The WHERE clause of ``f`` and its parameters, over the events table (``copy`` None) or over the
    serving copy named ``copy``."""
    checks: list[Check] = [
        (f.since, "date_end >= ?", [f.since]),
        (f.until, "date_start <= ?", [f.until]),
        (f.event_type, "(event_type = ? OR sub_event_type = ?)", [f.event_type, f.event_type]),
        (f.sub_type, "sub_event_type = ?", [f.sub_type]),
        (f.country, "upper(country) = upper(?)", [f.country]),
        (f.admin1, "lower(admin1) = lower(?)", [f.admin1]),
        (f.place, "lower(location) = lower(?)", [f.place]),
        (f.actor_type, "(actor1_type = ? OR actor2_type = ?)", [f.actor_type, f.actor_type]),
        (f.fatalities, "coalesce(fatalities_min, fatalities_max, 0) >= ?", [f.fatalities]),
        (f.source, f"contains({'sources_lc' if copy else SOURCES_LC}, ?)",
         [(f.source or "").lower().replace(UNIT, "")]),
        (f.exclude_types or None, "NOT list_contains(?::TEXT[], event_type)", [list(f.exclude_types)]),
        _actor(f.actor, copy), _box(f.bbox), _near(f.near), _text(f.text, copy),
    ]  # fmt: skip
    clauses = [sql for value, sql, _ in checks if value is not None]
    params = [p for value, _, values in checks if value is not None for p in values]
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _actor(actor: str | None, copy: str | None) -> Check:
    if not actor:
        return None, "", []
    p = like_pattern(actor)
    if copy is None:
        return True, ("(lower(actor1) LIKE ? ESCAPE '\\' OR lower(actor2) LIKE ? ESCAPE '\\'"
                      " OR len(list_filter(assoc_actors, lambda a: lower(a) LIKE ? ESCAPE '\\')) > 0)"), [p, p, p]
    # the numbers of the actors whose name holds the text, then the events naming one of them
    ids = f"SELECT id FROM {copy}_actors WHERE lc LIKE ? ESCAPE '\\'"
    assoc = f"(assoc_ids IS NOT NULL AND list_has_any(assoc_ids, (SELECT list(id) FROM ({ids}))))"
    return True, f"(a1 IN ({ids}) OR a2 IN ({ids}) OR {assoc})", [p, p, p]


def whole_world(bbox: Box) -> bool:
    west, south, east, north = bbox
    return west <= -180 and south <= -90 and east >= 180 and north >= 90


def in_box(box: Box) -> tuple[str, list[Any]]:
    """The condition that an event (or place) lies in ``box``, which may cross the date line (west > east:
    its two sides, ``geo.box_halves``), and its parameters."""
    halves = box_halves(box)
    sql = " OR ".join("(latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?)" for _ in halves)
    return f"({sql})", [v for west, south, east, north in halves for v in (south, north, west, east)]


def _box(bbox: Box | None) -> Check:
    if not bbox or whole_world(bbox):
        return None, "", []
    return True, *in_box(bbox)


def _near(near: tuple[float, float, float] | None) -> Check:
    """Within km of the point: a box DuckDB can prune row groups by (its two sides when it reaches across the date
    line, ``geo.near_box``), then ``geo.distance_km``'s haversine."""
    if near is None:
        return None, "", []
    lat, lon, km = near
    box, box_params = in_box(near_box(lat, lon, km))
    haversine = (f"2 * {EARTH_RADIUS_KM} * asin(least(1.0, sqrt(pow(sin((radians(latitude) - radians(?)) / 2), 2) "
                 "+ cos(radians(?)) * cos(radians(latitude)) * pow(sin(radians(longitude - ?) / 2), 2)))) <= ?")
    return True, f"{box} AND {haversine}", [*box_params, lat, lat, lon, km]


def _text(text: str | None, copy: str | None) -> Check:
    if not text:
        return None, "", []
    if copy and UNIT not in text:  # one search over the place and evidence of each event (twice LIKE's speed)
        return True, "contains(search_lc, ?)", [text.lower()]
    p = like_pattern(text)  # (a unit separator could match across two sentences of the copy: read them one by one)
    return True, ("(lower(location) LIKE ? ESCAPE '\\' OR event_id IN (SELECT em.event_id FROM event_mentions em "
                  "JOIN evidence ev USING (mention_id) WHERE lower(ev.text) LIKE ? ESCAPE '\\'))"), [p, p]
