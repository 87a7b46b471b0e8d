"""The ingest progress display: done/total, a bar and the time left on a terminal; nothing when piped."""

import io
import json
import re
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from eventscope.cli import app
from eventscope.cli_progress import IngestProgress
from eventscope.feeds import count_inputs
from eventscope.store import IngestStats


def _terminal() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=True, width=150, color_system=None), out


def test_on_a_terminal_the_display_shows_done_of_total_and_the_time_left() -> None:
    console, out = _terminal()
    with IngestProgress(console, total=4) as progress:
        progress.show(IngestStats(articles=1, events=3, rejected=1))
        progress._progress.refresh()
        midway = out.getvalue()
        progress.show(IngestStats(articles=3, events=5, rejected=1))
    assert "2/4" in midway and "ETA" in midway and "events 3" in midway and "skipped 1" in midway
    assert re.search(r"ETA (-:--:--|\d+:\d\d:\d\d)", midway)
    assert "4/4" in out.getvalue()


def test_a_corpus_with_blank_lines_ends_with_the_bar_full() -> None:
    console, out = _terminal()
    with IngestProgress(console, total=5) as progress:
        progress.show(IngestStats(articles=3))
    assert re.findall(r"\b(\d+)/(\d+)\b", out.getvalue())[-1] == ("3", "3")


def test_without_a_known_total_the_display_counts_without_a_bar() -> None:
    console, out = _terminal()
    with IngestProgress(console, total=None) as progress:
        progress.show(IngestStats(articles=2, events=1))
    assert "ETA" not in out.getvalue() and "events 1" in out.getvalue()


def test_when_stderr_is_not_a_terminal_nothing_is_written() -> None:
    out = io.StringIO()
    with IngestProgress(Console(file=out), total=4) as progress:
        progress.show(IngestStats(articles=4, events=9))
    assert out.getvalue() == ""


def test_the_total_counts_files_of_a_directory_and_lines_of_a_corpus(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    for name in ("a.txt", "b.html", "skip.png"):
        (tmp_path / "d" / name).write_text("text", encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": str(i), "text": "t"}) + "\n" for i in range(3)), encoding="utf-8")
    assert count_inputs([str(tmp_path / "d"), str(corpus), str(tmp_path / "missing.txt")]) == 2 + 3 + 1
    assert count_inputs([str(corpus), "https://example.org/feed"]) is None
    assert count_inputs(["-"]) is None


def test_a_piped_ingest_prints_only_its_summary_line(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "x", "text": "Nothing happened here today."}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "--db", str(tmp_path / "db.duckdb"), str(corpus)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if not line.startswith("eventscope: first run")]
    assert lines == ["1 articles, 0 events stored; 0 unchanged, 0 quarantined"]
