"""A damaged database file is one coded line, never a traceback; a writer finds the damage before it writes."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

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
from eventscope.store.health import HEADER_BYTES, coded  # noqa: E402


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


def _ingest(db: Path, corpus: Path, **options: Any) -> subprocess.CompletedProcess[str]:
    """run_ingest.py in a process of its own (the line extractor), its output captured."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), *filter(None, [os.environ.get("PYTHONPATH")])])}
    return subprocess.run([sys.executable, str(HERE / "run_ingest.py"), str(db), str(corpus)], env=env,
                          capture_output=True, text=True, **options)  # fmt: skip


@pytest.fixture()
def clean(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus of 100 articles, and the database an ingest of it with room to spare writes."""
    corpus = write_corpus(tmp_path / "c.jsonl", articles(100))
    _ingest(tmp_path / "clean.duckdb", corpus, check=True)
    return corpus, tmp_path / "clean.duckdb"


def _told_the_disk_is_full(cut: subprocess.CompletedProcess[str], db: Path, reason: str,
                           advice: str = "the disk is full: free space and run") -> None:
    assert cut.returncode == 1 and "Traceback" not in cut.stderr
    (line,) = cut.stderr.splitlines()
    assert line.startswith(f"eventscope: [E040] database {db}: {advice}") and reason in line


def test_a_file_size_limit_mid_ingest_is_one_coded_line_and_a_rerun_without_it_completes(
    tmp_path: Path, clean: tuple[Path, Path]
) -> None:
    corpus, reference = clean
    room = os.path.getsize(reference) // 3  # the file may not grow past this: the disk is full

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (room, room))

    full = tmp_path / "full.duckdb"
    _told_the_disk_is_full(_ingest(full, corpus, preexec_fn=small_disk), full, "File too large",
                           advice="the file reached a size limit")
    _ingest(full, corpus, check=True)
    assert dump(full) == dump(reference)


def _mount(disk: Path, options: str) -> str | None:
    """Mount (or remount) a tmpfs at ``disk``; why it could not be done, None when it was."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return "mounting a tmpfs needs root and mount(8)"
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(disk)], capture_output=True, text=True)
    return None if done.returncode == 0 else f"mount -t tmpfs failed: {done.stderr.strip()}"


def test_a_tmpfs_that_fills_mid_ingest_is_one_coded_line_and_a_rerun_with_space_completes(
    tmp_path: Path, clean: tuple[Path, Path]
) -> None:
    corpus, reference = clean
    disk = tmp_path / "disk"
    disk.mkdir()
    if (why := _mount(disk, f"size={os.path.getsize(reference) // 3}")) is not None:  # a third of what it needs
        pytest.skip(why)
    try:
        full = disk / "events.duckdb"
        _told_the_disk_is_full(_ingest(full, corpus), full, "No space left on device")
        assert _mount(disk, f"remount,size={64 << 20}") is None  # room again: the same file, the same command
        _ingest(full, corpus, check=True)
        assert dump(full) == dump(reference)
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True, check=False)


def test_a_full_disk_is_told_even_when_a_long_path_fills_the_detail() -> None:
    path = "/data/" + "x" * 500 + ".duckdb"
    line = str(coded(path, duckdb.IOException(f"Could not write file \"{path}\": No space left on device")))
    assert "the disk is full" in line
