"""Store and merge benchmarks, printed as tables: python -P benchmarks/store.py [--events 1000000] [N ...]
(or --open-cost 10000,100000,1000000)

- merge time for N synthetic mentions (time / (n log n) should stay flat);
- an ``events`` query (a date range and a country) over the merged events of the largest N;
- the ``eventscope events`` queries (the CLI's own ``_query`` and ``query_events``) over ``--events``
  synthetic events bulk-inserted by DuckDB (with one mention and one evidence sentence each);
- ``--open-cost N,N,...``: what a web request pays for attaching the file read-only per request (so a writer
  gets it between requests) against a server that keeps it attached, over N such events, side by side.
Synthetic mentions: random places over a 20x20-degree box, days over two years,
one name pair out of N/3, so about a third of the mentions merge.
"""

from __future__ import annotations

import math
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from eventscope.merge import Mention, Merger
from eventscope.records import Event, Evidence
from eventscope.store import EventFilter, Store, query_events


def synthetic(n: int, seed: int = 7) -> list[Mention]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        k = rng.randrange(max(1, n // 3))
        day = date(2016, 1, 1) + timedelta(days=k % 730)
        lat, lon = 30 + (k * 7919 % 2000) / 100, 30 + (k * 104729 % 2000) / 100
        event = Event(f"e{i}", "Battles", "Armed clash", None, None, (), day, day, 1, f"P{k}", None, "SYR",
                      lat, lon, 1, None, (Evidence(f"a{i}", 0, 4, "text"),), (f"a{i}",))  # fmt: skip
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
        q = EventFilter(since=date(2016, 6, 1), until=date(2016, 6, 30), country="SYR", limit=100)
        start = time.perf_counter()
        found = query_events(store, q)
        return time.perf_counter() - start, len(found)


COUNTRIES = {"SYR": (35.0, 38.5), "IRQ": (33.0, 44.0), "YEM": (15.5, 47.5), "NGA": (9.0, 8.0), "MLI": (17.0, -4.0),
             "SOM": (6.0, 46.0), "AFG": (34.0, 66.0), "UKR": (49.0, 32.0), "MEX": (23.0, -102.0), "COL": (4.0, -73.0),
             "IND": (22.0, 79.0), "PAK": (30.0, 70.0), "MMR": (21.0, 96.0), "COD": (-3.0, 23.0), "SDN": (15.0, 30.0),
             "ETH": (9.0, 40.0), "BRA": (-10.0, -52.0), "PHL": (13.0, 122.0), "LBY": (27.0, 17.0), "USA": (38.0, -97.0)}
TYPES = (("Battles", "Armed clash"), ("Battles", "Government regains territory"),
         ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Explosions/Remote violence", "Remote explosive/landmine/IED"), ("Violence against civilians", "Attack"),
         ("Violence against civilians", "Abduction/forced disappearance"), ("Protests", "Peaceful protest"),
         ("Protests", "Protest with intervention"), ("Riots", "Violent demonstration"), ("Riots", "Mob violence"),
         ("Strategic developments", "Arrests"))  # fmt: skip
DAYS = 3650  # ten years of events
SAID = "Fighters clashed near the town on Monday."  # every event's evidence sentence


def build_events(store: Store, n: int) -> None:
    """``n`` events in a shuffled order (ids by hash), one mention and one evidence sentence each."""
    codes, lats, lons = zip(*((c, la, lo) for c, (la, lo) in COUNTRIES.items()), strict=True)
    store.conn.execute(f"""
        CREATE TEMP TABLE gen AS SELECT 'ev-' || lpad(i::VARCHAR, 9, '0') AS id, 'm-' || i AS mid, hash(i) AS h,
            hash(i + {n}) AS g, DATE '2015-01-01' + (hash(i) // 64 % {DAYS})::INTEGER AS day,
            (1 + hash(i + {n}) % {len(COUNTRIES)})::INTEGER AS c, (1 + hash(i) % {len(TYPES)})::INTEGER AS t
        FROM range({n}) r(i) ORDER BY hash(i * 7 + 1)""")
    store.conn.execute("""
        WITH p AS (SELECT $types::VARCHAR[][] AS types, $codes::VARCHAR[] AS codes, $lats::DOUBLE[] AS lats,
                          $lons::DOUBLE[] AS lons)
        INSERT INTO events SELECT id, types[t][1], types[t][2], 'Actor ' || (g % 500),
            CASE WHEN g % 3 = 0 THEN NULL ELSE 'Actor ' || (h % 700) END, [], NULL, NULL, day,
            day + (g % 3)::INTEGER, 1, 'Place ' || (g // 8 % 5000), NULL, codes[c],
            lats[c] + (h // 4096 % 1000) / 100.0 - 5, lons[c] + (g // 4096 % 1000) / 100.0 - 5, 1, NULL,
            (g % 5)::INTEGER, (g % 7)::INTEGER, ['outlet.example'], 1, ['a' || id], 1, 1700000000, [mid],
            [{'article_id': 'a' || id, 'start_char': 0, 'end_char': len($said), 'text': $said}],
            'asserted', false, 1.0, '', NULL, NULL, NULL, [] FROM gen, p""",
        {"types": [list(t) for t in TYPES], "codes": list(codes), "lats": list(lats), "lons": list(lons),
         "said": SAID})  # fmt: skip
    store.conn.execute("INSERT INTO event_mentions SELECT mid, id FROM gen")
    store.conn.execute(f"INSERT INTO evidence SELECT mid, 0, 'a' || id, 0, {len(SAID)}, ? FROM gen", [SAID])
    store.conn.execute("DROP TABLE gen")


CLI_QUERIES = (  # eventscope events --since --until --type --country --near (None: option not given)
    ("a month, one country", ("2019-03-01", "2019-03-31", None, None, "SYR", None)),
    ("a month, a type, one country, 300 km", ("2019-03-01", "2019-03-31", "Armed clash", None, "SYR", "35.0,38.5,300")),
    ("a year, 50 km", ("2019-01-01", "2019-12-31", None, None, None, "33.0,44.0,50")),
    ("a week, an actor", ("2019-03-01", "2019-03-07", None, "actor 12", None, None)),
)  # fmt: skip


def bench_cli_queries(n: int, repeats: int = 5) -> None:
    from eventscope.cli_store import _query

    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "m.duckdb")
        began = time.perf_counter()
        with Store(path) as store:
            build_events(store, n)
        built = time.perf_counter() - began
        print(f"\n{n} events built in {built:.1f} s ({Path(path).stat().st_size / 2**20:.0f} MB); load {_load()}")
        print(f"{'eventscope events query':42} {'rows':>6} {'first ms':>9} {'median ms':>10}")
        with Store(path, read_only=True) as store:
            for name, args in CLI_QUERIES:
                times, found = [], 0
                for _ in range(repeats):
                    start = time.perf_counter()
                    found = len(query_events(store, _query(*args)))
                    times.append(1000 * (time.perf_counter() - start))
                print(f"{name:42} {found:>6} {times[0]:>9.1f} {sorted(times)[len(times) // 2]:>10.1f}")


OPEN_REPEATS = 40


def bench_open_cost(sizes: list[int]) -> None:
    """Median ms of ``read_api.events_page`` (the default page) with the file held all along and leased per
    request, and of one bare attach + detach, per database size."""
    print(f"load {_load()}")
    print(f"{'events':>8} {'file MB':>8} {'held ms':>8} {'per-request ms':>15} {'ratio':>6} {'attach+detach ms':>17}")
    for n in sizes:
        print(_open_cost_row(n))


def _open_cost_row(n: int) -> str:
    from eventscope.store import read_api

    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "o.duckdb")
        with Store(path) as writer:
            build_events(writer, n)
        store = Store(path, read_only=True)
        read_api.prepare(store)
        page = read_api.EventFilter(limit=100)
        with store.lease():  # the file stays attached across the requests: the old server
            held = _median_ms(lambda: read_api.events_page(store, page))
        leased = _median_ms(lambda: read_api.events_page(store, page))
        bare = _median_ms(lambda: store.file.release() if store.file.conn() else None)
        size = Path(path).stat().st_size / 2**20
        store.close()
    return f"{n:>8} {size:>8.0f} {held:>8.2f} {leased:>15.2f} {leased / held:>6.2f} {bare:>17.2f}"


def _median_ms(call: Callable[[], object]) -> float:
    times = []
    for _ in range(OPEN_REPEATS):
        start = time.perf_counter()
        call()
        times.append(1000 * (time.perf_counter() - start))
    return sorted(times)[len(times) // 2]


def _load() -> str:
    import os

    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(sizes: list[int]) -> None:
    print(f"{'mentions':>10} {'events':>8} {'merge s':>9} {'us/(n log n)':>13}")
    merger = Merger()
    for n in sizes:
        seconds, merger = bench_merge(n)
        print(f"{n:>10} {len(merger.events()):>8} {seconds:>9.2f} {1e6 * seconds / (n * math.log(n)):>13.2f}")
    seconds, found = bench_query(merger)
    print(f"query over {len(merger.events())} events: {1000 * seconds:.1f} ms ({found} rows)")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--open-cost"]:
        bench_open_cost([int(n) for n in args[1].split(",")])
        sys.exit(0)
    if args[:1] == ["--events"]:
        bench_cli_queries(int(args[1]))
        args = args[2:]
        if not args:
            sys.exit(0)
    main([int(a) for a in args] or [10_000, 100_000])
