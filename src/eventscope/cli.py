"""The command line: a thin adapter over the library. The pipeline, the readers (dateparser, charset-normalizer)
and the store are imported by the commands that use them: ``--help`` and ``--version`` start without them."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import datetime
from enum import StrEnum
from typing import Annotated

import typer

from . import __version__, cli_store, cli_web
from .cli_errors import Group
from .cli_output import print_table
from .cli_store import err, say
from .errors import InputError
from .records import Article, Event, Rejected
from .report import Reporter
from .serialize import dumps, event_record, place_record, time_record

app = typer.Typer(add_completion=False, no_args_is_help=True, cls=Group,
                  help="Read news articles; print grounded conflict events in ACLED's vocabulary.")
gazetteer_app = typer.Typer(no_args_is_help=True, help="Build or inspect the gazetteer.")
app.add_typer(gazetteer_app, name="gazetteer")


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"


class JsonlFormat(StrEnum):  # places and times print records only
    jsonl = "jsonl"


Paths = Annotated[list[str], typer.Argument(help="Files (.txt, .html, .jsonl corpora), directories, or - for stdin.")]
Published = Annotated[str | None, typer.Option(help="Publication time (ISO 8601) for texts that carry none.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="table (readable) or jsonl (the contract).")]
JsonlOpt = Annotated[JsonlFormat, typer.Option("--format", "-f", help="jsonl (the contract).")]


def _version(shown: bool) -> None:
    if shown:
        typer.echo(f"eventscope {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:  # fmt: skip
    """Read news articles; print grounded conflict events in ACLED's vocabulary."""


class Batch:
    """Articles of a batch; remembers what was skipped so the exit status can say so."""

    def __init__(self, paths: list[str], published: str | None) -> None:
        from .ingest import parse_time, read_inputs

        try:
            when: datetime | None = parse_time(published)
        except InputError as exc:
            raise typer.BadParameter(str(exc), param_hint="--published") from exc
        self.items = read_inputs(paths, published=when)
        self.report = Reporter(say)

    def articles(self) -> Iterator[Article]:
        for item in self.report.items(self.items):
            if isinstance(item, Rejected):
                self.reject(item)
            else:
                yield item

    def reject(self, item: Rejected) -> None:
        self.report.rejected(item)

    def exit(self) -> None:
        self.report.close()
        raise typer.Exit(1 if self.report.skipped else 0)



EVENT_COLUMNS = (("date", 22), ("type", 35), ("actor1", 28), ("actor2", 28), ("location", 14), ("source", 24),
                 ("evidence", 56))  # fmt: skip


def _event_row(e: Event) -> list[str]:
    when = f"{e.date_start}" if e.date_start == e.date_end else f"{e.date_start}..{e.date_end}"
    evidence = " ".join(e.evidence[0].text.split()) if e.evidence else ""
    return [when, e.sub_event_type, e.actor1 or "", e.actor2 or "", e.location or "", e.source or "", evidence]


@app.command()
def extract(paths: Paths, published: Published = None, fmt: FormatOpt = Format.table) -> None:
    """Events of each article, in text order (one JSON object a line with --format jsonl)."""
    from .pipeline import Pipeline

    cli_store.check_gazetteer()
    batch, rows = Batch(paths, published), list[Event]()
    for _, events in Pipeline.default().extract(batch.articles(), on_reject=batch.reject):
        if fmt is Format.jsonl:
            for event in events:
                sys.stdout.write(dumps(event_record(event)) + "\n")
        else:
            rows.extend(events)
    if fmt is Format.table:
        print_table(EVENT_COLUMNS, [_event_row(e) for e in rows], title=f"{len(rows)} events")
    batch.exit()


@app.command()
def places(paths: Paths, published: Published = None, fmt: JsonlOpt = JsonlFormat.jsonl) -> None:
    """Place mentions (toponyms), resolved against the gazetteer."""
    from .pipeline import Pipeline

    cli_store.check_gazetteer()
    batch = Batch(paths, published)
    for analysis in Pipeline.default().analyse(batch.articles()):
        if isinstance(analysis, Rejected):
            batch.reject(analysis)
            continue
        for place in analysis.places:
            sys.stdout.write(dumps(place_record(analysis.article.article_id, place)) + "\n")
    batch.exit()


@app.command()
def times(paths: Paths, published: Published = None, fmt: JsonlOpt = JsonlFormat.jsonl) -> None:
    """Temporal expressions normalised against each article's publication time."""
    from . import nlp
    from .times import tag_times

    batch = Batch(paths, published)
    pairs = ((a.nlp_text, a) for a in batch.articles())
    for doc, article in nlp.load().pipe(pairs, as_tuples=True, batch_size=nlp.BATCH_SIZE):
        for expr in tag_times(doc, article):
            sys.stdout.write(dumps(time_record(article.article_id, expr)) + "\n")
    batch.exit()


@gazetteer_app.command("build")
def gazetteer_build(
    paths: Annotated[list[str], typer.Argument(help="GeoNames dumps in the geoname table format: allCountries, "
                                                    "XX (a country) or citiesN, as .txt or GeoNames' .zip")],
    out: Annotated[str, typer.Option(help="The index file to write.")] = "gazetteer.duckdb",
) -> None:
    """Build a local gazetteer index from GeoNames dumps (use it with EVENTSCOPE_GAZETTEER=FILE)."""
    from .places import build_gazetteer

    build_gazetteer(paths, out)
    err.print(f"gazetteer written to {out}; set EVENTSCOPE_GAZETTEER={out} to use it")


cli_store.register(app)
cli_web.register(app)
