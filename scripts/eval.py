"""Run every scorer of ../shared/eval on its dev data and print one table.

    python scripts/eval.py --shared ../shared [--gate] [--only seed,acled]

Every corpus except the one-article seed is divided into a fixed *tune* part and
a *check* part (one unit in five by a stable hash of its id: ACLED row id, CASE
snippet id, article id, LGL docid, TimeML file path; ``in_check_part``). The check
part is never trained on and never read for errors; both are printed side by side.

With --gate, the check figures are compared with the pinned floors in
benchmarks/eval_floors.json (trafilatura's eval gate), within EPSILON; --pin raises
the floors to this run's check figures. Floors only go up: lowering one needs
--allow-regression, whose use the commit message explains. Each corpus's digest
is pinned so that a changed corpus cannot pass silently.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.util
import json
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

from eventscope.events.model.corpus import in_check_part

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
    split: str = ""  # how the corpus divides into tune and check parts (a key of SPLITTERS); "" for none
    whole_too: bool = False  # also score the whole corpus, and gate on it (a check part too small to score)


ARTICLE_METRICS = ("precision", "recall", "events_on_no_event_articles", "detect_precision", "detect_recall")
SUITES = (
    Suite("seed", "seed/palmyra-2017-03-02.txt", "score_events.py", ("extract", "--format", "jsonl"),
          ("precision", "recall", "f1", "date_acc", "geo10km_acc", "subtype_acc", "actor_acc")),
    Suite("acled", "acled/dev.jsonl", "score_acled.py", ("extract", "--format", "jsonl"),
          ("sub_event_type", "sub_event_type_macro_f1", "date_exact", "geo50km", "actor1", "fatalities"),
          "acled"),
    Suite("case", "case/dev.tsv", "score_case.py", ("extract", "--format", "jsonl"),
          ("accuracy", "weighted_f1", "macro_f1", "weighted_f1_acled25"), "case"),
    Suite("voa", "articles/voa", "score_articles.py", ("extract", "--format", "jsonl"), ARTICLE_METRICS,
          "articles"),
    Suite("wikinews", "articles/wikinews", "score_articles.py", ("extract", "--format", "jsonl"),
          ARTICLE_METRICS, "articles"),
    Suite("lgl", "geo/lgl.xml", "score_places.py", ("places", "--format", "jsonl"),
          ("precision", "recall", "f1", "acc161_matched", "auc_matched"), "lgl"),
    Suite("tbaq", "time/tbaq", "score_times.py", ("times", "--format", "jsonl"),
          ("strict_f1", "relaxed_f1", "value_f1"), "tbaq"),
    # GVDB holds 7 same-event pairs: its check part (whole incidents) has none, so the gate reads it whole
    Suite("gvdb", "gvdb/dev.tsv", "score_merge.py", ("ingest",), ("precision", "recall", "f1"), "gvdb", True),
)
PARTS = ("tune", "check")
EPSILON = 0.002  # a figure this far under its floor still passes (rounding of the scorers' 3 decimals)
LOWER_IS_BETTER = frozenset({"events_on_no_event_articles"})


def digest(path: Path) -> str:
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    h = hashlib.sha256()
    for f in files:
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _jsonl_parts(corpus: Path, out: Path, key: str) -> dict[str, Path]:
    paths = {part: out / f"{part}{corpus.suffix}" for part in PARTS}
    sinks = {part: paths[part].open("w", encoding="utf-8") for part in PARTS}
    for line in corpus.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.strip():
            sinks[_part(str(json.loads(line)[key]))].write(line)
    for sink in sinks.values():
        sink.close()
    return paths


def _tsv_parts(corpus: Path, out: Path, key: str,
               unit: Callable[[dict[str, str]], str] | None = None) -> dict[str, Path]:
    csv.field_size_limit(10**9)
    paths = {part: out / f"{part}.tsv" for part in PARTS}
    with corpus.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        rows = list(reader)
        fields = list(reader.fieldnames or [])
    for part, path in paths.items():
        with path.open("w", encoding="utf-8", newline="") as sink:
            writer = csv.DictWriter(sink, fieldnames=fields, delimiter="\t", lineterminator="\n")
            writer.writeheader()
            writer.writerows(r for r in rows if _part(unit(r) if unit else r[key]) == part)
    return paths


def _gvdb_parts(corpus: Path, out: Path) -> dict[str, Path]:
    """GVDB: articles of one incident (linked by the scorer's own same-event pairs) stay in one part,
    keyed by the incident's first article id, so that no pair is split between tune and check."""
    scorer = _load(corpus.parent.parent / "score_merge.py")
    articles = scorer.read(str(corpus))
    same, _ = scorer.gold_pairs(articles)
    first = {a["id"]: a["id"] for a in articles}
    for a, b in sorted(same):  # union of linked articles; the smaller id stands for the incident
        ra, rb = _root(first, a), _root(first, b)
        first[max(ra, rb)] = min(ra, rb)
    keys = {art_id.removeprefix("gvdb-"): _root(first, art_id).removeprefix("gvdb-") for art_id in first}
    return _tsv_parts(corpus, out, "Article id", lambda row: keys.get(row["Article id"], row["Article id"]))


def _root(parent: dict[str, str], key: str) -> str:
    while parent[key] != key:
        key = parent[key]
    return key


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"shared_{path.stem}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _xml_parts(corpus: Path, out: Path) -> dict[str, Path]:
    """LGL: <article docid=...> elements by their docid."""
    paths = {}
    for part in PARTS:
        root = ET.parse(corpus).getroot()
        for article in [a for a in root if a.tag == "article"]:
            if _part(article.get("docid", "")) != part:
                root.remove(article)
        paths[part] = out / f"{part}.xml"
        ET.ElementTree(root).write(paths[part], encoding="utf-8", xml_declaration=True)
    return paths


def _file_parts(corpus: Path, out: Path) -> dict[str, Path]:
    """TimeBank/AQUAINT: each .tml file by its path under the corpus ('TimeBank/ABC19980108.1830.0711.tml')."""
    paths = {part: out / part for part in PARTS}
    for path in sorted(corpus.rglob("*.tml")):
        key = path.relative_to(corpus).as_posix()
        link = paths[_part(key)] / key
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(path.resolve())
    return paths


def _article_parts(corpus: Path, out: Path) -> dict[str, Path]:
    """A folder of articles.jsonl + gold/<id>.gold.json: both divided by article id."""
    paths = {part: out / part for part in PARTS}
    for folder in paths.values():
        (folder / "gold").mkdir(parents=True)
    for line in (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines(keepends=True):
        if line.strip():
            with (paths[_part(json.loads(line)["id"])] / "articles.jsonl").open("a", encoding="utf-8") as sink:
                sink.write(line)
    for gold in sorted((corpus / "gold").glob("*.gold.json")):
        (paths[_part(gold.name.removesuffix(".gold.json"))] / "gold" / gold.name).symlink_to(gold.resolve())
    return paths


SPLITTERS = {
    "acled": lambda corpus, out: _jsonl_parts(corpus, out, "event_id_cnty"),
    "case": lambda corpus, out: _tsv_parts(corpus, out, "id"),
    "gvdb": _gvdb_parts,
    "lgl": _xml_parts,
    "tbaq": _file_parts,
    "articles": _article_parts,
}


def _part(key: str) -> str:
    return "check" if in_check_part(key) else "tune"


def split(suite: Suite, corpus: Path, work: Path) -> dict[str, Path]:
    """The suite's corpus as its tune and check parts, written under ``work`` (or whole, as "all")."""
    if not suite.split:
        return {"all": corpus}
    out = work / "parts" / suite.name
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    parts = SPLITTERS[suite.split](corpus, out)
    return {**parts, "all": corpus} if suite.whole_too else parts


def run_to(cmd: list[str], path: Path) -> None:
    """Run a command with stdout to a file; its exit status 1 (skipped inputs) is not fatal."""
    with open(path, "w", encoding="utf-8") as out:
        subprocess.run(cmd, check=False, stdout=out, cwd=ROOT)


def run(cmd: list[str]) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout


def score_suite(suite: Suite, corpus: Path, shared: Path, work: Path) -> dict[str, float]:
    """Run eventscope on one part of a suite's corpus (files under ``work``) and score it."""
    scorer = str(shared / "eval" / suite.scorer)
    work.mkdir(parents=True, exist_ok=True)
    pred = work / "pred.jsonl"
    eventscope = [str(BIN / "eventscope"), *suite.command]
    if suite.name == "seed":
        run_to([*eventscope, str(corpus)], pred)
        return _seed_fields(run([sys.executable, scorer, str(corpus).replace(".txt", ".gold.json"), str(pred)]))
    if suite.split == "articles":
        run_to([*eventscope, str(corpus / "articles.jsonl")], pred)
        return _last_json(run([sys.executable, scorer, str(corpus / "gold"), str(pred)]))
    articles = work / "articles.jsonl"
    if suite.name == "gvdb":
        gvdb_articles(corpus, articles)
        db = work / "gvdb.duckdb"
        db.unlink(missing_ok=True)
        run_to([*eventscope, str(articles), "--db", str(db)], work / "gvdb.ingest.log")
        run_to([str(BIN / "eventscope"), "events", "--db", str(db), "--format", "jsonl"], pred)
    else:
        run_to([sys.executable, scorer, "--input", str(corpus)], articles)
        run_to([*eventscope, str(articles)], pred)
    return _last_json(run([sys.executable, scorer, str(corpus), str(pred)]))


def _last_json(report: str) -> dict[str, float]:
    return dict(json.loads(report.strip().splitlines()[-1]))


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


def gated_part(suite: Suite) -> str:
    return "check" if suite.split and not suite.whole_too else "all"


def gate(results: dict[str, dict[str, dict[str, float]]], digests: dict[str, str]) -> list[str]:
    """Every pinned floor against the gated part's figure (the check part; a suite without parts: all)."""
    if not FLOORS.exists():
        return ["no pinned floors (benchmarks/eval_floors.json)"]
    suites = {s.name: s for s in SUITES}
    failures = []
    for name, floors in json.loads(FLOORS.read_text()).items():
        if name not in results:
            continue
        if floors.get("_digest") and floors["_digest"] != digests[name]:
            failures.append(f"{name}: corpus digest {digests[name]} != pinned {floors['_digest']}")
        part = gated_part(suites[name])
        for metric, floor in floors.items():
            if not metric.startswith("_"):
                failures.extend(_below(f"{name}.{part}.{metric}", results[name][part].get(metric), floor))
    return failures


def _below(label: str, value: float | None, floor: float) -> list[str]:
    metric = label.rsplit(".", 1)[-1]
    if value is None:
        return [f"{label} = None (floor {floor})"]
    if metric in LOWER_IS_BETTER:
        return [f"{label} = {value} > ceiling {floor}"] if value > floor + EPSILON else []
    return [f"{label} = {value} < floor {floor}"] if value < floor - EPSILON else []


def pin(results: dict[str, dict[str, dict[str, float]]], digests: dict[str, str], lower: bool) -> None:
    """Raise the pinned floors to the gated parts' figures (lower them only with ``lower``)."""
    pinned = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    suites = {s.name: s for s in SUITES}
    for name, parts in results.items():
        floors = pinned.setdefault(name, {})
        floors["_digest"] = digests[name]
        for metric, value in parts[gated_part(suites[name])].items():
            if metric not in suites[name].metrics or not isinstance(value, int | float):
                continue
            old = floors.get(metric)
            better = min if metric in LOWER_IS_BETTER else max
            floors[metric] = value if old is None or lower else better(old, value)
    FLOORS.write_text(json.dumps(pinned, indent=1) + "\n")


def show(suite: Suite, parts: dict[str, dict[str, float]], seconds: float) -> None:
    names = list(parts)
    print(f"{suite.name:9} {'':26} " + " ".join(f"{p:>7}" for p in names) + f"   ({seconds:.0f} s)")
    for metric in suite.metrics:
        print(f"{'':9} {metric:26} " + " ".join(f"{_fmt(parts[p].get(metric)):>7}" for p in names))


def _fmt(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--gate", action="store_true", help="fail when a check figure is under its floor")
    parser.add_argument("--pin", action="store_true", help="raise the floors to this run's check figures")
    parser.add_argument("--allow-regression", action="store_true",
                        help="let --gate pass and --pin lower a floor (the commit must say why)")
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    shared, work = Path(args.shared), ROOT / ".eval"
    work.mkdir(exist_ok=True)
    chosen = [s for s in SUITES if not args.only or s.name in args.only.split(",")]
    results: dict[str, dict[str, dict[str, float]]] = {}
    digests = {}
    for suite in chosen:
        began = time.perf_counter()
        corpus = shared / "eval" / suite.corpus
        parts = split(suite, corpus, work)
        results[suite.name] = {p: score_suite(suite, c, shared, work / "runs" / suite.name / p)
                               for p, c in parts.items()}
        digests[suite.name] = digest(corpus)
        show(suite, results[suite.name], time.perf_counter() - began)
    (work / "results.json").write_text(json.dumps({"results": results, "digests": digests}, indent=1))
    return _finish(args, results, digests)


def _finish(args: argparse.Namespace, results: dict[str, dict[str, dict[str, float]]],
            digests: dict[str, str]) -> int:
    if args.pin:
        pin(results, digests, lower=args.allow_regression)
    if not args.gate:
        return 0
    failures = gate(results, digests)
    for failure in failures:
        print(f"{'ALLOWED REGRESSION' if args.allow_regression else 'GATE FAIL'} {failure}")
    return 1 if failures and not args.allow_regression else 0


if __name__ == "__main__":
    sys.exit(main())
