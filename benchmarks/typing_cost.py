"""Typing cost: artefact size, load time and time per typed event, printed as a table.

(Not benchmarks/typing.py: a script of that name would shadow the stdlib module.)

usage: python benchmarks/typing_cost.py [--shared ../shared] [--n 2000]

Texts are ACLED notes when ``--shared`` has them, else the packaged template sentences.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from eventscope.events import classify as ty
from eventscope.events.model import artefact, corpus
from eventscope.events.rules import Cues


def texts(shared: Path, n: int) -> list[str]:
    notes = shared / "eval" / "acled" / "dev.jsonl"
    if notes.exists():
        rows = [json.loads(line) for line in notes.read_text(encoding="utf-8").splitlines() if line.strip()]
        found = [r["notes"] for r in rows if r.get("notes")]
    else:
        found = [e.text for e in corpus.template_examples()]
    return (found * (n // max(1, len(found)) + 1))[:n]


def per_call_us(typer: ty.EventTyper, sample: list[str], mention: bool) -> float:
    start = time.perf_counter()
    for text in sample:
        if mention:
            typer.mention(text, Cues("attack", frozenset(text.lower().split())))
        else:
            typer.sentence(text)
    return (time.perf_counter() - start) / len(sample) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    start = time.perf_counter()
    model = artefact.load(ty.MODEL_PATH)
    load_s = time.perf_counter() - start
    sample = texts(args.shared, args.n)
    typer = ty.EventTyper(model)
    rows = [("artefact size (MB)", f"{ty.MODEL_PATH.stat().st_size / 1e6:.2f}"),
            ("features x classes", f"{len(model.vocabulary)} x {len(model.classes)}"),
            ("load time (s)", f"{load_s:.3f}"),
            ("EventTyper.mention per event (us)", f"{per_call_us(typer, sample, True):.0f}"),
            ("EventTyper.sentence per sentence (us)", f"{per_call_us(typer, sample, False):.0f}"),
            ("texts", str(len(sample)))]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value:>12}")


if __name__ == "__main__":
    main()
