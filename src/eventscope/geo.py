"""Great-circle distance, the one haversine of the project; map boxes across the date line."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


Box = tuple[float, float, float, float]  # west, south, east, north in degrees


def box_halves(box: Box) -> tuple[Box, ...]:
    """A map box as boxes that do not cross the date line: itself, or, when west > east (a view across the
    date line, 170 to -170), its part up to 180 and its part from -180."""
    west, south, east, north = box
    return (box,) if west <= east else ((west, south, 180.0, north), (-180.0, south, east, north))


def near_box(lat: float, lon: float, km: float) -> Box:
    """A box holding every point within ``km`` of (lat, lon): west > east when it reaches across the date line,
    every longitude when it reaches over a pole (or wider than the world)."""
    dlat = km / 111.0
    dlon = km / (111.0 * max(0.01, math.cos(math.radians(lat))))
    south, north = lat - dlat, lat + dlat
    if dlon >= 180 or south <= -90 or north >= 90:
        return -180.0, south, 180.0, north
    west, east = lon - dlon, lon + dlon
    return west + 360 if west < -180 else west, south, east - 360 if east > 180 else east, north
