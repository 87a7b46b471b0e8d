"""The OpenAPI 3.1 document of the JSON API, written by hand (it is the contract, not a by-product)."""

from __future__ import annotations

from typing import Any

from ..settings import SETTINGS
from ..store.filters import SORTS
from .params import BBOX_PATTERN, MAX_FATALITIES


def _q(name: str, description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema or {"type": "string", "maxLength": 200}}  # fmt: skip


def _ok(ref: str, description: str) -> dict[str, Any]:
    return {
        "200": {"description": description, "content": {"application/json": {"schema": {"$ref": ref}}}},
        "400": {"description": "a parameter is malformed", "content": _ERROR},
        "401": {"description": "a token is required and was not given", "content": _ERROR},
        "503": {"description": "the query ran past its time limit", "content": _ERROR},
    }


_ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
_DAY = {"type": "string", "format": "date"}
_NSTR = {"type": ["string", "null"]}
_BBOX = _q("bbox", "west,south,east,north in degrees (west > east: a box across the date line)",
           {"type": "string", "pattern": BBOX_PATTERN})
_FILTERS = [
    _q("since", "events that end on or after this day", _DAY),
    _q("until", "events that start on or before this day", _DAY),
    _q("type", "ACLED event type or sub-event type (either matches, as the CLI's --type)"),
    _q("sub_type", "ACLED sub-event type only"),
    _q("actor", "part of an actor's name (case-insensitive)"),
    _q("country", "ISO 3166-1 alpha-3 code"),
    _BBOX,
    _q("q", "part of an evidence sentence or place name (case-insensitive)"),
    _q("admin1", "first-level region (case-insensitive)"),
    _q("actor_type", "ACLED type of actor 1 or actor 2 (State forces, Rebel group, ...)"),
    _q(
        "fatalities",
        "events with at least this many reported deaths",
        {"type": "integer", "minimum": 0, "maximum": MAX_FATALITIES},
    ),
    _q("source", "part of a source's name, or of whom the event is attributed to (case-insensitive)"),
    _q("hide", "event types left out, separated by commas"),
]
_ZOOM = _q("zoom", "the map's zoom level", {"type": "integer", "minimum": 0, "maximum": 20, "default": 5})
_FACET = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["value", "events"],
        "properties": {
            "value": {"type": "string"},
            "events": {"type": "integer", "minimum": 1},
            "within": {**_NSTR, "description": "the country of an admin1, the event type of a sub-event type"},
        },
    },
}
_POINT = {"latitude": {"type": "number"}, "longitude": {"type": "number"}, "name": {"type": "string"}}
_PAGE = [
    _q("limit", "events in the page", {"type": "integer", "minimum": 0, "maximum": 1000, "default": 100}),
    _q("offset", "events to skip", {"type": "integer", "minimum": 0, "maximum": 10_000_000, "default": 0}),
]

_SUMMARY: dict[str, Any] = {
    "type": "object",
    "properties": {
        "event_id": {"type": "string"},
        "event_type": {"type": "string"},
        "sub_event_type": {"type": "string"},
        "actor1": _NSTR,
        "actor2": _NSTR,
        "date_start": _NSTR,
        "date_end": _NSTR,
        "location": _NSTR,
        "country": _NSTR,
        "latitude": {"type": ["number", "null"]},
        "longitude": {"type": ["number", "null"]},
        "fatalities_min": {"type": ["integer", "null"]},
        "fatalities_max": {"type": ["integer", "null"]},
        "source_count": {"type": "integer"},
        "mention_count": {"type": "integer"},
    },  # fmt: skip
    "required": ["event_id", "event_type", "sub_event_type"],
}
_SPAN = {"type": "object", "description": "characters [start, end) of the article's text",
         "properties": {"article_id": {"type": "string"}, "start": {"type": "integer"},
                        "end": {"type": "integer"}, "text": {"type": "string"}}}  # fmt: skip
_SCHEMAS: dict[str, Any] = {
    "Error": {"type": "object", "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}},
    "EventSummary": _SUMMARY,
    "EventPage": {"type": "object", "required": ["has_more", "events"], "properties": {
        "has_more": {"type": "boolean", "description": "more events match than the page holds"},
        "events": {"type": "array", "items": {"$ref": "#/components/schemas/EventSummary"}}}},
    "EventDetail": {"type": "object", "properties": {
        "event": {"$ref": "#/components/schemas/EventSummary"}, "confidence": {"type": "number"},
        "assoc_actors": {"type": "array", "items": {"type": "string"}}, "admin1": _NSTR,
        "actor1_type": _NSTR, "actor2_type": _NSTR, "source": _NSTR,
        "time_precision": {"type": ["integer", "null"], "description": "1 the day, 2 the week, 3 the month"},
        "geo_precision": {"type": ["integer", "null"], "description": "1 the place, 2 near it, 3 the region"},
        "sources": {"type": "array", "items": {"type": "string"}},
        "article_ids": {"type": "array", "items": {"type": "string"}},
        "mentions": {"type": "array", "items": {"type": "object", "properties": {
            "mention_id": {"type": "string"}, "article_uid": {"type": "string"}, "source": _NSTR,
            "outlet": _NSTR, "modality": {"type": "string"}, "hedged": {"type": "boolean"},
            "confidence": {"type": "number"}, "evidence": {"type": "array", "items": _SPAN}}}},
        "articles": {"type": "array", "items": {"type": "object", "properties": {
            "uid": {"type": "string"}, "article_id": {"type": "string"}, "url": _NSTR, "title": _NSTR,
            "published": _NSTR, "outlet": _NSTR, "text": {"type": "string"}}}}}},
    "Clusters": {"type": "object", "required": ["total", "clusters"], "properties": {
        "total": {"type": "integer", "description": "events with a position in the box that match the filters"},
        "clusters": {"type": "array", "items": {"type": "object", "required": ["count", "latitude", "longitude"],
            "properties": {
                "count": {"type": "integer", "minimum": 1}, "latitude": {"type": "number"},
                "longitude": {"type": "number"},
                "extent": {"type": "array", "items": {"type": "number"}, "minItems": 4, "maxItems": 4,
                           "description": "west, south, east, north of its events"},
                "types": {"type": "object", "additionalProperties": {"type": "integer"}},
                "event_id": {"type": ["string", "null"], "description": "the event, when the cluster holds one"},
                "fatalities": {"type": "integer", "minimum": 0,
                               "description": "its events' reported fatalities (lower bounds) added up"}}}}}},
    "ActorPage": {"type": "object", "required": ["has_more", "actors"], "properties": {
        "has_more": {"type": "boolean"},
        "actors": {"type": "array", "items": {"type": "object", "required": ["name", "events"], "properties": {
            "name": {"type": "string"}, "events": {"type": "integer", "minimum": 1},
            "first": {"type": ["string", "null"], "format": "date"},
            "last": {"type": ["string", "null"], "format": "date"}}}}}},
    "PlacePage": {"type": "object", "required": ["has_more", "places"], "properties": {
        "has_more": {"type": "boolean"},
        "places": {"type": "array", "items": {"type": "object", "required": ["name", "events"], "properties": {
            "name": {"type": "string"}, "admin1": _NSTR, "country": _NSTR,
            "latitude": {"type": ["number", "null"]}, "longitude": {"type": ["number", "null"]},
            "events": {"type": "integer", "minimum": 1},
            "first": {"type": ["string", "null"], "format": "date"},
            "last": {"type": ["string", "null"], "format": "date"}}}}}},
    "Counts": {"type": "object", "properties": {"counts": {"type": "array", "items": {"type": "object", "properties": {
        "day": _DAY, "event_type": {"type": "string"}, "count": {"type": "integer"}}}}}},
    "Control": {"type": "object", "properties": {"place": {"type": "string"}, "periods": {"type": "array"}}},
    "Facets": {"type": "object", "properties": {k: _FACET for k in (
        "countries", "admin1s", "event_types", "sub_event_types", "actor_types", "sources")}},
    "Labels": {"type": "object", "required": ["towns", "places"], "properties": {
        "towns": {"type": "array", "description": "the gazetteer's capitals and towns named at this zoom",
                  "items": {"type": "object", "properties": {
                      **_POINT, "population": {"type": "integer"}, "capital": {"type": "boolean"},
                      "cc": {"type": "string"}}}},
        "places": {"type": "array", "description": "places of events, the most frequent first",
                   "items": {"type": "object", "properties": {**_POINT, "events": {"type": "integer"}}}}}},
    "ControlMap": {"type": "object", "required": ["date", "places"], "properties": {"date": _DAY, "places": {
        "type": "array", "items": {"type": "object", "properties": {**_POINT,
            "state": {"type": "string", "enum": ["held", "partial", "contested", "unknown"]},
            "holders": {"type": "array", "description": "the periods of control in force on the day"}}}}}},
}  # fmt: skip


def document() -> dict[str, Any]:
    settings = "; ".join(f"`{s.name}` (${s.env}, default {s.default!r}): {s.help}" for s in SETTINGS)
    return {
        "openapi": "3.1.0",
        "info": {"title": "eventscope", "version": "1", "description": f"Read-only event API. Settings: {settings}."},
        "paths": {
            "/api/events": {
                "get": {
                    "summary": "Events matching the filters, a page at a time",
                    "parameters": [
                        *_FILTERS,
                        *_PAGE,
                        _q(
                            "sort",
                            "the order of the page (a leading - reverses it)",
                            {"type": "string", "enum": list(SORTS), "default": "date"},
                        ),
                    ],
                    "responses": _ok("#/components/schemas/EventPage", "a page of events"),
                }
            },
            "/api/events/{event_id}": {
                "get": {
                    "summary": "One event with its mentions, evidence spans, articles, sources and confidence",
                    "parameters": [{"name": "event_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "responses": {
                        **_ok("#/components/schemas/EventDetail", "the event"),
                        "404": {"description": "no such event", "content": _ERROR},
                    },
                }
            },
            "/api/clusters": {
                "get": {
                    "summary": "Events grouped into 64-pixel cells of the map at a zoom level, with counts by type",
                    "parameters": [
                        *_FILTERS,
                        _q(
                            "zoom",
                            "the map's zoom level",
                            {"type": "integer", "minimum": 0, "maximum": 20, "default": 5},
                        ),
                    ],
                    "responses": _ok("#/components/schemas/Clusters", "clusters"),
                }
            },
            "/api/actors": {
                "get": {
                    "summary": "Actors named in events, the most frequent first",
                    "parameters": [_q("q", "part of the actor's name (case-insensitive)"), *_PAGE],
                    "responses": _ok("#/components/schemas/ActorPage", "a page of actors"),
                }
            },
            "/api/places": {
                "get": {
                    "summary": "Places of events with their mean position and event count, the most frequent first",
                    "parameters": [
                        _q("q", "part of the place's name (case-insensitive)"),
                        _q("country", "ISO 3166-1 alpha-3 code"),
                        *_PAGE,
                    ],
                    "responses": _ok("#/components/schemas/PlacePage", "a page of places"),
                }
            },
            "/api/counts": {
                "get": {
                    "summary": "Events per start day and type",
                    "parameters": _FILTERS,
                    "responses": _ok("#/components/schemas/Counts", "counts"),
                }
            },
            "/api/export": {
                "get": {
                    "summary": "Every event matching the filters (no limit or offset) as a file, streamed",
                    "parameters": [
                        {
                            "name": "format",
                            "in": "query",
                            "required": True,
                            "description": "the file's format",
                            "schema": {"type": "string", "enum": ["acled-csv", "geojson"]},
                        },
                        *_FILTERS,
                    ],
                    "responses": {
                        "200": {
                            "description": "ACLED's CSV columns, or a GeoJSON FeatureCollection of points",
                            "content": {
                                "text/csv": {"schema": {"type": "string"}},
                                "application/geo+json": {"schema": {"type": "object"}},
                            },
                        },
                        **{k: v for k, v in _ok("#/components/schemas/Error", "").items() if k != "200"},
                    },
                }
            },
            "/api/facets": {
                "get": {
                    "summary": "The values each filter can take, with their events, the most frequent first",
                    "parameters": [],
                    "responses": _ok("#/components/schemas/Facets", "the filters' values"),
                }
            },
            "/api/labels": {
                "get": {
                    "summary": "Place names for the map (offline, from the bundled gazetteer) and the places of events",
                    "parameters": [
                        _BBOX,
                        _ZOOM,
                        _q(
                            "limit",
                            "names of each kind",
                            {"type": "integer", "minimum": 0, "maximum": 500, "default": 150},
                        ),
                    ],
                    "responses": _ok("#/components/schemas/Labels", "names"),
                }
            },
            "/api/control": {
                "get": {
                    "summary": "Who held each place with control evidence on a day",
                    "parameters": [{**_q("date", "the day", _DAY), "required": True}],
                    "responses": _ok("#/components/schemas/ControlMap", "the places and their holders"),
                }
            },
            "/api/places/{name}/control": {
                "get": {
                    "summary": "Who controlled the place and when, with the evidence of each change",
                    "parameters": [{"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "responses": _ok("#/components/schemas/Control", "the control timeline"),
                }
            },
        },  # fmt: skip
        "components": {"schemas": _SCHEMAS},
    }
