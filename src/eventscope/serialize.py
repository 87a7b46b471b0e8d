"""Records -> JSON-ready dicts in the field names of the evaluation contract."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from .records import Event, Evidence, PlaceMention, TimeExpr


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def event_record(event: Event) -> dict[str, Any]:
    return {
        "event_id": event.event_id, "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": event.actor1, "actor1_type": event.actor1_type, "actor2": event.actor2,
        "actor2_type": event.actor2_type, "assoc_actors": list(event.assoc_actors),
        "date_start": _day(event.date_start), "date_end": _day(event.date_end),
        "time_precision": event.time_precision, "date_basis": event.date_basis,
        "location": event.location, "admin1": event.admin1, "country": event.country,
        "latitude": event.latitude, "longitude": event.longitude, "geo_precision": event.geo_precision,
        "location_reason": event.location_reason, "fatalities": event.fatalities,
        "source": event.source, "source_via": list(event.source_via), "hedged": event.hedged,
        "modality": event.modality, "confidence": round(event.confidence, 3),
        "plover_type": event.plover_type, "plover_mode": event.plover_mode,
        "evidence": [{"article_id": e.article_id, "text": e.text, "start": e.start, "end": e.end}
                     for e in event.evidence],
        "article_ids": list(event.article_ids),
    }


def event_from_record(record: dict[str, Any]) -> Event:
    """The Event an ``event_record`` was made of (fields it lacks take the record's defaults)."""
    evidence = tuple(Evidence(e["article_id"], e["start"], e["end"], e["text"]) for e in record.get("evidence", ()))
    day: dict[str, Any] = {k: date.fromisoformat(record[k]) if record.get(k) else None
                           for k in ("date_start", "date_end")}  # fmt: skip
    plain: dict[str, Any] = {k: record[k] for k in _PLAIN if k in record}
    return Event(
        **plain, **day, assoc_actors=tuple(record.get("assoc_actors", ())), evidence=evidence,
        article_ids=tuple(record.get("article_ids", ())), source_via=tuple(record.get("source_via", ())),
    )  # fmt: skip


_PLAIN = ("event_id", "event_type", "sub_event_type", "actor1", "actor2", "time_precision", "location", "admin1",
          "country", "latitude", "longitude", "geo_precision", "source", "actor1_type", "actor2_type", "fatalities",
          "modality", "hedged", "confidence", "date_basis", "location_reason", "plover_type",
          "plover_mode")  # fmt: skip


def place_record(article_id: str, place: PlaceMention) -> dict[str, Any]:
    return {
        "article_id": article_id, "text": place.text, "start": place.start, "end": place.end,
        "name": place.name, "geonameid": place.geonameid, "latitude": place.latitude,
        "longitude": place.longitude, "country": place.country, "admin1": place.admin1,
        "feature_code": place.feature_code, "precision": place.precision, "parent": place.parent,
        "reason": place.reason,
    }


def time_record(article_id: str, expr: TimeExpr) -> dict[str, Any]:
    return {
        "article_id": article_id, "text": expr.text, "start": expr.start, "end": expr.end,
        "type": expr.type, "value": expr.value, "date_start": _day(expr.date_start),
        "date_end": _day(expr.date_end), "granularity": expr.granularity, "mod": expr.mod,
        "future": expr.future,
    }


def dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=False)
