"""The API behind the page's views: place names, the filters' choices and the new filters, the table's
orders, the control map by date."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from eventscope.web.labels import Town, TownIndex, min_population

SYRIA = "35,32,42,37.5"


def _names(client: TestClient, query: str) -> tuple[list[str], list[str]]:
    d = client.get(f"/api/labels?{query}").json()
    return [t["name"] for t in d["towns"]], [p["name"] for p in d["places"]]


def test_labels_name_capitals_when_wide_and_towns_as_the_map_zooms_in(client: TestClient) -> None:
    world, _ = _names(client, "bbox=-180,-90,180,90&zoom=2")
    assert {"Damascus", "Baghdad", "Abuja"} <= set(world) and "Homs" not in world  # capitals only, far out
    near, places = _names(client, f"bbox={SYRIA}&zoom=7")
    assert {"Damascus", "Homs", "Tadmur"} <= set(near) and near.index("Damascus") < near.index("Homs")
    assert {"Palmyra", "Aleppo", "Damascus"} <= set(places)  # the places of events, at every zoom
    close, _ = _names(client, "bbox=38.1,34.4,38.5,34.7&zoom=12")
    assert "Tadmur" in close
    assert set(close) >= set(_names(client, "bbox=38.1,34.4,38.5,34.7&zoom=7")[0])  # zooming in only adds names


def test_labels_take_a_bounded_limit_and_reject_a_bad_box(client: TestClient) -> None:
    assert len(client.get("/api/labels?zoom=12&limit=5").json()["towns"]) == 5
    assert client.get("/api/labels?bbox=10,10,0,0").status_code == 400
    assert client.get("/api/labels?limit=501").status_code == 400
    assert client.get("/api/labels?color=red").status_code == 400


def test_the_town_index_answers_a_narrow_box_as_a_scan_of_every_town_would() -> None:
    towns = [Town(f"t{i}", (i * 7) % 50 - 25.0, (i * 13) % 90 - 45.0, (i * 997) % 300_000, i % 40 == 0, "XX")
             for i in range(2000)]  # fmt: skip
    index = TownIndex(towns)
    for box in [(-10.0, -10.0, 5.0, 3.0), (0.0, 0.0, 0.5, 0.5), (-45.0, -25.0, 45.0, 25.0)]:
        for zoom in (3, 6, 9, 12):
            found = index.within(box, zoom, 5000)
            west, south, east, north = box
            expected = {t for t in towns if west <= t.longitude <= east and south <= t.latitude <= north
                        and (t.capital or t.population >= min_population(zoom))}  # fmt: skip
            assert set(found) == expected
            assert found == sorted(found, key=lambda t: (not t.capital, -t.population))


def test_facets_list_each_filters_values_with_their_events(history_client: TestClient) -> None:
    f = history_client.get("/api/facets").json()
    assert {"value": "SYR", "events": 8, "within": None} in f["countries"]
    assert f["admin1s"] == [{"value": "Homs", "events": 4, "within": "SYR"}]
    assert {"value": "Air/drone strike", "events": 1, "within": "Explosions/Remote violence"} in f["sub_event_types"]
    assert {x["value"] for x in f["actor_types"]} == {"Rebel group", "State forces"}
    assert f["sources"][0] == {"value": "history.example", "events": 4, "within": None}
    assert history_client.get("/api/facets?x=1").status_code == 400


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("admin1=HOMS", 4),
        ("actor_type=Rebel group", 4),
        ("actor_type=Civilians", 0),
        ("fatalities=1", 1),
        ("fatalities=13", 0),
        ("fatalities=0", 9),
        ("source=HISTORY.example", 4),
        ("source=other", 1),
        ("hide=Battles,Protests", 5),
        ("hide=Battles&type=Battles", 0),
        ("hide=Strategic developments&admin1=homs", 1),
    ],
)
def test_the_new_filters_narrow_events_clusters_counts_and_export_alike(
    history_client: TestClient, query: str, count: int
) -> None:
    assert len(history_client.get(f"/api/events?{query}").json()["events"]) == count
    for zoom in (2, 12):  # (the coarse cells answer wide views without a fine filter)
        assert history_client.get(f"/api/clusters?{query}&zoom={zoom}").json()["total"] == count
    assert sum(c["count"] for c in history_client.get(f"/api/counts?{query}").json()["counts"]) == count
    exported = history_client.get(f"/api/export?format=geojson&{query}").json()["features"]
    assert len(exported) == count


def test_a_bad_filter_value_is_a_400(history_client: TestClient) -> None:
    for query in ("fatalities=-1", "fatalities=²", "sort=deaths", "hide=" + "x" * 201):
        assert history_client.get(f"/api/events?{query}").status_code == 400, query
    assert history_client.get("/api/clusters?sort=date").status_code == 400  # an order only pages have


@pytest.mark.parametrize("sort", ["date", "-date", "fatalities", "-fatalities", "type", "-type", "location",
                                  "-location", "country", "-country", "actor", "-actor"])  # fmt: skip
def test_pages_in_every_order_cover_every_event_once(history_client: TestClient, sort: str) -> None:
    pages = [history_client.get(f"/api/events?sort={sort}&limit=3&offset={at}").json()["events"] for at in (0, 3, 6)]
    ids = [e["event_id"] for page in pages for e in page]
    assert len(ids) == len(set(ids)) == 9


def test_the_table_orders_by_deaths_and_by_date_both_ways(history_client: TestClient) -> None:
    most = history_client.get("/api/events?sort=-fatalities&limit=1").json()["events"][0]
    assert most["fatalities_min"] == 12
    days = [e["date_start"] for e in history_client.get("/api/events?sort=-date").json()["events"]]
    assert days == sorted(days, reverse=True) and days[-1] == "2015-05-20"
    places = [e["location"] for e in history_client.get("/api/events?sort=location").json()["events"]]
    assert places == sorted(places)


@pytest.mark.parametrize(
    ("day", "holder"),
    [("2015-06-01", "Islamic State"), ("2016-01-01", "Islamic State"), ("2016-06-01", "Military Forces of Syria"),
     ("2017-01-01", "Islamic State"), ("2017-03-02", "Military Forces of Syria")],
)  # fmt: skip
def test_the_control_map_shows_who_held_tadmur_on_a_day(history_client: TestClient, day: str, holder: str) -> None:
    d = history_client.get(f"/api/control?date={day}").json()
    (tadmur,) = d["places"]  # Palmyra and Tadmur are one town: the gazetteer's
    assert tadmur["name"] == "Tadmur" and d["date"] == day and tadmur["state"] == "held"
    assert [h["controller"] for h in tadmur["holders"]] == [holder]
    assert abs(tadmur["latitude"] - 34.56) < 0.1 and abs(tadmur["longitude"] - 38.28) < 0.1


def test_while_the_army_holds_part_of_tadmur_the_control_map_calls_it_contested(history_client: TestClient) -> None:
    (tadmur,) = history_client.get("/api/control?date=2016-03-22").json()["places"]
    assert tadmur["state"] == "contested"
    assert [(h["controller"], h["partial"]) for h in tadmur["holders"]] == [
        ("Islamic State", False), ("Military Forces of Syria", True)]  # fmt: skip


def test_before_any_change_the_control_map_knows_no_holder(history_client: TestClient) -> None:
    (tadmur,) = history_client.get("/api/control?date=2014-01-01").json()["places"]
    assert tadmur["state"] == "unknown" and tadmur["holders"] == []
    assert history_client.get("/api/control").status_code == 400
    assert history_client.get("/api/control?date=2016-13-01").status_code == 400


def test_the_control_timeline_joins_one_holders_periods_and_never_has_two_whole_holders(
    history_client: TestClient,
) -> None:
    periods = history_client.get("/api/places/Tadmur/control").json()["periods"]
    assert [(p["controller"], p["start"], p["end"]) for p in periods] == [
        ("Islamic State", "2015-05-20", "2016-03-27"), ("Military Forces of Syria", "2016-03-20", "2016-03-27"),
        ("Military Forces of Syria", "2016-03-27", "2016-12-11"),
        ("Islamic State", "2016-12-11", "2017-03-02"), ("Military Forces of Syria", "2017-03-02", None)]  # fmt: skip
    assert history_client.get("/api/places/Palmyra/control").json()["periods"] == periods


def test_a_place_is_held_partly_held_or_contested_by_the_periods_in_force() -> None:
    from datetime import date

    from eventscope.control import Period, standing

    def period(holder: str, partial: bool) -> Period:
        return Period(holder, date(2016, 1, 1), None, partial, "the airport" if partial else None,
                      "Government regains territory", None, f"e-{holder}-{partial}", ())  # fmt: skip

    assert standing(()) == "unknown"
    assert standing((period("A", False),)) == "held"
    assert standing((period("A", True),)) == "partial"  # hatched on the map
    assert standing((period("A", False), period("B", True))) == "contested"  # hatched on the map
    assert standing((period("A", False), period("A", True))) == "held"


def test_the_control_map_agrees_with_each_places_own_timeline_on_every_day(history_client: TestClient) -> None:
    """The map reads the territory events once; the place panel reads the place's events: the same periods."""
    for day in ("2015-05-20", "2016-03-20", "2016-03-26", "2016-03-27", "2016-12-10", "2016-12-11", "2017-03-02"):
        for place in history_client.get(f"/api/control?date={day}").json()["places"]:
            periods = history_client.get(f"/api/places/{place['name']}/control").json()["periods"]
            in_force = [p for p in periods if p["start"] <= day and (p["end"] is None or day < p["end"])]
            assert place["holders"] == in_force, day
