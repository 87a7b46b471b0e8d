"""Query parameters -> a validated ``EventFilter`` (a bad value is a 400, never a guess)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from ..settings import Settings
from ..store.filters import SORTS, EventFilter
from ..store.read_api import NameQuery
from .errors import BadRequest

_NUMBER = r"-?[0-9]+(\.[0-9]+)?"
BBOX_PATTERN = rf"^{_NUMBER}(,{_NUMBER}){{3}}$"  # west,south,east,north in decimal degrees
DAY_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# ASCII digits only: str.isdigit() and int() also take '²', '١٠', ' 1', '+1' (and crash on some); 12 digits is
# more than any bound here and keeps int() far from its length limit
INT_PATTERN = re.compile(r"[0-9]{1,12}")
KNOWN = frozenset(
    {
        "since",
        "until",
        "type",
        "sub_type",
        "actor",
        "country",
        "bbox",
        "q",
        "limit",
        "offset",
        "admin1",
        "actor_type",
        "fatalities",
        "source",
        "hide",
    }
)
MAX_FATALITIES = 1_000_000
MAX_HIDDEN = 100  # event types a request may leave out (more than 200 characters can name)


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
    if not all(map(math.isfinite, (west, south, east, north))) or south > north:
        raise BadRequest("bbox: expected south <= north")
    if west > east and not (-180 <= east < west <= 180):
        raise BadRequest("bbox: west > east is a box across the date line: both within -180 to 180")
    return west, south, east, north


MAX_ZOOM = 20


def zoom(params: Mapping[str, str]) -> int:
    """The map's zoom level (0 = the whole world in 256 pixels)."""
    return integer(params, "zoom", 5, 0, MAX_ZOOM)


def event_filter(params: Mapping[str, str], settings: Settings, extra: frozenset[str] = frozenset()) -> EventFilter:
    only(params, KNOWN | extra)
    f = EventFilter(
        since=_day(params, "since"), until=_day(params, "until"), event_type=_text(params, "type", settings),
        sub_type=_text(params, "sub_type", settings), actor=_text(params, "actor", settings),
        country=_text(params, "country", settings), bbox=_bbox(params.get("bbox")),
        text=_text(params, "q", settings),
    )  # fmt: skip
    f = replace(
        f, admin1=_text(params, "admin1", settings), actor_type=_text(params, "actor_type", settings),
        source=_text(params, "source", settings), exclude_types=_hidden(params, settings),
        fatalities=integer(params, "fatalities", 0, 0, MAX_FATALITIES) if "fatalities" in params else None,
        sort=_sort(params),
    )  # fmt: skip
    limit = integer(params, "limit", settings.default_limit, 0, settings.max_limit)
    return replace(f, limit=limit, offset=integer(params, "offset", 0, 0, 10_000_000))


def _hidden(params: Mapping[str, str], settings: Settings) -> tuple[str, ...]:
    """``hide``: event types left out, separated by commas."""
    found = tuple(sorted({t.strip() for t in (_text(params, "hide", settings) or "").split(",") if t.strip()}))
    if len(found) > MAX_HIDDEN:
        raise BadRequest(f"hide: at most {MAX_HIDDEN} event types")
    return found


def _sort(params: Mapping[str, str]) -> str:
    value = params.get("sort", "date")
    if value not in SORTS:
        raise BadRequest(f"sort: expected one of {', '.join(SORTS)}")
    return value


def day_param(params: Mapping[str, str], name: str) -> date:
    """A required day (YYYY-MM-DD)."""
    found = _day(params, name)
    if found is None:
        raise BadRequest(f"{name}: expected YYYY-MM-DD")
    return found


def only(params: Mapping[str, str], known: frozenset[str]) -> None:
    """A parameter outside ``known`` is a 400."""
    unknown = sorted(set(params) - known)
    if unknown:
        raise BadRequest(f"unknown parameter: {unknown[0]}")


WORLD = (-180.0, -90.0, 180.0, 90.0)


def box(params: Mapping[str, str]) -> tuple[float, float, float, float]:
    """``bbox``, the whole world when not given."""
    return _bbox(params.get("bbox")) or WORLD


def name_query(params: Mapping[str, str], settings: Settings, countries: bool) -> NameQuery:
    """``q``, ``limit``, ``offset`` (and ``country`` for places) of /api/actors and /api/places."""
    only(params, frozenset({"q", "limit", "offset"} | ({"country"} if countries else set())))
    return NameQuery(
        text=_text(params, "q", settings), country=_text(params, "country", settings),
        limit=integer(params, "limit", settings.default_limit, 0, settings.max_limit),
        offset=integer(params, "offset", 0, 0, 10_000_000),
    )  # fmt: skip
