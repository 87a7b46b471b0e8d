"""Writer benchmark, printed as a table: python -P benchmarks/writer.py --shared ../shared [--n 100000]

The writer alone (identity gate, merge, batched writes), without extraction in the loop: the ACLED dev
notes are extracted once, then their analyses are replayed as new articles (new ids and URLs) into
``store.ingest`` until ``--n`` articles are stored.  Every tenth of the run it prints the process RSS,
the Python objects allocated since the start (tracemalloc, with ``--trace``: it slows the run) and the
seconds so far, so a state that grows with the database shows in the Python column, and DuckDB's page
cache of the open file in RSS (capped by ``EVENTSCOPE_DB_MEMORY``, 1GB by default).  Each row also gives the
writer's ms per article since the previous row, the file's size (with its write-ahead log) and MB per 1,000
stored articles, and the machine's load.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import tempfile
import time
import tracemalloc
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from eventscope.records import Article, Event
from eventscope.store import IngestStats, Store, ingest
from eventscope.store.writer import Analysed, Analyser, with_people

ROOT = Path(__file__).resolve().parent.parent
Parsed = tuple[Article, tuple[Event, ...], tuple[tuple[int, int], ...]]


def extracted(shared: Path, cache: Path | None = None) -> list[Parsed]:
    """The analyses of the ACLED dev notes (read from ``cache`` when it exists, written to it otherwise)."""
    if cache is not None and cache.exists():
        with cache.open("rb") as handle:
            found: list[Parsed] = pickle.load(handle)  # noqa: S301 - a file this script wrote
            return found
    from eventscope.pipeline import Pipeline

    notes = [json.loads(line) for line in (shared / "eval/acled/dev.jsonl").open(encoding="utf-8")]
    articles = [Article(article_id=row["event_id_cnty"], text=row["notes"], origin="acled") for row in notes]
    found = [(a.article, a.events, a.persons) for a in Pipeline.default().analyses(articles)]
    if cache is not None:
        with cache.open("wb") as handle:
            pickle.dump(found, handle)
    return found


CYCLE_DAYS = 200  # the notes span half a year (2022-01-01 to 2022-06-30): each replay of them is this much later


def copy(parsed: Parsed, i: int, n: int) -> Parsed:
    """The ``i``-th replayed article: a new id and URL, its events and evidence pointing at it, and its dates
    ``CYCLE_DAYS`` later for each earlier replay of the notes, so a replay reports new events (as a news stream
    does) instead of one more copy of the same ones (which would make every event grow with the run)."""
    article, events, persons = parsed
    new = replace(article, article_id=f"{article.article_id}-{i // n}", url=f"https://bench.example/{i}")
    later = timedelta(days=CYCLE_DAYS * (i // n))
    moved = tuple(
        replace(e, article_ids=(new.article_id,), evidence=tuple(replace(v, article_id=new.article_id)
                                                                    for v in e.evidence),
                date_start=e.date_start + later if e.date_start else None,
                date_end=e.date_end + later if e.date_end else None)
        for e in events
    )  # fmt: skip
    return new, moved, persons


def replay(base: list[Parsed], n: int) -> tuple[Iterator[Article], Analyser]:
    """The articles to ingest and an analyser handing back their events, copies made as they are read."""
    waiting: dict[str, tuple[tuple[Event, ...], tuple[tuple[int, int], ...]]] = {}  # read, not yet analysed

    def articles() -> Iterator[Article]:
        for i in range(n):
            article, events, persons = copy(base[i % len(base)], i, len(base))
            waiting[article.article_id] = events, persons
            yield article

    def run(items: Iterable[Article]) -> Iterator[Analysed]:
        for article in items:
            events, persons = waiting.pop(article.article_id)
            yield with_people(article, events, None, persons)

    return articles(), Analyser(run)


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * 4096 / 2**20


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _file_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in (path, path.with_name(path.name + ".wal")) if p.exists()) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=10, help="table rows: one every n/rows articles")
    parser.add_argument("--trace", action="store_true")
    parser.add_argument("--cache", type=Path, help="pickle of the extracted notes (written on the first run)")
    args = parser.parse_args()
    articles, analyser = replay(extracted(Path(args.shared), args.cache), args.n)
    rows: list[tuple[int, float, float, float, float, str]] = []
    began = time.perf_counter()
    if args.trace:
        tracemalloc.start()
    with tempfile.TemporaryDirectory(prefix="bench-writer-") as tmp:
        path = Path(tmp) / "w.duckdb"

        def progress(stats: IngestStats) -> None:
            if stats.articles >= (len(rows) + 1) * max(1, args.n // args.rows):
                python = tracemalloc.get_traced_memory()[0] / 2**20 if args.trace else float("nan")
                rows.append((stats.articles, _rss_mb(), python, time.perf_counter() - began, _file_mb(path), _load()))

        with Store(str(path)) as store:
            ingest(articles, store, analyser, on_progress=progress)
    print(f"{'articles':>8} {'RSS MB':>7} {'Python MB':>9} {'seconds':>8} {'ms/article':>10} {'file MB':>8} "
          f"{'MB/1k':>6}  load (1, 5, 15 min)")  # fmt: skip
    last = (0, 0.0)
    for done, rss, python, seconds, size, load in rows:
        per = 1000 * (seconds - last[1]) / max(1, done - last[0])  # over the articles since the previous row
        print(f"{done:>8} {rss:>7.0f} {python:>9.1f} {seconds:>8.1f} {per:>10.2f} {size:>8.1f} "
              f"{1000 * size / done:>6.2f}  {load}")  # fmt: skip
        last = (done, seconds)


if __name__ == "__main__":
    main()
