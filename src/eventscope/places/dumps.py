"""GeoNames dumps as users download them -> ``build.build_gazetteer``.

GeoNames serves its geoname tables zipped (``allCountries.zip``, ``SY.zip``: the table and a
readme); a zip's tables are unpacked into a temporary folder first.  A file that is not a dump
(not UTF-8, not a zip, another GeoNames table) is one coded error naming it.  Kept apart from
``build`` so that reading user dumps does not change the embedded index's cache key.
"""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

from ..errors import ConfigError
from .build import build_gazetteer as _build_from_tables


def build_gazetteer(paths: list[str], out: str) -> None:
    """GeoNames dump files (geoname table format, .txt or GeoNames' .zip) -> a gazetteer index at ``out``."""
    with tempfile.TemporaryDirectory(prefix="eventscope-geonames-") as tmp:
        tables = [table for path in paths for table in _tables(path, Path(tmp))]
        try:
            _build_from_tables(tables, out)
        except UnicodeDecodeError as err:
            raise ConfigError("E030", path=",".join(paths), detail=f"not a GeoNames dump ({err})") from err


def _tables(path: str, tmp: Path) -> list[str]:
    if not path.endswith(".zip") or not Path(path).is_file():
        return [path]
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if m.endswith(".txt") and not m.startswith("readme")]
            folder = tmp / Path(path).stem
            return [archive.extract(m, folder) for m in members]
    except zipfile.BadZipFile as err:
        raise ConfigError("E030", path=path, detail=f"not a GeoNames dump ({err})") from err
