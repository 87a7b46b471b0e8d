"""Store and merge benchmarks, printed as a table: python -P benchmarks/store.py [N ...]

- merge time for N synthetic mentions (time / (n log n) should stay flat);
- an ``events`` query (a date range and a country) over the merged events of the largest N.
Synthetic mentions: random places over a 20x20-degree box, days over two years,
one name pair out of N/3, so about a third of the mentions merge.
"""

from __future__ import annotations

import math
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from eventscope.merge import Mention, Merger
from eventscope.records import Event, Evidence
from eventscope.store import EventQuery, Store, query_events


def synthetic(n: int, seed: int = 7) -> list[Mention]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        k = rng.randrange(max(1, n // 3))
        day = date(2016, 1, 1) + timedelta(days=k % 730)
        lat, lon = 30 + (k * 7919 % 2000) / 100, 30 + (k * 104729 % 2000) / 100
        event = Event(f"e{i}", "Battles", "Armed clash", None, None, (), day, day, 1, f"P{k}", None, "SYR",
                      lat, lon, 1, None, (Evidence(f"a{i}", "text", 0, 4),), (f"a{i}",))  # fmt: skip
        out.append(Mention(f"m{i:09d}", f"a{i}#1", event, None, (f"n{k}", f"s{k}")))
    return out


def bench_merge(n: int) -> tuple[float, Merger]:
    mentions = synthetic(n)
    merger = Merger()
    start = time.perf_counter()
    for i in range(0, n, 1000):
        merger.add(mentions[i : i + 1000])
    return time.perf_counter() - start, merger


def bench_query(merger: Merger) -> tuple[float, int]:
    from eventscope.store import rows
    from eventscope.store.db import StoredArticle  # noqa: F401 - the store API used below

    with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "b.duckdb")) as store:
        events = [rows.event_row(m) for m in merger.events()]
        cols = rows.EVENT_COLUMNS
        store.conn.executemany(f"INSERT INTO events ({cols}) VALUES ({','.join('?' * len(events[0]))})", events)
        q = EventQuery(since=date(2016, 6, 1), until=date(2016, 6, 30), country="SYR", limit=100)
        start = time.perf_counter()
        found = query_events(store, q)
        return time.perf_counter() - start, len(found)


def main(sizes: list[int]) -> None:
    print(f"{'mentions':>10} {'events':>8} {'merge s':>9} {'us/(n log n)':>13}")
    merger = Merger()
    for n in sizes:
        seconds, merger = bench_merge(n)
        print(f"{n:>10} {len(merger.events()):>8} {seconds:>9.2f} {1e6 * seconds / (n * math.log(n)):>13.2f}")
    seconds, found = bench_query(merger)
    print(f"query over {len(merger.events())} events: {1000 * seconds:.1f} ms ({found} rows)")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 100_000])
