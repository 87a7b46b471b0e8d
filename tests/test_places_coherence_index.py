"""places: the support of nearby readings, counted through a grid, equals the all-pairs count, and a
candidate looks at the readings near it only (cost linear in the article's names)."""

from __future__ import annotations

import math
import random

from eventscope.places.coherence import RADIUS_KM, Neighbours, km, support
from eventscope.places.gazetteer import Candidate


def _cand(i: int, lat: float, lon: float) -> Candidate:
    return Candidate(i, f"p{i}", lat, lon, "XX", "01", "PPL", 1000, "city", True)


def _readings(seed: int, names: int, spread: float) -> dict[str, list[Candidate]]:
    rng, out, n = random.Random(seed), {}, 0
    for k in range(names):
        cands = []
        for _ in range(rng.randint(1, 10)):
            n += 1
            lat = max(-89.9, min(89.9, rng.gauss(60.0, spread)))
            cands.append(_cand(n, lat, rng.uniform(-180, 180) if spread > 30 else rng.gauss(179.0, spread)))
        out[f"name{k}"] = cands
    return out


def _all_pairs(cand: Candidate, own: str, readings: dict[str, list[Candidate]]) -> float:
    gains = []
    for key, others in readings.items():
        near = [km(cand, o) for o in others if o.geonameid != cand.geonameid]
        if key != own and near and min(near) < RADIUS_KM:
            gains.append(1.0 - min(near) / RADIUS_KM)
    return sum(sorted(gains, reverse=True)[:3])


def test_grid_support_equals_the_all_pairs_support_near_the_pole_and_the_date_line() -> None:
    for seed, spread in ((1, 1.0), (2, 3.0), (3, 60.0)):
        readings = _readings(seed, 60, spread)
        index = Neighbours(readings)
        for key, cands in readings.items():
            for cand in cands:
                assert math.isclose(support(cand, key, index), _all_pairs(cand, key, readings), abs_tol=0.0)


def test_a_candidate_looks_only_at_readings_in_cells_near_it() -> None:
    readings = _readings(4, 2000, 60.0)
    index = Neighbours(readings)
    total = sum(len(c) for c in readings.values())
    equator = _cand(0, 0.0, 10.0)
    assert len(list(index.near(equator))) < total / 50
