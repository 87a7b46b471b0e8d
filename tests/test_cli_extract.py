"""cli: extract prints contract records, reports bad inputs by name and exits 1, keeps the rest."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventscope.cli import app

GOOD = "On Monday, Syrian jets bombed rebel positions in Idlib, killing four fighters, a monitor said.\n"
CONTRACT = {"event_id", "event_type", "sub_event_type", "actor1", "actor2", "assoc_actors", "date_start",
            "date_end", "time_precision", "location", "admin1", "country", "latitude", "longitude",
            "geo_precision", "source", "evidence", "article_ids"}


def test_extract_jsonl_prints_contract_fields_and_skips_bad_files_by_name(tmp_path: Path) -> None:
    good, empty, binary = tmp_path / "good.txt", tmp_path / "empty.txt", tmp_path / "blob.txt"
    good.write_text(GOOD)
    empty.write_bytes(b"")
    binary.write_bytes(b"\x00\x01\x02\x03" * 10)
    result = CliRunner().invoke(app, ["extract", "--format", "jsonl", "--published", "2022-03-02T10:00:00Z",
                                      str(empty), str(good), str(binary)])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert records and set(records[0]) >= CONTRACT
    assert records[0]["evidence"][0]["article_id"] == "good.txt"
    assert records[0]["date_start"] == "2022-02-28"
    assert str(empty) in result.stderr and "[E001]" in result.stderr
    assert str(binary) in result.stderr and "[E002]" in result.stderr


def test_extract_exits_0_when_nothing_was_skipped(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    result = CliRunner().invoke(app, ["extract", str(good), "--published", "2022-03-02"])
    assert result.exit_code == 0
    assert "Air/drone strike" in result.stdout


def test_places_and_times_print_their_contract_records(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    places = CliRunner().invoke(app, ["places", str(good)])
    times = CliRunner().invoke(app, ["times", "--published", "2022-03-02", str(good)])
    place = [json.loads(line) for line in places.stdout.splitlines()]
    time = [json.loads(line) for line in times.stdout.splitlines()]
    assert any(p["name"] == "Idlib" and p["country"] == "SYR" for p in place)
    assert time[0]["text"] == "Monday" and time[0]["value"] == "2022-02-28"
