import csv
import io
import json
import sys
from pathlib import Path

from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "store"))

from corpus import articles, write_corpus  # noqa: E402
from linex import extract  # noqa: E402

from eventscope.cli import app  # noqa: E402
from eventscope.ingest import read_inputs  # noqa: E402
from eventscope.store import EventFilter, Store, ingest, query_events  # noqa: E402
from eventscope.store.export import ACLED_COLUMNS  # noqa: E402

UNPLACED = {"id": "nowhere", "text": "EV|Protests|Peaceful protest|Protesters||2017-03-05||||\n"}
WRITTEN = 1_700_000_000  # the store's clock in these tests (Unix time)


def build(tmp_path: Path, n: int = 9, clock: float = WRITTEN) -> Path:
    db = tmp_path / "db.duckdb"
    corpus = write_corpus(tmp_path / f"c{n}.jsonl", articles(n))
    with Store(str(db), clock=lambda: clock) as store:
        ingest(read_inputs([str(corpus)]), store, extract)
    return db


def test_events_jsonl_lists_every_merged_report(tmp_path: Path) -> None:
    db = build(tmp_path)
    result = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    palmyra = [r for r in records if r["location"] == "Palmyra"]
    assert len(palmyra) == 1 and palmyra[0]["article_ids"] == ["a000", "a003", "a006"]
    assert palmyra[0]["source_count"] == 3 and palmyra[0]["sources"] == ["news0.example", "news2.example",
                                                                          "news3.example"]  # fmt: skip
    assert (palmyra[0]["fatalities_min"], palmyra[0]["fatalities_max"]) == (3, 6)
    assert {e["article_id"] for e in palmyra[0]["evidence"]} == {"a000", "a003", "a006"}


def test_event_filters(tmp_path: Path) -> None:
    with Store(str(build(tmp_path)), read_only=True) as store:
        assert len(query_events(store, EventFilter(near=(34.5, 38.3, 20)))) == 1
        assert len(query_events(store, EventFilter(near=(34.5, 38.3, 1)))) == 0
        assert len(query_events(store, EventFilter(actor="russia"))) == 6
        assert len(query_events(store, EventFilter(event_type="Armed clash", country="SYR"))) == 1
        assert len(query_events(store, EventFilter(since="2017-03-01", until="2017-03-01"))) == 1  # type: ignore[arg-type]


def test_acled_csv_has_acleds_columns_in_order_and_notes_from_evidence(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--db", str(build(tmp_path)), "--format", "acled-csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    clash = next(r for r in rows if r["sub_event_type"] == "Armed clash")
    assert clash["notes"].startswith("EV|Battles|Armed clash") and "[3 reports]" not in clash["notes"]
    assert clash["iso"] == "760" and clash["country"] == "Syria" and clash["fatalities"] == "3"
    assert clash["region"] == "Middle East" and clash["timestamp"] == str(WRITTEN)
    assert {r["admin3"] for r in rows} == {""}  # nothing stored tells it


def test_acled_timestamp_is_when_the_store_last_wrote_the_event(tmp_path: Path) -> None:
    build(tmp_path)
    db = build(tmp_path, n=10, clock=WRITTEN + 60)  # a010 adds nothing; a009 reports Palmyra again
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "acled-csv"])
    stamps = {r["location"]: r["timestamp"] for r in csv.DictReader(io.StringIO(result.stdout))}
    assert stamps["Palmyra"] == str(WRITTEN + 60)
    assert set(stamps.values()) == {str(WRITTEN), str(WRITTEN + 60)}


def test_actor_filter_takes_percent_and_underscore_literally(tmp_path: Path) -> None:
    with Store(str(build(tmp_path)), read_only=True) as store:
        assert len(query_events(store, EventFilter(actor="Russ"))) == 6
        assert query_events(store, EventFilter(actor="%")) == query_events(store, EventFilter(actor="R_ssia")) == []


def test_geojson_gives_every_event_an_id_and_a_null_geometry_when_it_has_no_coordinates(tmp_path: Path) -> None:
    db = build(tmp_path)
    with Store(str(db)) as store:
        ingest(read_inputs([str(write_corpus(tmp_path / "u.jsonl", [UNPLACED]))]), store, extract)
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "geojson"])
    features = json.loads(result.stdout)["features"]
    assert len(features) == 8 and len({f["id"] for f in features}) == 8
    assert [f["geometry"] for f in features if f["properties"]["location"] is None] == [None]
    assert all(f["geometry"]["type"] == "Point" for f in features if f["properties"]["location"])


def test_parquet_has_one_schema_whatever_the_data_and_geoparquet_metadata(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    full, empty = tmp_path / "full.parquet", tmp_path / "empty.parquet"
    for out, since in ((full, "2000-01-01"), (empty, "2100-01-01")):
        result = CliRunner().invoke(app, ["export", "--db", str(build(tmp_path)), "--format", "parquet", "--out",
                                          str(out), "--since", since])  # fmt: skip
        assert result.exit_code == 0, result.output
    a, b = pq.read_table(full), pq.read_table(empty)
    assert a.schema == b.schema and a.num_rows == 7 and b.num_rows == 0
    assert pa.concat_tables([a, b]).num_rows == 7
    assert a.schema.field("date_start").type == pa.date32() and a.schema.field("actor2_type").type == pa.string()
    assert pa.types.is_struct(a.schema.field("evidence").type.value_type)
    assert json.loads(a.schema.metadata[b"geo"])["primary_column"] == "geometry"
    assert a.column("evidence")[0].as_py()[0]["article_id"].startswith("a0")


AT_PALMYRA = "Palmyra|34.56|38.27|"
TAKEN = f"EV|Battles|Non-state actor overtakes territory|Islamic State|Military Forces of Syria|2016-12-11|{AT_PALMYRA}"
RETAKEN = f"EV|Battles|Government regains territory|Military Forces of Syria|Islamic State|2017-03-02|{AT_PALMYRA}"


def test_control_command_prints_the_timeline(tmp_path: Path) -> None:
    db = build(tmp_path)  # its Palmyra event is an armed clash: it changes no control
    with Store(str(db)) as store:
        changes = [{"id": "taken", "text": TAKEN + "\n"}, {"id": "retaken", "text": RETAKEN + "\n"}]
        ingest(read_inputs([str(write_corpus(tmp_path / "t.jsonl", changes))]), store, extract)
    result = CliRunner().invoke(app, ["control", "Palmyra", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    periods = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(p["controller"], p["start"], p["end"], p["change"], p["previous"], p["partial"]) for p in periods] == [
        ("Islamic State", "2016-12-11", "2017-03-02", "Non-state actor overtakes territory", "Military Forces of Syria",
         False),
        ("Military Forces of Syria", "2017-03-02", None, "Government regains territory", "Islamic State", False),
    ]  # fmt: skip
    assert [[e["article_id"] for e in p["evidence"]] for p in periods] == [["taken"], ["retaken"]]
    table = CliRunner().invoke(app, ["control", "Palmyra", "--db", str(db), "--at", "2017-01-15"])
    header, *rows = table.stdout.splitlines()
    assert header.split("\t") == ["from", "until", "controller", "partial", "change", "evidence"]
    assert [row.split("\t")[:3] for row in rows] == [["2016-12-11", "2017-03-02", "Islamic State"]]
