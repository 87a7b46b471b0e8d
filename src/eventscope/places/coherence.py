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

from ..geo import distance_km
from .gazetteer import Candidate

NEIGHBOUR_KINDS = frozenset({"city", "admin2"})
RADIUS_KM = 120.0  # a neighbour further than this lends no support
TOP_READINGS = 10  # readings of another name that may lend support, best prior first
MAX_NEIGHBOURS = 3  # support counted from at most this many other names

Readings = dict[str, list[Candidate]]  # name key -> its plausible readings, best first


def km(a: Candidate, b: Candidate) -> float:
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return math.inf
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude)


def neighbour_readings(readings: Readings) -> Readings:
    """The readings each name may lend as a neighbour."""
    return {key: [c for c in cands if c.kind in NEIGHBOUR_KINDS][:TOP_READINGS]
            for key, cands in readings.items()}


def support(cand: Candidate, own_key: str, neighbours: Readings) -> float:
    """Sum over the closest other names of 1 - distance / RADIUS_KM (0 beyond)."""
    if cand.kind not in NEIGHBOUR_KINDS:
        return 0.0
    gains = []
    for key, others in neighbours.items():
        if key == own_key or not others:
            continue
        nearest = min(km(cand, o) for o in others if o.geonameid != cand.geonameid) if any(
            o.geonameid != cand.geonameid for o in others) else math.inf
        if nearest < RADIUS_KM:
            gains.append(1.0 - nearest / RADIUS_KM)
    return sum(sorted(gains, reverse=True)[:MAX_NEIGHBOURS])
