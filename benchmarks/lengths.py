"""Cost against article length, printed as a table: python -P benchmarks/lengths.py [--sizes 35000,150000,...]

Each article is ordinary prose: the sentences of the texts in ``examples/`` drawn in a seeded random
order into paragraphs of three to six sentences (no paragraph repeats, so none is taken for a caption),
cut to the size asked.  Each size runs ``eventscope extract`` (and with ``--ingest`` also ``eventscope
ingest`` into a fresh database) in its own subprocess, so its wall time and peak RSS (ru_maxrss of the
child) are its own; model loading is included.  The load average is printed beside the figures, since
the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
SIZES = (35_000, 150_000, 600_000, 1_000_000)
SEED = 7
TIMEOUT_S = 600  # a run taking longer is reported as such
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def example_sentences() -> list[str]:
    texts = [json.loads(line)["text"] for line in (ROOT / "examples/centcom.jsonl").open(encoding="utf-8")]
    texts.append((ROOT / "examples/palmyra-2017-03-02.txt").read_text(encoding="utf-8"))
    found: list[str] = []
    for text in texts:
        for paragraph in text.split("\n"):
            found += [s.strip() for s in _SENTENCE_END.split(paragraph) if len(s.split()) >= 4]
    return found


def prose(size: int, seed: int = SEED) -> str:
    """``size`` characters of paragraphs made of the examples' sentences in a seeded random order."""
    rng, sentences, paragraphs, total = random.Random(seed), example_sentences(), [], 0
    while total < size:
        paragraph = " ".join(rng.choice(sentences) for _ in range(rng.randint(3, 6)))
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:size]


def run(argv: list[str], timeout: float = TIMEOUT_S) -> tuple[int, float, float, str, str]:
    """(exit status, seconds, peak RSS in MB, stderr, stdout) of one eventscope command in a child process; the
    status is -1 when it ran out of time (it is killed). The RSS is the child's own (wait4), not the maximum
    so far."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with tempfile.TemporaryFile() as errors, tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "eventscope", *argv], env=env, stdout=out, stderr=errors)
        status, usage = _wait(child, timeout)
        seconds = time.perf_counter() - start
        said, printed = (_read(f) for f in (errors, out))
    return status, seconds, usage / 1024, said, printed


def _read(handle: IO[bytes]) -> str:
    handle.seek(0)
    return handle.read().decode("utf-8", "replace")


def _wait(child: subprocess.Popen[bytes], timeout: float) -> tuple[int, int]:
    deadline = time.perf_counter() + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            return child.returncode, usage.ru_maxrss  # KB on Linux
        if time.perf_counter() > deadline:
            child.kill()
            _, _, usage = os.wait4(child.pid, 0)
            child.returncode = -1
            return -1, usage.ru_maxrss
        time.sleep(0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="article sizes in characters")
    parser.add_argument("--ingest", action="store_true", help="also time ingest into a fresh database")
    args = parser.parse_args()
    commands = ["extract", "ingest"] if args.ingest else ["extract"]
    print(f"load average {os.getloadavg()[0]:.1f}; cpus {os.cpu_count()}")
    print("| chars | command | exit | seconds | peak RSS MB |\n|---:|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"prose-{size}.txt"
            path.write_text(prose(size), encoding="utf-8")
            for command in commands:
                extra = ["--db", str(Path(tmp) / f"{size}.duckdb")] if command == "ingest" else ["-f", "jsonl"]
                status, seconds, peak, _, _ = run([command, *extra, "--published", "2017-03-02", str(path)])
                shown = "timeout" if status == -1 else str(status)
                print(f"| {size:,} | {command} | {shown} | {seconds:.1f} | {peak:.0f} |", flush=True)


if __name__ == "__main__":
    main()
