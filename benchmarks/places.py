"""Throughput of the places stage and cost of the gazetteer build.

    .venv/bin/python -P benchmarks/places.py ARTICLES.jsonl [--build]

Prints a table: gazetteer build time and size (with --build, into a temporary
folder), open time, articles/s and mentions/s of find_places alone (spaCy parse
excluded and timed separately).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from eventscope import nlp
from eventscope.ingest import read_inputs
from eventscope.places import Gazetteer, find_places
from eventscope.places.build import build_embedded
from eventscope.records import Article


def build_row() -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "gaz.sqlite"
        t0 = time.perf_counter()
        build_embedded(out)
        took = time.perf_counter() - t0
        return [("gazetteer build (s)", f"{took:.1f}"), ("gazetteer size (MB)", f"{out.stat().st_size / 1e6:.1f}")]


def run(paths: list[str], build: bool) -> list[tuple[str, str]]:
    rows = build_row() if build else []
    t0 = time.perf_counter()
    gaz = Gazetteer.default()
    rows.append(("gazetteer open (s)", f"{time.perf_counter() - t0:.2f}"))
    arts = [a for a in read_inputs(paths) if isinstance(a, Article)]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(a.nlp_text for a in arts))
    parse = time.perf_counter() - t0
    find_places(docs[0], arts[0], gaz)  # matcher warm-up, timed in 'open'
    t0 = time.perf_counter()
    mentions = sum(len(find_places(d, a, gaz)) for d, a in zip(docs, arts, strict=True))
    took = time.perf_counter() - t0
    rows += [("articles", str(len(arts))), ("mentions", str(mentions)),
             ("spaCy parse (s)", f"{parse:.1f}"), ("find_places (s)", f"{took:.2f}"),
             ("articles/s", f"{len(arts) / took:.0f}"), ("mentions/s", f"{mentions / took:.0f}")]
    return rows


def main(argv: list[str]) -> int:
    paths = [a for a in argv[1:] if not a.startswith("--")]
    if not paths:
        print(__doc__)
        return 2
    for name, value in run(paths, "--build" in argv):
        print(f"{name:24} {value:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
