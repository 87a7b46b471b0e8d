"""The map's viewport reads (``/api/events`` pages and ``/api/clusters``) answer from the serving copy, whose rows
are laid out by place within slices by day: for any box (across the date line too), every order and page,
they hold exactly the events the CLI's reader finds in that box of the events table, in the same order; and the
page's JSON, which DuckDB writes, is the document of its typed records."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "web"))

import webdemo  # noqa: E402

from eventscope.store import EventFilter, Store, query_events, read_api  # noqa: E402
from eventscope.web import create_app  # noqa: E402
from eventscope.web.app import SafeJSON  # noqa: E402

Box = tuple[float, float, float, float]
# a small box, a wide one, the whole world, and boxes across the date line (west > east)
BOXES: list[Box] = [(-20, -30, 40, 30), (-179, -60, 179, 60), (-180, -90, 180, 90), (170, -70, -170, 70),
                    (100, 0, -100, 45), (10, 0, 30, 30)]  # fmt: skip


@pytest.fixture(scope="module")
def world_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(webdemo.build(tmp_path_factory.mktemp("web") / "world.duckdb", webdemo.WORLD))


@pytest.fixture(scope="module", params=[read_api.SLICE_ROWS, 16], ids=["one-slice", "slices-of-16"])
def slices(request: pytest.FixtureRequest) -> Iterator[int]:
    """The fixture's 150 events fit one slice of the real size; slices of 16 run the cut by day too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(read_api, "SLICE_ROWS", request.param)
        yield request.param


@pytest.fixture(scope="module")
def store(world_db: Path, slices: int) -> Iterator[Store]:
    with Store(str(world_db), read_only=True) as opened:
        yield opened


def cli_ids(store: Store, f: EventFilter) -> list[str]:
    return [m.event.event_id for m in query_events(store, f)]


def inside(box: Box, lat: float, lon: float) -> bool:
    west, south, east, north = box
    across = west > east
    return south <= lat <= north and (lon >= west or lon <= east if across else west <= lon <= east)


def test_the_fixture_spreads_events_whose_order_by_place_is_not_their_order_by_day(store: Store) -> None:
    events = [m.event for m in query_events(store, EventFilter())]
    assert len(events) == 150
    by_place = sorted(events, key=lambda e: (e.longitude or 0.0, e.latitude or 0.0))
    assert [e.event_id for e in by_place] != [e.event_id for e in events]  # (events: by day)
    assert any((e.longitude or 0.0) > 170 for e in events) and any((e.longitude or 0.0) < -170 for e in events)


@pytest.mark.parametrize("box", BOXES)
def test_an_events_page_over_http_lists_the_events_the_cli_reader_finds_in_the_box(world_db: Path, store: Store,
                                                                                    box: Box) -> None:  # fmt: skip
    # (the app builds its own serving copy, with the slice size in force)
    events = [m.event for m in query_events(store, EventFilter())]
    expected = [e.event_id for e in events if inside(box, e.latitude or 0.0, e.longitude or 0.0)]
    assert expected
    with TestClient(create_app(str(world_db)), base_url=webdemo.LOCAL) as client:
        bbox = ",".join(f"{v:g}" for v in box)
        page = client.get(f"/api/events?bbox={bbox}&limit=1000").json()["events"]
        clusters = client.get(f"/api/clusters?bbox={bbox}&zoom=3").json()
    assert [e["event_id"] for e in page] == expected == cli_ids(store, EventFilter(bbox=box))
    assert clusters["total"] == len(expected) == sum(c["count"] for c in clusters["clusters"])


@settings(max_examples=60, deadline=None)
@given(west=st.integers(-180, 180), east=st.integers(-180, 180), south=st.integers(-90, 89),
       height=st.integers(1, 180), sort=st.sampled_from(sorted(read_api.SORTS)), limit=st.integers(1, 40),
       offset=st.integers(0, 20), zoom=st.integers(0, 12))  # fmt: skip
def test_any_box_order_and_page_of_the_serving_copy_is_the_events_tables(
    store: Store, west: int, east: int, south: int, height: int, sort: str, limit: int, offset: int, zoom: int
) -> None:
    box: Box = (west, south, east, min(90, south + height))
    page = EventFilter(bbox=box, sort=sort, limit=limit, offset=offset)
    assert [e.event_id for e in read_api.events_page(store, page).events] == cli_ids(store, page)
    every = cli_ids(store, EventFilter(bbox=box))
    clusters = read_api.clusters(store, EventFilter(bbox=box), zoom)
    assert clusters.total == len(every)
    singles = {c.event_id for c in clusters.clusters if c.event_id is not None}
    assert singles <= set(every)


@settings(max_examples=40, deadline=None)
@given(west=st.integers(-180, 180), east=st.integers(-180, 180), sort=st.sampled_from(sorted(read_api.SORTS)),
       limit=st.integers(0, 200), offset=st.integers(0, 160))  # fmt: skip
def test_the_json_page_the_store_writes_is_the_document_of_its_records(
    store: Store, west: int, east: int, sort: str, limit: int, offset: int
) -> None:
    page = EventFilter(bbox=(west, -80, east, 80), sort=sort, limit=limit, offset=offset)
    written = json.loads(read_api.events_page_json(store, page))
    typed = json.loads(SafeJSON(read_api.events_page(store, page)).body)
    assert written == typed
    assert list(written) == list(typed) and [list(e) for e in written["events"]] == [list(e) for e in typed["events"]]
