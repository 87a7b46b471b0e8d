"""Find a place's events by its name, its gazetteer name ("Palmyra" is GeoNames' "Tadmur"), its GeoNames id and
its vicinity: the place itself, a town or city, never the region around it ("Homs" is the city, not the
governorate that holds Palmyra)."""

from __future__ import annotations

from dataclasses import dataclass

from ..geo import distance_km
from ..records import Event
from ..store import EventQuery, Store, query_events
from ..store.query import Fetch

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
    queries = [EventQuery(place=name) for name in sorted(match.names)]
    if match.point is not None:
        queries.append(EventQuery(near=(*match.point, km)))
    found = {m.event.event_id: m.event for q in queries for m in query_events(store, q, fetch)}
    return [found[k] for k in sorted(found) if match.holds(found[k])]
