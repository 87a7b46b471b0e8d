"""Tables on stdout: a table that fits the terminal, or plain TSV (a header, one row a line) when piped."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence

from rich.console import Console
from rich.table import Table

Column = tuple[str, int | None]  # name, the widest a terminal shows it (None: as wide as it needs)


def print_table(columns: Sequence[Column], rows: Iterable[Sequence[str]], title: str | None = None) -> None:
    """``rows`` of ``columns``: a rich table cut to the terminal's width, or TSV when stdout is not a terminal."""
    if not sys.stdout.isatty():
        sys.stdout.write("\t".join(name for name, _ in columns) + "\n")
        for row in rows:
            sys.stdout.write("\t".join(" ".join(cell.split()) for cell in row) + "\n")
        return
    table = Table(title=title, show_lines=False, expand=False)
    for name, width in columns:
        table.add_column(name, max_width=width, no_wrap=width is not None, overflow="ellipsis")
    for row in rows:
        table.add_row(*row)
    Console().print(table)
