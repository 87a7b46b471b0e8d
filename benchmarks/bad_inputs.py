"""The bad-input suite as a table: python -P benchmarks/bad_inputs.py [--only NAME,...] [--fast]

For each case of ``tests/fixtures/ingest/bad_cases.py`` (written to a fresh folder), ``eventscope extract``
and ``eventscope ingest`` run on the bad input beside a good article, each in its own subprocess: the exit
status, the one message it printed (or the count when there are more, or '-'), the wall time, the child's
peak RSS (wait4), whether a traceback appeared, and whether the good article's output (extract's events,
or ``events --format jsonl`` of the database) is byte-identical to a run on the good article alone. The
fast cases run with ``EVENTSCOPE_MAX_BYTES`` lowered as in the tests; the slow ones (``--fast`` leaves them
out) with the real 10 MB limit; a case's ``env`` (url-slow: ``EVENTSCOPE_FETCH_SECONDS=1``) as in the tests.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests" / "fixtures" / "ingest")]
from bad_cases import CASES, GOOD, SMALL_LIMIT, Case  # noqa: E402
from lengths import run  # noqa: E402

TIMEOUT_S = 300


def one(case: Case, command: str, folder: Path, good: Path, baseline: dict[str, str]) -> str:
    bad = case.make(folder)
    db = folder / f"{command}.duckdb"
    args = ["extract", "-f", "jsonl"] if command == "extract" else ["ingest", "--db", str(db)]
    status, seconds, peak, said, printed = run([*args, bad, str(good)], TIMEOUT_S)
    if command == "ingest":
        printed = run(["events", "--db", str(db), "-f", "jsonl"])[4]
    lines = [line for line in said.splitlines() if line.startswith("eventscope: ")]
    message = lines[0].replace(bad, "BAD")[12:90] if len(lines) == 1 else f"{len(lines)} messages" if lines else "-"
    same = "yes" if printed == baseline[command] else "NO"
    trace = "TRACEBACK" if "Traceback" in said else ""
    return f"| {case.name} | {command} | {status} | {message} {trace} | {seconds:.1f} | {peak:.0f} | {same} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated case names")
    parser.add_argument("--fast", action="store_true", help="leave out the slow cases")
    args = parser.parse_args()
    wanted = set(args.only.split(",")) if args.only else None
    cases = [c for c in CASES if (wanted is None or c.name in wanted) and not (args.fast and c.slow)]
    print(f"load average {os.getloadavg()[0]:.1f}; cpus {os.cpu_count()}")
    print("| case | command | exit | message | seconds | peak RSS MB | good identical |")
    print("|---|---|---:|---|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        good = Path(tmp) / "good.txt"
        good.write_text(GOOD, encoding="utf-8")
        baseline = {"extract": run(["extract", "-f", "jsonl", str(good)])[4]}
        run(["ingest", "--db", str(Path(tmp) / "good.duckdb"), str(good)])
        baseline["ingest"] = run(["events", "--db", str(Path(tmp) / "good.duckdb"), "-f", "jsonl"])[4]
        for n, case in enumerate(cases):
            for command in ("extract", "ingest"):
                folder = Path(tmp) / f"{n}-{command}"
                folder.mkdir()
                limits = {} if case.slow else {"EVENTSCOPE_MAX_BYTES": SMALL_LIMIT}
                with environment({**limits, **dict(case.env)}):
                    print(one(case, command, folder, good, baseline), flush=True)


@contextmanager
def environment(variables: dict[str, str]) -> Iterator[None]:
    """The runs inside with ``variables`` set and the suite's limits of other cases unset."""
    saved = dict(os.environ)
    os.environ.pop("EVENTSCOPE_MAX_BYTES", None)
    os.environ.update(variables)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


if __name__ == "__main__":
    main()
