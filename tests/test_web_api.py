"""The JSON API, called in-process on a small database built through the store API."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "web"))

import webdemo  # noqa: E402

from eventscope.web import SETTINGS, create_app  # noqa: E402
from eventscope.web.app import CSP  # noqa: E402
from eventscope.web.openapi import document  # noqa: E402

LOCAL = webdemo.LOCAL


def test_events_lists_every_event_in_day_order(client: TestClient) -> None:
    page = client.get("/api/events").json()
    assert page["has_more"] is False and len(page["events"]) == 5
    assert [e["date_start"] for e in page["events"]] == sorted(e["date_start"] for e in page["events"])


@pytest.mark.parametrize(
    ("query", "places"),
    [
        ("type=Battles", {"Palmyra", "Mosul"}),
        ("sub_type=Air/drone strike", {"Aleppo"}),
        ("country=irq", {"Mosul"}),
        ("actor=islamic", {"Palmyra", "Mosul"}),
        ("actor=syria%1Fislamic", set()),  # a separator never joins two names
        ("since=2017-03-01&until=2017-03-01", {"Palmyra", "Damascus"}),
        ("bbox=35,33,39,35", {"Palmyra", "Damascus"}),
        ("q=CITADEL", {"Palmyra"}),
        ("q=damas", {"Damascus"}),  # the place's name
        ("q=soldiers%1Fnear", set()),  # a separator never joins two sentences
        ("q=calm.%1Fair", set()),
        ("q=100%", set()),
    ],
)
def test_filters_narrow_the_events(client: TestClient, query: str, places: set[str]) -> None:
    events = client.get(f"/api/events?{query}").json()["events"]
    assert {e["location"] for e in events} == places


def test_pages_follow_limit_and_offset(client: TestClient) -> None:
    all_ids = [e["event_id"] for e in client.get("/api/events").json()["events"]]
    page = client.get("/api/events?limit=2&offset=2").json()
    assert page["has_more"] is True and [e["event_id"] for e in page["events"]] == all_ids[2:4]
    assert client.get("/api/events?limit=2&offset=3").json()["has_more"] is False


def test_clusters_group_nearby_events_and_count_every_event_in_the_box(client: TestClient) -> None:
    wide = client.get("/api/clusters?zoom=3").json()
    assert wide["total"] == 5 and sum(c["count"] for c in wide["clusters"]) == 5 and len(wide["clusters"]) < 5
    near = client.get("/api/clusters?zoom=12&bbox=35,33,39,35").json()  # Palmyra (two events, one spot), Damascus
    by_count = sorted(near["clusters"], key=lambda c: c["count"])
    assert [c["count"] for c in by_count] == [1, 2] and near["total"] == 3
    one, palmyra = by_count
    assert one["event_id"] and one["types"] == {"Protests": 1} and palmyra["event_id"] is None
    assert palmyra["types"] == {"Battles": 1, "Strategic developments": 1}
    assert palmyra["extent"] == [38.27, 34.56, 38.27, 34.56]
    assert client.get("/api/clusters?zoom=3&type=Battles").json()["total"] == 2
    assert client.get("/api/clusters?zoom=20").json()["total"] == 5  # (cell numbers past 32 bits)
    assert client.get("/api/clusters?zoom=99").status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        "limit=1001",
        "limit=-1",
        "limit=",
        "since=",
        "since=20170301",
        "since=yesterday",
        "bbox=1,2",
        "bbox=10,0,-200,10",  # west > east (across the date line) must stay within -180..180
        "bbox=0,10,10,0",
        "q=" + "x" * 201,
        "sql=1",
    ],
)
def test_bad_parameters_are_400_with_a_message(client: TestClient, query: str) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 400 and response.json()["status"] == 400 and response.json()["error"]


@pytest.fixture(scope="module")
def scattered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """3,000 events spread over the world (benchmarks/web.py's synthetic fill)."""
    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    import web as bench

    db = tmp_path_factory.mktemp("web") / "scattered.duckdb"
    bench.build(db, 3000)
    from eventscope.store import Store

    with Store(str(db)) as store:  # one associated actor, to be found by the actor filter
        store.conn.execute("UPDATE events SET assoc_actors = ['Tribal Militia (Syria)'] WHERE event_id = 'ev-1'")
    with TestClient(create_app(str(db)), base_url=LOCAL) as c:
        yield c


@pytest.mark.parametrize(
    "bbox", ["-180,-90,180,90", "-200,-10,50,20", "-10,35,30,60", "-3.3,-7.7,101.25,44.444", "0,0,0.001,0.001",
             "150,-60,-150,60"]  # the last across the date line
)
@pytest.mark.parametrize("zoom", [2, 4])
def test_wide_clusters_from_the_coarse_grid_equal_clusters_counted_event_by_event(
    scattered: TestClient, bbox: str, zoom: int
) -> None:
    fast = scattered.get(f"/api/clusters?bbox={bbox}&zoom={zoom}&type=Battles").json()
    slow = scattered.get(f"/api/clusters?bbox={bbox}&zoom={zoom}&type=Battles&since=1900-01-01").json()
    assert (
        fast["total"]
        == slow["total"]
        == len(scattered.get(f"/api/events?bbox={bbox}&type=Battles&limit=1000").json()["events"])
    )
    key = lambda c: (round(c["latitude"], 6), round(c["longitude"], 6))  # noqa: E731
    assert [(key(c), c["count"], c["types"], c["extent"]) for c in sorted(fast["clusters"], key=key)] == [
        (key(c), c["count"], c["types"], c["extent"]) for c in sorted(slow["clusters"], key=key)
    ]


def test_the_actor_filter_finds_associated_actors_too(scattered: TestClient) -> None:
    assert [e["event_id"] for e in scattered.get("/api/events?actor=tribal%20MILITIA").json()["events"]] == ["ev-1"]
    assert scattered.get("/api/clusters?actor=tribal&zoom=2").json()["total"] == 1
    (actor,) = scattered.get("/api/actors?q=tribal").json()["actors"]
    assert actor["name"] == "Tribal Militia (Syria)" and actor["events"] == 1
    assert len(scattered.get("/api/events?actor=actor%2096&limit=1000").json()["events"]) == 3000 // 97


def test_one_event_carries_mentions_articles_spans_sources_and_confidence(client: TestClient) -> None:
    (summary,) = client.get("/api/events?q=citadel").json()["events"]
    detail = client.get(f"/api/events/{summary['event_id']}").json()
    assert detail["event"] == summary and detail["confidence"] == 0.9 and detail["sources"] == ["news.example"]
    (mention,) = detail["mentions"]
    (article,) = detail["articles"]
    (span,) = mention["evidence"]
    assert article["uid"] == mention["article_uid"]
    assert (
        article["text"][span["start"] : span["end"]]
        == span["text"]
        == "Fighting killed three soldiers near the citadel."
    )


def test_unknown_event_is_404(client: TestClient) -> None:
    response = client.get("/api/events/nope")
    assert response.status_code == 404 and response.json() == {"error": "no such event", "status": 404}


def test_counts_by_day_and_type_with_their_deaths(client: TestClient, history_client: TestClient) -> None:
    counts = client.get("/api/counts").json()["counts"]
    assert {"day": "2017-03-01", "event_type": "Protests", "count": 1, "fatalities": 0} in counts
    assert sum(c["count"] for c in counts) == 5
    deadly = history_client.get("/api/counts?fatalities=1").json()["counts"]
    assert deadly == [{"day": "2016-12-11", "event_type": "Battles", "count": 1, "fatalities": 12}]


def test_actors_most_frequent_first_with_their_days(client: TestClient) -> None:
    page = client.get("/api/actors").json()
    assert page["has_more"] is False
    first, *rest = page["actors"]
    assert first == {"name": "Islamic State", "events": 3, "first": "2017-02-28", "last": "2017-03-02"}
    assert [a["name"] for a in client.get("/api/actors?q=FORCES%20of&limit=2").json()["actors"]] == [
        "Military Forces of Syria", "Military Forces of Iraq"]  # fmt: skip
    assert client.get("/api/actors?q=forces&limit=1").json()["has_more"] is True
    assert client.get("/api/actors?country=SYR").status_code == 400


def test_places_with_position_and_count(client: TestClient) -> None:
    places = client.get("/api/places").json()["places"]
    assert places[0] == {"name": "Palmyra", "admin1": None, "country": "SYR", "latitude": 34.56, "longitude": 38.27,
                         "events": 2, "first": "2017-03-01", "last": "2017-03-02"}  # fmt: skip
    assert {p["name"] for p in places} == {"Palmyra", "Damascus", "Aleppo", "Mosul"}
    assert [p["name"] for p in client.get("/api/places?country=irq").json()["places"]] == ["Mosul"]
    assert client.get("/api/places?q=%25").json()["places"] == []


def test_place_control_timeline(client: TestClient) -> None:
    (period,) = client.get("/api/places/Palmyra/control").json()["periods"]
    assert period["controller"] == "Military Forces of Syria" and period["start"] == "2017-03-02"


def test_place_control_finds_events_by_gazetteer_name_as_the_cli_does(client: TestClient) -> None:
    (period,) = client.get("/api/places/Tadmur/control").json()["periods"]  # GeoNames' name, 10 km from Palmyra
    assert period["controller"] == "Military Forces of Syria"


@pytest.fixture(scope="module")
def in_homs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The demo database with Palmyra's events in the Homs governorate, as the gazetteer places them."""
    from eventscope.store import Store

    db = webdemo.build(tmp_path_factory.mktemp("web") / "homs.duckdb")
    with Store(str(db)) as store:
        store.conn.execute("UPDATE events SET admin1 = CASE WHEN event_type = 'Battles' THEN 'Ḩimş' ELSE 'Homs' END "
                           "WHERE location = 'Palmyra'")  # fmt: skip
        store.conn.execute("UPDATE events SET fatalities_min = 3, fatalities_max = 5 WHERE event_type = 'Battles' "
                           "AND location = 'Palmyra'")  # fmt: skip
    with TestClient(create_app(str(db)), base_url=LOCAL) as c:
        yield c


@pytest.mark.parametrize("name", ["Homs", "Ḩimş", "homs", "169575"])  # 169575: the governorate's GeoNames id
def test_place_control_never_reads_a_region_as_the_place(in_homs: TestClient, name: str) -> None:
    assert in_homs.get(f"/api/places/{name}/control").json()["periods"] == []


@pytest.mark.parametrize("name", ["Palmyra", "Tadmur", "163808"])  # 163808: Tadmur's GeoNames id
def test_place_control_finds_the_place_by_name_gazetteer_name_or_geonames_id(in_homs: TestClient, name: str) -> None:
    (period,) = in_homs.get(f"/api/places/{name}/control").json()["periods"]
    assert period["controller"] == "Military Forces of Syria"


def test_clusters_add_up_fatalities_and_an_event_carries_its_whole_record(in_homs: TestClient) -> None:
    for query in ("zoom=12&bbox=35,33,39,35", "zoom=2", "zoom=2&since=2000-01-01"):  # fine grid, coarse, by event
        assert sum(c["fatalities"] for c in in_homs.get(f"/api/clusters?{query}").json()["clusters"]) == 3
    (battle,) = in_homs.get("/api/events?q=citadel").json()["events"]
    detail = in_homs.get(f"/api/events/{battle['event_id']}").json()
    assert (detail["event"]["fatalities_min"], detail["event"]["fatalities_max"]) == (3, 5)
    assert detail["admin1"] == "Ḩimş" and detail["time_precision"] == 1 and detail["geo_precision"] == 1
    assert {"actor1_type", "actor2_type", "source"} <= set(detail)


def test_place_control_reads_within_the_time_limit(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventscope.store import read_api

    def slow(store: object, sql: str, params: object) -> object:
        raise read_api.QueryTimeout("query interrupted after 2 s")

    monkeypatch.setattr(read_api, "run", slow)
    with TestClient(create_app(str(db)), base_url=LOCAL) as c:
        assert c.get("/api/places/Palmyra/control").status_code == 503


def test_no_write_methods(client: TestClient) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        assert client.request(method, "/api/events").status_code == 405


def test_every_response_carries_the_csp_and_nosniff(client: TestClient) -> None:
    for path in ("/", "/api/events", "/static/app.js", "/api/events/nope", "/openapi.json"):
        headers = client.get(path).headers
        assert headers["content-security-policy"] == CSP and headers["x-content-type-options"] == "nosniff"


def test_page_has_no_inline_script_or_style() -> None:
    html = (Path(create_app.__code__.co_filename).parent / "static" / "index.html").read_text()
    assert "<script>" not in html and " on" not in html.replace("\n", " ").split("<body>")[1].split("=")[0]
    assert "style=" not in html and "<style" not in html


def test_no_form_control_shadows_a_method_of_its_form() -> None:
    """A control with id or name "reset" (or "submit", ...) hides form.reset(): the old reset button did."""
    from html.parser import HTMLParser

    names: list[str] = []

    class Controls(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in {"input", "select", "button", "textarea", "datalist", "output", "fieldset"}:
                names.extend(v for k, v in attrs if k in {"id", "name"} and v)

    Controls().feed((Path(create_app.__code__.co_filename).parent / "static" / "index.html").read_text())
    shadowing = {"reset", "submit", "elements", "length", "action", "method", "target", "requestSubmit"}
    assert names and not shadowing & set(names)


def test_openapi_document_lists_every_route_and_setting(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    assert doc == json.loads(json.dumps(document()))
    assert set(doc["paths"]) == {"/api/events", "/api/events/{event_id}", "/api/clusters", "/api/counts",
                                 "/api/actors", "/api/places", "/api/places/{name}/control", "/api/export",
                                 "/api/facets", "/api/labels", "/api/control"}  # fmt: skip
    for setting in SETTINGS:
        assert f"`{setting.name}` (${setting.env}" in doc["info"]["description"]


def test_token_is_required_on_every_request_when_set(db: Path) -> None:
    token = "s3cret-token-0123456789"
    with TestClient(create_app(str(db), token=token), base_url=LOCAL) as c:
        for path in ("/", "/api/events", "/static/app.js", "/openapi.json"):
            assert c.get(path).status_code == 401
            assert c.get(path, headers={"Authorization": "Bearer wrong"}).status_code == 401
            assert c.get(path, headers={"Authorization": f"Bearer {token}"}).status_code == 200
        assert c.get("/login?token=wrong").status_code == 401
        assert c.get(f"/login?token={token}", follow_redirects=False).status_code == 303
        assert c.get("/api/events").status_code == 200  # the cookie now carries it


def test_query_timeout_is_a_503(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventscope.store import read_api

    def slow(store: object, f: object) -> object:
        raise read_api.QueryTimeout("query interrupted after 2 s")

    monkeypatch.setattr(read_api, "events_page_json", slow)
    with TestClient(create_app(str(db)), base_url=LOCAL) as c:
        assert c.get("/api/events").status_code == 503


@pytest.mark.parametrize(
    "args",
    [["--host", "0.0.0.0"], ["--host", "0.0.0.0", "--allow-remote"], ["--host", "0.0.0.0", "--token", "x" * 20]],
)
def test_a_non_local_bind_needs_allow_remote_and_a_token(db: Path, args: list[str]) -> None:
    from typer.testing import CliRunner

    from eventscope.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(db), *args])
    assert result.exit_code == 2 and "--allow-remote" in result.output


def test_an_empty_database_serves_empty_answers(tmp_path: Path) -> None:
    from eventscope.store import Store

    with Store(str(tmp_path / "empty.duckdb")):
        pass
    with TestClient(create_app(str(tmp_path / "empty.duckdb")), base_url=LOCAL) as c:
        assert c.get("/api/events").json() == {"has_more": False, "events": []}
        assert c.get("/api/clusters?zoom=2").json() == {"total": 0, "clusters": []}
        assert c.get("/api/clusters?zoom=8&bbox=0,0,10,10").json() == {"total": 0, "clusters": []}
        assert c.get("/api/counts").json() == {"counts": []}
        assert c.get("/api/actors").json() == {"has_more": False, "actors": []}
        assert c.get("/api/places").json() == {"has_more": False, "places": []}


def test_export_streams_the_filtered_events_as_acled_csv_and_geojson(client: TestClient) -> None:
    import csv
    import io

    from eventscope.store.export import ACLED_COLUMNS

    response = client.get("/api/export?format=acled-csv&type=Battles")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert 'filename="events.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0]) == ACLED_COLUMNS and {r["location"] for r in rows} == {"Palmyra", "Mosul"}
    assert [r["event_date"] for r in rows] == sorted(r["event_date"] for r in rows)
    collection = client.get("/api/export?format=geojson&country=SYR&since=2017-03-01").json()
    assert collection["type"] == "FeatureCollection"
    ids = {f["properties"]["event_id"] for f in collection["features"]}
    assert ids == {e["event_id"] for e in client.get("/api/events?country=SYR&since=2017-03-01").json()["events"]}


@pytest.mark.parametrize(
    "query", ["", "format=csv", "format=geojson&sql=1", "format=geojson&limit=10", "format=geojson&offset=2"]
)
def test_export_rejects_an_unknown_format_or_parameter(client: TestClient, query: str) -> None:
    response = client.get(f"/api/export?{query}")
    assert response.status_code == 400 and response.json()["error"]


def test_export_reads_every_event_in_chunks_in_day_order(scattered: TestClient) -> None:
    collection = scattered.get("/api/export?format=geojson").json()
    dates = [f["properties"]["date_start"] for f in collection["features"]]
    assert len(dates) == 3000 and dates == sorted(dates)  # 6 chunks of 500
    lines = scattered.get("/api/export?format=acled-csv&actor=actor%2096").text.splitlines()
    assert len(lines) == 1 + 3000 // 97
