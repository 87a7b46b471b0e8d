"""Throughput of `extract` beside a bare spaCy `nlp.pipe` on the same texts, measured side by side.

    python benchmarks/throughput.py --shared ../shared [--acled-rows 3024] [--seed-copies 1000]

Prints articles/s, words/s and peak RSS for each corpus (the ACLED dev notes; N copies of the
seed article), and eventscope's throughput as a ratio of bare spaCy's. Each measurement runs in
its own subprocess so peak memory is its own; the machine is shared, so read the ratios.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARM_UP = 5  # articles run before the clock starts, in both runners


def _corpus(kind: str, shared: Path, n: int) -> list[dict[str, str]]:
    if kind == "acled":
        rows = [json.loads(line) for line in (shared / "eval/acled/dev.jsonl").open(encoding="utf-8")][:n]
        return [{"id": r["event_id_cnty"], "text": r["notes"], "published": "2022-06-01T00:00:00+00:00"}
                for r in rows]
    text = (ROOT / "examples/palmyra-2017-03-02.txt").read_text(encoding="utf-8")
    return [{"id": f"seed-{i}", "text": text} for i in range(n)]


def _child(mode: str, path: str) -> None:
    """Run one measurement in this process; print seconds, articles, words, peak RSS (MB)."""
    sys.path.insert(0, str(ROOT / "src"))
    from eventscope import nlp
    from eventscope.ingest import read_inputs
    from eventscope.pipeline import Pipeline
    from eventscope.records import Article

    articles = [a for a in read_inputs([path]) if isinstance(a, Article)]
    nlp.load()
    extract = Pipeline.default().extract
    if mode == "eventscope":  # models, gazetteer and dictionaries loaded before the clock, like spaCy's model
        for _ in extract(articles[:WARM_UP]):
            pass
    else:
        for _ in nlp.load().pipe(a.nlp_text for a in articles[:WARM_UP]):
            pass
    began = time.perf_counter()
    if mode == "spacy":
        for _ in nlp.load().pipe((a.nlp_text for a in articles), batch_size=nlp.BATCH_SIZE):
            pass
    else:
        for _ in extract(articles):
            pass
    seconds = time.perf_counter() - began
    words = sum(len(a.text.split()) for a in articles)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "articles": len(articles), "words": words, "peak_mb": peak}))


def measure(mode: str, path: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(path)], check=True,
                         capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--acled-rows", type=int, default=3024)
    parser.add_argument("--seed-copies", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    work = ROOT / ".eval"
    work.mkdir(exist_ok=True)
    print(f"{'corpus':8} {'runner':11} {'articles':>8} {'words':>8} {'art/s':>8} {'words/s':>8} {'peak MB':>8}")
    for kind, n in (("acled", args.acled_rows), ("seed", args.seed_copies)):
        path = work / f"bench-{kind}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in _corpus(kind, Path(args.shared), n)))
        best: dict[str, dict[str, float]] = {}
        for _ in range(args.repeats):  # interleaved, best of N: the machine is shared and noisy
            for mode in ("spacy", "eventscope"):
                r = measure(mode, path)
                if mode not in best or r["seconds"] < best[mode]["seconds"]:
                    best[mode] = r
        rates = {}
        for mode, r in best.items():
            rates[mode] = r["words"] / r["seconds"]
            print(f"{kind:8} {mode:11} {r['articles']:8.0f} {r['words']:8.0f} {r['articles'] / r['seconds']:8.1f} "
                  f"{rates[mode]:8.0f} {r['peak_mb']:8.0f}", flush=True)
        print(f"{kind:8} ratio eventscope / bare spaCy = {rates['eventscope'] / rates['spacy']:.2f}")


if __name__ == "__main__":
    main()
