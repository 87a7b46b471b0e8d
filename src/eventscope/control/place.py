"""Find a place's events by its name, its gazetteer name ("Palmyra" is GeoNames' "Tadmur"), its GeoNames id and
its vicinity: the place itself, a town or city, never the region around it ("Homs" is the city, not the
governorate that holds Palmyra)."""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass
from functools import partial

from ..geo import distance_km
from ..records import Event
from ..store import EventFilter, Store, query_events, read_api
from ..store.query import Fetch
from .timeline import TERRITORY, Period, timeline

NEAR_KM = 10.0  # events located this close to the place count as the place's


def load_gazetteer() -> None:
    """Open the gazetteer now (building it on first use), so that the first place lookup is not the slow one."""
    from ..places import Gazetteer

    Gazetteer.default()


def gazetteer_point(place: str) -> tuple[str, float, float] | None:
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


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """What makes an event the place's: its location is one of ``names`` (lower-cased), or it lies within
    ``km`` of ``point``."""

    names: frozenset[str]
    point: tuple[float, float] | None
    km: float

    def holds(self, event: Event) -> bool:
        if event.location is not None and event.location.lower() in self.names:
            return True
        if self.point is None or event.latitude is None or event.longitude is None:
            return False
        return distance_km(self.point[0], self.point[1], event.latitude, event.longitude) <= self.km


def place_match(place: str, km: float = NEAR_KM, use_gazetteer: bool = True) -> PlaceMatch:
    """The place by that name or the gazetteer's name for it, and the vicinity of the gazetteer's town."""
    point = gazetteer_point(place) if use_gazetteer else None
    if point is None:
        return PlaceMatch(frozenset({place.lower()}), None, km)
    name, lat, lon = point
    return PlaceMatch(frozenset({place.lower(), name.lower()}), (lat, lon), km)


def place_events(
    store: Store, place: str, km: float = NEAR_KM, use_gazetteer: bool = True, fetch: Fetch | None = None
) -> list[Event]:
    """Events at ``place`` (see ``place_match``; ``fetch``: see ``query_events``); an event is never the
    place's for lying in a region of that name."""
    match = place_match(place, km, use_gazetteer)
    queries = [EventFilter(place=name) for name in sorted(match.names)]
    if match.point is not None:
        queries.append(EventFilter(near=(*match.point, km)))
    found = {m.event.event_id: m.event for q in queries for m in query_events(store, q, fetch)}
    return [found[k] for k in sorted(found) if match.holds(found[k])]


def control_periods(store: Store, place: str) -> tuple[Period, ...]:
    """Who held ``place`` and when (the web API's control route): its events found as the CLI finds them (by
    name, gazetteer name and vicinity), each query on its own cursor within the read time limit, the file held
    for the whole lookup."""
    with store.lease():
        return timeline(place_events(store, place, fetch=partial(read_api.run, store)))


@dataclass(frozen=True, slots=True)
class PlaceControl:
    """A place with control evidence: where it is and its periods of control."""

    name: str  # the gazetteer's name of the town, or the events' own name for it
    latitude: float
    longitude: float
    periods: tuple[Period, ...]


_CONTROL: weakref.WeakKeyDictionary[Store, tuple[int, tuple[PlaceControl, ...]]] = weakref.WeakKeyDictionary()
TOWN_KM = 25.0  # a place's events this close to the gazetteer's town of that name are the town's


def control_places(store: Store) -> tuple[PlaceControl, ...]:
    """Every place with control evidence (a territory event located there), its events found as
    ``control_periods`` finds them ("Palmyra" and "Tadmur" are one town, the gazetteer's), from one read of
    the territory events; read again after a writer changed the file (``Store.file.changes``)."""
    with store.lease():
        cached = _CONTROL.get(store)
        if cached is None or cached[0] != store.file.changes:
            cached = _CONTROL[store] = (store.file.changes, _control_places(store))
        return cached[1]


def _control_places(store: Store) -> tuple[PlaceControl, ...]:
    """The places with control evidence and their periods, read from the file now."""
    fetch = partial(read_api.run, store)
    found = {m.event.event_id: m.event for sub in sorted(TERRITORY)
             for m in query_events(store, EventFilter(sub_type=sub), fetch)}  # fmt: skip
    territory = [found[k] for k in sorted(found)]
    towns: dict[str, tuple[float, float]] = {}
    for name, lat, lon in _located(territory):
        point = gazetteer_point(name)
        if point is not None and distance_km(lat, lon, point[1], point[2]) <= TOWN_KM:
            towns.setdefault(point[0], (point[1], point[2]))
        else:
            towns.setdefault(name, (lat, lon))
    candidates = _Candidates(territory)
    places = []
    for name, (lat, lon) in sorted(towns.items()):
        match = place_match(name)
        places.append(PlaceControl(name, lat, lon, timeline(e for e in candidates.of(match) if match.holds(e))))
    return tuple(c for c in places if c.periods)


class _Candidates:
    """The events a ``PlaceMatch`` may hold, found by name and by one-degree cell (a superset: ``holds``
    decides), so that each town reads a few events, not all of them."""

    def __init__(self, events: list[Event]) -> None:
        self.by_name: dict[str, list[Event]] = {}
        self.by_cell: dict[tuple[int, int], list[Event]] = {}
        for e in events:
            if e.location is not None:
                self.by_name.setdefault(e.location.lower(), []).append(e)
            if e.latitude is not None and e.longitude is not None:
                self.by_cell.setdefault((math.floor(e.latitude), math.floor(e.longitude)), []).append(e)

    def of(self, match: PlaceMatch) -> list[Event]:
        found = {e.event_id: e for name in match.names for e in self.by_name.get(name, ())}
        if match.point is not None:
            lat, lon = match.point
            reach = 1 + math.ceil(match.km / (111.0 * max(0.01, math.cos(math.radians(lat)))))  # cells of longitude
            for y in range(math.floor(lat) - 1, math.floor(lat) + 2):
                for x in range(math.floor(lon) - reach, math.floor(lon) + reach + 1):
                    found.update((e.event_id, e) for e in self.by_cell.get((y, x), ()))
        return [found[k] for k in sorted(found)]


def _located(events: list[Event]) -> list[tuple[str, float, float]]:
    """(location, mean latitude, mean longitude) of the events with a location and a position."""
    at: dict[str, list[tuple[float, float]]] = {}
    for e in events:
        if e.location is not None and e.latitude is not None and e.longitude is not None:
            at.setdefault(e.location, []).append((e.latitude, e.longitude))
    mean = [(name, sum(p[0] for p in ps) / len(ps), sum(p[1] for p in ps) / len(ps)) for name, ps in at.items()]
    return sorted(mean)
