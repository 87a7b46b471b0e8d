"""Polite HTTP: conditional requests, timeouts, retries with backoff, a per-host rate limit on every request.

Redirects are followed here, hop by hop, so each hop waits for its host like any request, and a loop
ends after ``MAX_REDIRECTS`` hops without a retry. A body is streamed: reading stops at the byte limit
(the ``max_bytes`` setting). One attempt, from its first hop to the body's last byte, is given the
``fetch_seconds`` setting: connecting, waiting for the answer and each read are bounded by what is left of
it, so neither a server that answers late nor one that drips bytes can hold the caller; an attempt over it
is given up, not retried. A refused connection is given up at once too (nothing listens there: trying again
in a second would not help), while other network errors, timeouts, 429 and 5xx are retried. One
``Fetcher`` may serve several threads (the rate limit is shared).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpx

from ..settings import current

USER_AGENT = "eventscope/0.1 (+https://github.com/eventscope; polite feed reader)"
TIMEOUT_S = 20.0  # connect, and each read of the body, per attempt (less when less of the deadline is left)
RETRIES = 3  # attempts after the first, for network errors (not a refused connection), timeouts, 429 and 5xx
BACKOFF_S = 1.0  # first wait; doubles each retry (a Retry-After header wins when larger)
HOST_INTERVAL_S = 1.0  # at least this long between two requests to one host (redirect hops included)
MAX_REDIRECTS = 5  # hops followed; more is a redirect loop (given up, not retried)
RETRIED = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)  # may pass: tried again


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    status: int  # 200, 304 (not modified), the last error status, or 0 when no answer came
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None  # why the fetch failed, in words: 'HTTP 404 Not Found', 'ConnectError: ...'
    retry_after: float = 0.0  # seconds a 429 or 5xx answer asked to wait (Retry-After)

    @property
    def ok(self) -> bool:
        return self.error is None


class _GiveUp(Exception):
    """A fetch that no retry would mend: a redirect loop, a malformed link, a body over the limit."""


@dataclass(slots=True)
class Fetcher:
    timeout: float = TIMEOUT_S
    retries: int = RETRIES
    backoff: float = BACKOFF_S
    host_interval: float = HOST_INTERVAL_S
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    transport: httpx.BaseTransport | None = None
    deadline: float = field(default_factory=lambda: current().fetch_seconds or math.inf)  # per attempt
    max_bytes: int = field(default_factory=lambda: current().max_bytes)
    _last: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """The page at ``url`` after redirects; never raises: a failure is a Fetched with its ``error``."""
        headers = {"User-Agent": USER_AGENT}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        with httpx.Client(timeout=self.timeout, follow_redirects=False, transport=self.transport) as client:
            return self._attempts(client, url, headers)

    def _attempts(self, client: httpx.Client, url: str, headers: dict[str, str]) -> Fetched:
        result = Fetched(url, 0, error="not attempted")
        for attempt in range(self.retries + 1):
            wait = 0.0
            try:
                result = self._follow(client, url, headers)
            except _GiveUp as exc:
                return Fetched(url, 0, error=str(exc))
            except RETRIED as exc:
                result = Fetched(url, 0, error=_described(exc))
                if _refused(exc):
                    return result
            except httpx.HTTPError as exc:
                return Fetched(url, 0, error=_described(exc))
            else:
                if result.status < 500 and result.status != 429:
                    return result
                wait = result.retry_after
            if attempt < self.retries:
                self.sleep(max(wait, self.backoff * 2**attempt))
        return result

    def _follow(self, client: httpx.Client, url: str, headers: dict[str, str]) -> Fetched:
        """One attempt: each hop waits for its host; the last answer's body is read within the deadline."""
        start, hop = self.clock(), url
        for _ in range(MAX_REDIRECTS + 1):
            self._wait_for_host(hop)
            timeout = min(self.timeout, self._left(start))
            try:
                response = client.send(client.build_request("GET", hop, headers=headers, timeout=timeout),
                                       stream=True)  # fmt: skip
                try:
                    location = response.headers.get("location") if response.is_redirect else None
                    if location is None:
                        return self._fetched(response, start)
                finally:
                    response.close()
            except httpx.TimeoutException:
                if timeout < self.timeout:  # the deadline's bound, not the per-read one: too slow, not retried
                    raise _GiveUp(self._too_slow()) from None
                raise
            hop = urljoin(hop, location)
        raise _GiveUp(f"redirect loop: more than {MAX_REDIRECTS} redirects (the last to {hop})")

    def _fetched(self, response: httpx.Response, start: float) -> Fetched:
        status = response.status_code
        body = self._body(response, start) if status == 200 else b""
        error = None if status in (200, 304) else f"HTTP {status} {response.reason_phrase}".rstrip()
        return Fetched(str(response.url), status, body, response.headers.get("content-type", ""),
                       response.headers.get("etag"), response.headers.get("last-modified"), error,
                       _retry_after(response))  # fmt: skip

    def _body(self, response: httpx.Response, start: float) -> bytes:
        parts, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise _GiveUp(f"too large: more than the limit of {self.max_bytes} bytes")
            self._left(start)
            parts.append(chunk)
        return b"".join(parts)

    def _left(self, start: float) -> float:
        """Seconds left of this attempt's deadline (an attempt started at ``start``); none left gives up."""
        left = self.deadline - (self.clock() - start)
        if left <= 0:
            raise _GiveUp(self._too_slow())
        return left

    def _too_slow(self) -> str:
        return f"too slow: no whole answer within {self.deadline:g} s"

    def _wait_for_host(self, url: str) -> None:
        """Reserve this host's next slot (``host_interval`` after its last) and wait for it."""
        host = _host(url)
        with self._lock:
            now = self.clock()
            last = self._last.get(host)
            slot = now if last is None else max(now, last + self.host_interval)
            self._last[host] = slot
        if slot > now:
            self.sleep(slot - now)


def _host(url: str) -> str:
    """The host (and port) a request to ``url`` goes to; a link no request can follow is given up."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        raise _GiveUp(f"bad link {url!r}: {exc}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise _GiveUp(f"bad link {url!r}: not an http(s) address")
    return parsed.netloc.decode("ascii", "replace").lower()


def _described(exc: Exception) -> str:
    detail = str(exc) or exc.__class__.__doc__ or ""
    return f"{type(exc).__name__}: {detail.strip().splitlines()[0] if detail.strip() else 'no detail'}"


def _refused(exc: Exception) -> bool:
    """Whether the error is (caused by) a refused connection: nothing listens on that port."""
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, ConnectionRefusedError):
        cause = cause.__cause__ or cause.__context__
    return cause is not None


def _retry_after(response: httpx.Response) -> float:
    value = response.headers.get("retry-after", "")
    return float(value) if value.isdigit() else 0.0
