"""Merged events -> JSON Lines, CSV, ACLED CSV, GeoJSON and Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from ..control import Period
from ..merge import MergedEvent
from ..places.admin2 import admin2_names
from ..serialize import event_record
from .regions import acled_region

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
TABLE_COLUMNS = ("event_id", "date_start", "event_type", "sub_event_type", "actor1", "actor2", "location",
                 "country", "fatalities", "source_count")  # fmt: skip
DISORDER = {"Protests": "Demonstrations", "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
NOTE_SENTENCES = 3  # evidence sentences quoted in an ACLED note


def event_json(merged: MergedEvent) -> dict[str, Any]:
    """The contract's event fields, plus every report, source and the fatalities range."""
    record = event_record(merged.event)
    record.update(
        sources=list(merged.sources), source_count=merged.source_count, mention_ids=list(merged.mention_ids),
        fatalities_min=merged.event.fatalities, fatalities_max=merged.fatalities_max,
    )  # fmt: skip
    return record


def notes(merged: MergedEvent) -> str:
    """An ACLED-style note quoted from the evidence: the first sentences, then how many reports."""
    e = merged.event
    seen = list(dict.fromkeys(" ".join(ev.text.split()) for ev in e.evidence))
    when = f"On {e.date_start.isoformat()}" if e.date_start else "On an unknown date"
    text = " ".join(seen[:NOTE_SENTENCES])
    reports = len(e.article_ids)
    return f"{when}: {text} [{reports} report{'s' if reports != 1 else ''}]"


def acled_rows(found: Sequence[MergedEvent], stamps: dict[str, int]) -> Iterator[dict[str, Any]]:
    """ACLED rows of merged events; ``stamps``: event id -> Unix time of its last write.  admin2 comes from
    the coordinates (``places.admin2``), looked up for all the events at once."""
    points = [(m.event.latitude, m.event.longitude, m.event.geo_precision, m.event.country) for m in found]
    for merged, admin2 in zip(found, admin2_names(points), strict=True):
        yield acled_row(merged, stamps.get(merged.event.event_id), admin2)


def acled_row(merged: MergedEvent, timestamp: int | None = None, admin2: str = "") -> dict[str, Any]:
    """ACLED's columns; ``timestamp`` is the Unix time the store last wrote the event, ``admin2`` the
    second-order region if known.  admin3 and source_scale stay empty: nothing stored tells them."""
    e = merged.event
    inter1, inter2 = e.actor1_type or "", e.actor2_type or ""
    deaths = "" if merged.fatalities_max is None or merged.fatalities_max == e.fatalities else (
        f"fatalities reported {e.fatalities}-{merged.fatalities_max}")  # fmt: skip
    return {
        "event_id_cnty": f"{e.country or 'XXX'}{e.event_id.removeprefix('ev-')[:10].upper()}",
        "event_date": e.date_start.isoformat() if e.date_start else "",
        "year": e.date_start.year if e.date_start else "", "time_precision": e.time_precision or "",
        "disorder_type": DISORDER.get(e.event_type, "Political violence"), "event_type": e.event_type,
        "sub_event_type": e.sub_event_type, "actor1": e.actor1 or "", "assoc_actor_1": "; ".join(e.assoc_actors),
        "inter1": inter1, "actor2": e.actor2 or "", "assoc_actor_2": "", "inter2": inter2,
        "interaction": "-".join(x for x in (inter1, inter2) if x),
        "civilian_targeting": "Civilian targeting" if inter2 == "Civilians" else "",
        "iso": _iso_numeric(e.country), "region": acled_region(e.country), "country": _country_name(e.country),
        "admin1": e.admin1 or "", "admin2": admin2, "admin3": "", "location": e.location or "",
        "latitude": e.latitude if e.latitude is not None else "",
        "longitude": e.longitude if e.longitude is not None else "", "geo_precision": e.geo_precision or "",
        "source": "; ".join(merged.sources), "source_scale": "", "notes": notes(merged),
        "fatalities": e.fatalities if e.fatalities is not None else 0, "tags": deaths,
        "timestamp": "" if timestamp is None else timestamp,
    }  # fmt: skip


def _iso_numeric(alpha3: str | None) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_3=alpha3) if alpha3 else None
    return str(int(found.numeric)) if found else ""


def _country_name(alpha3: str | None) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_3=alpha3) if alpha3 else None
    return str(found.name) if found else (alpha3 or "")


def write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: flat(v) for k, v in row.items()})


def flat(value: Any) -> Any:
    """A CSV cell: a list becomes its items joined by '; '."""
    return "; ".join(map(str, value)) if isinstance(value, list) else value


def period_json(period: Period) -> dict[str, Any]:
    return {
        "controller": period.controller, "start": period.start.isoformat(),
        "end": period.end.isoformat() if period.end else None, "partial": period.partial, "scope": period.scope,
        "change": period.change, "previous": period.previous, "event_id": period.event_id,
        "evidence": [{"article_id": e.article_id, "text": e.text, "start": e.start, "end": e.end}
                     for e in period.evidence],
    }  # fmt: skip


def write_jsonl(events: Iterable[MergedEvent], out: IO[str]) -> None:
    for merged in events:
        out.write(json.dumps(event_json(merged), ensure_ascii=False) + "\n")


def geojson(events: Iterable[MergedEvent]) -> dict[str, Any]:
    features = [f for f in map(geojson_feature, events) if f is not None]
    return {"type": "FeatureCollection", "features": features}


def geojson_feature(merged: MergedEvent) -> dict[str, Any] | None:
    """The event as a GeoJSON point feature (None when it has no position)."""
    e = merged.event
    if e.latitude is None or e.longitude is None:
        return None
    props = {k: v for k, v in event_json(merged).items() if k not in ("latitude", "longitude", "evidence")}
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [e.longitude, e.latitude]},
            "properties": props}  # fmt: skip


def write_parquet(events: Iterable[MergedEvent], path: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [event_json(m) for m in events]
    for record in records:
        record["evidence"] = json.dumps(record["evidence"], ensure_ascii=False)
    pq.write_table(pa.Table.from_pylist(records), path)
