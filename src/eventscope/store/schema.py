"""The database schema, as an ordered list of migrations (documented in docs/schema.md).

A migration is applied once, inside a transaction, and recorded in
``schema_migrations``; opening a database applies the ones it lacks.  Never edit
a released migration: append a new one.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from ..merge import Mention
from ..merge.reconcile import reconcile
from . import rows
from .blocks import fill_blocks
from .sql import insert_rows

_V1 = """
CREATE TABLE articles (
    uid TEXT PRIMARY KEY,            -- article_key '#' version
    article_key TEXT NOT NULL,       -- canonical URL, or 'sha1:' + normalised content hash
    version INTEGER NOT NULL,        -- 1, 2 ... for changed texts at the same key
    content_hash TEXT NOT NULL,
    article_id TEXT NOT NULL,        -- the id the input gave (file name or corpus id)
    url TEXT,
    title TEXT,
    published TIMESTAMPTZ,
    authors TEXT[] NOT NULL,
    agencies TEXT[] NOT NULL,
    outlet TEXT,
    origin TEXT NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (article_key, version)
);
CREATE TABLE mentions (
    mention_id TEXT PRIMARY KEY,
    article_uid TEXT NOT NULL,
    article_id TEXT NOT NULL,
    extracted_id TEXT NOT NULL,      -- Event.event_id as extracted from the one article
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1 TEXT, actor2 TEXT, assoc_actors TEXT[] NOT NULL,
    actor1_type TEXT, actor2_type TEXT,
    date_start DATE, date_end DATE, time_precision INTEGER,
    location TEXT, admin1 TEXT, country TEXT,
    latitude DOUBLE, longitude DOUBLE, geo_precision INTEGER,
    source TEXT, source_via TEXT[] NOT NULL,
    fatalities INTEGER, modality TEXT NOT NULL, hedged BOOLEAN NOT NULL, confidence DOUBLE NOT NULL,
    date_basis TEXT NOT NULL, location_reason TEXT, plover_type TEXT, plover_mode TEXT,
    outlet TEXT, names TEXT[] NOT NULL
);
CREATE TABLE evidence (
    mention_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (mention_id, seq)
);
CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL,
    actor1 TEXT, actor2 TEXT, assoc_actors TEXT[] NOT NULL,
    actor1_type TEXT, actor2_type TEXT,
    date_start DATE, date_end DATE, time_precision INTEGER,
    location TEXT, admin1 TEXT, country TEXT,
    latitude DOUBLE, longitude DOUBLE, geo_precision INTEGER,
    source TEXT, fatalities_min INTEGER, fatalities_max INTEGER,
    sources TEXT[] NOT NULL, source_count INTEGER NOT NULL,
    article_ids TEXT[] NOT NULL, mention_count INTEGER NOT NULL
);
CREATE TABLE event_mentions (
    mention_id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL
);
CREATE TABLE sources (
    name TEXT PRIMARY KEY,
    kind TEXT NOT NULL               -- 'outlet' (publisher or agency) | 'reported' (named in the text)
);
CREATE TABLE quarantine (
    origin TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX events_date ON events (date_start);
CREATE INDEX event_mentions_event ON event_mentions (event_id);
"""

_V2 = """
CREATE TABLE feed_state (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT
);
"""

_V3 = """
ALTER TABLE events ADD COLUMN updated_at BIGINT;  -- Unix time the writer last wrote the event (ACLED's timestamp)
"""

_V4 = """
ALTER TABLE events ADD COLUMN mention_ids VARCHAR[];  -- sorted; the event_mentions rows of the event
ALTER TABLE events ADD COLUMN evidence STRUCT(article_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR)[];
UPDATE events SET mention_ids = d.mention_ids, evidence = coalesce(d.evidence, []) FROM (
    WITH said AS (
        SELECT DISTINCT ON (em.event_id, ev.article_id, ev.start_char, ev.end_char)
            em.event_id, ev.article_id, ev.start_char, ev.end_char, ev.text
        FROM event_mentions em JOIN evidence ev USING (mention_id)
        ORDER BY em.event_id, ev.article_id, ev.start_char, ev.end_char, em.mention_id
    ), grouped AS (
        SELECT event_id, list({'article_id': article_id, 'start_char': start_char, 'end_char': end_char,
                               'text': text} ORDER BY article_id, start_char, end_char) AS evidence
        FROM said GROUP BY event_id
    )
    SELECT event_id, list(mention_id ORDER BY mention_id) AS mention_ids, any_value(g.evidence) AS evidence
    FROM event_mentions LEFT JOIN grouped g USING (event_id) GROUP BY event_id
) d WHERE events.event_id = d.event_id;
"""

_V5 = """
ALTER TABLE mentions ADD COLUMN wording VARCHAR[];  -- merge.wording keys of the evidence sentences
UPDATE mentions SET wording = w.wording FROM (
    SELECT mention_id, list_sort(list_distinct(list(left(md5(words), 16)))) AS wording
    FROM (SELECT mention_id, trim(regexp_replace(lower(text), '[^a-z0-9]+', ' ', 'g')) AS words FROM evidence)
    WHERE len(string_split(words, ' ')) >= 8
    GROUP BY mention_id
) w WHERE mentions.mention_id = w.mention_id;
UPDATE mentions SET wording = [] WHERE wording IS NULL;
"""

_V6 = """
CREATE TABLE mention_blocks (        -- where the merger files a mention: merge.index.block_keys, hashed
    mention_id TEXT NOT NULL,
    block BIGINT NOT NULL,           -- merge.index.block_id of the block key
    first_day INTEGER NOT NULL,      -- the mention's date interval, as proleptic Gregorian ordinals
    last_day INTEGER NOT NULL
);
"""

_V7 = """
-- the reconciled fields of the event's mentions (merge.reconcile)
ALTER TABLE events ADD COLUMN modality VARCHAR;
ALTER TABLE events ADD COLUMN hedged BOOLEAN;
ALTER TABLE events ADD COLUMN confidence DOUBLE;
ALTER TABLE events ADD COLUMN date_basis VARCHAR;
ALTER TABLE events ADD COLUMN location_reason VARCHAR;
ALTER TABLE events ADD COLUMN plover_type VARCHAR;
ALTER TABLE events ADD COLUMN plover_mode VARCHAR;
ALTER TABLE events ADD COLUMN source_via VARCHAR[];
"""

def fill_merged_fields(conn: duckdb.DuckDBPyConnection) -> None:
    """Migration 7: the reconciled mention fields (``rows.MERGED_FIELD_COLUMNS``) of the stored events, by the
    merge's own rule (``merge.reconcile``) over their stored mentions (read at once: a migration runs once)."""
    mentions = {r[0]: rows.mention_from_row(r, ()) for r in
                conn.execute(f"SELECT {rows.MENTION_COLUMNS} FROM mentions").fetchall()}  # fmt: skip
    members: dict[str, list[Mention]] = {}
    for event_id, mention_id in conn.execute("SELECT event_id, mention_id FROM event_mentions ORDER BY ALL").fetchall():
        if mention_id in mentions:
            members.setdefault(event_id, []).append(mentions[mention_id])
    values = [[event_id, *rows.merged_fields(reconcile(found).event)] for event_id, found in members.items()]
    columns = (("event_id", "VARCHAR"), *rows.MERGED_FIELD_COLUMNS)
    conn.execute(f"CREATE TEMP TABLE merged_fields ({', '.join(f'{c} {t}' for c, t in columns)})")
    insert_rows(conn, "merged_fields", columns, values)
    assigned = ", ".join(f"{c} = f.{c}" for c, _ in rows.MERGED_FIELD_COLUMNS)
    conn.execute(f"UPDATE events SET {assigned} FROM merged_fields f WHERE events.event_id = f.event_id")
    conn.execute("DROP TABLE merged_fields")


MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "articles, mentions, evidence, merged events, sources, quarantine", _V1),
    (2, "feed polling state (ETag / Last-Modified)", _V2),
    (3, "events.updated_at (Unix time of the event's last write)", _V3),
    (4, "events.mention_ids and events.evidence (an events query reads one table)", _V4),
    (5, "mentions.wording (keys of the evidence sentences: copies of one story merge)", _V5),
    (6, "mention_blocks (the merger's block index, read per batch instead of held in memory)", _V6),
    (7, "events.modality, hedged, confidence, date_basis, location_reason, plover_type/mode, source_via", _V7),
)
# data a migration computes in Python
FILL: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {6: fill_blocks, 7: fill_merged_fields}
SCHEMA_VERSION = MIGRATIONS[-1][0]


def current_version(conn: duckdb.DuckDBPyConnection) -> int:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)"
    )
    row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def outdated(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether an eventscope file lacks migrations (read without writing: the connection may be read-only)."""
    try:
        row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    except duckdb.CatalogException:  # not (yet) an eventscope file: nothing to bring up to date
        return False
    return bool(row and row[0] is not None and row[0] < SCHEMA_VERSION)


def migrate(conn: duckdb.DuckDBPyConnection) -> int:
    """Apply the missing migrations, each in its own transaction; return the schema version."""
    have = current_version(conn)
    for version, name, sql in MIGRATIONS:
        if version <= have:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            conn.execute(sql)
            if version in FILL:
                FILL[version](conn)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?)", [version, name])
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
    return current_version(conn)
