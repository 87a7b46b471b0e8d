"""Gazetteer: a read-only view of a SQLite index (embedded or user-built).

``Gazetteer.default()`` opens the index named by ``EVENTSCOPE_GAZETTEER`` when
set, else the embedded one, built once from the installed packages into the
cache folder (``EVENTSCOPE_CACHE`` or ``$XDG_CACHE_HOME/eventscope``) under a
name keyed on a hash of the build code and the package versions.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

from ..errors import ConfigError
from ..settings import current
from .names import name_key

ENV_PATH = "EVENTSCOPE_GAZETTEER"  # the gazetteer setting's variable (settings.py)
ISO3_EXTRA = {"XK": "XKX", "AN": "ANT", "CS": "SCG"}
_SELECT = ("SELECT p.geonameid, p.name, p.latitude, p.longitude, p.cc, p.admin1, p.feature_code,"
           " p.population, p.kind, n.is_main FROM names n JOIN places p USING (geonameid)")
_PLACE_COLUMNS = ("SELECT geonameid, name, latitude, longitude, cc, admin1, feature_code, population, kind, 1"
                  " FROM places")  # a feature by itself (its main name), no name looked up
_BUILD_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer feature a name may denote."""

    geonameid: int
    name: str
    latitude: float | None
    longitude: float | None
    cc: str  # ISO2
    admin1: str  # GeoNames admin1 code
    feature_code: str
    population: int
    kind: str  # country, admin1, admin2, city, continent, other
    main_name: bool  # the looked-up name is the feature's main name (not an alias)

    @property
    def country(self) -> str | None:
        return iso3(self.cc)


@lru_cache(maxsize=512)
def iso3(cc: str) -> str | None:
    if not cc:
        return None
    if cc in ISO3_EXTRA:
        return ISO3_EXTRA[cc]
    found = pycountry.countries.get(alpha_2=cc)
    return found.alpha_3 if found else None


def cache_dir() -> Path:
    if current().cache:
        return Path(current().cache)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventscope"


def embedded_path(key: str) -> Path:
    """The embedded index's cache file, named by the hash of its build code and sources."""
    return cache_dir() / f"gazetteer-{key}.sqlite"


class Gazetteer:
    """Name look-up over one index file. Cheap to query; share one per process."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise ConfigError("E030", path=str(path), detail="no such file")
        try:
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            rows = self._con.execute(
                "SELECT cc, admin1, name, geonameid FROM places WHERE kind = 'admin1'").fetchall()
        except sqlite3.DatabaseError as err:
            raise ConfigError("E030", path=str(path), detail=str(err)) from err
        self._admin1 = {(cc, code): name for cc, code, name, _ in rows}
        self._capitals: dict[str, Candidate] | None = None  # by ISO3, read on first use
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: str | Path) -> Gazetteer:
        return cls(path)

    @classmethod
    def default(cls) -> Gazetteer:
        return _default(current().gazetteer)

    def lookup(self, name: str) -> list[Candidate]:
        """Features whose name or alternate name has the same key, most populous first."""
        return list(self._lookup_key(name_key(name)))

    def _lookup_key(self, key: str) -> tuple[Candidate, ...]:
        with self._lock:
            rows = self._con.execute(_SELECT + " WHERE n.key = ?", (key,)).fetchall()
        found = [_candidate(row) for row in rows]
        return tuple(sorted(found, key=lambda c: (-c.population, c.geonameid)))

    def admin1_name(self, cc: str, admin1: str) -> str | None:
        return self._admin1.get((cc, admin1))

    def capital(self, country: str) -> Candidate | None:
        """The capital (GeoNames PPLC) of a country given by its ISO3 code; the most populous of several."""
        with self._lock:
            if self._capitals is None:
                rows = self._con.execute(_PLACE_COLUMNS + " WHERE feature_code = 'PPLC' AND latitude IS NOT NULL"
                                         ).fetchall()
                found = sorted((_candidate(row) for row in rows), key=lambda c: (-c.population, c.geonameid))
                self._capitals = {}
                for candidate in found:
                    self._capitals.setdefault(candidate.country or "", candidate)
            return self._capitals.get(country)

    def get(self, geonameid: int) -> Candidate | None:
        with self._lock:
            row = self._con.execute(_PLACE_COLUMNS + " WHERE geonameid = ?", (geonameid,)).fetchone()
        return _candidate(row) if row else None

    def towns(self, min_population: int) -> list[tuple[str, float, float, int, bool, str]]:
        """(name, latitude, longitude, population, is a capital, ISO2) of the towns and cities of at least
        ``min_population`` people and of every capital, the most populous first (the web map's names)."""
        with self._lock:
            rows = self._con.execute(
                "SELECT name, latitude, longitude, population, feature_code = 'PPLC', cc FROM places"
                " WHERE kind = 'city' AND latitude IS NOT NULL AND longitude IS NOT NULL"
                " AND (population >= ? OR feature_code = 'PPLC') ORDER BY population DESC, geonameid",
                (min_population,),
            ).fetchall()
        return [(n, lat, lon, pop or 0, bool(cap), cc or "") for n, lat, lon, pop, cap, cc in rows]

    def keys_for_matching(self, min_population: int) -> list[tuple[str, str]]:
        """(name key, kind) of regions and of towns above ``min_population``, for the text matcher."""
        with self._lock:
            rows = self._con.execute(
                "SELECT DISTINCT n.key, p.kind FROM names n JOIN places p USING (geonameid)"
                " WHERE p.kind IN ('country', 'admin1', 'continent')"
                " OR (p.kind = 'city' AND p.population >= ?)", (min_population,)).fetchall()
        return [(k, kind) for k, kind in rows]

    def matching_names(self, min_population: int) -> dict[str, str]:
        """name key -> kind for the text matcher (a country or region name wins over a town's), read from a
        JSON copy beside the file when one was written for this file and threshold: the query takes ~1 s,
        paid at every process start otherwise."""
        copy = self.path.with_name(f"{self.path.name}.match-{min_population}.json")
        stamp = [self.path.stat().st_size, self.path.stat().st_mtime_ns]
        try:
            saved = json.loads(copy.read_text(encoding="utf-8"))
            if saved["file"] == stamp:
                return dict(saved["names"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
        names: dict[str, str] = {}
        for key, kind in self.keys_for_matching(min_population):
            if names.get(key) not in ("country", "admin1"):
                names[key] = kind
        _write_atomically(copy, json.dumps({"file": stamp, "names": sorted(names.items())}))
        return names


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file renamed over it; a read-only place is left alone."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


def _candidate(row: tuple) -> Candidate:
    gid, name, lat, lon, cc, admin1, code, population, kind, main = row
    return Candidate(gid, name, lat, lon, cc, admin1, code, population or 0, kind, bool(main))


@lru_cache(maxsize=4)
def _default(path: str) -> Gazetteer:
    if path:
        return Gazetteer(path)
    from .build import build_embedded, embedded_key

    target = embedded_path(embedded_key())
    with _BUILD_LOCK:
        if not target.is_file():
            build_embedded(target)
    return Gazetteer(target)
