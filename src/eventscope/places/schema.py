"""The compact gazetteer index: one SQLite file, two tables.

``places`` holds one row per GeoNames feature; ``names`` maps every name key
(see ``names.name_key``) to the features it may denote.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import astuple, dataclass
from pathlib import Path

SCHEMA_VERSION = 6

CREATE = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, latitude REAL, longitude REAL,
    cc TEXT, admin1 TEXT, feature_code TEXT, population INTEGER, kind TEXT);
CREATE TABLE names (key TEXT NOT NULL, geonameid INTEGER NOT NULL, is_main INTEGER);
"""
INDEX = "CREATE INDEX names_key ON names (key);"


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One GeoNames feature as stored (kind: country, admin1, admin2, city, continent, other)."""

    geonameid: int
    name: str
    latitude: float | None
    longitude: float | None
    cc: str  # ISO 3166-1 alpha-2
    admin1: str  # GeoNames admin1 code within the country ("11", "LA")
    feature_code: str
    population: int
    kind: str


@dataclass(frozen=True, slots=True)
class NameRow:
    key: str
    geonameid: int
    is_main: bool


def write_index(out: str | Path, places: Iterable[PlaceRow], names: Iterable[NameRow],
                meta: dict[str, str]) -> None:
    """Write a fresh index file atomically (a temporary file renamed at the end)."""
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.executescript(CREATE)
        con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?)",
                        (astuple(p) for p in places))
        seen: set[tuple[str, int]] = set()
        con.executemany("INSERT INTO names VALUES (?,?,?)", _unique(names, seen))
        meta = {**meta, "schema_version": str(SCHEMA_VERSION)}
        con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        con.executescript(INDEX)
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    tmp.replace(target)


def _unique(names: Iterable[NameRow], seen: set[tuple[str, int]]) -> Iterable[tuple[str, int, int]]:
    for row in names:
        pair = (row.key, row.geonameid)
        if row.key and pair not in seen:
            seen.add(pair)
            yield (row.key, row.geonameid, int(row.is_main))
