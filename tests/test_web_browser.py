"""The page in a real browser (Debian's Chromium driven by Playwright), on the fixture database.

CI installs chromium (.ci/run); when it is missing this test fails rather than skips.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, expect, sync_playwright

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "web"))

import webdemo  # noqa: E402

from eventscope.web import create_app  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]  # fmt: skip
SCREENSHOT = Path(__file__).resolve().parent.parent / "benchmarks" / "out" / "map.png"
PHONE = SCREENSHOT.with_name("phone-390.png")
READY = SCREENSHOT.parent / "page_ready.txt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _serving(db: Path) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with _serving(webdemo.build(tmp_path_factory.mktemp("web") / "events.duckdb")) as url:
        yield url


@pytest.fixture(scope="module")
def nigeria_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with _serving(webdemo.build(tmp_path_factory.mktemp("web") / "nigeria.duckdb", webdemo.NIGERIA)) as url:
        yield url


@pytest.fixture(scope="module")
def many_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """60 events: more than one page of the event table."""
    with _serving(webdemo.build(tmp_path_factory.mktemp("web") / "many.duckdb", webdemo.MANY)) as url:
        yield url


@pytest.fixture(scope="module")
def dateline_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Two events on either side of the date line and one 10 degrees west of it."""
    with _serving(webdemo.build(tmp_path_factory.mktemp("web") / "dateline.duckdb", webdemo.DATELINE)) as url:
        yield url


@pytest.fixture(scope="module")
def history_url(history_db: Path) -> Iterator[str]:
    """The demo database with Palmyra's changes of hands in 2015 and 2016 (tests/conftest.py)."""
    with _serving(history_db) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "chromium is missing: apt-get install -y chromium (.ci/run does)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Watch:
    """What the page did that it must not: dialogs, requests off the server, console errors (CSP)."""

    def __init__(self, page: Page, base: str) -> None:
        self.dialogs: list[str] = []
        self.foreign: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: None if r.url.startswith(base) else self.foreign.append(r.url))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)


def _open(browser: Browser, base: str, width: int = 1280, height: int = 800) -> tuple[Page, Watch]:
    page = browser.new_page(viewport={"width": width, "height": height})
    watch = Watch(page, base)
    page.goto(base + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=10_000)
    return page, watch


def _api(base: str, query: str) -> dict[str, object]:
    with urllib.request.urlopen(f"{base}/api/events?{query}") as response:
        return dict(json.load(response))


def _markers_in_view(page: Page) -> int:
    """Events the map shows: one per event marker plus each cluster's count."""
    clusters = page.locator(".cluster-marker")
    counts = [int(clusters.nth(i).get_attribute("data-count") or 0) for i in range(clusters.count())]
    return page.locator("path.event-marker").count() + sum(counts)


def _filter(page: Page, field: str, value: str) -> None:
    if field == "type":
        page.select_option("select[name=type]", value)
    else:
        page.fill(f"input[name={field}]", value)
    page.click("#filters button[type=submit]")


def test_markers_equal_the_events_in_view_and_a_filter_changes_them(browser: Browser, base_url: str) -> None:
    page, watch = _open(browser, base_url)
    in_view = _api(base_url, f"bbox={page.get_attribute('body', 'data-bbox')}")["events"]
    assert _markers_in_view(page) == len(in_view) == 5  # type: ignore[arg-type]
    assert page.locator(".cluster-marker[data-count='2']").count() == 1  # Palmyra's two events share a spot
    assert page.get_attribute("body", "data-events-in-view") == "5"
    _filter(page, "type", "Battles")
    expect(page.locator("body")).to_have_attribute("data-events-in-view", "2")  # (no wait_for_function: CSP)
    assert _markers_in_view(page) == 2
    assert page.locator("#timeline rect.bar").count() == 2
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def test_brushing_the_timeline_narrows_the_map_to_the_range(browser: Browser, base_url: str) -> None:
    page, watch = _open(browser, base_url)
    box = page.locator("#timeline").bounding_box()
    assert box is not None and page.locator("#timeline rect.bar").count() == 4  # 27 Feb .. 2 Mar 2017
    y = box["y"] + box["height"] - 5
    page.mouse.move(box["x"] + 3, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, y, steps=5)
    page.mouse.move(box["x"] + box["width"] * 0.45, y, steps=5)  # across the bars of 27 and 28 February
    page.mouse.up()
    expect(page.locator("body")).to_have_attribute("data-events-in-view", "2")  # Aleppo, Mosul
    assert page.get_attribute("body", "data-since") == "2017-02-27"
    assert "2017-02-27 – 2017-02-28" in page.inner_text("#status")
    assert page.locator("#timeline rect.bar.selected").count() == 2 and _markers_in_view(page) == 2
    page.keyboard.press("Escape")
    expect(page.locator("body")).to_have_attribute("data-events-in-view", "5")
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def test_clicking_a_marker_shows_its_evidence_highlighted_in_the_article(browser: Browser, base_url: str) -> None:
    page, watch = _open(browser, base_url)
    (event,) = _api(base_url, "q=eastern%20Aleppo")["events"]  # type: ignore[misc]
    marker = page.locator(f"path.event-marker[data-event-id='{event['event_id']}']")
    marker.dispatch_event("click")
    mark = page.locator("#panel mark.evidence")
    mark.wait_for()
    marker.dispatch_event("mouseout")  # the tooltip a click opens would hide a neighbour in the screenshot
    assert mark.inner_text() == "Air strikes hit eastern Aleppo on Monday, a monitor said."
    assert "Five people died." in page.locator("#panel .article").inner_text()
    record = page.locator("#panel table.record").inner_text()
    for field in ("dates", "place", "actor 1", "fatalities", "sources", "reports", "confidence", "precision 1"):
        assert field in record
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def test_a_cluster_on_one_spot_lists_its_events_and_the_place_panel_shows_control(
    browser: Browser, base_url: str
) -> None:
    page, watch = _open(browser, base_url)
    page.locator(".cluster-marker[data-count='2']").dispatch_event("click")
    listed = page.locator("#panel .event-list button")
    expect(listed).to_have_count(2)
    page.locator("#panel .event-list button", has_text="Government regains territory").click()
    page.locator("#panel button.place-link").click()
    expect(page.locator("#panel h3")).to_have_text("Control of Palmyra")
    expect(page.locator("#panel p.meta")).to_have_text("SYR · 2 events from 2017-03-01 to 2017-03-02")
    assert page.locator("#panel .control-chart rect.period").count() == 1
    item = page.locator("#panel .control-list li").inner_text()
    assert "Military Forces of Syria" in item and "from 2017-03-02" in item
    assert "recaptured Palmyra" in page.locator("#panel blockquote.evidence-quote").inner_text()
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def test_the_actor_field_suggests_names_from_the_api(browser: Browser, base_url: str) -> None:
    page, watch = _open(browser, base_url)
    page.locator("input[name=actor]").press_sequentially("forces of s")
    expect(page.locator("#actor-names option")).to_have_count(1)
    assert page.locator("#actor-names option").get_attribute("value") == "Military Forces of Syria"
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def test_hostile_article_renders_as_inert_text(browser: Browser, base_url: str) -> None:
    page, watch = _open(browser, base_url)
    (event,) = _api(base_url, "type=Protests")["events"]  # type: ignore[misc]
    page.locator(f"path.event-marker[data-event-id='{event['event_id']}']").dispatch_event("click")
    page.locator("#panel mark.evidence").wait_for()
    page.locator("#panel h4").hover()
    panel = page.locator("#panel")
    assert panel.locator("script, img, b, a[href^='javascript']").count() == 0
    assert page.locator("#panel mark.evidence").inner_text() == webdemo.EVIL_SENTENCE
    assert webdemo.EVIL_URL in panel.inner_text()  # shown as text, not as a link
    page.wait_for_timeout(300)
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def test_the_page_records_when_its_borders_and_markers_are_drawn(browser: Browser, base_url: str) -> None:
    """Navigation start -> borders and markers drawn (``performance.now()`` when the page sets data-ready); how
    long that takes is measured by ``benchmarks/web.py``, not checked here."""
    times = []
    for _ in range(3):
        page, _watch = _open(browser, base_url)
        times.append(int(page.get_attribute("body", "data-ready-ms") or 0))
        page.close()
    READY.parent.mkdir(parents=True, exist_ok=True)
    READY.write_text(f"page ready (navigation start -> markers drawn), fixture database: {sorted(times)} ms\n")
    assert min(times) > 0


def test_a_nigeria_only_database_opens_with_all_its_events_in_view(browser: Browser, nigeria_url: str) -> None:
    page, watch = _open(browser, nigeria_url)
    assert page.get_attribute("body", "data-events-in-view") == "3"
    assert _markers_in_view(page) == 3
    west, south, east, north = (float(v) for v in (page.get_attribute("body", "data-bbox") or "").split(","))
    assert west < 3.39 and east > 13.16 and south < 6.45 and north > 13.06 and east - west < 60  # not the world
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def test_reset_clears_every_filter(browser: Browser, base_url: str) -> None:
    page, watch = _open(browser, base_url)
    page.select_option("select[name=type]", "Battles")
    page.fill("input[name=actor]", "islamic")
    page.fill("input[name=q]", "citadel")
    page.fill("input[name=since]", "2017-03-01")
    page.fill("input[name=until]", "2017-03-01")
    page.click("#filters button[type=submit]")
    expect(page.locator("body")).to_have_attribute("data-events-in-view", "1")
    page.click("#reset-filters")
    expect(page.locator("body")).to_have_attribute("data-events-in-view", "5")
    for field in ("select[name=type]", "input[name=actor]", "input[name=q]", "input[name=since]", "input[name=until]"):
        assert page.locator(field).input_value() == ""
    assert page.locator("#timeline rect.bar").count() == 4 and "error" not in page.inner_text("#status")
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def test_a_phone_shows_the_map_and_the_panels_as_tabs_and_a_marker_opens_its_details(
    browser: Browser, base_url: str
) -> None:
    page, watch = _open(browser, base_url, 390, 844)
    assert page.locator("#map").is_visible() and not page.locator("#panel").is_visible()
    assert page.locator("#tab-map").get_attribute("aria-selected") == "true"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing runs off the side
    map_box = page.locator("#map").bounding_box()
    assert map_box is not None and map_box["width"] == 390 and map_box["height"] >= 300
    PHONE.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(PHONE))
    (event,) = _api(base_url, "q=eastern%20Aleppo")["events"]  # type: ignore[misc]
    page.locator(f"path.event-marker[data-event-id='{event['event_id']}']").dispatch_event("click")
    expect(page.locator("#panel mark.evidence")).to_be_visible()
    assert not page.locator("#map").is_visible() and page.locator("#tab-panel").get_attribute("aria-selected") == "true"
    panel = page.locator("#panel").bounding_box()
    assert panel is not None and panel["width"] <= 390 and page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(PHONE.with_name("phone-390-event.png")))
    page.click("#tab-table")
    expect(page.locator("#table-view tbody tr")).to_have_count(5)
    page.click("#tab-map")
    assert page.locator("#map").is_visible()
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def test_a_url_with_filters_view_and_event_reproduces_them_after_reload_and_back_undoes(
    browser: Browser, base_url: str
) -> None:
    page, watch = _open(browser, base_url)
    _filter(page, "type", "Battles")
    expect(page.locator("body")).to_have_attribute("data-events-in-view", "2")
    (event,) = _api(base_url, "q=citadel")["events"]  # type: ignore[misc]
    page.goto(f"{base_url}/?type=Battles&map=6/35.0/40.0&event={event['event_id']}")
    page.wait_for_selector("body[data-ready='1']")
    bbox = page.get_attribute("body", "data-bbox")
    assert page.locator("select[name=type]").input_value() == "Battles"
    assert page.get_attribute("#panel", "data-event-id") == event["event_id"]
    assert "Fighting killed three soldiers" in page.locator("#panel mark.evidence").inner_text()
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    assert page.get_attribute("body", "data-bbox") == bbox and "map=6%2F35.0000%2F40.0000" in page.url
    assert page.locator("select[name=type]").input_value() == "Battles"
    assert page.get_attribute("#panel", "data-event-id") == event["event_id"]
    page.go_back()  # to the page filtered by hand, before the address was typed
    expect(page.locator("select[name=type]")).to_have_value("Battles")
    page.go_back()  # before the filter
    expect(page.locator("select[name=type]")).to_have_value("")
    expect(page.locator("body")).to_have_attribute("data-events-in-view", "5")
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def test_the_download_links_return_the_filtered_rows(browser: Browser, base_url: str) -> None:
    page, watch = _open(browser, base_url)
    _filter(page, "type", "Battles")
    expect(page.locator("body")).to_have_attribute("data-events-in-view", "2")
    with page.expect_download() as info:
        page.click("#download-csv")
    lines = Path(info.value.path()).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and all("Battles" in line for line in lines[1:])
    with page.expect_download() as info:
        page.click("#download-geojson")
    features = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))["features"]
    assert sorted(f["properties"]["location"] for f in features) == ["Mosul", "Palmyra"]
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def _labels(page: Page, kind: str = "") -> set[str]:
    return set(page.locator(f".place-label{kind}").evaluate_all("nodes => nodes.map((n) => n.dataset.name)"))


def _goto(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=10_000)


def test_the_map_names_capitals_towns_by_zoom_and_the_places_of_events_offline(browser: Browser, base_url: str) -> None:
    page, watch = _open(browser, base_url)
    page.wait_for_selector("body[data-labels]")
    assert {"Damascus", "Beirut"} <= _labels(page, ".capital") and "Homs" in _labels(page, ".town")
    assert {"Palmyra", "Damascus", "Mosul"} <= _labels(page, ".event-place")
    wide = _labels(page)
    _goto(page, f"{base_url}/?map=10/34.7300/36.7200")  # zoom 10 over Homs: the city and the towns round it
    page.wait_for_selector("body[data-labels]")
    near = _labels(page)
    assert "Homs" in near and len(near - wide) >= 5 and "Beirut" not in near
    _goto(page, f"{base_url}/?map=2/20.0000/0.0000")
    page.wait_for_selector("body[data-labels]")
    world = _labels(page, ".capital")
    assert len(world) >= 10 and "Tadmur" not in _labels(page)
    assert not watch.dialogs and not watch.foreign and not watch.errors  # no tile server, no CDN
    page.close()


def test_the_page_filters_by_country_admin1_actor_type_deaths_and_source(browser: Browser, history_url: str) -> None:
    page, watch = _open(browser, history_url)
    assert page.get_attribute("body", "data-events-in-view") == "9"
    for field, value, count in [("country", "IRQ", "1"), ("admin1", "Homs", "4"), ("actor_type", "Rebel group", "2"),
                                ("source", "other.example", "1"), ("sub_type", "Armed clash", "2")]:  # fmt: skip
        page.click("#reset-filters")
        expect(page.locator("body")).to_have_attribute("data-events-in-view", "9")
        page.select_option(f"select[name={field}]", value)
        if field == "actor_type":
            page.fill("input[name=fatalities]", "1")  # the rebels who killed twelve soldiers, not the others
            count = "1"
        page.click("#filters button[type=submit]")
        expect(page.locator("body")).to_have_attribute("data-events-in-view", count)
        assert f"{field}=" in page.url
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def test_the_legend_toggles_a_type_and_the_url_keeps_it(browser: Browser, base_url: str) -> None:
    page, watch = _open(browser, base_url)
    battles = page.locator("#legend button[data-type='Battles']")
    battles.click()
    expect(page.locator("body")).to_have_attribute("data-events-in-view", "3")
    assert battles.get_attribute("aria-pressed") == "false" and "hide=Battles" in page.url
    assert page.locator("#timeline rect.seg[data-type='Battles']").count() == 0
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    assert page.get_attribute("body", "data-events-in-view") == "3"
    page.locator("#legend button[data-type='Battles']").click()
    expect(page.locator("body")).to_have_attribute("data-events-in-view", "5")
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def test_deaths_show_in_the_tooltip_and_can_size_the_markers(browser: Browser, history_url: str) -> None:
    page, watch = _open(browser, history_url)
    assert "9 events in view · 12 killed" in page.inner_text("#status")
    (event,) = _api(history_url, "fatalities=1")["events"]  # type: ignore[misc]
    _goto(page, f"{history_url}/?fatalities=1&map=8/34.5600/38.2700")
    marker = page.locator(f"path.event-marker[data-event-id='{event['event_id']}']")
    plain = int(marker.get_attribute("data-radius") or 0)
    marker.hover()
    expect(page.locator(".leaflet-tooltip")).to_contain_text("12 killed")
    page.check("#size-by-deaths")
    expect(marker).not_to_have_attribute("data-radius", str(plain))
    assert int(marker.get_attribute("data-radius") or 0) > plain and "size=deaths" in page.url
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def test_the_timeline_stacks_types_with_date_ticks_per_day_week_or_month(browser: Browser, history_url: str) -> None:
    page, watch = _open(browser, history_url)
    timeline = page.locator("#timeline")
    page.select_option("#timeline-bin", "month")
    assert timeline.get_attribute("data-unit") == "month"
    assert timeline.locator("rect.bar").count() == 5  # May 2015, March 2016, December 2016, February, March 2017
    ticks = timeline.locator("text.tick-label").evaluate_all("nodes => nodes.map((n) => n.textContent)")
    assert len(ticks) >= 3 and any("2016" in t for t in ticks)
    page.select_option("#timeline-bin", "day")
    assert timeline.locator("rect.bar").count() == 8  # eight days with events
    last = timeline.locator("rect.bar").last
    assert last.get_attribute("data-from") == "2017-03-02"
    march_first = timeline.locator("rect.bar[data-from='2017-03-01']")
    assert march_first.get_attribute("data-total") == "2"
    types = set(timeline.locator("rect.seg").evaluate_all("nodes => nodes.map((n) => n.dataset.type)"))
    assert {"Battles", "Protests", "Strategic developments"} <= types  # a segment per type in the stack
    page.select_option("#timeline-measure", "deaths")
    assert timeline.locator("rect.bar").count() == 1  # the one day with deaths reported
    assert timeline.locator("rect.bar").get_attribute("data-total") == "12"
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def test_the_event_table_sorts_pages_and_opens_an_event(browser: Browser, history_url: str) -> None:
    page, watch = _open(browser, history_url)
    page.click("#tab-table")
    rows = page.locator("#table-view tbody tr")
    expect(rows).to_have_count(9)
    assert page.inner_text("#page-info") == "rows 1–9" and page.locator("#page-next").is_disabled()
    page.click("#table-view button[data-sort='fatalities']")
    expect(page.locator("#table-view")).to_have_attribute("data-sort", "fatalities")
    page.click("#table-view button[data-sort='fatalities']")  # again: most deaths first
    expect(page.locator("#table-view")).to_have_attribute("data-sort", "-fatalities")
    assert rows.first.locator("td").last.inner_text() == "12"
    assert page.locator("#table-view th[aria-sort='descending']").count() == 1
    page.click("#table-view button[data-sort='date']")
    expect(rows.first.locator("td").first).to_have_text("2015-05-20")
    rows.first.locator("button").click()
    expect(page.locator("#panel mark.evidence")).to_contain_text("seized Palmyra")
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def test_the_event_panel_shows_every_field_and_scrolls_to_the_first_highlighted_sentence(
    browser: Browser, history_url: str
) -> None:
    page, watch = _open(browser, history_url)
    (event,) = _api(history_url, "fatalities=1")["events"]  # type: ignore[misc]
    _goto(page, f"{history_url}/?event={event['event_id']}")
    fields = page.locator("#panel table.record tr").evaluate_all("rows => rows.map((r) => r.dataset.field)")
    assert {
        "event",
        "type",
        "dates",
        "date from",
        "place",
        "position",
        "actor 1",
        "actor 2",
        "associated",
        "fatalities",
        "said by",
        "sources",
        "reports",
        "modality",
        "hedged",
        "confidence",
    } <= set(fields)
    record = page.locator("#panel table.record").inner_text()
    assert "Homs" in record and "Rebel group" in record and "precision 1" in record and "12" in record
    mark, panel = page.locator("#panel mark.evidence").bounding_box(), page.locator("#panel").bounding_box()
    assert mark is not None and panel is not None
    assert page.evaluate("document.getElementById('panel').scrollTop") > 0  # the sentence lies below the fold
    assert panel["y"] <= mark["y"] and mark["y"] + mark["height"] <= panel["y"] + panel["height"]
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def _holder(page: Page, place: str) -> str | None:
    return page.locator(f".control-marker[data-place='{place}']").get_attribute("data-holder")


def test_the_control_map_shows_who_held_tadmur_on_the_chosen_day(browser: Browser, history_url: str) -> None:
    page, watch = _open(browser, history_url)
    assert page.locator(".control-marker").count() == 0  # no day chosen: no control layer
    page.click("#tab-control")
    page.fill("#control-date", "2016-06-01")
    expect(page.locator("body")).to_have_attribute("data-control-date", "2016-06-01")
    assert _holder(page, "Tadmur") == "Military Forces of Syria" and "control=2016-06-01" in page.url
    assert "Military Forces of Syria: 1 place" in page.inner_text("#control-legend")
    page.fill("#control-date", "2016-01-01")
    expect(page.locator("body")).to_have_attribute("data-control-date", "2016-01-01")
    assert _holder(page, "Tadmur") == "Islamic State"
    assert page.locator(".control-marker[data-place='Tadmur']").get_attribute("data-state") == "held"
    page.screenshot(path=str(SCREENSHOT.with_name("control-2016-01-01.png")))
    page.fill("#control-date", "2016-03-22")  # the army in the eastern districts, Islamic State in the rest
    expect(page.locator("body")).to_have_attribute("data-control-date", "2016-03-22")
    tadmur = page.locator(".control-marker[data-place='Tadmur']")
    assert tadmur.get_attribute("data-state") == "contested" and tadmur.get_attribute("data-holder") == "Islamic State"
    hatch = tadmur.locator(".control-square").evaluate("n => getComputedStyle(n).backgroundImage")
    assert "repeating-linear-gradient" in hatch  # hatched
    page.fill("#control-date", "2016-01-01")
    expect(page.locator("body")).to_have_attribute("data-control-date", "2016-01-01")
    page.locator(".control-marker[data-place='Tadmur']").dispatch_event("click")  # today's per-place panel
    expect(page.locator("#panel h3")).to_have_text("Control of Tadmur")
    expect(page.locator("#panel .control-list li")).to_have_count(5)
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    assert _holder(page, "Tadmur") == "Islamic State"  # the day is in the URL
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def test_keyboard_alone_reaches_a_marker_shows_its_focus_and_opens_it(browser: Browser, base_url: str) -> None:
    page, watch = _open(browser, base_url)
    focused = ""
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.getAttribute('class') || ''")
        if "event-marker" in focused or "cluster-marker" in focused:
            break
    assert "event-marker" in focused or "cluster-marker" in focused, focused
    if "event-marker" in focused:
        assert page.evaluate("getComputedStyle(document.activeElement).strokeWidth") == "4px"  # visible focus
    else:
        shadow = page.evaluate("getComputedStyle(document.activeElement.querySelector('.cluster')).boxShadow")
        assert "3px" in shadow
    page.keyboard.press("Enter")
    if "cluster-marker" in focused:  # a cluster lists its events (or zooms in): go on to an event marker
        page.wait_for_timeout(300)
    expect(page.locator("#panel h3")).to_be_visible()
    assert page.locator("#panel").inner_text() != "Click a marker to read its evidence."
    for _ in range(80):  # then on through the markers to one event, opened with the keyboard again
        page.keyboard.press("Tab")
        if "event-marker" in page.evaluate("document.activeElement.getAttribute('class') || ''"):
            break
    page.keyboard.press("Enter")
    expect(page.locator("#panel mark.evidence").first).to_be_visible()
    assert page.get_attribute("#panel", "data-event-id")
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def _row_ids(page: Page) -> list[str]:
    rows = page.locator("#table-view tbody tr")
    return [rows.nth(i).get_attribute("data-event-id") or "" for i in range(rows.count())]


def test_the_event_table_pages_fifty_rows_at_a_time_forward_and_back(browser: Browser, many_url: str) -> None:
    page, watch = _open(browser, many_url)
    assert page.get_attribute("body", "data-events-in-view") == "60"
    page.click("#tab-table")
    rows, info = page.locator("#table-view tbody tr"), page.locator("#page-info")
    expect(rows).to_have_count(50)
    expect(info).to_have_text("rows 1–50")
    assert page.locator("#page-prev").is_disabled() and page.locator("#page-next").is_enabled()
    first = _row_ids(page)
    page.click("#page-next")
    expect(info).to_have_text("rows 51–60")
    expect(rows).to_have_count(10)
    second = _row_ids(page)
    assert page.locator("#page-next").is_disabled() and page.locator("#page-prev").is_enabled()
    assert len(set(first) | set(second)) == 60  # no row twice, none left out
    page.click("#page-prev")
    expect(info).to_have_text("rows 1–50")
    assert _row_ids(page) == first
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()


def test_a_database_across_the_date_line_opens_on_it_with_every_marker_on_screen(
    browser: Browser, dateline_url: str
) -> None:
    page, watch = _open(browser, dateline_url)
    assert page.get_attribute("body", "data-events-in-view") == "3"
    west, _, east, _ = map(float, (page.get_attribute("body", "data-bbox") or "").split(","))
    assert west > east  # the view spans the line (framed the short way round, not across the world)
    width = page.locator("#map").bounding_box()["width"]  # type: ignore[index]
    markers = page.locator("path.event-marker")
    expect(markers).to_have_count(3)
    for i in range(3):
        box = markers.nth(i).bounding_box()
        assert box is not None and 0 <= box["x"] <= width, box
    assert not watch.dialogs and not watch.foreign and not watch.errors
    page.close()
