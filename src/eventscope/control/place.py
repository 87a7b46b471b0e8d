"""Find a place's events by its name, its gazetteer name ("Palmyra" is GeoNames' "Tadmur"), its GeoNames id and
its vicinity: the place itself, a town or city, never the region around it ("Homs" is the city, not the
governorate that holds Palmyra)."""

from __future__ import annotations

from functools import partial

from ..records import Event
from ..store import EventQuery, Store, query_events, read_api
from ..store.query import Fetch
from .timeline import Period, timeline

NEAR_KM = 10.0  # events located this close to the place count as the place's


def load_gazetteer() -> None:
    """Open the gazetteer now (building it on first use), so that the first place lookup is not the slow one."""
    from ..places import Gazetteer

    Gazetteer.default()


def _gazetteer_point(place: str) -> tuple[str, float, float] | None:
    """The most populous town or city the name (or GeoNames id, in ASCII digits) may denote: (its gazetteer
    name, latitude, longitude); regions and countries are never the place."""
    from ..places import Gazetteer

    gazetteer = Gazetteer.default()
    if place.isascii() and place.isdigit():
        one = gazetteer.get(int(place))
        candidates = [one] if one is not None else []
    else:
        candidates = gazetteer.lookup(place)
    found = [c for c in candidates if c.kind == "city" and c.latitude is not None and c.longitude is not None]
    if not found:
        return None
    best = max(found, key=lambda c: (c.population, -c.geonameid))
    return best.name, best.latitude, best.longitude  # type: ignore[return-value]


def place_events(
    store: Store, place: str, km: float = NEAR_KM, use_gazetteer: bool = True, fetch: Fetch | None = None
) -> list[Event]:
    """Events at ``place``: located by that name or the gazetteer's name for it, or within ``km`` of it
    (``fetch``: see ``query_events``); an event is never the place's for lying in a region of that name."""
    queries = [EventQuery(place=place)]
    point = _gazetteer_point(place) if use_gazetteer else None
    if point is not None:
        name, lat, lon = point
        queries += [EventQuery(place=name), EventQuery(near=(lat, lon, km))]
    found = {m.event.event_id: m.event for q in queries for m in query_events(store, q, fetch)}
    return [found[k] for k in sorted(found)]


def control_periods(store: Store, place: str) -> tuple[Period, ...]:
    """Who held ``place`` and when (the web API's control route): its events found as the CLI finds them (by
    name, gazetteer name and vicinity), each query on its own cursor within the read time limit, the file held
    for the whole lookup."""
    with store.lease():
        return timeline(place_events(store, place, fetch=partial(read_api.run, store)))
