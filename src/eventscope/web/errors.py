"""Errors that carry their HTTP status (and headers); the app turns them into ``{"error": ..., "status": ...}``."""

from __future__ import annotations

import math


class HTTPError(Exception):
    status = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.headers: dict[str, str] = {}


class BadRequest(HTTPError):
    status = 400


class Unauthorized(HTTPError):
    """401, with the challenge RFC 9110 asks for: the client is told a bearer token is the way in."""

    status = 401

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.headers = {"WWW-Authenticate": 'Bearer realm="eventscope"'}


class NotFound(HTTPError):
    status = 404


class TooManyRequests(HTTPError):
    status = 429

    def __init__(self, message: str, retry_after_s: float) -> None:
        super().__init__(message)
        self.headers = {"Retry-After": str(max(1, math.ceil(retry_after_s)))}


class Unavailable(HTTPError):
    status = 503
