"""Map boxes across the date line: a view from 175 to -175 (west > east) holds the events on both sides."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "web"))

import webdemo  # noqa: E402

from eventscope.cli import app  # noqa: E402
from eventscope.geo import box_halves, distance_km, near_box  # noqa: E402
from eventscope.store import EventFilter, Store, query_events, read_api  # noqa: E402
from eventscope.web import create_app  # noqa: E402

ACROSS = "175,-20,-175,-15"  # 10 degrees across the line; the third event (at 170) lies outside


@pytest.fixture(scope="module")
def line_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(webdemo.build(tmp_path_factory.mktemp("web") / "dateline.duckdb", webdemo.DATELINE))


@pytest.fixture(scope="module")
def line(line_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(line_db)), base_url=webdemo.LOCAL) as c:
        yield c


def _places(client: TestClient, query: str) -> set[str]:
    return {e["location"] for e in client.get(f"/api/events?{query}").json()["events"]}


def test_a_box_across_the_date_line_holds_the_events_on_both_sides(line: TestClient) -> None:
    assert _places(line, f"bbox={ACROSS}") == {"East Cape", "Far Island"}
    sides = _places(line, "bbox=175,-20,180,-15") | _places(line, "bbox=-180,-20,-175,-15")
    assert sides == {"East Cape", "Far Island"}
    assert _places(line, "bbox=-175,-20,175,-15") == {"Central Valley"}  # west < east: the other way round


@pytest.mark.parametrize("zoom", [2, 4, 8, 12])
def test_clusters_of_a_box_across_the_date_line_count_both_sides_at_every_zoom(line: TestClient, zoom: int) -> None:
    page = line.get(f"/api/clusters?bbox={ACROSS}&zoom={zoom}").json()
    assert page["total"] == 2 and sum(c["count"] for c in page["clusters"]) == 2
    assert all(c["longitude"] >= 175 or c["longitude"] <= -175 for c in page["clusters"])


def test_labels_and_the_export_take_a_box_across_the_date_line(line: TestClient) -> None:
    places = {p["name"] for p in line.get(f"/api/labels?bbox={ACROSS}&zoom=8").json()["places"]}
    assert places == {"East Cape", "Far Island"}
    features = line.get(f"/api/export?format=geojson&bbox={ACROSS}").json()["features"]
    assert {f["properties"]["location"] for f in features} == {"East Cape", "Far Island"}


def test_a_box_across_the_date_line_is_its_two_sides_and_any_other_box_itself() -> None:
    assert box_halves((175.0, -20.0, -175.0, -15.0)) == ((175.0, -20.0, 180.0, -15.0), (-180.0, -20.0, -175.0, -15.0))
    assert box_halves((-10.0, 0.0, 10.0, 5.0)) == ((-10.0, 0.0, 10.0, 5.0),)


def test_the_cli_reader_and_the_web_reader_take_the_same_box_across_the_date_line(line_db: Path) -> None:
    across = EventFilter(bbox=(175.0, -20.0, -175.0, -15.0))
    with Store(str(line_db), read_only=True) as store:
        cli = [m.event.location for m in query_events(store, across)]
        web = [e.location for e in read_api.events_page(store, across).events]
    assert cli == web == ["East Cape", "Far Island"]


def test_near_reaches_across_the_date_line_in_the_cli(line_db: Path) -> None:
    args = ["events", "--db", str(line_db), "--near", "-17.0,179.9,100", "--format", "jsonl"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["location"] for line in result.stdout.splitlines()} == {"East Cape", "Far Island"}


@pytest.mark.parametrize(("lat", "lon", "km"), [(-17.0, 179.9, 100.0), (10.0, -179.5, 300.0), (88.5, 20.0, 400.0)])
def test_a_near_box_holds_every_point_within_that_distance(lat: float, lon: float, km: float) -> None:
    halves = box_halves(near_box(lat, lon, km))
    for b_lat in range(-90, 91):
        for b_lon in range(-180, 181):
            if distance_km(lat, lon, b_lat / 1.0, b_lon / 1.0) <= km:
                assert any(w <= b_lon <= e and s <= b_lat <= n for w, s, e, n in halves), (b_lat, b_lon)
