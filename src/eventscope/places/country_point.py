"""Where an event the article places only in a country goes on the map.

GeoNames' point for a country is its geographic centre, which can lie far from where anything happens
(Afghanistan's is 420 km from Kabul, Chile's in the Andes' foothills, the Russian Federation's in Siberia).
ACLED codes an event known only to the country at the capital with geo-precision 3; so do we: the
event keeps the country as its place (name, GeoNames id, feature code, admin unit), and takes the
capital's coordinates. A country without a capital in the gazetteer keeps its own point.
"""

from __future__ import annotations

from dataclasses import replace

from ..records import PlaceMention
from .gazetteer import Gazetteer

COUNTRY_PRECISION = 3  # ACLED: the region or the country is all that is known


def at_capital(place: PlaceMention | None, gazetteer: Gazetteer) -> PlaceMention | None:
    """A whole country's place at its capital's coordinates, precision 3; any other place as it is."""
    if place is None or not place.is_country or place.country is None:
        return place
    capital = gazetteer.capital(place.country)
    if capital is None or capital.latitude is None or capital.longitude is None:
        return place
    return replace(place, latitude=capital.latitude, longitude=capital.longitude,
                   precision=max(place.precision, COUNTRY_PRECISION))
