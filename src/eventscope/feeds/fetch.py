"""Polite HTTP: conditional requests, timeouts, retries with backoff, a per-host rate limit."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

USER_AGENT = "eventscope/0.1 (+https://github.com/eventscope; polite feed reader)"
TIMEOUT_S = 20.0  # connect + read, per attempt
RETRIES = 3  # attempts after the first, for network errors, 429 and 5xx
BACKOFF_S = 1.0  # first wait; doubles each retry (a Retry-After header wins when larger)
HOST_INTERVAL_S = 1.0  # at least this long between two requests to one host


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    status: int  # 200, 304 (not modified), or the last error status
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None


@dataclass(slots=True)
class Fetcher:
    timeout: float = TIMEOUT_S
    retries: int = RETRIES
    backoff: float = BACKOFF_S
    host_interval: float = HOST_INTERVAL_S
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    transport: httpx.BaseTransport | None = None
    _last: dict[str, float] = field(default_factory=dict)

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        headers = {"User-Agent": USER_AGENT}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        with httpx.Client(timeout=self.timeout, follow_redirects=True, transport=self.transport) as client:
            return self._attempts(client, url, headers)

    def _attempts(self, client: httpx.Client, url: str, headers: dict[str, str]) -> Fetched:
        result = Fetched(url, 0, error="not attempted")
        for attempt in range(self.retries + 1):
            self._wait_for_host(url)
            try:
                response = client.get(url, headers=headers)
            except httpx.HTTPError as exc:
                result, wait = Fetched(url, 0, error=f"{type(exc).__name__}: {exc}"), 0.0
            else:
                result = _fetched(url, response)
                if response.status_code < 500 and response.status_code != 429:
                    return result
                wait = _retry_after(response)
            if attempt < self.retries:
                self.sleep(max(wait, self.backoff * 2**attempt))
        return result

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last.get(host)
        if last is not None:
            pause = self.host_interval - (self.clock() - last)
            if pause > 0:
                self.sleep(pause)
        self._last[host] = self.clock()


def _fetched(url: str, response: httpx.Response) -> Fetched:
    ok = response.status_code in (200, 304)
    return Fetched(
        str(response.url), response.status_code, response.content if response.status_code == 200 else b"",
        response.headers.get("content-type", ""), response.headers.get("etag"),
        response.headers.get("last-modified"), None if ok else f"HTTP {response.status_code}",
    )  # fmt: skip


def _retry_after(response: httpx.Response) -> float:
    value = response.headers.get("retry-after", "")
    return float(value) if value.isdigit() else 0.0
