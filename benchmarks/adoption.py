"""What adopting eventscope costs: installed size and start-up time, printed as tables.

    python -P benchmarks/adoption.py [--runs 7] [--top 15]

Run with the venv's python.  Installed size: every installed distribution's files (its RECORD), summed for
the closure of eventscope's runtime requirements and for the closure with the dev extras; the largest
runtime distributions listed.  Start-up: wall time of ``eventscope --help`` and ``eventscope --version``
(the console script of this venv, a fresh process each run), min and median of ``--runs``, and the median
CPU time of the process.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

MB = 1 << 20


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def distributions() -> dict[str, metadata.Distribution]:
    return {_key(d.metadata["Name"]): d for d in metadata.distributions()}


def size(dist: metadata.Distribution) -> int:
    """Bytes of a distribution's installed files (as its RECORD lists them)."""
    total = 0
    for file in dist.files or ():
        path = Path(str(dist.locate_file(file)))
        if path.is_file():
            total += path.stat().st_size
    return total


def closure(root: str, extras: set[str], found: dict[str, metadata.Distribution]) -> set[str]:
    """The installed distributions ``root`` needs (with ``extras``), itself included."""
    needed, todo = set(), [(root, frozenset(extras))]
    while todo:
        name, wanted = todo.pop()
        dist = found.get(_key(name))
        if dist is None or (_key(name), wanted) in needed:
            continue
        needed.add((_key(name), wanted))
        for line in dist.requires or ():
            req = Requirement(line)
            if req.marker is None or any(req.marker.evaluate({"extra": e}) for e in wanted | {""}):
                todo.append((req.name, frozenset(req.extras)))
    return {name for name, _ in needed}


def startup(args: list[str], runs: int) -> tuple[float, float, float]:
    """(min, median) wall seconds and the median CPU seconds (user + system: less moved by the machine's load)
    of a fresh ``eventscope ARGS`` process."""
    script = Path(sys.executable).with_name("eventscope")
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([str(script), *args], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(times), statistics.median(times), statistics.median(cpu)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    found = distributions()
    sizes = {name: size(dist) for name, dist in found.items()}
    runtime, dev = closure("eventscope", set(), found), closure("eventscope", {"dev"}, found)
    print(f"Python {sys.version.split()[0]}, load " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    print(f"{'installed':34} {'distributions':>13} {'MB':>8}")
    for label, names in (("runtime (pip install eventscope)", runtime), ("with the dev extras", dev),
                         ("this venv, everything", set(found))):  # fmt: skip
        print(f"{label:34} {len(names):>13} {sum(sizes[n] for n in names) / MB:>8.1f}")
    print(f"\n{'largest runtime distributions':34} {'MB':>8}")
    for name in sorted(runtime, key=lambda n: -sizes[n])[: args.top]:
        print(f"{name:34} {sizes[name] / MB:>8.1f}")
    print(f"\n{'start-up':34} {'min s':>8} {'median s':>9} {'median CPU s':>13}")
    for command in (["--help"], ["--version"]):
        low, mid, cpu = startup(command, args.runs)
        print(f"{'eventscope ' + ' '.join(command):34} {low:>8.3f} {mid:>9.3f} {cpu:>13.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
