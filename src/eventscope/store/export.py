"""Merged events -> JSON Lines, CSV, ACLED CSV, GeoJSON and Parquet."""

from __future__ import annotations

import csv
import json
import struct
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from ..merge import MergedEvent
from ..records import Event
from ..serialize import event_record
from . import acled

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
TABLE_COLUMNS = ("event_id", "date_start", "event_type", "sub_event_type", "actor1", "actor2", "location",
                 "country", "fatalities", "source_count")  # fmt: skip
NOTE_SENTENCES = 3  # evidence sentences quoted in an ACLED note


@dataclass(frozen=True, slots=True)
class Written:
    """What the store knows of exported events beyond their records (``store.query.written``)."""

    stamps: Mapping[str, int] = field(default_factory=dict)  # event id -> Unix time of its last write
    # event id -> its associated actors that its reports name beside its actor 2 (the rest stand beside actor 1)
    beside_actor2: Mapping[str, frozenset[str]] = field(default_factory=dict)


def event_json(merged: MergedEvent) -> dict[str, Any]:
    """The contract's event fields, plus every report, source and the fatalities range."""
    record = event_record(merged.event)
    record.update(
        sources=list(merged.sources), source_count=merged.source_count, mention_ids=list(merged.mention_ids),
        fatalities_min=merged.event.fatalities, fatalities_max=merged.fatalities_max,
    )  # fmt: skip
    return record


def notes(merged: MergedEvent) -> str:
    """ACLED's note: the first evidence sentences, each once (the date and the reports are columns of their own)."""
    seen = list(dict.fromkeys(" ".join(ev.text.split()) for ev in merged.event.evidence))
    return " ".join(seen[:NOTE_SENTENCES])


def acled_rows(found: Sequence[MergedEvent], written: Written) -> Iterator[dict[str, Any]]:
    """ACLED rows of merged events, with what the store wrote of them.  admin2 comes from the coordinates
    (``places.admin2``), looked up for all the events at once."""
    from ..places.admin2 import admin2_names  # (imported here: places loads spaCy, which `--help` need not)

    points = [(m.event.latitude, m.event.longitude, m.event.geo_precision, m.event.country) for m in found]
    for merged, admin2 in zip(found, admin2_names(points), strict=True):
        eid = merged.event.event_id
        yield acled_row(merged, written.stamps.get(eid), admin2, written.beside_actor2.get(eid, frozenset()))


def acled_row(merged: MergedEvent, timestamp: int | None = None, admin2: str = "",
              beside_actor2: frozenset[str] = frozenset()) -> dict[str, Any]:  # fmt: skip
    """ACLED's columns; ``timestamp`` is the Unix time the store last wrote the event, ``admin2`` the
    second-order region if known, ``beside_actor2`` the associated actors of actor 2's side.  Integer columns
    are integers (0: not known), text columns '' when empty; admin3, source_scale and tags stay empty: nothing
    stored tells them."""
    e = merged.event
    country = acled.acled_country(e.country)
    return {
        "event_id_cnty": f"{e.country or 'XXX'}{e.event_id.removeprefix('ev-')[:10].upper()}",
        "event_date": e.date_start.isoformat() if e.date_start else "",
        "year": e.date_start.year if e.date_start else 0, "time_precision": e.time_precision or 0,
        "disorder_type": acled.disorder_type(e.sub_event_type), "event_type": e.event_type,
        "sub_event_type": e.sub_event_type, **_actor_columns(e, beside_actor2),
        "iso": country.iso if country else 0, "region": country.region if country else "",
        "country": country.name if country else (e.country or ""),
        "admin1": acled.ascii_name(e.admin1), "admin2": acled.ascii_name(admin2), "admin3": "",
        "location": acled.ascii_name(e.location),
        "latitude": e.latitude if e.latitude is not None else "",
        "longitude": e.longitude if e.longitude is not None else "", "geo_precision": e.geo_precision or 0,
        "source": "; ".join(merged.sources), "source_scale": "", "notes": notes(merged),
        "fatalities": e.fatalities if e.fatalities is not None else 0, "tags": "",
        "timestamp": timestamp or 0,
    }  # fmt: skip


def _actor_columns(e: Event, beside_actor2: frozenset[str]) -> dict[str, str]:
    """actor1 ... interaction and civilian_targeting: ACLED's names (state actors with the period of the event's
    day) and categories (foreign state forces External/Other), associated actors by side."""
    inter1 = acled.inter(e.actor1_type, _actor_country(e.actor1, e.actor1_type), e.country)
    inter2 = acled.inter(e.actor2_type, _actor_country(e.actor2, e.actor2_type), e.country)
    day = e.date_start

    def names(side: Iterable[str]) -> str:
        return "; ".join(acled.actor_name(a, day) for a in side)

    return {
        "actor1": acled.actor_name(e.actor1, day),
        "assoc_actor_1": names(a for a in e.assoc_actors if a not in beside_actor2), "inter1": inter1,
        "actor2": acled.actor_name(e.actor2, day),
        "assoc_actor_2": names(a for a in e.assoc_actors if a in beside_actor2), "inter2": inter2,
        "interaction": acled.interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == "Civilians" else "",
    }  # fmt: skip


def _actor_country(name: str | None, actor_type: str | None) -> str | None:
    """The country of a state actor, from the actor dictionary (other actors are not told apart by it)."""
    if not name or actor_type != acled.INTER_CATEGORIES[0]:
        return None
    from ..actors import ActorDictionary

    found = ActorDictionary.default().entry(name)
    return found.actor.country if found else None


def write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: flat(v) for k, v in row.items()})


def flat(value: Any) -> Any:
    """A CSV cell: a list becomes its items joined by '; '."""
    return "; ".join(map(str, value)) if isinstance(value, list) else value


def write_jsonl(events: Iterable[MergedEvent], out: IO[str]) -> None:
    for merged in events:
        out.write(json.dumps(event_json(merged), ensure_ascii=False) + "\n")


def geojson(events: Iterable[MergedEvent]) -> dict[str, Any]:
    """Every event a feature with its event id as ``id``; one without coordinates has ``geometry: null``."""
    return {"type": "FeatureCollection", "features": [geojson_feature(m) for m in events]}


def geojson_feature(merged: MergedEvent) -> dict[str, Any]:
    """The event as a GeoJSON feature: a point, or ``geometry: null`` when it has no position."""
    e = merged.event
    located = e.latitude is not None and e.longitude is not None
    geometry = {"type": "Point", "coordinates": [e.longitude, e.latitude]} if located else None
    props = {k: v for k, v in event_json(merged).items() if k not in ("latitude", "longitude", "evidence")}
    return {"type": "Feature", "id": e.event_id, "geometry": geometry, "properties": props}


def parquet_schema() -> Any:
    """The Parquet export's schema, the same whatever the data (two exports concatenate)."""
    import pyarrow as pa

    text, integer, real, texts = pa.string(), pa.int32(), pa.float64(), pa.list_(pa.string())
    evidence = pa.list_(pa.struct([("article_id", text), ("text", text), ("start", integer), ("end", integer)]))
    kinds = {"date_start": pa.date32(), "date_end": pa.date32(), "time_precision": integer, "latitude": real,
             "longitude": real, "geo_precision": integer, "fatalities": integer, "hedged": pa.bool_(),
             "confidence": real, "evidence": evidence, "source_count": integer, "fatalities_min": integer,
             "fatalities_max": integer, "geometry": pa.binary()}  # fmt: skip
    lists = ("assoc_actors", "source_via", "article_ids", "sources", "mention_ids")
    names = [*PARQUET_COLUMNS, "geometry"]
    return pa.schema([(n, texts if n in lists else kinds.get(n, text)) for n in names], metadata={"geo": GEO})


def write_parquet(events: Iterable[MergedEvent], path: str | IO[bytes]) -> None:
    """Events as GeoParquet: ``event_json``'s fields in explicit types, and a WKB point ``geometry`` (null
    without coordinates)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = []
    for merged in events:
        record = event_json(merged)
        e = merged.event
        record.update(date_start=e.date_start, date_end=e.date_end, geometry=_wkb_point(e.longitude, e.latitude))
        records.append(record)
    pq.write_table(pa.Table.from_pylist(records, schema=parquet_schema()), path)


def _wkb_point(lon: float | None, lat: float | None) -> bytes | None:
    return None if lon is None or lat is None else struct.pack("<BIdd", 1, 1, lon, lat)  # little-endian Point


PARQUET_COLUMNS = (
    "event_id", "event_type", "sub_event_type", "actor1", "actor1_type", "actor2", "actor2_type", "assoc_actors",
    "date_start", "date_end", "time_precision", "date_basis", "location", "admin1", "country", "latitude",
    "longitude", "geo_precision", "location_reason", "fatalities", "source", "source_via", "hedged", "modality",
    "confidence", "plover_type", "plover_mode", "evidence", "article_ids", "sources", "source_count",
    "mention_ids", "fatalities_min", "fatalities_max",
)  # event_json's fields, in its order  # fmt: skip
# GeoParquet 1.1 metadata; no "crs": the default, OGC:CRS84 (WGS84 longitude, latitude)
GEO = json.dumps({"version": "1.1.0", "primary_column": "geometry",
                  "columns": {"geometry": {"encoding": "WKB", "geometry_types": ["Point"]}}})  # fmt: skip
