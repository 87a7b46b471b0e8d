"""Writer benchmark, printed as a table: python -P benchmarks/writer.py --shared ../shared [--n 100000]

The writer alone (identity gate, merge, batched writes), without extraction in the loop: the ACLED dev
notes are extracted once, then their analyses are replayed as new articles (new ids and URLs) into
``store.ingest`` until ``--n`` articles are stored.  Every tenth of the run it prints the process RSS,
the Python objects allocated since the start (tracemalloc, with ``--trace``: it slows the run) and the
seconds so far, so a state that grows with the database shows in the Python column, and DuckDB's page
cache of the open file in RSS (capped by ``EVENTSCOPE_DB_MEMORY``, 1GB by default).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import tracemalloc
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from eventscope.records import Article, Event
from eventscope.store import IngestStats, Store, ingest
from eventscope.store.ingest import Analysed, Analyser, with_people

ROOT = Path(__file__).resolve().parent.parent
Parsed = tuple[Article, tuple[Event, ...], tuple[tuple[int, int], ...]]


def extracted(shared: Path) -> list[Parsed]:
    from eventscope.pipeline import analyses

    notes = [json.loads(line) for line in (shared / "eval/acled/dev.jsonl").open(encoding="utf-8")]
    articles = [Article(article_id=row["event_id_cnty"], text=row["notes"], origin="acled") for row in notes]
    return [(a.article, a.events, a.persons) for a in analyses(articles)]


def copy(parsed: Parsed, i: int, n: int) -> Parsed:
    """The ``i``-th replayed article: a new id and URL, its events and evidence pointing at it."""
    article, events, persons = parsed
    new = replace(article, article_id=f"{article.article_id}-{i // n}", url=f"https://bench.example/{i}")
    moved = tuple(
        replace(e, article_ids=(new.article_id,), evidence=tuple(replace(v, article_id=new.article_id)
                                                                    for v in e.evidence))
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--trace", action="store_true")
    args = parser.parse_args()
    articles, analyser = replay(extracted(Path(args.shared)), args.n)
    rows: list[tuple[int, float, float, float]] = []
    began = time.perf_counter()
    if args.trace:
        tracemalloc.start()

    def progress(stats: IngestStats) -> None:
        if stats.articles >= (len(rows) + 1) * max(1, args.n // 10):
            python = tracemalloc.get_traced_memory()[0] / 2**20 if args.trace else float("nan")
            rows.append((stats.articles, _rss_mb(), python, time.perf_counter() - began))

    with tempfile.TemporaryDirectory(prefix="bench-writer-") as tmp, Store(str(Path(tmp) / "w.duckdb")) as store:
        ingest(articles, store, analyser, on_progress=progress)
    print(f"{'articles':>8} {'RSS MB':>7} {'Python MB':>9} {'seconds':>8}")
    for done, rss, python, seconds in rows:
        print(f"{done:>8} {rss:>7.0f} {python:>9.1f} {seconds:>8.1f}")


if __name__ == "__main__":
    main()
