"""Read-only queries for the web API: filtered event pages, map clusters, one event in full, counts, control.

Every query is parameterised and runs on its own cursor under a time limit
(``conn.interrupt`` from a timer), so one slow request cannot hold the server.

The server reads events from a *serving copy* (``prepare``): the events table copied into an
attached in-memory database, with each event's grid cell precomputed for clusters, cut by start
day into slices of about one row group (a page's top-N by day reads the first slices only) and ordered
within a slice by the Z-order of the cell, so that the events of a map box lie in runs (a filter then
reads a few runs of each column, not rows scattered over all of it).
The database file itself is opened read-only and never changed; every public read holds it for its
own duration only (``Store.lease``), so a writer in another process gets it between requests, and
the copy is built again on the first read after a writer changed the file.
"""

from __future__ import annotations

import functools
import itertools
import math
import threading
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from typing import Any, Concatenate, ParamSpec, TypeVar

import duckdb

from ..geo import box_halves
from ..merge import MergedEvent
from ..records import Evidence
from ..settings import current
from . import filters
from . import rows as event_rows
from .db import Store
from .export import Written
from .filters import SORTS, SOURCES_LC, EventFilter, in_box, whole_world
from .query import written
from .rows import like_pattern
from .sql import IN_IDS

EXPORT_CHUNK = 500  # events read (and sent) at a time by an export
SERVE_DB = "eventscope_serve"  # the in-memory database that holds the serving copy
GRID_SIZE = 65536  # grid cells across the world on each axis (16 bits of longitude and of latitude)
PIXEL_BITS = 14  # at zoom z one 64-pixel map cell is 2 ** (PIXEL_BITS - z) grid cells wide
COARSE_BITS = 10  # the precomputed coarse grid's cells are 2 ** 10 grid cells (5.6 degrees) wide: zoom <= 4


class QueryTimeout(Exception):
    """A read ran past its time limit and was interrupted."""


@dataclass(frozen=True, slots=True)
class EventSummary:
    event_id: str
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    date_start: date | None
    date_end: date | None
    location: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    fatalities_min: int | None
    fatalities_max: int | None
    source_count: int
    mention_count: int


@dataclass(frozen=True, slots=True)
class EventPage:
    has_more: bool  # more events match than the page holds (the full count is not taken: see clusters)
    events: tuple[EventSummary, ...]


@dataclass(frozen=True, slots=True)
class Cluster:
    count: int
    latitude: float  # the mean position of its events
    longitude: float
    extent: tuple[float, float, float, float]  # west, south, east, north of its events
    types: dict[str, int]  # events by ACLED event type
    event_id: str | None  # the one event, when the cluster holds one
    fatalities: int  # the sum of its events' reported fatalities (the lower bound of each range)


@dataclass(frozen=True, slots=True)
class ClusterPage:
    total: int  # events with a position that match the filters and lie in the box
    clusters: tuple[Cluster, ...]


@dataclass(frozen=True, slots=True)
class NameQuery:
    text: str | None = None  # case-insensitive part of the name
    country: str | None = None  # ISO 3166-1 alpha-3 (places only)
    limit: int = 100
    offset: int = 0


@dataclass(frozen=True, slots=True)
class ActorSummary:
    name: str
    events: int  # events naming it as actor 1, actor 2 or an associated actor
    first: date | None  # the earliest start day of those events
    last: date | None  # the latest end day


@dataclass(frozen=True, slots=True)
class PlaceSummary:
    name: str
    admin1: str | None
    country: str | None
    latitude: float | None  # the mean position of its events
    longitude: float | None
    events: int
    first: date | None
    last: date | None


@dataclass(frozen=True, slots=True)
class ActorPage:
    has_more: bool
    actors: tuple[ActorSummary, ...]


@dataclass(frozen=True, slots=True)
class PlacePage:
    has_more: bool
    places: tuple[PlaceSummary, ...]


@dataclass(frozen=True, slots=True)
class MentionDetail:
    mention_id: str
    article_uid: str
    article_id: str
    sub_event_type: str
    source: str | None
    source_via: tuple[str, ...]
    outlet: str | None
    modality: str
    hedged: bool
    confidence: float
    date_basis: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    uid: str
    article_id: str
    url: str | None
    title: str | None
    published: datetime | None
    outlet: str | None
    text: str


@dataclass(frozen=True, slots=True)
class EventDetail:
    event: EventSummary
    assoc_actors: tuple[str, ...]
    admin1: str | None
    actor1_type: str | None  # ACLED's inter code of each actor
    actor2_type: str | None
    time_precision: int | None  # ACLED's: 1 the day, 2 the week, 3 the month
    geo_precision: int | None  # ACLED's: 1 the place, 2 near it, 3 the region
    source: str | None  # who the reports attribute the event to
    sources: tuple[str, ...]
    article_ids: tuple[str, ...]
    confidence: float  # the highest confidence of its mentions
    mentions: tuple[MentionDetail, ...]
    articles: tuple[ArticleDetail, ...]


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    event_type: str
    count: int
    fatalities: int  # the events' reported deaths (lower bounds) added up


@dataclass(frozen=True, slots=True)
class Facet:
    value: str
    events: int
    within: str | None = None  # the country of an admin1, the event type of a sub-event type


@dataclass(frozen=True, slots=True)
class Facets:
    """The values each filter of the page can take, with their events, the most frequent first."""

    countries: tuple[Facet, ...]
    admin1s: tuple[Facet, ...]
    event_types: tuple[Facet, ...]
    sub_event_types: tuple[Facet, ...]
    actor_types: tuple[Facet, ...]
    sources: tuple[Facet, ...]


_SUMMARY = ", ".join(field.name for field in fields(EventSummary))  # (columns of the events table by those names)


@dataclass(frozen=True, slots=True)
class _Copy:
    table: str
    types: tuple[str, ...]  # type code -> name
    changes: int  # the store's ``file.changes`` when it was built: it is out of date when they differ


_COPIES: weakref.WeakKeyDictionary[Store, _Copy] = weakref.WeakKeyDictionary()
_COPY_LOCK = threading.Lock()
_SERIAL = itertools.count()
P = ParamSpec("P")
R = TypeVar("R")
_CELL_SUMS = (
    "count(*) AS n, sum(latitude) AS sy, sum(longitude) AS sx, min(longitude) AS w, min(latitude) AS s, "
    "max(longitude) AS e, max(latitude) AS nn, any_value(event_id) AS one, "
    "coalesce(sum(coalesce(fatalities_min, fatalities_max)), 0) AS fat"
)
_GX = f"CAST(floor((longitude + 180) / 360 * {GRID_SIZE - 1}) AS INTEGER)"
_GY = f"CAST(floor((latitude + 90) / 180 * {GRID_SIZE - 1}) AS INTEGER)"
SLICE_ROWS = 122_880  # DuckDB's row group: the serving copy's slices by day hold about this many events
# the Z-order (Morton) key of a grid cell: the 16 bits of gx and of gy interleaved, so that cells near one another
# on the map are mostly near one another in the key
_Z_ORDER = " | ".join(
    f"(((CAST({axis} AS BIGINT) >> {bit}) & 1) << {2 * bit + side})"
    for bit in range(16)
    for side, axis in enumerate(("gx", "gy"))
)


# (suffix, query) of the serving tables, in order; {t} is the copy's name
_COPY_TABLES = (
    # every actor name once, numbered: an actor filter matches these names, then events by number
    ("_actors", "SELECT row_number() OVER (ORDER BY name)::INTEGER AS id, name, lower(name) AS lc, "
                "count(DISTINCT event_id) AS events, min(date_start) AS first, max(date_end) AS last "
                "FROM (SELECT unnest(list_distinct(list_concat([actor1, actor2], assoc_actors))) AS name, event_id, "
                "date_start, date_end FROM events) WHERE name IS NOT NULL GROUP BY name"),
    # in slices by day (the second parameter: the days that begin a slice, ``_slice_days``), each ordered by place
    # (module docstring; gx and gy are the columns it selects); tcode indexes the sorted type names (grouping by it
    # beats grouping by name)
    # search_lc: the place and every evidence sentence, lower-cased and joined by a unit separator (chr(31))
    ("", "WITH assoc AS (SELECT event_id, list(n.id) AS assoc_ids FROM (SELECT event_id, unnest(assoc_actors) AS name "
         "FROM events) JOIN {t}_actors n USING (name) GROUP BY event_id), "
         "said AS (SELECT em.event_id, lower(string_agg(ev.text, chr(31))) AS said_lc FROM event_mentions em "
         "JOIN evidence ev USING (mention_id) GROUP BY em.event_id) "
         f"SELECT {_SUMMARY}, assoc_actors, admin1, actor1_type, actor2_type, "
         f"{SOURCES_LC} AS sources_lc, "
         f"{_GX} AS gx, {_GY} AS gy, n1.id AS a1, n2.id AS a2, assoc_ids, "
         "concat_ws(chr(31), lower(location), said_lc) AS search_lc, "
         "CAST(list_position(?::TEXT[], event_type) - 1 AS UTINYINT) AS tcode FROM events e "
         "LEFT JOIN assoc USING (event_id) LEFT JOIN said USING (event_id) "
         "LEFT JOIN {t}_actors n1 ON n1.name = e.actor1 LEFT JOIN {t}_actors n2 ON n2.name = e.actor2 "
         "ORDER BY len(list_filter(?::DATE[], lambda day: day <= coalesce(date_start, DATE '9999-12-31'))), "
         f"{_Z_ORDER} NULLS LAST, date_start, event_id"),
    ("_places", "SELECT location AS name, admin1, country, avg(latitude) AS latitude, avg(longitude) AS longitude, "
                "count(*) AS events, min(date_start) AS first, max(date_end) AS last "
                "FROM {t} WHERE location IS NOT NULL GROUP BY ALL"),
    # wide views without a date, actor or text filter add up these coarse cells instead of every event
    ("_coarse", f"SELECT gx >> {COARSE_BITS} AS cx, gy >> {COARSE_BITS} AS cy, tcode, event_type, sub_event_type, "
                f"country, {_CELL_SUMS} FROM {{t}} WHERE gx IS NOT NULL AND gy IS NOT NULL GROUP BY ALL"),
)  # fmt: skip


def leased(read: Callable[Concatenate[Store, P], R]) -> Callable[Concatenate[Store, P], R]:
    """``read`` holding the file for its own duration (``Store.lease``)."""

    @functools.wraps(read)
    def held(store: Store, *args: P.args, **kwargs: P.kwargs) -> R:
        with store.lease():
            return read(store, *args, **kwargs)

    return held


@leased
def prepare(store: Store) -> str:
    """Build the serving copy of ``store``'s events (see the module's docstring), again when a writer changed the
    file since; return its name."""
    with _COPY_LOCK:
        old = _COPIES.get(store)
        if old is not None and old.changes == store.file.changes:
            return old.table
        changes = store.file.changes
        conn = store.conn
        conn.execute("SET enable_progress_bar = false")  # (the copy of a large file takes seconds: no bar on stdout)
        attached = {row[0] for row in conn.execute("SELECT database_name FROM duckdb_databases()").fetchall()}
        if SERVE_DB not in attached:
            conn.execute(f"ATTACH ':memory:' AS {SERVE_DB} (READ_ONLY false)")
        table = f"{SERVE_DB}.main.events_{next(_SERIAL)}_{id(store):x}"
        types = tuple(r[0] for r in conn.execute("SELECT DISTINCT event_type FROM events ORDER BY 1").fetchall())
        params = [list(types), _slice_days(conn)]  # (the events' copy's; the other tables take none)
        for suffix, sql in _COPY_TABLES:
            conn.execute(f"CREATE TABLE {table}{suffix} AS {sql.format(t=table)}", [] if suffix else params)
        _COPIES[store] = _Copy(table, types, changes)
        if old is not None:  # no read holds it: a lease that saw the change came first (store.file)
            for suffix, _ in reversed(_COPY_TABLES):
                conn.execute(f"DROP TABLE {old.table}{suffix}")
        return table


def _slice_days(conn: duckdb.DuckDBPyConnection) -> list[date]:
    """The days that begin the serving copy's second, third ... slice: every ``SLICE_ROWS``-th start day (a
    partial sort, not a window over every event)."""
    (count,) = conn.execute("SELECT count(*) FROM events").fetchone() or (0,)
    cuts = [k * SLICE_ROWS / count for k in range(1, math.ceil(count / SLICE_ROWS))]
    if not cuts:
        return []
    (days,) = conn.execute("SELECT quantile_disc(date_start, ?::DOUBLE[]) FROM events", [cuts]).fetchone() or ([],)
    return [d for d in days if d is not None]


def _events(store: Store) -> str:
    return prepare(store)


def _types(store: Store) -> tuple[str, ...]:
    return _COPIES[store].types


def run(store: Store, sql: str, params: Sequence[object], timeout: float | None = None) -> list[Any]:
    """Fetch all rows of one parameterised read on a fresh cursor, interrupted after ``timeout`` seconds (default:
    the store's ``read_timeout``, the ``query_timeout_s`` setting)."""
    timeout = store.read_timeout if timeout is None else timeout
    with store.lease():
        cursor = store.cursor()
        timer = threading.Timer(timeout, cursor.interrupt)
        timer.start()
        try:
            return cursor.execute(sql, list(params)).fetchall()
        except duckdb.InterruptException as exc:
            raise QueryTimeout(f"query interrupted after {timeout:g} s") from exc
        finally:
            timer.cancel()
            cursor.close()


def _where(f: EventFilter, table: str) -> tuple[str, list[Any]]:
    """The WHERE clause over the serving copy ``table`` and its parameters (``filters.where``)."""
    return filters.where(f, copy=table)


@leased
def events_page(store: Store, f: EventFilter) -> EventPage:
    """One page of events matching ``f``, in the order ``f.sort``, and whether more follow."""
    sql, params, limit = _page(store, f)
    found = run(store, sql, params)
    return EventPage(len(found) > limit, tuple(EventSummary(*r) for r in found[:limit]))


def _page(store: Store, f: EventFilter) -> tuple[str, list[Any], int]:
    """The query of a page's events and one more (whether more follow), its parameters and the page's size."""
    table = _events(store)
    where, params = _where(f, table)
    limit = current().max_limit if f.limit is None else max(0, f.limit)  # (the web checked it against max_limit)
    sql = f"SELECT {_SUMMARY} FROM {table}{where} ORDER BY {SORTS[f.sort]} LIMIT ? OFFSET ?"
    return sql, [*params, limit + 1, max(0, f.offset)], limit


# an EventSummary as a DuckDB struct: its fields by name, in their order
_SUMMARY_STRUCT = "{" + ", ".join(f"'{field.name}': {field.name}" for field in fields(EventSummary)) + "}"


@leased
def events_page_json(store: Store, f: EventFilter) -> str:
    """``events_page`` as the JSON document of its ``EventPage`` (``{"has_more": ..., "events": [{"event_id": ...},
    ...]}``, each event's fields in their order), written by DuckDB: a page of 1,000 events takes about half the CPU
    time of building its records and writing them with ``json``. The values are the same; only the spelling of a few
    may differ (an upper-case hex escape of a control character, ``0.00001`` for ``1e-05``)."""
    sql, params, limit = _page(store, f)
    events = f"coalesce(list({_SUMMARY_STRUCT} ORDER BY {SORTS[f.sort]})[1:?], [])"
    doc = f"SELECT to_json({{'has_more': count(*) > ?, 'events': {events}}}) FROM ({sql})"
    found: str = run(store, doc, [limit, limit, *params])[0][0]
    return found


def _inner_cells(bbox: tuple[float, float, float, float]) -> list[int]:
    """The coarse cells (cx from, to, cy from, to) whose every possible event lies inside ``bbox``."""
    west, south, east, north = bbox
    size, top = 1 << COARSE_BITS, GRID_SIZE - 1
    gw, ge = math.floor((west + 180) / 360 * top), math.floor((east + 180) / 360 * top)
    gs, gn = math.floor((south + 90) / 180 * top), math.floor((north + 90) / 180 * top)
    return [-(-(gw + 1) // size), (ge - size) // size, -(-(gs + 1) // size), (gn - size) // size]


def _coarse_fits(f: EventFilter) -> bool:
    """Whether the coarse cells (by type, sub-type and country) can answer ``f``."""
    fine = (f.since, f.until, f.actor, f.text, f.admin1, f.place, f.near, f.actor_type, f.fatalities, f.source)
    return all(v is None or v == "" for v in fine)


@leased
def clusters(store: Store, f: EventFilter, zoom: int) -> ClusterPage:
    """Events matching ``f`` (limit and offset ignored) grouped into 64-pixel grid cells of the map at ``zoom``.

    At zoom <= 4 without a date, actor or text filter, the cells wholly inside the box are added up from
    the coarse grid and only the events in the box's edge cells are read one by one: the counts are exact.
    A box across the date line (west > east) reads its events one by one.
    """
    table, shift = _events(store), max(0, PIXEL_BITS - zoom)
    where, params = _where(f, table)
    where += " AND " if where else " WHERE "
    raw = f"SELECT CAST(gx >> ? AS BIGINT) * {GRID_SIZE} + (gy >> ?) AS cell, tcode, {_CELL_SUMS} FROM {table}{where}"
    raw += "gx IS NOT NULL AND gy IS NOT NULL"
    parts, args = [raw + " GROUP BY cell, tcode"], [shift, shift, *params]
    if shift >= COARSE_BITS and _coarse_fits(f) and len(box_halves(f.bbox or (-180, -90, 180, 90))) == 1:
        world = f.bbox is None or whole_world(f.bbox)  # then no event lies in an edge cell
        inner = [0, GRID_SIZE, 0, GRID_SIZE] if world or f.bbox is None else _inner_cells(f.bbox)
        coarse_where, coarse_params = _where(replace(f, bbox=None), table)
        coarse_where += " AND " if coarse_where else " WHERE "
        edge = f" AND NOT ((gx >> {COARSE_BITS}) BETWEEN ? AND ? AND (gy >> {COARSE_BITS}) BETWEEN ? AND ?)"
        parts = [] if world else [raw + edge + " GROUP BY cell, tcode"]
        parts += [f"SELECT CAST(cx >> ? AS BIGINT) * {GRID_SIZE} + (cy >> ?) AS cell, "
                  "tcode, n, sy, sx, w, s, e, nn, one, fat "
                  f"FROM {table}_coarse{coarse_where}cx BETWEEN ? AND ? AND cy BETWEEN ? AND ?"]  # fmt: skip
        coarse_shift = shift - COARSE_BITS
        args = [*([] if world else args + inner), coarse_shift, coarse_shift, *coarse_params, *inner]
    sql = f"""
        SELECT sum(n), sum(sy) / sum(n), sum(sx) / sum(n), min(w), min(s), max(e), max(nn),
               list(tcode), list(n), any_value(one), sum(fat)
        FROM (SELECT cell, tcode, sum(n) AS n, sum(sy) AS sy, sum(sx) AS sx, min(w) AS w, min(s) AS s,
                     max(e) AS e, max(nn) AS nn, any_value(one) AS one, sum(fat) AS fat
              FROM ({" UNION ALL ".join(parts)}) GROUP BY cell, tcode)
        GROUP BY cell ORDER BY cell"""
    names, out = _types(store), []
    for n, lat, lon, w, s, e, nn, codes, counts, one, fat in run(store, sql, args):
        types = {names[code]: int(k) for code, k in zip(codes, counts, strict=True)}
        out.append(Cluster(int(n), lat, lon, (w, s, e, nn), types, one if n == 1 else None, int(fat)))
    return ClusterPage(sum(c.count for c in out), tuple(out))


@leased
def day_counts(store: Store, f: EventFilter) -> tuple[DayCount, ...]:
    """Events per start day and type (limit and offset of ``f`` are ignored)."""
    table = _events(store)
    where, params = _where(f, table)
    extra = " AND " if where else " WHERE "
    sql = (f"SELECT date_start, tcode, count(*), coalesce(sum(coalesce(fatalities_min, fatalities_max)), 0) "
           f"FROM {table}{where}{extra}date_start IS NOT NULL GROUP BY ALL")  # fmt: skip
    names = _types(store)
    rows = sorted((d, names[t], int(n), int(k)) for d, t, n, k in run(store, sql, params))
    return tuple(DayCount(d, t, n, k) for d, t, n, k in rows)


_FACETS: weakref.WeakKeyDictionary[Store, tuple[int, Facets]] = weakref.WeakKeyDictionary()  # (file.changes, ...)
# (field of Facets, the value, the value it lies within, the rows it is read from); {t} is the serving copy
_FACET_SQL = (
    ("countries", "country", "NULL", "{t}"),
    ("admin1s", "admin1", "any_value(country)", "{t}"),
    ("event_types", "event_type", "NULL", "{t}"),
    ("sub_event_types", "sub_event_type", "any_value(event_type)", "{t}"),
    ("actor_types", "kind", "NULL", "(SELECT unnest([actor1_type, actor2_type]) AS kind FROM {t})"),
    ("sources", "name", "NULL", "(SELECT unnest(sources) AS name FROM events)"),
)


@leased
def facets(store: Store) -> Facets:
    """The values of each filter (read again after a writer changed the file)."""
    table = _events(store)
    cached = _FACETS.get(store)
    if cached is None or cached[0] != store.file.changes:
        found = {}
        for field, value, within, rows in _FACET_SQL:
            sql = (f"SELECT {value}, count(*), {within} FROM {rows.format(t=table)} WHERE {value} IS NOT NULL "
                   "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1000")  # fmt: skip
            found[field] = tuple(Facet(v, int(n), w) for v, n, w in run(store, sql, []))
        cached = _FACETS[store] = (store.file.changes, Facets(**found))
    return cached[1]


@leased
def place_points(store: Store, bbox: tuple[float, float, float, float], limit: int) -> tuple[PlaceSummary, ...]:
    """The places of events inside ``bbox`` (which may cross the date line), the ones with the most events first."""
    inside, params = in_box(bbox)
    sql = f"SELECT * FROM {_events(store)}_places WHERE {inside} ORDER BY events DESC, name LIMIT ?"
    return tuple(PlaceSummary(*r) for r in run(store, sql, [*params, limit]))


def _names(store: Store, kind: str, q: NameQuery) -> tuple[bool, list[Any]]:
    checks, params = ["TRUE"], []
    if q.text:
        checks.append("lower(name) LIKE ? ESCAPE '\\'")
        params.append(like_pattern(q.text))
    if q.country and kind == "places":
        checks.append("upper(country) = upper(?)")
        params.append(q.country)
    limit = max(0, q.limit)
    columns = "name, events, first, last" if kind == "actors" else "*"
    sql = (f"SELECT {columns} FROM {_events(store)}_{kind} WHERE {' AND '.join(checks)} "
           f"ORDER BY events DESC, name{', country, admin1' if kind == 'places' else ''} LIMIT ? OFFSET ?")  # fmt: skip
    found = run(store, sql, [*params, limit + 1, max(0, q.offset)])
    return len(found) > limit, found[:limit]


@leased
def actors(store: Store, q: NameQuery) -> ActorPage:
    """Actors named in events, the most frequent first."""
    more, rows = _names(store, "actors", q)
    return ActorPage(more, tuple(ActorSummary(*r) for r in rows))


@leased
def places(store: Store, q: NameQuery) -> PlacePage:
    """Places of events (a name in one admin1 and country), the most frequent first."""
    more, rows = _names(store, "places", q)
    return PlacePage(more, tuple(PlaceSummary(*r) for r in rows))


@leased
def event_detail(store: Store, event_id: str) -> EventDetail | None:
    """The event with its mentions, their evidence spans and the articles they were read from."""
    sql = (f"SELECT {_SUMMARY}, assoc_actors, admin1, actor1_type, actor2_type, time_precision, geo_precision, "
           "source, sources, article_ids FROM events WHERE event_id = ?")  # fmt: skip
    found = run(store, sql, [event_id])
    if not found:
        return None
    row = found[0]
    mentions = _mentions(store, event_id)
    articles = _articles(store, sorted({m.article_uid for m in mentions}))
    return EventDetail(
        event=EventSummary(*row[:15]), assoc_actors=tuple(row[15]), admin1=row[16], actor1_type=row[17],
        actor2_type=row[18], time_precision=row[19], geo_precision=row[20], source=row[21], sources=tuple(row[22]),
        article_ids=tuple(row[23]), confidence=max((m.confidence for m in mentions), default=0.0),
        mentions=mentions, articles=articles,
    )  # fmt: skip


def _mentions(store: Store, event_id: str) -> tuple[MentionDetail, ...]:
    sql = """
        SELECT m.mention_id, m.article_uid, m.article_id, m.sub_event_type, m.source, m.source_via, m.outlet,
               m.modality, m.hedged, m.confidence, m.date_basis,
               list({'article_id': ev.article_id, 'start': ev.start_char, 'end': ev.end_char, 'text': ev.text}
                    ORDER BY ev.seq) FILTER (WHERE ev.mention_id IS NOT NULL)
        FROM event_mentions em JOIN mentions m USING (mention_id)
        LEFT JOIN evidence ev ON ev.mention_id = m.mention_id
        WHERE em.event_id = ?
        GROUP BY ALL ORDER BY m.article_uid, m.mention_id
    """
    out = []
    for mid, uid, aid, sub, source, via, outlet, modality, hedged, conf, basis, spans in run(store, sql, [event_id]):
        evidence = tuple(Evidence(s["article_id"], s["start"], s["end"], s["text"]) for s in spans or [])
        out.append(
            MentionDetail(mid, uid, aid, sub, source, tuple(via), outlet, modality, hedged, conf, basis, evidence)
        )
    return tuple(out)


def _articles(store: Store, uids: list[str]) -> tuple[ArticleDetail, ...]:
    if not uids:
        return ()
    sql = """SELECT uid, article_id, url, title, published, outlet, text FROM articles
             WHERE uid IN (SELECT unnest(?::TEXT[])) ORDER BY uid"""
    return tuple(ArticleDetail(*r) for r in run(store, sql, [uids]))


def export_chunks(store: Store, f: EventFilter) -> Iterator[tuple[list[MergedEvent], Written]]:
    """Every event matching ``f`` (limit and offset ignored) in full, by start day then id, ``EXPORT_CHUNK`` at a
    time, with what the store wrote of them (``query.written``); each read runs within the time limit and holds
    the file for its own duration (a writer may change the file between two chunks: an event merged away
    meanwhile is left out)."""
    with store.lease():
        table = _events(store)
        where, params = _where(f, table)
        ids = [r[0] for r in run(store, f"SELECT event_id FROM {table}{where} ORDER BY date_start, event_id", params)]
    sql = (f"SELECT {event_rows.EVENT_COLUMNS}, mention_ids, evidence FROM events "
           f"WHERE event_id {IN_IDS} ORDER BY date_start, event_id")  # fmt: skip
    for at in range(0, len(ids), EXPORT_CHUNK):
        chunk = ids[at : at + EXPORT_CHUNK]
        merged = [event_rows.merged_from_columns(r) for r in run(store, sql, [chunk])]
        yield merged, written(chunk, functools.partial(run, store))
