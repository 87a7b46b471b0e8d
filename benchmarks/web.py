"""Web API latency: p50/p95 of map-viewport queries over a synthetic database of N events, and page load.

    .venv/bin/python benchmarks/web.py [N]      (default 1,000,000)

Page ready is measured in Debian's Chromium (Playwright): navigation start -> borders and markers drawn,
as the page itself records it (``body[data-ready-ms]``), over the same N events.

The synthetic events (and one evidence sentence each) are written straight into the tables with
INSERT ... SELECT (a benchmark fixture, not an ingest).  Requests go through the whole
app (middleware, parameter checks, JSON) over HTTP to a uvicorn server on 127.0.0.1, one at a time.
"""

from __future__ import annotations

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
             ("bbox=-10,35,30,60&q=checkpoint", 5)]  # fmt: skip
ROUNDS = 40
SHOT = Path(__file__).parent / "out" / "map_1m.png"  # the page over the synthetic events, after the last load


# one mention per event with one evidence sentence, for the text filter
EVIDENCE = [
    "INSERT INTO event_mentions SELECT 'm' || i, 'ev-' || i FROM range(?) t(i)",
    "INSERT INTO evidence SELECT 'm' || i, 0, 'a' || i, 0, 90, 'Fighters of group ' || (i % 997) || "
    "' attacked a checkpoint near village ' || (i % 4999) || ' on the road, a monitor said.' FROM range(?) t(i)",
]


def build(path: Path, n: int, evidence: bool = True) -> float:
    start = time.perf_counter()
    with Store(str(path)) as store:
        store.conn.execute(FILL, [TYPES, n])
        for sql in EVIDENCE if evidence else []:
            store.conn.execute(sql, [n])
    return time.perf_counter() - start


def measure(client: httpx.Client, url: str, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.text
    return times


def p95(times: list[float]) -> float:
    return sorted(times)[max(0, round(0.95 * len(times)) - 1)]


def row(client: httpx.Client, url: str, rounds: int = ROUNDS) -> None:
    measure(client, url, 3)  # warm up
    times = measure(client, url, rounds)
    print(f"| `{url}` | {statistics.median(times):.1f} | {p95(times):.1f} |")


def page_ready(url: str, rounds: int = 10) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--headless"])
        times = []
        for _ in range(rounds + 1):
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(url)
            page.wait_for_selector("body[data-ready='1']", timeout=10_000)
            times.append(float(page.get_attribute("body", "data-ready-ms") or "nan"))
            if len(times) == rounds + 1:
                SHOT.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SHOT))
            page.close()
        browser.close()
    times = times[1:]  # the first load warms the browser's cache
    print(
        f"| page ready (Chromium, navigation start -> markers drawn, {rounds} loads) "
        f"| {statistics.median(times):.0f} | {p95(times):.0f} |"
    )


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        print(f"filled {n:,} events in {build(db, n):.1f} s")
        start = time.perf_counter()
        app = create_app(str(db))  # opens the file and builds the serving copy
        print(f"server start (serving copy of {n:,} events) {time.perf_counter() - start:.1f} s")
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=8765, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        with httpx.Client(base_url="http://127.0.0.1:8765") as client:
            print(f"\n{ROUNDS} sequential requests each, over HTTP\n\n| request | p50 ms | p95 ms |\n|---|---:|---:|")
            for view, zoom in VIEWPORTS:
                row(client, f"/api/events?{view}&limit=1000")
                row(client, f"/api/clusters?{view}&zoom={zoom}")
            row(client, "/api/counts")
            row(client, "/api/counts?bbox=30,30,45,40")
            row(client, "/")
        page_ready("http://127.0.0.1:8765/")
        server.should_exit = True


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
