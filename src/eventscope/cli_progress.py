"""The ingest progress display: on a terminal, articles done of the total with a bar and the time left (or a
count when the total is not known beforehand); nothing at all when stderr is not a terminal."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from .store import IngestStats

FIGURES = "{task.fields[rate]:.1f} articles/s  events {task.fields[events]}  skipped {task.fields[skipped]}"


class IngestProgress:
    """``show`` each ``IngestStats`` an ingest reports; ``total`` is the number of inputs (None: unknown).
    Done counts every input settled: stored, unchanged or quarantined."""

    def __init__(self, console: Console, total: int | None) -> None:
        counted: list[ProgressColumn] = [BarColumn(), MofNCompleteColumn(), TextColumn("ETA"), TimeRemainingColumn()]
        columns = [SpinnerColumn(), TextColumn("ingest"), *(counted if total else []), TextColumn(FIGURES),
                   TimeElapsedColumn()]  # fmt: skip
        self._progress = Progress(*columns, console=console, disable=not console.is_terminal)
        self._task = self._progress.add_task("ingest", total=total, rate=0.0, events=0, skipped=0)

    def show(self, stats: IngestStats) -> None:
        task = self._progress.tasks[self._task]
        done = stats.articles + stats.skipped
        rate = stats.articles / task.elapsed if task.elapsed else 0.0
        total = max(task.total, done) if task.total is not None else None  # a corpus with repeats or blank lines
        self._progress.update(self._task, completed=done, total=total, rate=rate, events=stats.events,
                              skipped=stats.skipped)  # fmt: skip

    def finish(self) -> None:
        """The bar full: the total was counted before reading, and repeated or blank lines are not inputs."""
        task = self._progress.tasks[self._task]
        if task.total is not None:
            self._progress.update(self._task, total=task.completed)

    def __enter__(self) -> IngestProgress:
        self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if kind is None:
            self.finish()
        self._progress.stop()
