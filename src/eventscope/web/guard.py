"""What a request must pass before a route sees it: an allowed ``Host`` (against DNS rebinding), the token
when one is set, and a per-client limit on ``/login`` attempts (against guessing the token)."""

from __future__ import annotations

import hmac
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from starlette.requests import Request

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})  # the names a local server answers to by default
COOKIE = "eventscope_token"
LOGIN_BURST = 5  # /login attempts a client may make in a row ...
LOGIN_REFILL_S = 12.0  # ... and then one more every 12 seconds (5 a minute)
MAX_CLIENTS = 10_000  # login buckets kept; the least recently used are forgotten beyond that


def host_name(header: str) -> str:
    """The name in a ``Host`` header, lower-cased, without port or trailing dot: ``[::1]:8000`` -> ``::1``."""
    value = header.strip().lower()
    if value.startswith("["):
        value = value[1 : value.find("]")] if "]" in value else ""
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


def allowed_hosts(extra: Iterable[str] = ()) -> frozenset[str]:
    """The localhost names and ``extra`` (e.g. the address ``serve --host`` binds), normalised."""
    return LOCAL_HOSTS | {host_name(h) for h in extra if host_name(h)}


def token_matches(request: Request, token: str) -> bool:
    """The request carries ``token`` as ``Authorization: Bearer`` or in the login cookie (compared in constant time)."""
    header = request.headers.get("authorization", "")
    given = header[7:] if header.lower().startswith("bearer ") else request.cookies.get(COOKIE, "")
    return hmac.compare_digest(given.encode(), token.encode())


@dataclass(slots=True)
class _Bucket:
    tokens: float
    at: float  # clock reading when ``tokens`` was counted


class LoginLimiter:
    """A token bucket per client address: ``burst`` attempts at once, refilled by one every ``refill_s``."""

    def __init__(self, burst: int = LOGIN_BURST, refill_s: float = LOGIN_REFILL_S,
                 clock: Callable[[], float] = time.monotonic) -> None:  # fmt: skip
        self.burst, self.refill_s, self.clock = burst, refill_s, clock
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        """Spend one attempt of ``client``: 0 when it may go on, else the seconds until it may try again."""
        with self._lock:
            now = self.clock()
            bucket = self._buckets.pop(client, None) or _Bucket(float(self.burst), now)
            bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.at) / self.refill_s)
            bucket.at = now
            self._buckets[client] = bucket
            while len(self._buckets) > MAX_CLIENTS:
                self._buckets.popitem(last=False)
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return 0.0
            return (1 - bucket.tokens) * self.refill_s
