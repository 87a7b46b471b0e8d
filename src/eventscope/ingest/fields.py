"""Article metadata as it comes: each field is read by one numbered cascade, and a defect degrades
that field (left empty, with a coded warning naming the article); the article is never dropped for it.

The cascade for a publication time:
  1. nothing given             -> no time, no warning
  2. a number                  -> YYYYMMDD when it spells a date (20170302), else a Unix time
                                  (seconds, or milliseconds when larger than ``MILLISECONDS_FROM``)
  3. an ISO 8601 string        -> as written (a bare date is midnight; naive times are UTC)
  4. a string of digits        -> as a number (step 2)
  5. a written-out time        -> dateparser, English, absolute forms only ('7:58 AM ET, Sat January
                                  3, 2015', 'Wed Nov 23, 2016 | 4:58pm EST'), keeping its zone
  6. anything else             -> no time, warning W010 (relative dates stay unresolved)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Generic, TypeVar
from urllib.parse import urlsplit

import dateparser

from ..errors import warning

T = TypeVar("T")

MILLISECONDS_FROM = 100_000_000_000  # a Unix time above this (year 5138 in seconds) is in milliseconds
EARLIEST_YEAR, LATEST_YEAR = 1800, 2200  # a publication time outside these years is a defect
MAX_TIME_CHARS = 120  # a longer 'publication time' is not one (and dateparser's cost grows with length)
MAX_TITLE_CHARS = 1_000  # a longer title is cut here
_DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],  # 'January 2015' is no publication time
    "PARSERS": ["custom-formats", "absolute-time"],  # not 'timestamp' (machine zone) nor 'relative-time'
    "RELATIVE_BASE": datetime(2000, 1, 1),  # never the clock
    "DATE_ORDER": "MDY",
}
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_DIGITS = re.compile(r"\d{1,20}(?:\.\d{1,9})?")


@dataclass(frozen=True, slots=True)
class Read(Generic[T]):
    """A field's value (None: absent or unreadable) and, when it was degraded, the coded warning why."""

    value: T | None
    warning: str | None = None


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def read_published(value: object) -> Read[datetime]:
    """The publication time by the cascade above."""
    if value is None or value == "":
        return Read(None)
    found: datetime | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        found = _from_number(value)
    elif isinstance(value, str) and len(value) <= MAX_TIME_CHARS:
        text = value.strip()
        found = parse_iso_time(text) or (_from_number(float(text)) if _DIGITS.fullmatch(text) else _from_words(text))
    if found is None or not EARLIEST_YEAR <= found.year <= LATEST_YEAR:
        return Read(None, warning("W010", value=_shown(value)))
    return Read(found)


def parse_iso_time(text: str) -> datetime | None:
    """An ISO 8601 time (a bare date means midnight UTC); naive times are UTC; None when not ISO."""
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _from_number(number: float) -> datetime | None:
    if not math.isfinite(number):
        return None
    if number == int(number) and 10_000_101 <= number <= 99_991_231:
        digits = str(int(number))
        try:
            return datetime.combine(date(int(digits[:4]), int(digits[4:6]), int(digits[6:])), datetime.min.time(), UTC)
        except ValueError:
            pass  # not a date spelled YYYYMMDD: a Unix time
    seconds = number / 1000 if abs(number) >= MILLISECONDS_FROM else number
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _from_words(text: str) -> datetime | None:
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)  # type: ignore[arg-type]
    except (ValueError, OverflowError, TypeError):  # dateparser raises on some out-of-range parts
        return None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def read_url(value: object) -> Read[str]:
    """A string that splits as a URL; a number is its digits; anything else is dropped with W011."""
    if value is None or value == "":
        return Read(None)
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if isinstance(text, str):
        text = clean(text).value or ""
        try:
            urlsplit(text).netloc.lower()
        except ValueError:
            pass
        else:
            return Read(text.strip() or None)
    return Read(None, warning("W011", value=_shown(value)))


def read_title(value: object) -> Read[str]:
    """A string (a number is its digits), cut at ``MAX_TITLE_CHARS``; anything else is dropped with W012."""
    if value is None or value == "":
        return Read(None)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Read(str(value))
    if isinstance(value, str):
        return Read(clean(value).value[:MAX_TITLE_CHARS].strip() or None)  # type: ignore[index]
    return Read(None, warning("W012", value=_shown(value)))


def read_id(value: object, fallback: str) -> Read[str]:
    """A string or a number; anything else (or nothing) gives ``fallback``, the line number."""
    if isinstance(value, str) and value.strip():
        return Read(clean(value).value)
    if isinstance(value, int) and not isinstance(value, bool):
        return Read(str(value))
    if value is None:
        return Read(fallback)
    return Read(fallback, warning("W013", value=_shown(value), fallback=fallback))


def clean(text: str) -> Read[str]:
    """Lone surrogates (from JSON escapes such as "\\ud800") become U+FFFD, one character for one."""
    if not _SURROGATE.search(text):
        return Read(text)
    count = len(_SURROGATE.findall(text))
    return Read(_SURROGATE.sub("\ufffd", text), warning("W014", count=count))


@dataclass(frozen=True, slots=True)
class RecordFields:
    """The metadata of one JSON record, each field read alone, with the warnings of those degraded."""

    article_id: str
    published: datetime | None
    warnings: tuple[str, ...]


def record_fields(record: dict[str, Any], fallback_id: str) -> RecordFields:
    """The id and publication time of a record (its title and url are read by ``make_article``)."""
    article_id, published = read_id(record.get("id"), fallback_id), read_published(record.get("published"))
    notes = tuple(r.warning for r in (article_id, published) if r.warning)
    return RecordFields(article_id.value or fallback_id, published.value, notes)
