"""Commands over the event database: ingest, events, export, control, watch (registered on the main app)."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from .errors import InputError
from .report import Reporter
from .store import EventQuery, IngestStats, Store, ingest, query_events
from .store import export as ex
from .store.query import updated_at

err = Console(stderr=True)


def say(line: str) -> None:
    """One line on stderr, as written (no markup, no highlighting)."""
    err.print(line, markup=False, highlight=False, soft_wrap=True)
Db = Annotated[str, typer.Option("--db", help="DuckDB file (created on first use).")]


class EventsFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(StrEnum):
    acled_csv = "acled-csv"
    jsonl = "jsonl"
    parquet = "parquet"
    geojson = "geojson"


def _progress() -> tuple[Progress, TaskID]:
    progress = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.fields[rate]:.1f} articles/s"),
        TextColumn("events {task.fields[events]}"), TextColumn("skipped {task.fields[skipped]}"),
        TimeElapsedColumn(), console=err, transient=False,
    )  # fmt: skip
    task = progress.add_task("ingest", total=None, rate=0.0, events=0, skipped=0)
    return progress, task


def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, .jsonl corpora, feeds, or URLs.")],
    db: Db = "events.duckdb",
    published: Annotated[str | None, typer.Option(help="Publication time of texts without one.")] = None,
    dask: Annotated[str | None, typer.Option(help="local:N or tcp://HOST:PORT: extract on Dask workers.")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.")] = 64,
) -> None:
    """Read articles, extract their events and merge them into the database."""
    from .feeds import read_sources
    from .ingest import parse_time

    progress, task = _progress()

    def show(stats: IngestStats) -> None:
        elapsed = progress.tasks[task].elapsed or 0.0
        rate = stats.articles / elapsed if elapsed > 0 else 0.0
        progress.update(task, completed=stats.articles, rate=rate, events=stats.events, skipped=stats.skipped)

    try:
        when = parse_time(published)
    except InputError as exc:
        raise typer.BadParameter(str(exc), param_hint="--published") from exc
    report = Reporter(say)
    items = report.items(read_sources(paths, when))
    with Store(db) as store, progress:
        if dask:
            from .scale import dask_extractor

            with dask_extractor(dask) as extractor:
                stats = ingest(items, store, extractor, batch_size, show, report.rejected)
        else:
            stats = ingest(items, store, None, batch_size, show, report.rejected)
    report.close()
    err.print(f"{stats.articles} articles, {stats.events} events stored; "
              f"{stats.unchanged} unchanged, {stats.rejected} quarantined")  # fmt: skip
    if stats.rejected:
        raise typer.Exit(1)


def _query(since: str | None, until: str | None, type_: str | None, actor: str | None, country: str | None,
           near: str | None, place: str | None = None) -> EventQuery:  # fmt: skip
    where = None
    if near:
        lat, lon, km = (float(x) for x in near.split(","))
        where = (lat, lon, km)
    first = date.fromisoformat(since) if since else None
    last = date.fromisoformat(until) if until else None
    return EventQuery(first, last, type_, actor, country, where, place)


Since = Annotated[str | None, typer.Option(help="Events ending on or after YYYY-MM-DD.")]
Until = Annotated[str | None, typer.Option(help="Events starting on or before YYYY-MM-DD.")]
Type = Annotated[str | None, typer.Option("--type", help="ACLED event type or sub-event type.")]
ActorOpt = Annotated[str | None, typer.Option(help="Part of an actor name (case-insensitive).")]
CountryOpt = Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-3 code.")]
Near = Annotated[str | None, typer.Option(help="LAT,LON,KM: events within KM of the point.")]


def events_cmd(
    db: Db = "events.duckdb", since: Since = None, until: Until = None, type_: Type = None,
    actor: ActorOpt = None, country: CountryOpt = None, near: Near = None,
    fmt: Annotated[EventsFormat, typer.Option("--format", "-f")] = EventsFormat.table,
) -> None:  # fmt: skip
    """Print merged events (jsonl records carry article_ids, sources and source_count)."""
    with Store(db, read_only=True) as store:
        found = query_events(store, _query(since, until, type_, actor, country, near))
    if fmt is EventsFormat.jsonl:
        ex.write_jsonl(found, sys.stdout)
    elif fmt is EventsFormat.csv:
        ex.write_csv((ex.event_json(m) for m in found), ex.TABLE_COLUMNS + ("article_ids", "sources"), sys.stdout)
    else:
        table = Table(*ex.TABLE_COLUMNS)
        for merged in found:
            record = ex.event_json(merged)
            table.add_row(*("" if record[c] is None else str(record[c]) for c in ex.TABLE_COLUMNS))
        Console().print(table)


def export_cmd(
    db: Db = "events.duckdb",
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.acled_csv,
    out: Annotated[str | None, typer.Option("--out", "-o", help="Output file (stdout when absent).")] = None,
    since: Since = None, until: Until = None, type_: Type = None, country: CountryOpt = None,
) -> None:  # fmt: skip
    """Export merged events: ACLED CSV (ACLED's columns), JSON Lines, Parquet or GeoJSON."""
    with Store(db, read_only=True) as store:
        found = query_events(store, _query(since, until, type_, None, country, None))
        stamps = updated_at(store, [m.event.event_id for m in found]) if fmt is ExportFormat.acled_csv else {}
    if fmt is ExportFormat.parquet:
        ex.write_parquet(found, out or "events.parquet")
        return
    handle = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout  # noqa: SIM115
    try:
        if fmt is ExportFormat.acled_csv:
            ex.write_csv(ex.acled_rows(found, stamps), ex.ACLED_COLUMNS, handle)
        elif fmt is ExportFormat.jsonl:
            ex.write_jsonl(found, handle)
        else:
            handle.write(json.dumps(ex.geojson(found), ensure_ascii=False) + "\n")
    finally:
        if out:
            handle.close()


def control_cmd(
    place: Annotated[str, typer.Argument(help="Place name (location or first-order region).")],
    db: Db = "events.duckdb",
    at: Annotated[str | None, typer.Option(help="YYYY-MM-DD: only who held the place that day.")] = None,
    fmt: Annotated[EventsFormat, typer.Option("--format", "-f")] = EventsFormat.table,
) -> None:
    """Who controlled PLACE and since when, with the evidence of each change (partial control kept)."""
    from .control import controllers_at, place_events, timeline

    with Store(db, read_only=True) as store:
        periods = timeline(place_events(store, place))
    if at:
        periods = controllers_at(periods, date.fromisoformat(at))
    records = [ex.period_json(p) for p in periods]
    if fmt is EventsFormat.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    table = Table("from", "until", "controller", "partial", "change", "evidence")
    for r in records:
        partial = r["scope"] or "partial" if r["partial"] else ""
        evidence = " | ".join(e["text"] for e in r["evidence"])
        table.add_row(r["start"], r["end"] or "", r["controller"] or "?", partial, r["change"], evidence)
    Console().print(table)


def watch_cmd(
    feeds: Annotated[list[str], typer.Argument(help="Feed URLs (RSS/Atom) or feed files.")],
    db: Db = "events.duckdb",
    every: Annotated[str, typer.Option(help="Time between polls: 30s, 15m, 1h.")] = "15m",
    polls: Annotated[int | None, typer.Option(help="Stop after this many rounds (default: never).")] = None,
) -> None:
    """Poll feeds politely (ETag / Last-Modified, backoff, per-host rate limit) and ingest new articles."""
    from .feeds import Poll, parse_every, watch

    def show(poll: Poll) -> None:
        s = poll.stats
        err.print(f"{poll.feed}: HTTP {poll.status}, {s.articles} new articles, {s.events} events")

    with Store(db) as store:
        watch(feeds, store, parse_every(every), polls=polls, on_poll=show)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
    app.command("events")(events_cmd)
    app.command("export")(export_cmd)
    app.command("control")(control_cmd)
    app.command("watch")(watch_cmd)
