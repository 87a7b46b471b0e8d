"""One event filter under the CLI (``query_events`` over the events table) and the web (``read_api`` over
the serving copy): every filter selects the same events from both, and ``type`` means one thing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from eventscope.cli import app
from eventscope.geo import distance_km
from eventscope.merge import MergedEvent
from eventscope.store import EventFilter, Store, query_events, read_api


@pytest.fixture(scope="module", name="store")
def demo_store(db: Path) -> Iterator[Store]:
    with Store(str(db), read_only=True) as store:
        yield store


def cli_ids(store: Store, f: EventFilter) -> list[str]:
    return [m.event.event_id for m in query_events(store, f)]


def web_ids(store: Store, f: EventFilter) -> list[str]:
    return [e.event_id for e in read_api.events_page(store, f).events]


def every_event(store: Store) -> list[MergedEvent]:
    return query_events(store, EventFilter())


def test_type_matches_an_event_type_or_a_sub_event_type_in_the_cli_and_the_web(store: Store) -> None:
    events = [m.event for m in every_event(store)]
    pairs = {(e.event_type, e.sub_event_type) for e in events}
    assert len({t for t, _ in pairs}) > 1 and len(pairs) > 2
    for kind, sub in sorted(pairs):
        of_type = [e.event_id for e in events if e.event_type == kind]
        of_sub = [e.event_id for e in events if e.sub_event_type == sub]
        assert cli_ids(store, EventFilter(event_type=kind)) == web_ids(store, EventFilter(event_type=kind)) == of_type
        assert cli_ids(store, EventFilter(event_type=sub)) == web_ids(store, EventFilter(event_type=sub)) == of_sub
        assert cli_ids(store, EventFilter(sub_type=sub)) == web_ids(store, EventFilter(sub_type=sub)) == of_sub
        assert cli_ids(store, EventFilter(sub_type=kind)) == web_ids(store, EventFilter(sub_type=kind)) == []


def _filters(events: list[MergedEvent]) -> list[EventFilter]:
    """One filter per field, each with a value some stored event has (and a few that none has)."""
    e = next(m.event for m in events if m.event.latitude is not None and m.event.actor1)
    admin1 = next((m.event.admin1 for m in events if m.event.admin1), "Nowhere")
    said = e.evidence[0].text.split()[1].upper()
    lat, lon = e.latitude or 0.0, e.longitude or 0.0
    return [
        EventFilter(), EventFilter(since=e.date_start), EventFilter(until=e.date_start),
        EventFilter(actor=(e.actor1 or "")[2:-2].lower()), EventFilter(actor="%"),
        EventFilter(country=(e.country or "").lower()), EventFilter(admin1=admin1.upper()),
        EventFilter(place=(e.location or "").upper()), EventFilter(actor_type=e.actor1_type),
        EventFilter(fatalities=1), EventFilter(source=e.source or "agency"), EventFilter(source="example"),
        EventFilter(text=said), EventFilter(text=said + "\x1f"), EventFilter(exclude_types=(e.event_type,)),
        EventFilter(near=(lat, lon, 50.0)),
        EventFilter(bbox=(lon - 1, lat - 1, lon + 1, lat + 1)),
        EventFilter(country=e.country, sort="-date", limit=2, offset=1),
    ]  # fmt: skip


def test_every_filter_selects_the_same_events_from_the_events_table_and_the_serving_copy(store: Store) -> None:
    filters = _filters(every_event(store))
    selected = [cli_ids(store, f) for f in filters]
    assert selected == [web_ids(store, f) for f in filters]
    assert sum(1 for ids in selected if 0 < len(ids) < len(selected[0])) >= 10  # most filters choose some events


def test_near_keeps_the_events_within_that_many_kilometres_of_the_point(store: Store) -> None:
    events = [m.event for m in every_event(store) if m.event.latitude is not None and m.event.longitude is not None]
    lat, lon = events[0].latitude or 0.0, events[0].longitude or 0.0
    for km in (0.5, 20.0, 150.0, 400.0, 3000.0):
        within = [e.event_id for e in events if distance_km(lat, lon, e.latitude or 0, e.longitude or 0) <= km]
        assert cli_ids(store, EventFilter(near=(lat, lon, km))) == within, km


def test_cli_type_and_sub_type_options_agree_with_the_web_apis_parameters(db: Path, client: TestClient) -> None:
    with Store(str(db), read_only=True) as store:
        e = every_event(store)[0].event
    for option, param, value in (("--type", "type", e.event_type), ("--type", "type", e.sub_event_type),
                                 ("--sub-type", "sub_type", e.sub_event_type)):  # fmt: skip
        result = CliRunner().invoke(app, ["events", "--db", str(db), option, value, "--format", "jsonl"])
        assert result.exit_code == 0, result.output
        printed = [json.loads(line)["event_id"] for line in result.stdout.splitlines()]
        served = [s["event_id"] for s in client.get("/api/events", params={param: value}).json()["events"]]
        assert printed and printed == served, (option, value)
