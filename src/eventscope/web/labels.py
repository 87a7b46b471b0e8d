"""Place names for the map, offline: the gazetteer's capitals and towns (more of them as the map zooms in)
and the places where events are."""

from __future__ import annotations

import math
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..geo import box_halves

MIN_POPULATION = 1000  # smaller places are left off the map (capitals never are)
WIDE_DEGREES2 = 400.0  # a box wider than this is read from the list of towns by population, not by cell
# (zoom from which a town of at least this many people is named); capitals are named at every zoom
POPULATION_BY_ZOOM = ((10, MIN_POPULATION), (9, 5_000), (8, 20_000), (7, 50_000), (6, 150_000), (5, 500_000),
                      (4, 2_000_000), (0, 10**12))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Town:
    name: str
    latitude: float
    longitude: float
    population: int
    capital: bool
    cc: str  # ISO 3166-1 alpha-2


def min_population(zoom: int) -> int:
    """The smallest town named at ``zoom``."""
    return next(people for at, people in POPULATION_BY_ZOOM if zoom >= at)


def _rank(town: Town) -> tuple[bool, int]:
    return (not town.capital, -town.population)


class TownIndex:
    """The towns on a grid of one-degree cells, each cell's most important first."""

    def __init__(self, towns: Iterable[Town]) -> None:
        self.ranked = sorted(towns, key=_rank)
        self.cells: dict[tuple[int, int], list[Town]] = defaultdict(list)
        for town in self.ranked:
            self.cells[(math.floor(town.longitude), math.floor(town.latitude))].append(town)

    def within(self, bbox: tuple[float, float, float, float], zoom: int, limit: int) -> list[Town]:
        """Up to ``limit`` towns named at ``zoom`` inside ``bbox`` (which may cross the date line), capitals then
        the most populous."""
        halves = box_halves(bbox)
        if len(halves) > 1:
            return sorted((t for half in halves for t in self.within(half, zoom, limit)), key=_rank)[:limit]
        west, south, east, north = bbox
        least = min_population(zoom)

        def wanted(t: Town) -> bool:
            return (t.capital or t.population >= least) and west <= t.longitude <= east and south <= t.latitude <= north

        if (east - west) * (north - south) > WIDE_DEGREES2:
            out: list[Town] = []
            for town in self.ranked:
                if not town.capital and town.population < least or len(out) >= limit:
                    break
                if wanted(town):
                    out.append(town)
            return out
        found = [t for x in range(math.floor(west), math.floor(east) + 1)
                 for y in range(math.floor(south), math.floor(north) + 1) for t in self.cells.get((x, y), ())
                 if wanted(t)]  # fmt: skip
        return sorted(found, key=_rank)[:limit]


_INDEX: list[TownIndex] = []
_LOCK = threading.Lock()


def town_index() -> TownIndex:
    """The index of the bundled gazetteer's towns (built on first use, about a second)."""
    with _LOCK:
        if not _INDEX:
            from ..places import Gazetteer

            rows = Gazetteer.default().towns(MIN_POPULATION)
            _INDEX.append(TownIndex(Town(*row) for row in rows))
        return _INDEX[0]
