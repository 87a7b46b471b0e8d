"""A damaged database file is one coded line, never a traceback; a writer finds the damage before it writes."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner, Result

HERE = Path(__file__).parent / "fixtures" / "store"
sys.path.insert(0, str(HERE))

from corpus import articles, dump, write_corpus  # noqa: E402
from linex import extract  # noqa: E402

from eventscope.cli import app  # noqa: E402
from eventscope.errors import StoreError  # noqa: E402
from eventscope.ingest import read_inputs  # noqa: E402
from eventscope.store import Store, ingest  # noqa: E402
from eventscope.store.health import HEADER_BYTES  # noqa: E402


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.duckdb"
    with Store(str(path)) as store:
        ingest(read_inputs([str(write_corpus(tmp_path / "c.jsonl", articles(40)))]), store, extract)
    return path


def told(result: Result) -> list[str]:
    assert "Traceback" not in result.stderr and isinstance(result.exception, SystemExit | None)
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_a_truncated_file_is_one_coded_line_for_a_reader_and_for_a_writer(db: Path, tmp_path: Path) -> None:
    with db.open("r+b") as handle:
        handle.truncate(os.path.getsize(db) // 2)
    for args in (["events", "--db", str(db)], ["ingest", "--db", str(db), str(tmp_path / "c.jsonl")]):
        result = CliRunner().invoke(app, args)
        (line,) = told(result)
        assert result.exit_code == 1 and line.startswith(f"eventscope: [E041] database {db} is damaged (truncated: ")


def test_a_file_of_garbage_is_one_coded_line(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(bytes(range(256)) * 400)
    result = CliRunner().invoke(app, ["events", "--db", str(garbage)])
    (line,) = told(result)
    assert result.exit_code == 1 and line.startswith(f"eventscope: [E040] database {garbage}: ")


def _damage_a_block_of(db: Path, table: str) -> None:
    with duckdb.connect(str(db), read_only=True) as conn:
        (block,) = conn.execute(f"SELECT min(block_id) FROM pragma_storage_info('{table}') "
                                  "WHERE persistent AND block_id >= 0").fetchone()
        (size,) = conn.execute("SELECT block_size FROM pragma_database_size()").fetchone()
    with db.open("r+b") as handle:
        handle.seek(HEADER_BYTES + block * size + 64)
        handle.write(b"\xa5" * 512)


def test_a_writer_finds_a_damaged_block_before_it_writes_and_leaves_the_file_as_it_was(db: Path) -> None:
    _damage_a_block_of(db, "articles")
    before = db.read_bytes()
    with pytest.raises(StoreError, match=r"\[E041\] .* damaged \(table articles does not read back: .*checksum"):
        Store(str(db))
    assert db.read_bytes() == before


def test_a_database_error_met_while_the_file_is_in_use_leaves_as_one_coded_error(db: Path) -> None:
    with pytest.raises(StoreError, match=r"^\[E040\] database .*no_such_table"), Store(str(db)) as store:
        store.conn.execute("SELECT * FROM no_such_table")


def test_a_disk_that_fills_mid_ingest_is_one_coded_line_and_a_rerun_with_space_completes(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", articles(100))
    script = [sys.executable, str(HERE / "run_ingest.py")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), *filter(None, [os.environ.get("PYTHONPATH")])])}
    subprocess.run([*script, str(tmp_path / "clean.duckdb"), str(corpus)], check=True, env=env, capture_output=True)
    room = os.path.getsize(tmp_path / "clean.duckdb") // 3  # the file may not grow past this: the disk is full

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (room, room))

    full = tmp_path / "full.duckdb"
    cut = subprocess.run([*script, str(full), str(corpus)], env=env, preexec_fn=small_disk, capture_output=True,
                         text=True)  # fmt: skip
    assert cut.returncode == 1 and "Traceback" not in cut.stderr
    (line,) = cut.stderr.splitlines()
    assert line.startswith(f"eventscope: [E040] database {full}: ") and "File too large" in line
    subprocess.run([*script, str(full), str(corpus)], check=True, env=env, capture_output=True)
    assert dump(full) == dump(tmp_path / "clean.duckdb")
