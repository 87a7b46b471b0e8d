"""The bad-input suite: every case alone and beside a good article, through ``extract`` and ``ingest``: the
exit status, one coded message naming the input (none for inputs read silently), no traceback, and the good
article's output byte-identical to a run on it alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from eventscope.cli import app

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "ingest"))
from bad_cases import CASES, GOOD, SMALL_LIMIT, Case  # noqa: E402

PARAMS = [pytest.param(c, id=c.name, marks=[pytest.mark.slow] if c.slow else []) for c in CASES]


def _run(args: list[str]) -> Result:
    return CliRunner().invoke(app, args)


def _messages(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("eventscope: ")]


def _setup(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    if not case.slow:
        monkeypatch.setenv("EVENTSCOPE_MAX_BYTES", SMALL_LIMIT)
    for name, value in case.env:
        monkeypatch.setenv(name, value)
    (tmp_path / "bad").mkdir()
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    return case.make(tmp_path / "bad"), str(good)


def _told_once(code: str | None, result: Result, bad: str) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    told = _messages(result)
    if code is None:
        assert told == []
    else:
        assert len(told) == 1 and f"[{code}]" in told[0] and bad in told[0], told


@pytest.fixture(scope="module")
def good_alone(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """What extract prints and what ingest stores (as ``events --format jsonl``) for the good article alone."""
    folder = tmp_path_factory.mktemp("good")
    (folder / "good.txt").write_text(GOOD)
    printed = _run(["extract", "-f", "jsonl", str(folder / "good.txt")])
    assert printed.exit_code == 0 and printed.stdout
    db = str(folder / "good.duckdb")
    assert _run(["ingest", "--db", db, str(folder / "good.txt")]).exit_code == 0
    return printed.stdout, _run(["events", "--db", db, "-f", "jsonl"]).stdout


@pytest.mark.parametrize("case", PARAMS)
def test_extract_tells_the_case_once_and_keeps_the_good_article(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, good_alone: tuple[str, str]
) -> None:
    bad, good = _setup(case, tmp_path, monkeypatch)
    code, status = case.expected("extract")
    alone = _run(["extract", "-f", "jsonl", bad])
    assert alone.exit_code == status
    _told_once(code, alone, bad)
    mixed = _run(["extract", "-f", "jsonl", bad, good])
    assert mixed.exit_code == status
    _told_once(code, mixed, bad)
    assert mixed.stdout == good_alone[0]


@pytest.mark.parametrize("case", PARAMS)
def test_ingest_tells_the_case_once_and_stores_the_good_article(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, good_alone: tuple[str, str]
) -> None:
    bad, good = _setup(case, tmp_path, monkeypatch)
    code, status = case.expected("ingest")
    db = str(tmp_path / "mixed.duckdb")
    mixed = _run(["ingest", "--db", db, bad, good])
    assert mixed.exit_code == status
    _told_once(code, mixed, bad)
    assert _run(["events", "--db", db, "-f", "jsonl"]).stdout == good_alone[1]
    again = _run(["ingest", "--db", db, bad, good])  # a rerun gets past the bad input too
    assert again.exit_code == status and "Traceback" not in again.stderr
