import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from functools import partial
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "fixtures" / "store"
sys.path.insert(0, str(HERE))

from corpus import articles, dump, write_corpus  # noqa: E402
from linex import HANG, extract  # noqa: E402

from eventscope.ingest import read_inputs  # noqa: E402
from eventscope.merge import Merger  # noqa: E402
from eventscope.report import Reporter  # noqa: E402
from eventscope.store import SCHEMA_VERSION, EventFilter, Store, ingest, query_events  # noqa: E402
from eventscope.store.rows import MERGED_FIELD_COLUMNS  # noqa: E402
from eventscope.store.schema import current_version  # noqa: E402
from eventscope.store.writer import EXTRACT_CHUNK  # noqa: E402


def run(db: Path, *paths: Path, batch_size: int = 4) -> object:
    with Store(str(db)) as store:
        return ingest(read_inputs([str(p) for p in paths]), store, extract, batch_size=batch_size)


def test_database_is_created_and_migrated_on_first_use(tmp_path: Path) -> None:
    db = tmp_path / "sub" / "events.duckdb"
    with Store(str(db)) as store:
        assert current_version(store.conn) == SCHEMA_VERSION
    with Store(str(db)) as store:  # reopening applies nothing twice
        assert store.conn.execute("SELECT count(*) FROM schema_migrations").fetchone() == (SCHEMA_VERSION,)


def _drop_merged_fields(store: Store) -> None:
    store.conn.execute("DROP INDEX events_date")  # (DuckDB drops no column of an indexed table)
    for column, _ in MERGED_FIELD_COLUMNS:
        store.conn.execute(f"ALTER TABLE events DROP COLUMN {column}")
    store.conn.execute("CREATE INDEX events_date ON events (date_start)")
    store.conn.execute("DELETE FROM schema_migrations WHERE version = 7")


def _drop_blocks(store: Store) -> None:
    _drop_merged_fields(store)
    store.conn.execute("DROP TABLE mention_blocks")
    store.conn.execute("DELETE FROM schema_migrations WHERE version = 6")


def _drop_wording(store: Store) -> None:
    _drop_blocks(store)
    store.conn.execute("ALTER TABLE mentions DROP COLUMN wording")
    store.conn.execute("DELETE FROM schema_migrations WHERE version = 5")


def back_to_schema_4(db: Path) -> None:
    """Make ``db`` look like a file written before schema 5 (no wording keys in mentions rows)."""
    with Store(str(db)) as store:
        _drop_wording(store)


def back_to_schema_3(db: Path) -> None:
    """Make ``db`` look like a file written before schema 4 (no mention ids or evidence in events rows)."""
    with Store(str(db)) as store:
        _drop_wording(store)
        store.conn.execute("DROP INDEX events_date")
        store.conn.execute("ALTER TABLE events DROP COLUMN evidence")
        store.conn.execute("ALTER TABLE events DROP COLUMN mention_ids")
        store.conn.execute("CREATE INDEX events_date ON events (date_start)")
        store.conn.execute("DELETE FROM schema_migrations WHERE version = 4")


def test_migration_4_copies_each_events_mentions_and_evidence_into_its_row(tmp_path: Path) -> None:
    run(tmp_path / "db.duckdb", write_corpus(tmp_path / "c.jsonl", articles(9)))
    written = dump(tmp_path / "db.duckdb")
    back_to_schema_3(tmp_path / "db.duckdb")
    with Store(str(tmp_path / "db.duckdb")):
        pass
    assert dump(tmp_path / "db.duckdb") == written


def test_migration_5_keys_the_stored_evidence_as_the_merger_keys_new_mentions(tmp_path: Path) -> None:
    run(tmp_path / "db.duckdb", write_corpus(tmp_path / "c.jsonl", articles(9)))
    sql = "SELECT mention_id, wording FROM mentions ORDER BY mention_id"
    with Store(str(tmp_path / "db.duckdb"), read_only=True) as store:
        written = store.conn.execute(sql).fetchall()
    back_to_schema_4(tmp_path / "db.duckdb")
    with Store(str(tmp_path / "db.duckdb")) as store:
        assert store.conn.execute(sql).fetchall() == written
    assert any(keys for _, keys in written)


def test_migration_6_files_the_stored_mentions_in_the_blocks_the_merger_files_new_ones_in(tmp_path: Path) -> None:
    run(tmp_path / "db.duckdb", write_corpus(tmp_path / "c.jsonl", articles(9)))
    sql = "SELECT * FROM mention_blocks ORDER BY ALL"
    with Store(str(tmp_path / "db.duckdb")) as store:
        written = store.conn.execute(sql).fetchall()
        _drop_blocks(store)
    with Store(str(tmp_path / "db.duckdb")) as store:
        assert store.conn.execute(sql).fetchall() == written
    assert len(written) > 9


def test_migration_7_reconciles_the_stored_mentions_fields_into_their_events_as_the_merger_does(
    tmp_path: Path,
) -> None:
    db = tmp_path / "db.duckdb"
    run(db, write_corpus(tmp_path / "c.jsonl", articles(9)))
    with Store(str(db)) as store:  # mentions that differ in every field the events table lacked before schema 7
        store.conn.execute("""UPDATE mentions SET confidence = 0.5 + hash(mention_id) % 40 / 100,
            hedged = hash(mention_id) % 2 = 0, modality = CASE WHEN hash(mention_id) % 3 = 0 THEN 'claimed'
            ELSE 'asserted' END, date_basis = 'on ' || article_id, location_reason = 'in ' || article_id,
            plover_type = 'ASSAULT', plover_mode = CASE WHEN hash(mention_id) % 2 = 0 THEN 'aerial' END,
            source_via = [article_id]""")
        ids = [r[0] for r in store.conn.execute("SELECT mention_id FROM mentions ORDER BY 1").fetchall()]
        memory = Merger()
        memory.add(store.fetch_mentions(ids))
        _drop_merged_fields(store)
    with Store(str(db)) as store:
        stored = {m.event.event_id: m.event for m in query_events(store, EventFilter())}
    expected = {m.event.event_id: m.event for m in memory.events()}
    fields = [c for c, _ in MERGED_FIELD_COLUMNS]
    assert {k: [getattr(e, f) for f in fields] for k, e in stored.items()} == {
        k: [getattr(e, f) for f in fields] for k, e in expected.items()}
    assert {e.hedged for e in stored.values()} == {True, False} and len({e.confidence for e in stored.values()}) > 1


def test_a_reader_brings_a_file_of_an_older_schema_up_to_date(tmp_path: Path) -> None:
    run(tmp_path / "db.duckdb", write_corpus(tmp_path / "c.jsonl", articles(6)))
    back_to_schema_3(tmp_path / "db.duckdb")
    with Store(str(tmp_path / "db.duckdb"), read_only=True) as store:
        assert len(query_events(store, EventFilter(place="Palmyra"))[0].event.evidence) == 2
        assert store.conn.execute("SELECT max(version) FROM schema_migrations").fetchone() == (SCHEMA_VERSION,)


def test_reingesting_the_same_corpus_adds_no_rows(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", articles(12))
    first = run(tmp_path / "db.duckdb", corpus)
    before = dump(tmp_path / "db.duckdb")
    second = run(tmp_path / "db.duckdb", corpus)
    assert first.articles == 12 and second.articles == 0 and second.unchanged == 12
    assert dump(tmp_path / "db.duckdb") == before


def test_changed_article_at_same_url_becomes_a_new_version(tmp_path: Path) -> None:
    records = articles(2)
    run(tmp_path / "db.duckdb", write_corpus(tmp_path / "v1.jsonl", records))
    records[0]["text"] += "A correction was appended.\n"
    run(tmp_path / "db.duckdb", write_corpus(tmp_path / "v2.jsonl", records))
    with Store(str(tmp_path / "db.duckdb"), read_only=True) as store:
        rows = store.conn.execute("SELECT article_key, version FROM articles ORDER BY ALL").fetchall()
    assert rows == [("https://news0.example/story/0", 1), ("https://news0.example/story/0", 2),
                    ("https://news1.example/story/1", 1)]  # fmt: skip


def _events(db: Path) -> list[tuple[object, ...]]:
    with Store(str(db), read_only=True) as store:
        sql = "SELECT sub_event_type, location, date_start, article_ids, mention_count, fatalities_max FROM events"
        return sorted(store.conn.execute(sql).fetchall(), key=repr)


def test_a_new_version_withdraws_the_old_versions_mentions_from_events(tmp_path: Path) -> None:
    records = articles(6)  # a000 and a003 report the Palmyra clash; a001 alone reports its strike
    run(tmp_path / "db.duckdb", write_corpus(tmp_path / "v1.jsonl", records))
    records[0]["text"] = records[0]["text"].replace("|3\n", "|9\n")  # the correction raises the toll
    records[1]["text"] = "Report number 1 was withdrawn: no strike took place.\n"
    run(tmp_path / "db.duckdb", write_corpus(tmp_path / "v2.jsonl", records), batch_size=2)
    run(tmp_path / "fresh.duckdb", write_corpus(tmp_path / "v2.jsonl", records))
    assert _events(tmp_path / "db.duckdb") == _events(tmp_path / "fresh.duckdb")
    palmyra = [e for e in _events(tmp_path / "db.duckdb") if e[1] == "Palmyra"]
    assert palmyra == [("Armed clash", "Palmyra", date(2017, 3, 1), ["a000", "a003"], 2, 9)]
    with Store(str(tmp_path / "db.duckdb"), read_only=True) as store:
        versions = store.conn.execute("SELECT count(*) FROM articles").fetchone()
        linked = store.conn.execute("SELECT count(*) FROM mentions JOIN event_mentions USING (mention_id)").fetchone()
        mentions = store.conn.execute("SELECT count(*) FROM mentions").fetchone()
    assert versions == (8,) and linked == mentions == (5,)


def test_two_versions_in_one_batch_keep_only_the_newest_mentions(tmp_path: Path) -> None:
    records = articles(3)
    changed = dict(records[0], text=records[0]["text"].replace("|3\n", "|7\n"))
    run(tmp_path / "db.duckdb", write_corpus(tmp_path / "c.jsonl", [records[0], changed, *records[1:]]))
    run(tmp_path / "fresh.duckdb", write_corpus(tmp_path / "f.jsonl", [changed, *records[1:]]))
    assert _events(tmp_path / "db.duckdb") == _events(tmp_path / "fresh.duckdb")


def test_bad_inputs_are_quarantined_and_the_rest_is_stored(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    good = [json.dumps(r) for r in articles(3)]
    corpus.write_text("\n".join([good[0], "{not json", good[1], '{"id": "x"}', good[2]]) + "\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    stats = run(tmp_path / "db.duckdb", corpus, empty)
    assert stats.articles == 3 and stats.rejected == 3
    with Store(str(tmp_path / "db.duckdb"), read_only=True) as store:
        rows = store.conn.execute("SELECT origin, code FROM quarantine ORDER BY origin").fetchall()
    assert rows == [(f"{corpus}:2", "E006"), (f"{corpus}:4", "E007"), (str(empty), "E001")]


def test_an_article_over_its_time_budget_is_quarantined_and_the_rest_of_its_batch_is_stored(tmp_path: Path) -> None:
    records = articles(7)
    hung = {"id": "hung", "text": records[2]["text"] + HANG + "\n", "url": "https://news9.example/hung"}
    corpus = write_corpus(tmp_path / "c.jsonl", [*records[:2], hung, *records[2:]])
    told: list[str] = []
    with Store(str(tmp_path / "db.duckdb")) as store:
        stats = ingest(read_inputs([str(corpus)]), store, extract, batch_size=4,
                       on_reject=Reporter(told.append).rejected, budget=0.5)  # fmt: skip
    assert stats.articles == 7 and stats.rejected == 1
    assert told == [f"eventscope: skipped {corpus}:3: [E051] extraction took longer than the budget of 0.5 s per "
                    "article (EVENTSCOPE_ARTICLE_SECONDS); the article was skipped"]  # fmt: skip
    run(tmp_path / "alone.duckdb", write_corpus(tmp_path / "good.jsonl", records))
    stored, alone = dump(tmp_path / "db.duckdb"), dump(tmp_path / "alone.duckdb")
    assert [row[:2] for row in stored.pop("quarantine")] == [(f"{corpus}:3", "E051")] and not alone.pop("quarantine")
    for table in (stored, alone):  # the same articles, from other lines of other files
        table["articles"] = [row[:11] + row[12:] for row in table["articles"]]
    assert stored == alone


def test_ingest_order_does_not_change_the_database(tmp_path: Path) -> None:
    records = articles(15)
    run(tmp_path / "a.duckdb", write_corpus(tmp_path / "a.jsonl", records))
    run(tmp_path / "b.duckdb", write_corpus(tmp_path / "b.jsonl", records[::-1]), batch_size=7)
    a, b = dump(tmp_path / "a.duckdb"), dump(tmp_path / "b.duckdb")
    assert {k: v for k, v in a.items() if k != "articles"} == {k: v for k, v in b.items() if k != "articles"}


def test_kill_9_mid_ingest_then_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", articles(40))
    script = [sys.executable, str(HERE / "run_ingest.py")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), *filter(None, [os.environ.get("PYTHONPATH")])])}
    subprocess.run([*script, str(tmp_path / "clean.duckdb"), str(corpus)], check=True, env=env)
    crashed = tmp_path / "crashed.duckdb"
    slow = [*script, str(crashed), str(corpus), "0.02"]
    proc = subprocess.Popen(slow, env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for seen, _ in enumerate(proc.stdout, start=1):
        if seen == 13:  # two batches of 5 committed, the third half done
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    partial_rows = dump(crashed)["articles"]
    assert 10 <= len(partial_rows) < 40
    subprocess.run([*script, str(crashed), str(corpus)], check=True, env=env)
    assert dump(crashed) == dump(tmp_path / "clean.duckdb")


CRASH_ARTICLES = 2000  # the ingest killed at five moments
CRASH_BATCH = 64  # articles per transaction in the ingest killed (the default)
RERUN_BATCH = 500  # in the reference run and the reruns: quicker, the same database (test_batch_size_...)


def _ingest_command(db: Path, corpus: Path) -> list[str]:
    """run_ingest.py printing a line per article (the moments to kill at are counted in them)."""
    return [sys.executable, str(HERE / "run_ingest.py"), str(db), str(corpus), "0", str(CRASH_BATCH)]


def _kill_after(command: list[str], env: dict[str, str], lines: int, pause: float) -> None:
    """Start the ingest, read ``lines`` of its progress, wait ``pause`` s more, and kill it (-9) mid-run."""
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for seen, _ in enumerate(proc.stdout, start=1):
        if seen >= lines:
            break
    time.sleep(pause)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL  # still running when killed: the kill landed mid-ingest


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    with Store(str(db), read_only=True) as store:
        return int(store.conn.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]


@pytest.mark.slow  # 2,000 articles ingested about 5 times over in all: 78 s on 2 shared cores at load 3 (test-all)
def test_kill_9_at_five_moments_of_a_2000_article_ingest_then_each_rerun_equals_an_uninterrupted_run(
    tmp_path: Path,
) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", articles(CRASH_ARTICLES))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), *filter(None, [os.environ.get("PYTHONPATH")])])}
    run(tmp_path / "clean.duckdb", corpus, batch_size=RERUN_BATCH)
    clean = dump(tmp_path / "clean.duckdb")
    rng = random.Random(16)
    crashed, stored = tmp_path / "crashed.duckdb", [0]
    fifth = (CRASH_ARTICLES - 400) // 5  # a moment in each fifth of the run, leaving at least 400 articles to go
    for moment in [rng.randrange(1 + i * fifth, (i + 1) * fifth) for i in range(5)]:
        # each kill stops an ingest run on the file the kill before it left, up to 0.6 s (a batch or more: its
        # extraction, its merge or its commit) after the moment's article came out
        _kill_after(_ingest_command(crashed, corpus), env, max(1, moment - stored[-1]), rng.uniform(0.0, 0.6))
        rerun = tmp_path / f"rerun-{moment}.duckdb"
        for suffix in ("", ".wal"):  # the file as the kill left it
            if Path(f"{crashed}{suffix}").exists():
                shutil.copyfile(f"{crashed}{suffix}", f"{rerun}{suffix}")
        stored.append(_stored(crashed))
        run(rerun, corpus, batch_size=RERUN_BATCH)
        assert dump(rerun) == clean, f"the rerun after the kill near article {moment}"
    assert stored == sorted(stored) and 0 < stored[-1] < CRASH_ARTICLES, stored


def test_a_reader_can_query_while_an_ingest_runs(tmp_path: Path) -> None:
    total = 3 * EXTRACT_CHUNK  # the ingest extracts a chunk at a time: readers get in between chunks
    corpus = write_corpus(tmp_path / "c.jsonl", articles(total))
    db = tmp_path / "live.duckdb"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), *filter(None, [os.environ.get("PYTHONPATH")])])}
    proc = subprocess.Popen([sys.executable, str(HERE / "run_ingest.py"), str(db), str(corpus), "0.02"], env=env,
                            stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert proc.stdout is not None
    counts = []
    for seen, _ in enumerate(proc.stdout, start=1):
        if seen % 6 == 0:
            with Store(str(db), read_only=True) as store:
                counts.append(store.conn.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]
    assert proc.wait() == 0
    with Store(str(db), read_only=True) as store:
        final = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]  # type: ignore[index]
    assert counts == sorted(counts) and 0 < counts[0] < total and counts[-1] <= final == total


@pytest.mark.parametrize("batch_size", [1, 100])
def test_batch_size_does_not_change_the_database(tmp_path: Path, batch_size: int) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", articles(9))
    run(tmp_path / "ref.duckdb", corpus)
    run(tmp_path / "other.duckdb", corpus, batch_size=batch_size)
    assert dump(tmp_path / "ref.duckdb") == dump(tmp_path / "other.duckdb")


def test_line_extractor_is_deterministic() -> None:
    assert partial(extract, delay=0.0)  # the stand-in used by the subprocess tests


@pytest.mark.parametrize("batch_size", [1, 3])
def test_the_files_events_equal_an_in_memory_merge_of_its_mentions(tmp_path: Path, batch_size: int) -> None:
    records = articles(12)
    first, second = write_corpus(tmp_path / "v1.jsonl", records), tmp_path / "v2.jsonl"
    records[0]["text"] = records[0]["text"].replace("|3\n", "|9\n")  # corrections: the old versions are withdrawn
    records[1]["text"] = "Report number 1 was withdrawn: no strike took place.\n"
    write_corpus(second, records)
    run(tmp_path / "db.duckdb", first, batch_size=batch_size)
    run(tmp_path / "db.duckdb", second, batch_size=batch_size)
    with Store(str(tmp_path / "db.duckdb"), read_only=True) as store:
        ids = [r[0] for r in store.conn.execute("SELECT mention_id FROM mentions ORDER BY 1").fetchall()]
        memory = Merger()
        memory.add(store.fetch_mentions(ids))
        stored = store.conn.execute("SELECT event_id, mention_ids FROM events ORDER BY 1").fetchall()
    assert stored == [(m.event.event_id, list(m.mention_ids)) for m in memory.events()]
    assert any(len(m.mention_ids) > 1 for m in memory.events())
