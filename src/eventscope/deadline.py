"""A time limit on a block of Python code, in whichever thread runs it (the main thread, a Dask worker's).

A timer thread raises ``OverBudget`` in the running thread when the block outlives its seconds. The
exception is delivered at the next Python bytecode, so one long C call (a spaCy batch, one regular
expression) finishes first; the inputs are bounded before those (the max_chars and max_sentence_tokens
settings), so the wait is short.
``OverBudget`` is a ``BaseException``: an ``except Exception`` of the pipeline (which turns a failure
into one article's rejection and goes on) does not swallow it.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class OverBudget(BaseException):  # noqa: N818 - not an error of the code: the block ran out of time
    """The block ran longer than its time limit."""


def _raise_in(thread: int, exc: type[BaseException] | None) -> None:
    """Ask CPython to raise ``exc`` in ``thread`` at its next bytecode (None: withdraw a pending request)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), ctypes.py_object(exc) if exc else None)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Run the block; raise ``OverBudget`` in it after ``seconds`` (None: no limit). The exception leaves only
    through this block: a request still pending when the block ends in time is withdrawn."""
    if seconds is None:
        yield
        return
    thread, lock, armed = threading.get_ident(), threading.Lock(), [True]

    def fire() -> None:
        with lock:
            if armed[0]:
                armed[0] = False
                _raise_in(thread, OverBudget)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            fired, armed[0] = not armed[0], False
        if fired:
            _raise_in(thread, None)  # delivered already (we are leaving by it) or withdrawn now
