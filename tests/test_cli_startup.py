"""``eventscope --help`` and ``--version`` start without what only some commands need: the store (DuckDB), the
readers (dateparser, charset-normalizer), the pipeline (spaCy), the feeds (httpx), the web server. Their start-up
time is measured in ``benchmarks/adoption.py``; here, which modules a fresh interpreter has loaded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
LATE = ("duckdb", "dateparser", "charset_normalizer", "httpx", "spacy", "numpy", "pyarrow", "trafilatura", "uvicorn",
        "starlette", "rich.progress", "eventscope.store", "eventscope.ingest", "eventscope.merge",
        "eventscope.pipeline", "eventscope.feeds")  # fmt: skip
PROBE = """
import json, sys
from eventscope.cli import app
try:
    app(sys.argv[1:], prog_name="eventscope")
except SystemExit:
    pass
print(json.dumps(sorted(m for m in json.loads(sys.stdin.readline()) if m in sys.modules)), file=sys.stderr)
"""


@pytest.mark.parametrize("option", ["--help", "--version"])
def test_help_and_version_load_none_of_the_modules_only_commands_need(option: str) -> None:
    ran = subprocess.run([sys.executable, "-c", PROBE, option], input=json.dumps(LATE) + "\n", capture_output=True,
                         text=True, env={"PYTHONPATH": str(SRC), "PATH": ""}, check=True)  # fmt: skip
    assert "eventscope" in ran.stdout
    assert json.loads(ran.stderr.strip().splitlines()[-1]) == []
