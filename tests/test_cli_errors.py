"""cli: a user's mistake is one coded line on stderr, exit 2 for usage and 1 at run time, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventscope import __version__
from eventscope.cli import app

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "store"))

from corpus import articles, write_corpus  # noqa: E402
from linex import extract  # noqa: E402

from eventscope.ingest import read_inputs  # noqa: E402
from eventscope.store import Store, ingest  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    path = folder / "db.duckdb"
    with Store(str(path)) as store:
        ingest(read_inputs([str(write_corpus(folder / "c.jsonl", articles(400)))]), store, extract, batch_size=200)
    return path


def one_line(text: str) -> str:
    lines = text.splitlines()
    assert len(lines) == 1 and lines[0].startswith("eventscope: [E") and "Traceback" not in text, text
    return lines[0]


@pytest.mark.parametrize(("args", "code", "option"), [
    (["events", "--since", "2022/03/01"], "[E070]", "--since"),
    (["events", "--until", "March"], "[E070]", "--until"),
    (["events", "--near", "35,69"], "[E070]", "--near"),
    (["events", "--near", "95,69,10"], "[E070]", "--near"),
    (["control", "Palmyra", "--at", "yesterday"], "[E070]", "--at"),
    (["places", "--format", "table", "x.txt"], "[E070]", "--format"),
    (["times", "--format", "table", "x.txt"], "[E070]", "--format"),
    (["events", "--no-such-option"], "[E070]", "--no-such-option"),
])  # fmt: skip
def test_a_bad_option_value_is_a_one_line_usage_error_with_status_2(
    db: Path, args: list[str], code: str, option: str
) -> None:
    result = CliRunner().invoke(app, [*args, *(["--db", str(db)] if args[0] in ("events", "control") else [])])
    line = one_line(result.stderr)
    assert result.exit_code == 2 and code in line and option in line


@pytest.mark.parametrize("command", [["events"], ["export"], ["control", "Palmyra"]])
def test_a_missing_database_is_a_one_line_runtime_error_with_status_1(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "missing.duckdb"
    result = CliRunner().invoke(app, [*command, "--db", str(missing)])
    line = one_line(result.stderr)
    assert result.exit_code == 1 and "[E040]" in line and str(missing) in line and "no such file" in line
    assert not missing.exists()  # a reader creates nothing


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/events.duckdb", "file:///srv/data/events.duckdb"])
@pytest.mark.parametrize("command", [["ingest", "--lock-wait", "0"], ["events"]])
def test_a_url_given_as_the_database_is_one_line_and_nothing_is_fetched_or_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Rebels attacked an army post on Monday.\n")
    result = CliRunner().invoke(app, [*command, "--db", url, *(["a.txt"] if command[0] == "ingest" else [])])
    line = one_line(result.stderr)
    assert result.exit_code == 1 and line.startswith(f"eventscope: [E040] database {url}: not a file path: a ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no folder named 'http:' or 'file:'


def test_version_prints_the_package_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"eventscope {__version__}"


def test_control_csv_prints_csv(db: Path) -> None:
    result = CliRunner().invoke(app, ["control", "Palmyra", "--db", str(db), "-f", "csv"])
    assert result.exit_code == 0 and result.stdout.splitlines()[0].startswith("start,end,controller")


def test_parquet_without_out_goes_to_stdout_not_to_a_file(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "parquet"])
    assert result.exit_code == 0 and result.stdout_bytes[:4] == b"PAR1" and not (tmp_path / "events.parquet").exists()


def test_a_reader_closing_the_pipe_early_ends_the_command_with_status_0(db: Path) -> None:
    command = [sys.executable, "-m", "eventscope", "events", "--db", str(db), "--format", "jsonl"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().startswith(b"{")  # `| head -1`
    proc.stdout.close()
    assert proc.wait(timeout=60) == 0 and proc.stderr.read() == b""


SYRIA_ROW = ("169575\tHims\tHims\tHoms\t34.72682\t36.72339\tP\tPPLA\tSY\t\t11\t\t\t\t775404\t\t501\tAsia/Damascus"
             "\t2012-01-18\n")  # a row of GeoNames' geoname table (SY.txt)  # fmt: skip


def test_gazetteer_build_reads_the_zip_geonames_serves(tmp_path: Path) -> None:
    import zipfile

    dump, out = tmp_path / "SY.zip", tmp_path / "g.sqlite"
    with zipfile.ZipFile(dump, "w") as archive:
        archive.writestr("readme.txt", "GeoNames readme, not a dump\n")
        archive.writestr("SY.txt", SYRIA_ROW)
    result = CliRunner().invoke(app, ["gazetteer", "build", str(dump), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert out.stat().st_size > 0


@pytest.mark.parametrize("content", [b"SY.11\tHims\tHims\t169575\n", b"\xe8\x00\xff" * 50, b"PK\x03\x04broken"])
def test_gazetteer_build_of_a_file_that_is_no_geonames_dump_is_one_line(tmp_path: Path, content: bytes) -> None:
    dump = tmp_path / ("admin1CodesASCII.txt" if content[:2] != b"PK" else "allCountries.zip")
    dump.write_bytes(content)
    result = CliRunner().invoke(app, ["gazetteer", "build", str(dump), "--out", str(tmp_path / "g.sqlite")])
    line = one_line(result.stderr)
    assert result.exit_code == 1 and "[E030]" in line and str(dump) in line


def test_tables_are_tab_separated_rows_when_stdout_is_not_a_terminal(db: Path) -> None:
    result = CliRunner().invoke(app, ["events", "--db", str(db)])
    header, *rows = result.stdout.splitlines()
    assert result.exit_code == 0 and header.split("\t")[:3] == ["event_id", "date_start", "event_type"]
    assert rows and all(len(row.split("\t")) == len(header.split("\t")) for row in rows)
    assert not any(c in result.stdout for c in "┃━│")


def test_a_writer_that_cannot_get_the_file_says_who_holds_it_in_one_line(db: Path) -> None:
    from eventscope.errors import StoreError
    from eventscope.store.db import connect

    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(30)", str(db)],
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreError) as raised:
            connect(str(db), read_only=False, wait=0.3)
    finally:
        holder.kill()
        holder.wait()
    assert "[E040]" in str(raised.value) and "another process holds the file" in str(raised.value)


def test_ingest_that_cannot_get_the_file_waits_as_long_as_told_then_says_so_in_one_line(tmp_path: Path) -> None:
    db, story = tmp_path / "held.duckdb", tmp_path / "story.txt"
    story.write_text("Government troops clashed with rebels near the town on Monday, officials said.")
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(30)", str(db)],
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        result = CliRunner().invoke(app, ["ingest", "--db", str(db), "--lock-wait", "0.5", str(story)])
    finally:
        holder.kill()
        holder.wait()
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 1 and len(lines) == 1 and "Traceback" not in result.stderr
    assert "[E040]" in lines[0] and "another process holds the file" in lines[0] and "waited 0.5 s" in lines[0]


def test_ingest_says_why_it_quarantined_each_input(tmp_path: Path) -> None:
    empty, missing = tmp_path / "empty.txt", tmp_path / "missing.txt"
    empty.write_text("")
    result = CliRunner().invoke(app, ["ingest", "--db", str(tmp_path / "db.duckdb"), str(empty), str(missing)])
    said = [line for line in result.stderr.splitlines() if "skipped " in line and ": [E" in line]
    assert result.exit_code == 1 and len(said) == 2
    assert f"{empty}: [E001]" in said[0] and f"{missing}: [E009]" in said[1]


def test_the_command_line_starts_without_loading_spacy_or_the_gazetteer() -> None:
    code = "import sys, eventscope.cli; print(sorted(m for m in ('spacy', 'eventscope.places') if m in sys.modules))"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert found.stdout.strip() == "[]"  # `eventscope --help` and the store commands need neither


@pytest.mark.parametrize("command", [["extract"], ["places"], ["ingest", "--db", "db.duckdb"]])
def test_a_missing_gazetteer_file_is_one_configuration_error_not_one_per_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("EVENTSCOPE_GAZETTEER", str(tmp_path / "gone.sqlite"))
    texts = [tmp_path / f"{i}.txt" for i in range(3)]
    for text in texts:
        text.write_text("Syrian jets bombed rebel positions in Idlib on Monday.\n")
    result = CliRunner().invoke(app, [*command, *map(str, texts)])
    line = one_line(result.stderr)
    assert result.exit_code == 1 and "[E030]" in line and "gone.sqlite" in line and "EVENTSCOPE_GAZETTEER" in line
