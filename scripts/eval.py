"""Run every scorer of ../shared/eval on its dev data and print one table.

    python scripts/eval.py --shared ../shared [--gate] [--only seed,acled]

With --gate, compare against the pinned floors in benchmarks/eval_floors.json
(trafilatura's eval gate): a figure below its floor fails; floors only go up,
and each corpus's digest is pinned so a changed corpus cannot pass silently.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ROOT / "benchmarks" / "eval_floors.json"
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Suite:
    name: str
    corpus: str  # relative to shared/eval
    scorer: str
    command: tuple[str, ...]  # eventscope sub-command (+ options) that reads the articles
    metrics: tuple[str, ...]


SUITES = (
    Suite("seed", "seed/palmyra-2017-03-02.txt", "score_events.py", ("extract", "--format", "jsonl"),
          ("precision", "recall", "f1", "date_acc", "geo10km_acc", "subtype_acc", "actor_acc")),
    Suite("acled", "acled/dev.jsonl", "score_acled.py", ("extract", "--format", "jsonl"),
          ("sub_event_type", "sub_event_type_macro_f1", "date_exact", "geo50km", "actor1", "fatalities")),
    Suite("case", "case/dev.tsv", "score_case.py", ("extract", "--format", "jsonl"),
          ("accuracy", "weighted_f1", "macro_f1", "weighted_f1_acled25")),
    Suite("lgl", "geo/lgl.xml", "score_places.py", ("places", "--format", "jsonl"),
          ("precision", "recall", "f1", "acc161_matched", "auc_matched")),
    Suite("tbaq", "time/tbaq", "score_times.py", ("times", "--format", "jsonl"),
          ("strict_f1", "relaxed_f1", "value_f1")),
    Suite("gvdb", "gvdb/dev.tsv", "score_merge.py", ("ingest",), ("precision", "recall", "f1")),
)


def digest(path: Path) -> str:
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    h = hashlib.sha256()
    for f in files:
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def run_to(cmd: list[str], path: Path) -> None:
    """Run a command with stdout to a file; its exit status 1 (skipped inputs) is not fatal."""
    with open(path, "w", encoding="utf-8") as out:
        subprocess.run(cmd, check=False, stdout=out, cwd=ROOT)


def run(cmd: list[str]) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout


def score_suite(suite: Suite, shared: Path, work: Path) -> dict[str, float]:
    corpus, scorer = shared / "eval" / suite.corpus, str(shared / "eval" / suite.scorer)
    pred = work / f"{suite.name}.pred.jsonl"
    eventscope = [str(BIN / "eventscope"), *suite.command]
    if suite.name == "seed":
        run_to([*eventscope, str(corpus)], pred)
        return _seed_fields(run([sys.executable, scorer, str(corpus).replace(".txt", ".gold.json"), str(pred)]))
    articles = work / f"{suite.name}.articles.jsonl"
    if suite.name == "gvdb":
        gvdb_articles(corpus, articles)
        db = work / "gvdb.duckdb"
        db.unlink(missing_ok=True)
        run_to([*eventscope, str(articles), "--db", str(db)], work / "gvdb.ingest.log")
        run_to([str(BIN / "eventscope"), "events", "--db", str(db), "--format", "jsonl"], pred)
    else:
        run_to([sys.executable, scorer, "--input", str(corpus)], articles)
        run_to([*eventscope, str(articles)], pred)
    summary = run([sys.executable, scorer, str(corpus), str(pred)])
    return json.loads(summary.strip().splitlines()[-1])


def gvdb_articles(corpus: Path, out: Path) -> None:
    """The articles `score_merge.py --input` writes (id, title, text, noon of the day after the incident).
    Its --input stops on dates that are not zero-padded ('2015-8-23'); this reads them."""
    csv.field_size_limit(10**9)
    with open(corpus, encoding="utf-8", newline="") as handle, open(out, "w", encoding="utf-8") as sink:
        for row in csv.DictReader(handle, delimiter="\t"):
            try:
                when = (json.loads(row["Json"]).get("date-and-time") or {}).get("date") or ""
            except (ValueError, TypeError):
                continue
            record = {"id": f"gvdb-{row['Article id']}", "title": row["Article title"], "text": row["Full text"]}
            parts = when.split("-")
            if len(parts) == 3 and all(p.isdigit() for p in parts):
                day = date(*map(int, parts)) + timedelta(days=1)
                record["published"] = day.isoformat() + "T12:00:00+00:00"
            sink.write(json.dumps({k: v for k, v in record.items() if v}, ensure_ascii=False) + "\n")


def _seed_fields(report: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in report.splitlines()[:-1]:
        key, _, value = line.partition(" ")
        try:
            out[key] = float(value.strip())
        except ValueError:
            continue
    return out


def gate(results: dict[str, dict[str, float]], digests: dict[str, str]) -> list[str]:
    if not FLOORS.exists():
        return ["no pinned floors (benchmarks/eval_floors.json)"]
    pinned = json.loads(FLOORS.read_text())
    failures = []
    for name, floors in pinned.items():
        if name not in results:
            continue
        if floors.get("_digest") and floors["_digest"] != digests[name]:
            failures.append(f"{name}: corpus digest {digests[name]} != pinned {floors['_digest']}")
        for metric, floor in floors.items():
            if metric.startswith("_"):
                continue
            value = results[name].get(metric)
            if value is None or value < floor:
                failures.append(f"{name}.{metric} = {value} < floor {floor}")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--gate", action="store_true")
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    shared, work = Path(args.shared), ROOT / ".eval"
    work.mkdir(exist_ok=True)
    chosen = [s for s in SUITES if not args.only or s.name in args.only.split(",")]
    results, digests = {}, {}
    print(f"{'suite':8} {'seconds':>7}  metrics")
    for suite in chosen:
        began = time.perf_counter()
        results[suite.name] = score_suite(suite, shared, work)
        digests[suite.name] = digest(shared / "eval" / suite.corpus)
        shown = "  ".join(f"{m}={results[suite.name].get(m)}" for m in suite.metrics)
        print(f"{suite.name:8} {time.perf_counter() - began:7.1f}  {shown}", flush=True)
    (work / "results.json").write_text(json.dumps({"results": results, "digests": digests}, indent=1))
    if args.gate:
        failures = gate(results, digests)
        for failure in failures:
            print(f"GATE FAIL {failure}")
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
