"""The Starlette app: read-only routes over one ``Store``, security headers and an optional bearer token."""

from __future__ import annotations

import hmac
import json
import threading
from collections.abc import Iterable
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..control import control_periods, control_places, controllers_at, period_json, standing
from ..control.place import load_gazetteer
from ..errors import StoreError
from ..settings import Settings
from ..store import Store, read_api
from . import download, labels
from .errors import BadRequest, HTTPError, NotFound, TooManyRequests, Unauthorized, Unavailable
from .guard import COOKIE, LoginLimiter, allowed_hosts, host_name, token_matches
from .openapi import document
from .params import box, day_param, event_filter, integer, name_query, only, zoom

STATIC = Path(__file__).parent / "static"
CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
# characters that could end a <script> or open markup if a response were ever sniffed as HTML
_INERT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """JSON for what ``json`` cannot write: days, times, and records (one level at a time, no deep copy)."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    names = _FIELDS.get(type(value))
    if names is None:
        if not is_dataclass(value) or isinstance(value, type):
            raise TypeError(f"not JSON serialisable: {type(value).__name__}")
        names = _FIELDS[type(value)] = tuple(f.name for f in fields(value))
    return {name: getattr(value, name) for name in names}


class SafeJSON(JSONResponse):
    """JSON with ``<``, ``>`` and ``&`` written as escapes: the data is intact, the bytes are inert."""

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=False, default=_plain, separators=(",", ":"))
        return text.translate(_INERT).encode("utf-8")


class SafeJSONText(JSONResponse):
    """A JSON document already written (by the store), made inert as ``SafeJSON`` makes its own."""

    def render(self, content: Any) -> bytes:
        if not isinstance(content, str):
            raise TypeError(f"SafeJSONText renders a written JSON document, not {type(content).__name__}")
        return content.translate(_INERT).encode("utf-8")


class Guard(BaseHTTPMiddleware):
    """Security headers on every response; a ``Host`` outside ``hosts`` is a 400; with a token, every request
    but ``/login`` must carry it."""

    def __init__(self, app: Any, token: str | None, hosts: frozenset[str]) -> None:
        super().__init__(app)
        self.token, self.hosts = token, hosts

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if host_name(request.headers.get("host", "")) not in self.hosts:
            response: Response = _error(BadRequest("Host header not allowed (serve --host NAME answers to NAME)"))
        elif self.token and request.url.path != "/login" and not token_matches(request, self.token):
            response = _error(Unauthorized("a bearer token is required"))
        else:
            response = await call_next(request)
        response.headers.update(HEADERS)
        return response


def _error(exc: HTTPError) -> SafeJSON:
    return SafeJSON({"error": exc.message, "status": exc.status}, status_code=exc.status, headers=exc.headers)


async def _on_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPError)
    return _error(exc)


def _warm_up() -> None:
    """Open the gazetteer and index its towns for the map's names before the first request needs them."""
    load_gazetteer()
    labels.town_index()


class Api:
    """The route handlers (sync: Starlette runs them in its thread pool, each read on its own cursor)."""

    def __init__(self, store: Store, settings: Settings, token: str | None) -> None:
        self.store, self.settings, self.token = store, settings, token
        self.logins = LoginLimiter()

    def _read(self, fn: Any, *args: Any) -> Any:
        try:
            return fn(self.store, *args)
        except (read_api.QueryTimeout, StoreError) as exc:  # (StoreError: a writer kept the file past the wait)
            raise Unavailable(str(exc)) from exc

    def events(self, request: Request) -> Response:
        f = event_filter(request.query_params, self.settings, frozenset({"sort"}))
        return SafeJSONText(self._read(read_api.events_page_json, f))

    def event(self, request: Request) -> Response:
        found = self._read(read_api.event_detail, request.path_params["event_id"])
        if found is None:
            raise NotFound("no such event")
        return SafeJSON(found)

    def clusters(self, request: Request) -> Response:
        f = event_filter(request.query_params, self.settings, frozenset({"zoom"}))
        return SafeJSON(self._read(read_api.clusters, f, zoom(request.query_params)))

    def actors(self, request: Request) -> Response:
        return SafeJSON(self._read(read_api.actors, name_query(request.query_params, self.settings, False)))

    def places(self, request: Request) -> Response:
        return SafeJSON(self._read(read_api.places, name_query(request.query_params, self.settings, True)))

    def counts(self, request: Request) -> Response:
        rows = self._read(read_api.day_counts, event_filter(request.query_params, self.settings))
        return SafeJSON({"counts": rows})

    def facets(self, request: Request) -> Response:
        only(request.query_params, frozenset())
        return SafeJSON(self._read(read_api.facets))

    def labels(self, request: Request) -> Response:
        """Names for the map in ``bbox`` at ``zoom``: the gazetteer's towns and the places of events."""
        params = request.query_params
        only(params, frozenset({"bbox", "zoom", "limit"}))
        where, at, limit = box(params), zoom(params), integer(params, "limit", 150, 0, 500)
        towns = labels.town_index().within(where, at, limit)
        return SafeJSON({"towns": towns, "places": self._read(read_api.place_points, where, limit)})

    def control_map(self, request: Request) -> Response:
        """Who held each place with control evidence on ``date``: every period in force then."""
        only(request.query_params, frozenset({"date"}))
        day = day_param(request.query_params, "date")
        places = []
        for c in self._read(control_places):
            now = controllers_at(c.periods, day)
            places.append({"name": c.name, "latitude": c.latitude, "longitude": c.longitude, "state": standing(now),
                           "holders": [period_json(p) for p in now]})  # fmt: skip
        return SafeJSON({"date": day, "places": places})

    def control(self, request: Request) -> Response:
        name = request.path_params["name"]
        periods = self._read(control_periods, name)
        return SafeJSON({"place": name, "periods": [period_json(p) for p in periods]})

    def export(self, request: Request) -> Response:
        """Every event ``/api/events`` would list with the same filters (no pages: no limit or offset), as a file."""
        paging = sorted({"limit", "offset"} & set(request.query_params))
        if paging:
            raise BadRequest(f"unknown parameter: {paging[0]} (an export holds every matching event)")
        f = event_filter(request.query_params, self.settings, frozenset({"format"}))
        fmt = request.query_params.get("format")
        kind, extension = download.media_type(fmt)
        body = (download.acled_csv if fmt == "acled-csv" else download.geojson)(self.store, f)
        disposition = f'attachment; filename="events.{extension}"'
        return StreamingResponse(body, media_type=kind, headers={"Content-Disposition": disposition})

    def openapi(self, request: Request) -> Response:
        return SafeJSON(document())

    def index(self, request: Request) -> Response:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-store"})

    def login(self, request: Request) -> Response:
        """``/login?token=T``: keep the token in an HttpOnly cookie so the page's own requests carry it."""
        wait = self.logins.take(request.client.host if request.client else "")
        if wait:
            raise TooManyRequests(f"too many login attempts: try again in {wait:.0f} s", wait)
        given = request.query_params.get("token", "")
        if not self.token or not hmac.compare_digest(given.encode(), self.token.encode()):
            return _error(Unauthorized("wrong token"))
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(COOKIE, given, httponly=True, samesite="strict")
        return response


def create_app(
    db: str | Store, token: str | None = None, settings: Settings | None = None, hosts: Iterable[str] = ()
) -> Starlette:
    """The app over the database file ``db`` (opened read-only) or an open ``Store``, answering requests whose
    ``Host`` is a localhost name or one of ``hosts``."""
    settings = settings or Settings.from_env()
    store = db if isinstance(db, Store) else Store(db, read_only=True, read_timeout=settings.query_timeout_s)
    read_api.prepare(store)
    # the control endpoint's place lookup then runs within the query time limit (built on first use: not inline)
    threading.Thread(target=_warm_up, name="gazetteer", daemon=True).start()
    api = Api(store, settings, token)
    routes = [
        Route("/", api.index),
        Route("/login", api.login),
        Route("/openapi.json", api.openapi),
        Route("/api/events", api.events),
        Route("/api/events/{event_id}", api.event),
        Route("/api/clusters", api.clusters),
        Route("/api/counts", api.counts),
        Route("/api/export", api.export),
        Route("/api/actors", api.actors),
        Route("/api/places", api.places),
        Route("/api/places/{name}/control", api.control),
        Route("/api/facets", api.facets),
        Route("/api/labels", api.labels),
        Route("/api/control", api.control_map),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    return Starlette(routes=routes, middleware=[Middleware(Guard, token=token, hosts=allowed_hosts(hosts))],
                     exception_handlers={HTTPError: _on_error})  # fmt: skip
