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
