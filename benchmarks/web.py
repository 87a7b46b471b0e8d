"""Web API latency: p50/p95 of map-viewport queries over a synthetic database of N events, and page load.

    .venv/bin/python benchmarks/web.py [N]      (default 1,000,000)

Page ready is measured in Debian's Chromium (Playwright): navigation start -> borders and markers drawn,
as the page itself records it (``body[data-ready-ms]``), over the same N events and over the web tests' demo
database (tests/fixtures/web/webdemo.py: the demo events and Palmyra's history); the place names drawn
(``body[data-labels-ms]``) are reported beside it.  The machine's load (1-minute average over its cores) is
printed before and after each part: the figures are as measured on a machine shared with other work.  Beside
each request's wall time the process's CPU time is printed (the server's, DuckDB's and the client's threads
together): it moves far less with the machine's load, so runs at different loads compare by it.

The synthetic events (and one evidence sentence each) are written straight into the tables with
INSERT ... SELECT (a benchmark fixture, not an ingest).  Requests go through the whole
app (middleware, parameter checks, JSON) over HTTP to a uvicorn server on 127.0.0.1, one at a time.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from eventscope.store import Store
from eventscope.web import create_app

TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"]
FILL = """
INSERT INTO events
SELECT 'ev-' || i, list_extract(?::TEXT[], 1 + i % 5), 'Armed clash', 'Actor ' || (i % 97), NULL, [], NULL, NULL,
       DATE '2015-01-01' + CAST(i % 3650 AS INTEGER), DATE '2015-01-01' + CAST(i % 3650 AS INTEGER), 1,
       'Place ' || (i % 5000), NULL, 'SYR', -60 + (hash(i) % 12000) / 100.0, -180 + (hash(i * 7) % 36000) / 100.0,
       1, NULL, NULL, NULL, [], 1, ['a' || i], 1, 1700000000, [], [],  -- updated_at, mention_ids, evidence
       'asserted', false, 1.0, '', NULL, NULL, NULL, []  -- modality ... source_via (schema 7)
FROM range(?) t(i)
"""
# (viewport, the zoom a 1280-pixel-wide map shows it at)
VIEWPORTS = [("bbox=30,30,45,40", 6), ("bbox=-10,35,30,60", 5), ("bbox=60,0,100,40&type=Battles", 5),
             ("bbox=30,30,45,40&since=2019-01-01&until=2019-03-31", 6), ("bbox=-180,-90,180,90", 2),
             ("bbox=-60,-40,60,60", 3), ("bbox=-180,-90,180,90&since=2019-01-01&until=2019-12-31", 2),
             ("bbox=-180,-90,180,90&actor=actor 7", 2), ("bbox=-180,-90,180,90&q=village 4242", 2),
             ("bbox=-10,35,30,60&q=checkpoint", 5),
             ("bbox=150,-60,-150,60", 3), ("bbox=175,-20,-175,0", 6)]  # the last two across the date line  # fmt: skip
ROUNDS = 40
# the new filters (fine path: actor type; coarse path: hidden types), the table's order, the map's names, the
# filters' values, the control map
EXTRA = ["/api/clusters?bbox=30,30,45,40&hide=Battles,Riots&zoom=6",
         "/api/clusters?bbox=-180,-90,180,90&hide=Riots&zoom=2",
         "/api/clusters?bbox=30,30,45,40&actor_type=State forces&zoom=6",
         "/api/events?bbox=30,30,45,40&sort=-fatalities&limit=50",
         "/api/events?bbox=-10,35,30,60&sort=location&limit=50",
         "/api/labels?bbox=-180,-90,180,90&zoom=2", "/api/labels?bbox=30,30,45,40&zoom=6",
         "/api/labels?bbox=36,34,37,35&zoom=10", "/api/facets", "/api/control?date=2016-06-01"]  # fmt: skip
SHOT = Path(__file__).parent / "out" / "map_1m.png"  # the page over the synthetic events, after the last load
DEMO_SHOT = SHOT.with_name("map_demo.png")


# one mention per event with one evidence sentence, for the text filter
EVIDENCE = [
    "INSERT INTO event_mentions SELECT 'm' || i, 'ev-' || i FROM range(?) t(i)",
    "INSERT INTO evidence SELECT 'm' || i, 0, 'a' || i, 0, 90, 'Fighters of group ' || (i % 997) || "
    "' attacked a checkpoint near village ' || (i % 4999) || ' on the road, a monitor said.' FROM range(?) t(i)",
]


# one event in 500 a change of control (about 2,000 in 1,800 places at 1M): the control map's work
TERRITORY = ("UPDATE events SET event_type = 'Strategic developments', sub_event_type = 'Government regains territory' "
             "WHERE hash(event_id) % 500 = 0")  # fmt: skip


def build(path: Path, n: int, evidence: bool = True) -> float:
    start = time.perf_counter()
    with Store(str(path)) as store:
        store.conn.execute(FILL, [TYPES, n])
        store.conn.execute(TERRITORY)
        for sql in EVIDENCE if evidence else []:
            store.conn.execute(sql, [n])
    return time.perf_counter() - start


def cpu_s() -> float:
    """The process's CPU time so far: the server's, DuckDB's and the client's threads together."""
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def measure(client: httpx.Client, url: str, rounds: int) -> tuple[list[float], list[float]]:
    """The wall time and the process's CPU time of each of ``rounds`` requests, in ms (CPU time depends far less on
    what else the machine runs)."""
    times, cpu = [], []
    for _ in range(rounds):
        start, used = time.perf_counter(), cpu_s()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((cpu_s() - used) * 1000)
        assert response.status_code == 200, response.text
    return times, cpu


def p95(times: list[float]) -> float:
    return sorted(times)[max(0, round(0.95 * len(times)) - 1)]


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def row(client: httpx.Client, url: str, rounds: int = ROUNDS) -> tuple[float, float]:
    """Print the request's p50 and p95 and its median CPU time; return its p95 and median CPU time."""
    measure(client, url, 3)  # warm up
    times, cpu = measure(client, url, rounds)
    print(f"| `{url}` | {statistics.median(times):.1f} | {p95(times):.1f} | {statistics.median(cpu):.1f} |")
    return p95(times), statistics.median(cpu)


def page_ready(url: str, shot: Path, rounds: int = 10) -> tuple[float, float, float]:
    """(median, p95 of page ready, median of names drawn) in ms over ``rounds`` loads after a first one."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--headless"])
        ready, named = [], []
        for n in range(rounds + 1):
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(url)
            page.wait_for_selector("body[data-ready='1']", timeout=30_000)
            page.wait_for_selector("body[data-labels-ms]", timeout=30_000)
            ready.append(float(page.get_attribute("body", "data-ready-ms") or "nan"))
            named.append(float(page.get_attribute("body", "data-labels-ms") or "nan"))
            if n == rounds:
                shot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(shot))
            page.close()
        browser.close()
    ready, named = ready[1:], named[1:]  # the first load warms the browser's cache
    return statistics.median(ready), p95(ready), statistics.median(named)


def serve(app: object, port: int) -> uvicorn.Server:
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))  # type: ignore[arg-type]
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server


def demo_page(tmp: Path) -> tuple[float, float, float]:
    """Page ready over the web tests' demo database."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "web"))
    import webdemo

    db = webdemo.build(tmp / "demo.duckdb", webdemo.DEMO_HISTORY)
    server = serve(create_app(str(db)), 8766)
    time.sleep(3)  # the gazetteer's town index is built in the background at start
    try:
        return page_ready("http://127.0.0.1:8766/", DEMO_SHOT)
    finally:
        server.should_exit = True


def main(n: int) -> None:
    print(load())
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        print(f"filled {n:,} events in {build(db, n):.1f} s")
        start = time.perf_counter()
        app = create_app(str(db))  # opens the file and builds the serving copy
        print(f"server start (serving copy of {n:,} events) {time.perf_counter() - start:.1f} s")
        server = serve(app, 8765)
        time.sleep(3)  # the gazetteer's town index is built in the background at start
        with httpx.Client(base_url="http://127.0.0.1:8765", timeout=120) as client:
            first = measure(client, EXTRA[-1], 1)[0][0]
            print(f"first control map (reads the territory events, then cached) {first:.0f} ms")
            print(f"\n{load()}\n\n{ROUNDS} sequential requests each, over HTTP\n")
            print("| request | p50 ms | p95 ms | CPU ms (p50) |\n|---|---:|---:|---:|")
            urls = [f"/api/{kind}?{view}&{'limit=1000' if kind == 'events' else f'zoom={zoom}'}"
                    for view, zoom in VIEWPORTS for kind in ("events", "clusters")]  # fmt: skip
            viewports, cpu = zip(*[row(client, url) for url in urls], strict=True)
            extra = [row(client, url)[0] for url in EXTRA]
            row(client, "/api/counts")
            row(client, "/api/counts?bbox=30,30,45,40")
            row(client, "/")
        big = page_ready("http://127.0.0.1:8765/", SHOT)
        server.should_exit = True
        after = load()
        demo = demo_page(Path(tmp))
    print(f"\nsummary ({n:,} synthetic events; {after})\n")
    print("| measure | value | target |\n|---|---:|---:|")
    worst = max(viewports)
    print(f"| viewport query p95, worst of {len(viewports)} (events pages and clusters) | {worst:.1f} ms | < 100 ms |")
    print(f"| viewport query p95, median of the {len(viewports)} | {statistics.median(viewports):.1f} ms | |")
    print(
        f"| viewport query CPU time (process, p50), worst / median of the {len(cpu)} | {max(cpu):.1f} / "
        f"{statistics.median(cpu):.1f} ms | |"
    )
    print(f"| new filters / labels / facets / control p95, worst of {len(extra)} | {max(extra):.1f} ms | < 100 ms |")
    print(f"| page ready, {n:,} events (median / p95 of 10 loads) | {big[0]:.0f} / {big[1]:.0f} ms | |")
    print(f"| names drawn, {n:,} events (median) | {big[2]:.0f} ms | |")
    print(f"| page ready, demo database (median / p95 of 10 loads) | {demo[0]:.0f} / {demo[1]:.0f} ms | < 1000 ms |")
    print(f"| names drawn, demo database (median) | {demo[2]:.0f} ms | |")
    print(f"\n{load()}; screenshots: {SHOT}, {DEMO_SHOT}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
