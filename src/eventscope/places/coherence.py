"""Spatial coherence: a reading of a name is likelier near the article's other places.

A local article names a town and, around it, its county, neighbouring towns and
roads. For each candidate of a toponym we look at the *other* toponyms of the
article (other names, not repeats of the same one) and ask how close the
nearest plausible reading of each lies. Countries, continents and first-order
regions are left out as neighbours: their centre says little about a town
(they count through the country and region context of ``resolve``).
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from ..geo import distance_km
from .gazetteer import Candidate

NEIGHBOUR_KINDS = frozenset({"city", "admin2"})
RADIUS_KM = 120.0  # a neighbour further than this lends no support
TOP_READINGS = 10  # readings of another name that may lend support, best prior first
MAX_NEIGHBOURS = 3  # support counted from at most this many other names
KM_PER_DEGREE = 111.0  # of latitude (a little less than 111.2, so the cells searched cover the radius)

Readings = dict[str, list[Candidate]]  # name key -> its plausible readings, best first


def km(a: Candidate, b: Candidate) -> float:
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return math.inf
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude)


class Neighbours(dict[str, list[Candidate]]):
    """Readings that may lend support, with a grid of one-degree cells over them and the support already
    counted: a candidate looks only at the readings in the cells within ``RADIUS_KM`` of it, so the cost of
    an article grows with its names, not with their pairs."""

    def __init__(self, readings: Readings) -> None:
        super().__init__(readings)
        self.cells: dict[tuple[int, int], list[tuple[str, Candidate]]] = {}
        for key, cands in readings.items():
            for cand in cands:
                if cand.latitude is not None and cand.longitude is not None:
                    cell = (math.floor(cand.latitude), math.floor(cand.longitude) % 360)
                    self.cells.setdefault(cell, []).append((key, cand))
        self.memo: dict[tuple[object, ...], float] = {}

    def near(self, cand: Candidate) -> Iterator[tuple[str, Candidate]]:
        """Every reading that may lie within ``RADIUS_KM`` of ``cand`` (and some further)."""
        assert cand.latitude is not None and cand.longitude is not None
        rows = math.ceil(RADIUS_KM / KM_PER_DEGREE) + 1
        widest = math.cos(math.radians(min(89.0, abs(cand.latitude) + rows)))
        cols = min(180, math.ceil(RADIUS_KM / (KM_PER_DEGREE * widest)) + 1)
        lat, lon = math.floor(cand.latitude), math.floor(cand.longitude)
        columns = range(360) if cols >= 180 else {(lon + d) % 360 for d in range(-cols, cols + 1)}
        for row in range(lat - rows, lat + rows + 1):
            for column in columns:
                yield from self.cells.get((row, column), ())


def neighbour_readings(readings: Readings) -> Neighbours:
    """The readings each name may lend as a neighbour."""
    return Neighbours({key: [c for c in cands if c.kind in NEIGHBOUR_KINDS][:TOP_READINGS]
                       for key, cands in readings.items()})


def support(cand: Candidate, own_key: str, neighbours: Readings) -> float:
    """Sum over the closest other names of 1 - distance / RADIUS_KM (0 beyond)."""
    if cand.kind not in NEIGHBOUR_KINDS or cand.latitude is None or cand.longitude is None:
        return 0.0
    index = neighbours if isinstance(neighbours, Neighbours) else Neighbours(neighbours)
    memo_key = (cand.geonameid, cand.latitude, cand.longitude, own_key)
    if memo_key not in index.memo:
        nearest: dict[str, float] = {}
        for key, other in index.near(cand):
            if key != own_key and other.geonameid != cand.geonameid:
                nearest[key] = min(nearest.get(key, math.inf), km(cand, other))
        gains = [1.0 - d / RADIUS_KM for d in nearest.values() if d < RADIUS_KM]
        index.memo[memo_key] = sum(sorted(gains, reverse=True)[:MAX_NEIGHBOURS])
    return index.memo[memo_key]
