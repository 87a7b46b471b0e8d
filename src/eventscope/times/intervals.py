"""TIMEX3 values to inclusive date intervals, and small calendar helpers."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta

Interval = tuple[date, date]

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def month_end(year: int, month: int) -> date:
    return date(year, month, monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def months_span(year: int, first: int, last: int) -> Interval:
    """Months first..last of year (last may run past 12 into the next year)."""
    start = add_months(date(year, 1, 1), first - 1)
    end = add_months(date(year, 1, 1), last - 1)
    return start, month_end(end.year, end.month)


def week_value(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _week(year: int, week: int, weekend: bool) -> Interval:
    monday = date.fromisocalendar(year, week, 1)
    return (monday + timedelta(days=5), monday + timedelta(days=6)) if weekend else (monday, monday + timedelta(6))


def value_interval(value: str) -> Interval | None:
    """The calendar interval a TIMEX3 date value denotes, None for references and durations."""
    try:
        return _value_interval(value)
    except ValueError:
        return None


def _value_interval(value: str) -> Interval | None:
    if m := _DAY.match(value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := _MONTH.match(value):
        return date(int(m[1]), int(m[2]), 1), month_end(int(m[1]), int(m[2]))
    if m := _YEAR.match(value):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    if m := _WEEK.match(value):
        return _week(int(m[1]), int(m[2]), bool(m[3]))
    if m := _PART.match(value):
        return _part(int(m[1]), m[2])
    if m := _DECADE.match(value):
        return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    if m := _CENTURY.match(value):
        return date(int(m[1]) * 100, 1, 1), date(int(m[1]) * 100 + 99, 12, 31)
    return None


def _part(year: int, part: str) -> Interval:
    if part[0] == "Q":
        q = int(part[1])
        return months_span(year, 3 * q - 2, 3 * q)
    if part[0] == "H":
        h = int(part[1])
        return months_span(year, 6 * h - 5, 6 * h)
    first, last = _SEASON_MONTHS[part]
    return months_span(year, first, last)


def apply_mod(span: Interval, mod: str | None) -> Interval:
    """Narrow an interval to its early / middle / late third (START and END as EARLY and LATE)."""
    start, end = span
    if mod not in ("EARLY", "START", "MID", "LATE", "END") or (end - start).days < 2:
        return span
    if (end - start).days > 62:  # whole months: thirds of a year are four months
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        cut1, cut2 = add_months(start, months // 3), add_months(start, months - months // 3)
    else:  # days: 1-10, 11-20, 21-end of a month
        length = (end - start).days + 1
        cut1, cut2 = start + timedelta(days=length // 3), start + timedelta(days=2 * (length // 3))
    if mod in ("EARLY", "START"):
        return start, cut1 - timedelta(days=1)
    if mod == "MID":
        return cut1, cut2 - timedelta(days=1)
    return cut2, end
