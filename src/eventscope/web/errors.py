"""Errors that carry their HTTP status; the app turns them into ``{"error": ..., "status": ...}``."""

from __future__ import annotations


class HTTPError(Exception):
    status = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadRequest(HTTPError):
    status = 400


class Unauthorized(HTTPError):
    status = 401


class NotFound(HTTPError):
    status = 404


class Unavailable(HTTPError):
    status = 503
