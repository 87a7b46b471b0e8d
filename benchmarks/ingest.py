"""Ingest benchmark, printed as tables: python -P benchmarks/ingest.py --shared ../shared [--n 1000] [--flat 20000]

1. articles/s of ``ingest`` with 1 process and with ``--dask local:2`` on the same corpus, measured side
   by side (each in its own subprocess, so peak memory is its own), and their ratio;
2. memory while ingesting ``--flat`` articles on 2 Dask workers: the RSS of the writer and of each
   worker every tenth of the run (flat means the workers do not grow with the corpus);
3. database size per 1,000 articles.

The corpus is the ACLED dev notes read at run time from ``--shared`` (never copied), each note an
article, replicated with new ids and URLs up to the size asked.  Rates are taken after the first
``WARM_UP`` articles (model loading, worker start-up) and over the whole run.  The machine is shared:
the load average is printed beside the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARM_UP = 200  # articles stored before the steady rate's clock starts
SAMPLE_S = 0.5  # how often worker memory is read
CHECKPOINTS = 10  # memory rows printed per run


def corpus(shared: Path, n: int) -> Iterator[dict[str, str]]:
    """``n`` articles: the ACLED dev notes, then copies of them with new ids and URLs."""
    notes = [json.loads(line) for line in (shared / "eval/acled/dev.jsonl").open(encoding="utf-8")]
    for i in range(n):
        row, copy = notes[i % len(notes)], i // len(notes)
        yield {"id": f"{row['event_id_cnty']}-{copy}", "text": row["notes"], "url": f"https://bench.example/{copy}/{i}",
               "published": f"{row['event_date']}T12:00:00+00:00"}  # fmt: skip


class Sampler:
    """Peak and current RSS (MB) of this process's children (the Dask nannies and workers), sampled."""

    def __init__(self) -> None:
        import psutil

        self.me = psutil.Process()
        self.peak: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def workers(self) -> dict[int, float]:
        """pid -> RSS of every child that loaded the model (the workers; nannies stay small)."""
        found = {}
        for child in self.me.children(recursive=True):
            try:
                found[child.pid] = child.memory_info().rss / 2**20
            except Exception:  # noqa: BLE001 - a child may exit between listing and reading
                continue
        return found

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_S):
            for pid, mb in self.workers().items():
                self.peak[pid] = max(mb, self.peak.get(pid, 0.0))

    def stop(self) -> dict[int, float]:
        self._stop.set()
        self._thread.join()
        return self.peak


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _child(mode: str, path: str, db: str, n: int) -> None:
    """Ingest ``path`` into ``db`` (mode 'one' or a Dask address); print one JSON line of figures."""
    sys.path.insert(0, str(ROOT / "src"))
    from contextlib import nullcontext

    from eventscope.ingest import read_inputs
    from eventscope.store import IngestStats, Store, ingest

    sampler = Sampler()
    marks: dict[str, float] = {}
    memory: list[tuple[int, float, float]] = []  # articles, writer RSS, largest worker RSS
    step = max(1, n // CHECKPOINTS)

    def progress(stats: IngestStats) -> None:
        done = stats.articles
        if done >= WARM_UP and "warm" not in marks:
            marks["warm"], marks["warm_n"] = time.perf_counter(), done
        if done >= (len(memory) + 1) * step:
            workers = sampler.workers()
            memory.append((done, _rss_mb(), max(workers.values(), default=0.0)))

    began = time.perf_counter()
    if mode == "one":
        context = nullcontext(None)
    else:
        from eventscope.scale import dask_extractor

        context = dask_extractor(mode)  # type: ignore[assignment]
    with Store(db) as store, context as extractor:
        stats = ingest(read_inputs([path]), store, extractor, on_progress=progress)
    ended = time.perf_counter()
    peaks = sampler.stop()
    cpu = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for f in ("ru_utime", "ru_stime"))  # the workers are reaped children by now  # fmt: skip
    print(json.dumps({
        "articles": stats.articles, "events": stats.events, "seconds": ended - began,
        "steady": (stats.articles - marks.get("warm_n", 0)) / (ended - marks.get("warm", began)),
        "writer_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_peaks_mb": sorted(peaks.values(), reverse=True)[: _workers(mode)],
        "db_mb": os.path.getsize(db) / 2**20, "memory": memory, "cpu_s": cpu,
    }))  # fmt: skip


def _workers(mode: str) -> int:
    return int(mode.split(":", 1)[1]) if mode.startswith("local:") else 0


def measure(mode: str, path: Path, db: Path, n: int) -> dict[str, object]:
    out = subprocess.run([sys.executable, "-P", __file__, "--child", mode, str(path), str(db), str(n)],
                         check=True, capture_output=True, text=True, cwd=ROOT).stdout  # fmt: skip
    return json.loads(out.strip().splitlines()[-1])


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _write(path: Path, rows: Iterator[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")


def speed_table(shared: Path, n: int, work: Path, dask: str) -> None:
    path = work / "speed.jsonl"
    _write(path, corpus(shared, n))
    print(f"\n## speed: {n} articles (ACLED dev notes), load before {_load()}")
    print(f"{'runner':12} {'articles':>8} {'events':>7} {'total s':>8} {'art/s':>7} {'steady/s':>9} "
          f"{'CPU ms/art':>10} {'writer MB':>9} {'worker MB':>12} {'MB/1k art':>9} {'load':>15}")  # fmt: skip
    rates: dict[str, tuple[float, float]] = {}
    for mode in ("one", dask):
        db = work / f"speed-{mode.replace(':', '')}.duckdb"
        r = measure(mode, path, db, n)
        rates[mode] = (float(r["articles"]) / float(r["seconds"]), float(r["steady"]))  # type: ignore[arg-type]
        workers = "/".join(f"{mb:.0f}" for mb in r["worker_peaks_mb"]) or "-"  # type: ignore[attr-defined]
        per_k = 1000 * float(r["db_mb"]) / max(1, int(r["articles"]))  # type: ignore[call-overload]
        print(f"{'1 process' if mode == 'one' else mode:12} {r['articles']:>8} {r['events']:>7} {r['seconds']:>8.1f} "
              f"{rates[mode][0]:>7.1f} {rates[mode][1]:>9.1f} {1000 * float(r['cpu_s']) / n:>10.1f} "  # type: ignore[arg-type]
              f"{r['writer_peak_mb']:>9.0f} {workers:>12} "
              f"{per_k:>9.2f} {_load():>15}", flush=True)  # fmt: skip
    total, steady = (rates[dask][k] / rates["one"][k] for k in (0, 1))
    print(f"ratio {dask} / 1 process: {total:.2f} over the whole run, {steady:.2f} after {WARM_UP} articles")


def flat_table(shared: Path, n: int, work: Path, dask: str) -> None:
    path = work / "flat.jsonl"
    _write(path, corpus(shared, n))
    print(f"\n## memory: {n} articles on {dask}, load before {_load()}")
    r = measure(dask, path, work / "flat.duckdb", n)
    print(f"{'articles':>8} {'writer MB':>9} {'worker MB':>9}")
    for done, writer, worker in r["memory"]:  # type: ignore[attr-defined]
        print(f"{done:>8} {writer:>9.0f} {worker:>9.0f}")
    workers = "/".join(f"{mb:.0f}" for mb in r["worker_peaks_mb"])  # type: ignore[attr-defined]
    per_k = 1000 * float(r["db_mb"]) / max(1, int(r["articles"]))  # type: ignore[call-overload]
    print(f"peak RSS: writer {r['writer_peak_mb']:.0f} MB, workers {workers} MB; {r['seconds']:.0f} s, "
          f"{r['events']} events, database {r['db_mb']:.1f} MB ({per_k:.2f} MB per 1,000 articles); "
          f"load after {_load()}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--n", type=int, default=1000, help="articles of the speed comparison")
    parser.add_argument("--flat", type=int, default=0, help="articles of the memory run (0: none)")
    parser.add_argument("--dask", default="local:2")
    parser.add_argument("--child", nargs=4)
    args = parser.parse_args()
    if args.child:
        mode, path, db, n = args.child
        _child(mode, path, db, int(n))
        return
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        if args.n:
            speed_table(Path(args.shared), args.n, Path(tmp), args.dask)
        if args.flat:
            flat_table(Path(args.shared), args.flat, Path(tmp), args.dask)


if __name__ == "__main__":
    main()
