"""Server settings as a table of (name, default, help); the OpenAPI document lists them all."""

from __future__ import annotations

from dataclasses import dataclass

from ..store.read_api import MAX_LIMIT, QUERY_TIMEOUT_S

SETTINGS: tuple[tuple[str, object, str], ...] = (
    ("default_limit", 100, "events in a page when the request gives no limit"),
    ("max_limit", MAX_LIMIT, "the largest page of events a request may ask for"),
    ("query_timeout_s", QUERY_TIMEOUT_S, "a database read running longer is interrupted (HTTP 503)"),
    ("max_text_length", 200, "the longest text, actor or place filter accepted"),
)


@dataclass(frozen=True, slots=True)
class Settings:
    default_limit: int = 100
    max_limit: int = MAX_LIMIT
    query_timeout_s: float = QUERY_TIMEOUT_S
    max_text_length: int = 200
