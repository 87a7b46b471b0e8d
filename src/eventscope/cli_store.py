"""Commands over the event database: ingest, events, export, control, watch (registered on the main app).

The store (DuckDB), the feeds (httpx) and the progress display are imported by the commands that use them, so
that ``eventscope --help`` and ``--version`` start without them (``benchmarks/adoption.py``).
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from .cli_output import print_table
from .errors import ConfigError, InputError
from .report import PREFIX, Reporter
from .settings import LOCK_WAIT_S, current

if TYPE_CHECKING:
    from .feeds import Poll
    from .store import EventFilter

err = Console(stderr=True, soft_wrap=True)  # a message is one line, also when stderr is not a terminal


def say(line: str) -> None:
    """One line on stderr, as written (no markup, no highlighting)."""
    err.print(line, markup=False, highlight=False, soft_wrap=True)
Db = Annotated[str, typer.Option("--db", help="DuckDB file (created on first use).")]
LockWait = Annotated[float, typer.Option("--lock-wait", min=0.0, help="Seconds to wait while another process "
                                         "holds the database file (then one E040 line, exit 1).")]  # fmt: skip


class EventsFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(StrEnum):
    acled_csv = "acled-csv"
    jsonl = "jsonl"
    parquet = "parquet"
    geojson = "geojson"


def check_gazetteer() -> None:
    """Before the pipeline runs: a missing EVENTSCOPE_GAZETTEER file is one configuration error (not one per
    article), and the first run's build of the embedded gazetteer is announced (it takes about a minute)."""
    from .places.build import embedded_key
    from .places.gazetteer import ENV_PATH, embedded_path

    given = current().gazetteer
    if given and not os.path.isfile(given):
        raise ConfigError("E030", path=given, detail=f"no such file (named by {ENV_PATH})")
    target = embedded_path(embedded_key())
    if not given and not target.is_file():
        err.print(f"eventscope: first run: building the gazetteer {target} from the installed GeoNames packages "
                  "(about a minute, once)", markup=False, highlight=False)  # fmt: skip


def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, .jsonl corpora, feeds, or URLs.")],
    db: Db = "events.duckdb",
    published: Annotated[str | None, typer.Option(help="Publication time of texts without one.")] = None,
    dask: Annotated[str | None, typer.Option(help="local:N or tcp://HOST:PORT: extract on Dask workers.")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.")] = 64,
    lock_wait: LockWait = LOCK_WAIT_S,
) -> None:
    """Read articles, extract their events and merge them into the database."""
    from .cli_progress import IngestProgress
    from .feeds import count_inputs, read_sources
    from .ingest import parse_time
    from .store import Store, ingest
    from .store.writer import default_extractor

    check_gazetteer()
    progress = IngestProgress(err, count_inputs(paths))
    try:
        when = parse_time(published)
    except InputError as exc:
        raise typer.BadParameter(str(exc), param_hint="--published") from exc
    report = Reporter(say)
    items = report.items(read_sources(paths, when))
    with Store(db, wait=lock_wait) as store, progress:
        if dask:
            from .scale import dask_extractor

            with dask_extractor(dask) as extractor:
                stats = ingest(items, store, extractor, batch_size, progress.show, report.rejected)
        else:
            stats = ingest(items, store, default_extractor(), batch_size, progress.show, report.rejected)
    report.close()
    err.print(f"{stats.articles} articles, {stats.events} events stored; "
              f"{stats.unchanged} unchanged, {stats.rejected} quarantined")  # fmt: skip
    if stats.rejected:
        raise typer.Exit(1)


def _query(since: str | None, until: str | None, type_: str | None, actor: str | None, country: str | None,
           near: str | None, sub_type: str | None = None) -> EventFilter:  # fmt: skip
    """The filter the options ask for (a malformed value is a usage error naming its option)."""
    from .store import EventFilter

    return EventFilter(since=_day(since, "--since"), until=_day(until, "--until"), event_type=type_,
                       sub_type=sub_type, actor=actor, country=country, near=_near(near))  # fmt: skip


def _day(value: str | None, option: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option) from None


def _near(value: str | None) -> tuple[float, float, float] | None:
    if not value:
        return None
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not LAT,LON,KM (e.g. 35,69,50)", param_hint="--near") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise typer.BadParameter(f"{value!r}: latitude -90..90, longitude -180..180, KM above 0", param_hint="--near")
    return lat, lon, km


Since = Annotated[str | None, typer.Option(help="Events ending on or after YYYY-MM-DD.")]
Until = Annotated[str | None, typer.Option(help="Events starting on or before YYYY-MM-DD.")]
Type = Annotated[str | None, typer.Option("--type", help="ACLED event type or sub-event type (either matches).")]
SubType = Annotated[str | None, typer.Option("--sub-type", help="ACLED sub-event type only.")]
ActorOpt = Annotated[str | None, typer.Option(help="Part of an actor name (case-insensitive).")]
CountryOpt = Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-3 code.")]
Near = Annotated[str | None, typer.Option(help="LAT,LON,KM: events within KM of the point.")]


def events_cmd(
    db: Db = "events.duckdb", since: Since = None, until: Until = None, type_: Type = None,
    actor: ActorOpt = None, country: CountryOpt = None, near: Near = None, sub_type: SubType = None,
    fmt: Annotated[EventsFormat, typer.Option("--format", "-f")] = EventsFormat.table,
) -> None:  # fmt: skip
    """Print merged events (jsonl records carry article_ids, sources and source_count)."""
    from .store import Store, query_events
    from .store import export as ex

    query = _query(since, until, type_, actor, country, near, sub_type)
    with Store(db, read_only=True) as store:
        found = query_events(store, query)
    if fmt is EventsFormat.jsonl:
        ex.write_jsonl(found, sys.stdout)
    elif fmt is EventsFormat.csv:
        ex.write_csv((ex.event_json(m) for m in found), ex.TABLE_COLUMNS + ("article_ids", "sources"), sys.stdout)
    else:
        records = (ex.event_json(merged) for merged in found)
        cells = (["" if r[c] is None else str(r[c]) for c in ex.TABLE_COLUMNS] for r in records)
        print_table([(c, 40) for c in ex.TABLE_COLUMNS], cells)


def export_cmd(
    db: Db = "events.duckdb",
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.acled_csv,
    out: Annotated[str | None, typer.Option("--out", "-o", help="Output file (stdout when absent; Parquet: "
                                                                "when stdout is not a terminal).")] = None,
    since: Since = None, until: Until = None, type_: Type = None, country: CountryOpt = None,
    sub_type: SubType = None,
) -> None:  # fmt: skip
    """Export merged events: ACLED CSV (ACLED's columns), JSON Lines, Parquet or GeoJSON."""
    from .store import Store, query_events
    from .store import export as ex
    from .store.query import store_fetch, written

    query = _query(since, until, type_, None, country, None, sub_type)
    if fmt is ExportFormat.parquet and out is None and sys.stdout.isatty():
        raise typer.BadParameter("Parquet is binary: give --out FILE or redirect stdout", param_hint="--out")
    with Store(db, read_only=True) as store:
        found = query_events(store, query)
        ids = [m.event.event_id for m in found]
        stored = written(ids, store_fetch(store)) if fmt is ExportFormat.acled_csv else ex.Written()
    if fmt is ExportFormat.parquet:
        ex.write_parquet(found, out or sys.stdout.buffer)
        return
    handle = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout  # noqa: SIM115
    try:
        if fmt is ExportFormat.acled_csv:
            ex.write_csv(ex.acled_rows(found, stored), ex.ACLED_COLUMNS, handle)
        elif fmt is ExportFormat.jsonl:
            ex.write_jsonl(found, handle)
        else:
            handle.write(json.dumps(ex.geojson(found), ensure_ascii=False) + "\n")
    finally:
        if out:
            handle.close()


PERIOD_COLUMNS = ("start", "end", "controller", "partial", "scope", "change", "previous", "event_id", "evidence")


def control_cmd(
    place: Annotated[str, typer.Argument(help="Place name or GeoNames id (a town, never the region around it).")],
    db: Db = "events.duckdb",
    at: Annotated[str | None, typer.Option(help="YYYY-MM-DD: only who held the place that day.")] = None,
    fmt: Annotated[EventsFormat, typer.Option("--format", "-f")] = EventsFormat.table,
) -> None:
    """Who controlled PLACE and since when, with the evidence of each change (partial control kept)."""
    from .control import controllers_at, period_json, place_events, timeline
    from .store import Store
    from .store import export as ex

    day = _day(at, "--at")
    with Store(db, read_only=True) as store:
        periods = timeline(place_events(store, place))
    if day:
        periods = controllers_at(periods, day)
    records = [period_json(p) for p in periods]
    if fmt is EventsFormat.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    if fmt is EventsFormat.csv:
        rows = ({**r, "evidence": [e["text"] for e in r["evidence"]]} for r in records)
        ex.write_csv(rows, PERIOD_COLUMNS, sys.stdout)
        return
    cells = ([r["start"], r["end"] or "", r["controller"] or "?", r["scope"] or "partial" if r["partial"] else "",
             r["change"], " | ".join(e["text"] for e in r["evidence"])] for r in records)  # fmt: skip
    columns = [("from", None), ("until", None), ("controller", 40), ("partial", None), ("change", None),
               ("evidence", None)]  # fmt: skip
    print_table(columns, cells)


def watch_cmd(
    feeds: Annotated[list[str], typer.Argument(help="Feed URLs (RSS/Atom) or feed files.")],
    db: Db = "events.duckdb",
    every: Annotated[str, typer.Option(help="Time between polls: 30s, 15m, 1h.")] = "15m",
    polls: Annotated[int | None, typer.Option(help="Stop after this many rounds (default: never).")] = None,
    lock_wait: LockWait = LOCK_WAIT_S,
) -> None:
    """Poll feeds politely (ETag / Last-Modified, backoff, per-host rate limit) and ingest new articles."""
    from .feeds import parse_every, watch
    from .store import Store
    from .store.writer import default_extractor

    def show(poll: Poll) -> None:
        say(f"{PREFIX}{poll.feed}: {poll_line(poll)}")

    check_gazetteer()
    report = Reporter(say)
    with Store(db, wait=lock_wait) as store:
        watch(feeds, store, parse_every(every), polls=polls, extractor=default_extractor(), on_poll=show,
              on_reject=report.rejected)
    report.close()


def poll_line(poll: Poll) -> str:
    """What one poll did, or why it failed: 'HTTP 404 Not Found; sits out 2 rounds'."""
    if poll.error is not None:
        return f"failed: {poll.error}; sits out {poll.sits_out} round{'s' if poll.sits_out != 1 else ''}"
    if poll.status == 304:
        return "not modified since the last poll (HTTP 304)"
    s = poll.stats
    quarantined = f", {s.rejected} quarantined" if s.rejected else ""
    return f"{s.articles} new articles, {s.events} events{quarantined}"


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
    app.command("events")(events_cmd)
    app.command("export")(export_cmd)
    app.command("control")(control_cmd)
    app.command("watch")(watch_cmd)
