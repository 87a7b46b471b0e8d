"""Query parameters -> a validated ``EventFilter`` (a bad value is a 400, never a guess)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from ..store.read_api import EventFilter, NameQuery
from .errors import BadRequest
from .settings import Settings

_NUMBER = r"-?[0-9]+(\.[0-9]+)?"
BBOX_PATTERN = rf"^{_NUMBER}(,{_NUMBER}){{3}}$"  # west,south,east,north in decimal degrees
DAY_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# ASCII digits only: str.isdigit() and int() also take '²', '١٠', ' 1', '+1' (and crash on some); 12 digits is
# more than any bound here and keeps int() far from its length limit
INT_PATTERN = re.compile(r"[0-9]{1,12}")
KNOWN = frozenset({"since", "until", "type", "sub_type", "actor", "country", "bbox", "q", "limit", "offset"})


def _day(params: Mapping[str, str], name: str) -> date | None:
    value = params.get(name)
    if value is None:
        return None
    try:
        if not DAY_PATTERN.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError as exc:
        raise BadRequest(f"{name}: expected YYYY-MM-DD") from exc


def integer(params: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    """The one parser of integer parameters: ASCII digits only (no sign, space or other script), within bounds."""
    value = params.get(name)
    if value is None:
        return default
    if not INT_PATTERN.fullmatch(value) or not low <= int(value) <= high:
        raise BadRequest(f"{name}: expected an integer from {low} to {high} in ASCII digits")
    return int(value)


def _text(params: Mapping[str, str], name: str, settings: Settings) -> str | None:
    value = params.get(name)
    if value is not None and len(value) > settings.max_text_length:
        raise BadRequest(f"{name}: longer than {settings.max_text_length} characters")
    return value or None


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    if not re.fullmatch(BBOX_PATTERN, value):
        raise BadRequest("bbox: expected west,south,east,north in decimal degrees")
    west, south, east, north = (float(v) for v in value.split(","))
    if not all(map(math.isfinite, (west, south, east, north))) or south > north or west > east:
        raise BadRequest("bbox: expected west <= east and south <= north")
    return west, south, east, north


MAX_ZOOM = 20


def zoom(params: Mapping[str, str]) -> int:
    """The map's zoom level (0 = the whole world in 256 pixels)."""
    return integer(params, "zoom", 5, 0, MAX_ZOOM)


def event_filter(params: Mapping[str, str], settings: Settings, extra: frozenset[str] = frozenset()) -> EventFilter:
    unknown = sorted(set(params) - KNOWN - extra)
    if unknown:
        raise BadRequest(f"unknown parameter: {unknown[0]}")
    f = EventFilter(
        since=_day(params, "since"), until=_day(params, "until"), event_type=_text(params, "type", settings),
        sub_type=_text(params, "sub_type", settings), actor=_text(params, "actor", settings),
        country=_text(params, "country", settings), bbox=_bbox(params.get("bbox")),
        text=_text(params, "q", settings),
    )  # fmt: skip
    limit = integer(params, "limit", settings.default_limit, 0, settings.max_limit)
    return replace(f, limit=limit, offset=integer(params, "offset", 0, 0, 10_000_000))


def name_query(params: Mapping[str, str], settings: Settings, countries: bool) -> NameQuery:
    """``q``, ``limit``, ``offset`` (and ``country`` for places) of /api/actors and /api/places."""
    known = {"q", "limit", "offset"} | ({"country"} if countries else set())
    unknown = sorted(set(params) - known)
    if unknown:
        raise BadRequest(f"unknown parameter: {unknown[0]}")
    return NameQuery(
        text=_text(params, "q", settings), country=_text(params, "country", settings),
        limit=integer(params, "limit", settings.default_limit, 0, settings.max_limit),
        offset=integer(params, "offset", 0, 0, 10_000_000),
    )  # fmt: skip
