"""Nothing is lost between extract and the database: ``ingest`` + ``events`` print what ``extract`` printed."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventscope.cli import app

TEXT = (
    "On Monday, Syrian jets bombed rebel positions in Idlib, killing four fighters, a monitor said.\n"
    "Hundreds of people reportedly protested in Aleppo on Tuesday against rising prices.\n"
)
IDENTITY = {"event_id"}  # a merged event's id is the hash of its mentions, not the extracted id


def _lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_ingest_then_events_prints_every_field_extract_printed(tmp_path: Path) -> None:
    article, db = tmp_path / "story.txt", tmp_path / "db.duckdb"
    article.write_text(TEXT, encoding="utf-8")
    when = ["--published", "2022-03-02T10:00:00Z"]
    extracted = CliRunner().invoke(app, ["extract", "--format", "jsonl", *when, str(article)])
    ingested = CliRunner().invoke(app, ["ingest", *when, "--db", str(db), str(article)])
    events = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "jsonl"])
    assert extracted.exit_code == ingested.exit_code == events.exit_code == 0, ingested.output
    before, after = _lines(extracted.stdout), _lines(events.stdout)
    assert len(before) == len(after) >= 2
    key = lambda r: (r["evidence"][0]["start"], r["sub_event_type"])  # noqa: E731
    for one, merged in zip(sorted(before, key=key), sorted(after, key=key), strict=True):
        assert {k: merged[k] for k in one if k not in IDENTITY} == {k: v for k, v in one.items() if k not in IDENTITY}
    assert any(r["plover_type"] for r in after) and any(r["date_basis"] for r in after)
    assert {r["confidence"] for r in after} != {1.0} or {r["modality"] for r in after} != {"asserted"}
