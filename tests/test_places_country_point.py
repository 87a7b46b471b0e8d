"""A whole country's events at its capital, precision 3 (places/country_point.py)."""

from __future__ import annotations

from conftest import run_text
from eventscope.places import Gazetteer
from eventscope.places.country_point import at_capital
from eventscope.records import PlaceMention


def test_the_gazetteer_knows_a_countrys_capital_by_its_iso3_code() -> None:
    gazetteer = Gazetteer.default()
    capital = gazetteer.capital("AFG")
    assert capital is not None and capital.name == "Kabul"
    assert gazetteer.capital("XYZ") is None


def test_an_event_placed_only_in_a_country_is_at_its_capital_with_precision_3() -> None:
    (event,) = run_text("Gunmen killed four soldiers in Afghanistan on Monday.").events
    assert event.location == "Afghanistan" and event.country == "AFG" and event.geo_precision == 3
    assert event.latitude is not None and event.longitude is not None
    assert abs(event.latitude - 34.53) < 0.1 and abs(event.longitude - 69.17) < 0.1  # Kabul, not 33, 65


def test_a_town_keeps_its_own_point() -> None:
    town = PlaceMention(0, 5, "Kohat", name="Kohat", geonameid=1, latitude=33.58, longitude=71.44, country="PAK",
                        feature_code="PPLA2", precision=1)
    assert at_capital(town, Gazetteer.default()) == town
