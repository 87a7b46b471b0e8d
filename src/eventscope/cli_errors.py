"""How the command line ends: every error one coded line on stderr, exit 2 for usage and 1 at run time.

``Group`` is the click group of the ``eventscope`` app: it runs the command with click's standalone
mode off and turns what escapes into one line (``eventscope: [E070] --since: ...``): a usage error
(bad option, bad value) exits 2, an ``EventscopeError`` or any other click error 1, a closed stdout
(``eventscope events | head -1``) 0, as for any filter whose reader has had enough.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from typer import Abort
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

from .errors import Errors, EventscopeError

USAGE, RUNTIME = 2, 1


def fail(message: str, status: int) -> NoReturn:
    """Print one line (whitespace runs, newlines included, collapsed) and exit with ``status``."""
    sys.stderr.write("eventscope: " + " ".join(message.split()) + "\n")
    sys.stderr.flush()
    raise SystemExit(status)


def usage_line(exc: UsageError) -> str:
    where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
    return f"[E070] {Errors.E070.format(detail=exc.format_message())}{where}"


def _closed_stdout() -> NoReturn:
    """The reader of stdout went away: drop what is left to write and end as if done."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (a test runner's buffer)
        pass
    raise SystemExit(0)


class Group(TyperGroup):
    """The app's click group: errors end as one coded line (see the module docstring)."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, windows_expand_args: bool = True,
             **extra: Any) -> Any:  # fmt: skip
        try:
            status = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except NoArgsIsHelpError as exc:  # a bare command: its help
            exc.show()
            raise SystemExit(USAGE) from None
        except UsageError as exc:
            fail(usage_line(exc), USAGE)
        except ClickException as exc:
            fail(exc.format_message(), exc.exit_code)
        except Abort:
            fail("aborted", RUNTIME)
        except EventscopeError as exc:
            fail(str(exc), RUNTIME)
        except OSError as exc:
            fail(f"[E071] {Errors.E071.format(action='use', path=exc.filename or '', detail=exc.strerror or exc)}",
                 RUNTIME)  # fmt: skip
        if not standalone_mode:
            return status
        raise SystemExit(status if isinstance(status, int) else 0)

    def invoke(self, ctx: Any) -> Any:
        """Run the command and flush its output; a closed stdout ends it with status 0 (caught here, before
        typer's own handler turns it into status 1)."""
        try:
            found = super().invoke(ctx)
            sys.stdout.flush()
            return found
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                _closed_stdout()
            raise
