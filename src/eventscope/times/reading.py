"""What a resolver returns, and the context it resolves against."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..records import Granularity, TimeType
from .intervals import Interval

Tense = Literal["past", "present", "future"]


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a value depends on besides the words: the anchor, the tense, the running quarter."""

    anchor: date | None  # the article's publication date; None leaves relative values unresolved
    tense: Tense = "past"
    quarter: str | None = None  # the fiscal quarter the text last named, e.g. "1989-Q3"
    day: date | None = None  # the day the text named just before (for "at 10:35 a.m.")
    last: date | None = None  # the start of the last calendar date the text named (for "that year")
    ahead: bool = False  # a deadline word precedes ("until", "effective", "payable"): the date is upcoming


@dataclass(frozen=True, slots=True)
class Reading:
    type: TimeType
    value: str
    granularity: Granularity | None = None
    mod: str | None = None
    span: Interval | None = None  # set when the interval is not the value's calendar unit
    clip: Literal["", "before", "after"] = ""  # "earlier this month": up to the anchor only
