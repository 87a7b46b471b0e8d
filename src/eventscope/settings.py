"""Every setting of eventscope, once: its name, default and help, declared as a field of ``Settings``; its
environment variable is ``EVENTSCOPE_`` and the name in capitals. ``SETTINGS`` is the table read from those
fields (the README's table of settings is checked against it, tests/test_settings_documented.py).

A value comes from, in rising order: the default, the environment variable (``Settings.from_env``; a value
that does not parse as the default's type keeps the default), an explicit argument (``replace``, the CLI's
options, ``create_app(settings=...)``). ``current()`` reads the environment at the time of the call: a setting
changed in the environment is seen by the next read, nothing is cached.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import Field, dataclass, field, fields, replace
from typing import Any

PREFIX = "EVENTSCOPE_"
# Not a setting: the default of ``Store(wait=)`` and of the CLI's ``--lock-wait``, here so that the CLI can show
# it in --help without importing the store (and DuckDB)
LOCK_WAIT_S = 60.0  # how long to wait for another process's lock on the database file


def _setting(default: int | float | str, help: str, most: float | None = None) -> Any:  # noqa: A002
    """A field of the table: its default, its help and, for a share, its largest value."""
    return field(default=default, metadata={"help": help, "most": most})


@dataclass(frozen=True, slots=True)
class Settings:
    # inputs
    max_bytes: int = _setting(10_000_000, "bytes read of one file, page or record; a larger one is refused (E004)")
    max_chars: int = _setting(400_000, "characters of one article analysed (spaCy takes 1.9 GB for 600k); "
                                       "the rest is reported (W015)")  # fmt: skip
    max_sentence_tokens: int = _setting(150, "tokens of one sentence; a longer run-on is split at clause "
                                             "boundaries before parsing")  # fmt: skip
    fetch_seconds: float = _setting(60.0, "seconds one fetch of a page or feed may take (connecting, the answer and "
                                          "its body; each attempt); a slower answer is given up (E061) and not "
                                          "retried; 0: no limit")  # fmt: skip
    # the pipeline
    typing_threshold: float = _setting(0.0, "the least typing confidence (0 to 1) of an event kept; 0 keeps every "
                                            "mention the typing model does not call no event", most=1.0)  # fmt: skip
    gazetteer: str = _setting("", "a gazetteer index file (eventscope gazetteer build); empty: the embedded "
                                  "one, built on first use from the installed GeoNames packages")  # fmt: skip
    cache: str = _setting("", "the folder of the embedded gazetteer; empty: $XDG_CACHE_HOME/eventscope "
                              "(~/.cache/eventscope)")  # fmt: skip
    # ingest
    article_seconds: float = _setting(180.0, "seconds of extraction for one article in ingest and watch (on its "
                                             "worker); a longer one is quarantined (E051), the batch goes on; "
                                             "0: no limit")  # fmt: skip
    # the store
    db_memory: str = _setting("1GB", "DuckDB's memory limit per open database file (it spills to disk past it)")
    # the web server
    default_limit: int = _setting(100, "events in a page when the request gives no limit")
    max_limit: int = _setting(1000, "the largest page of events a request may ask for")
    query_timeout_s: float = _setting(2.0, "a database read running longer is interrupted (HTTP 503)")
    max_text_length: int = _setting(200, "the longest text, actor or place filter accepted")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The defaults, each replaced by its environment variable when that is set and parses."""
        env = os.environ if environ is None else environ
        given: dict[str, Any] = {s.name: s.parse(env[s.env]) for s in SETTINGS if env.get(s.env)}
        return replace(cls(), **{name: value for name, value in given.items() if value is not None})


def _default(f: Field[Any]) -> int | float | str:
    value = f.default
    assert isinstance(value, int | float | str), f.name  # every field is declared by _setting
    return value


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: int | float | str
    help: str
    most: float | None = None  # the largest value it takes (a share: 1.0); a larger one is not read

    @property
    def env(self) -> str:
        return PREFIX + self.name.upper()

    def parse(self, text: str) -> int | float | str | None:
        """``text`` as a value of the default's type (integers: positive ASCII digits; numbers: finite, not
        negative); None when it is not one."""
        if isinstance(self.default, str):
            return text
        if isinstance(self.default, int):
            return int(text) if text.isascii() and text.isdigit() and int(text) > 0 else None
        try:
            number = float(text)
        except ValueError:
            return None
        fits = math.isfinite(number) and number >= 0 and (self.most is None or number <= self.most)
        return number if fits else None


SETTINGS: tuple[Setting, ...] = tuple(Setting(f.name, _default(f), f.metadata["help"], f.metadata["most"])
                                      for f in fields(Settings))


def current() -> Settings:
    """The settings as the environment gives them now."""
    return Settings.from_env()
