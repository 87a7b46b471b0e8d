"""Resolvers for calendar expressions: dates, months, years, quarters, seasons, holidays, clock times."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .intervals import week_value
from .lexicon import MODS, ORDINALS, PARTS_OF_DAY, SEASONS, WEEKDAYS, month_number
from .reading import Context, Reading


def edge_mod(text: str | None) -> str | None:
    if not text:
        return None
    return MODS.get(" ".join(text.lower().split()).rstrip("-") if text.strip() != "mid-" else "mid")


# How far ahead of the anchor a date without a year may lie and still be read as upcoming when the
# verb is not in the future tense ("extended to Nov. 20", "expected in December"): news about a
# scheduled date soon after publication is far more common than about that date eleven months ago.
_AHEAD_DAYS = {"past": 45, "present": 75}
_BEHIND_DAYS = 7  # a future-tense date this close before the anchor is this year's ("by Jan. 14")


def infer_year(month: int, day: int, ctx: Context) -> int | None:
    """The year of a month (and day) given without one: the nearest occurrence the tense allows."""
    if ctx.anchor is None:
        return None
    a = ctx.anchor
    if not day:  # a month: this month is this year's; otherwise compare whole months
        if month == a.month:
            return a.year
        ahead = (month - a.month) % 12
        window = 12 if ctx.tense == "future" or ctx.ahead else _AHEAD_DAYS[ctx.tense] // 30
        return a.year + (month < a.month) if ahead <= window else a.year - (month > a.month)
    this = _safe_date(a.year, month, day)
    nxt, last = _safe_date(a.year + 1, month, day), _safe_date(a.year - 1, month, day)
    if ctx.tense == "future" or ctx.ahead:
        return a.year if (this - a).days >= -_BEHIND_DAYS else nxt.year
    if this <= a:
        return a.year
    return a.year if (this - a).days <= _AHEAD_DAYS[ctx.tense] else last.year


def _safe_date(year: int, month: int, day: int) -> date:
    """The date, its day capped at the 28th (only the year is wanted; every month has a 28th)."""
    return date(year, month, min(max(day, 1), 28))


def _ymd(y: int | None, m: int, d: int) -> str | None:
    if y is None:
        return f"XXXX-{m:02d}-{d:02d}"
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def resolve_day(g: dict[str, str | None], ctx: Context) -> Reading | None:
    """dmy, mdy, dayrange, iso: a calendar day, its year inferred when missing."""
    month = int(g["m"] or 0) if (g["m"] or "").isdigit() else month_number(g["m"] or "")
    day = int(re.sub(r"\D", "", g["d"] or "0"))
    year = int(g["y"] or 0) if g.get("y") else infer_year(month, day, ctx)
    value = _ymd(year, month, day)
    if value is None or not month:
        return None
    if g.get("h") and g.get("mi"):
        return Reading("TIME", f"{value}T{g['h']}:{g['mi']}", "day")
    return Reading("DATE", value, "day")


def resolve_week_of(g: dict[str, str | None], ctx: Context) -> Reading | None:
    """'the week of March 6': the calendar week that holds the day."""
    day = resolve_day(g, ctx)
    if day is None or day.value.startswith("X"):
        return None
    return Reading("DATE", week_value(date.fromisoformat(day.value)), "week")


def resolve_slash(g: dict[str, str | None], ctx: Context) -> Reading | None:
    a, b, y = int(g["a"] or 0), int(g["b"] or 0), g["y"] or ""
    month, day = (b, a) if a > 12 else (a, b)  # month first unless it cannot be a month
    year = int(y) if len(y) == 4 else (1900 + int(y) if int(y) > 30 else 2000 + int(y))
    value = _ymd(year, month, day) if 1 <= month <= 12 else None
    return Reading("DATE", value, "day") if value else None


def resolve_month(g: dict[str, str | None], ctx: Context) -> Reading | None:
    """Month names: 'May 2015', 'last December', 'late March', 'June last year'."""
    month = month_number(g["m"] or "")
    rel, shift = (g.get("rel") or "").lower(), {"last": -1, "next": 1, "this": 0}
    if g.get("y"):
        year: int | None = int(g["y"] or 0)
    elif ctx.anchor is None:
        year = None
    elif g.get("ly"):
        year = ctx.anchor.year + shift[(g["ly"] or "").lower()]
    elif rel in ("last", "past", "previous"):
        year = ctx.anchor.year - (month >= ctx.anchor.month)
    elif rel in ("next", "coming", "following"):
        year = ctx.anchor.year + (month <= ctx.anchor.month)
    elif rel == "this":
        year = ctx.anchor.year
    else:
        year = infer_year(month, 0, ctx)
    value = f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}"
    return Reading("DATE", value, "month", edge_mod(g.get("edge")))


def resolve_year(g: dict[str, str | None], ctx: Context) -> Reading | None:
    return Reading("DATE", str(int(g["y"] or 0)), "year", edge_mod(g.get("edge")))


def resolve_decade(g: dict[str, str | None], ctx: Context) -> Reading | None:
    digits = (g["dec"] or "").lstrip("'")
    if len(digits) == 2:  # '90s: the decade nearest before the anchor's
        century = (ctx.anchor.year // 100) if ctx.anchor else 19
        if century * 100 + int(digits) > (ctx.anchor.year if ctx.anchor else 2099):
            century -= 1
        digits = f"{century}{digits}"
    return Reading("DATE", digits[:3], "decade", edge_mod(g.get("edge")))


def resolve_quarter(g: dict[str, str | None], ctx: Context) -> Reading | None:
    """'the third quarter', 'third-quarter', 'Q4 2016', 'the first half of 1990', 'the 1988 period'."""
    if g.get("y1"):  # "the 1988 quarter": the running quarter of that year
        year1 = int(g["y1"] or 0)
        return (
            Reading("DATE", f"{year1}-{ctx.quarter[5:]}", "quarter")
            if ctx.quarter
            else Reading("DATE", str(year1), "year")
        )
    if g.get("y0"):
        g = {**g, "y": g["y0"]}
    elif g.get("yr") and ctx.anchor is not None:  # "this year's third quarter", "the year-ago third quarter"
        step = {"this": 0, "next": 1}.get((g["yr"] or "").split()[0].lower(), -1)
        g = {**g, "y": str(ctx.anchor.year + step)}
    if g.get("q"):
        part = "Q" + (g["q"] or "q0")[1]
    else:
        half = (g.get("qh") or "").lower() == "half"
        part = ("H" if half else "Q") + str(ORDINALS.get((g["o"] or "").lower(), 2 if half else 4))  # "the last half"
    if g.get("y"):
        year: int | None = int(g["y"] or 0)
    elif ctx.quarter and part[0] == "Q":
        year = int(ctx.quarter[:4])
    else:
        year = _part_year(part, ctx)
    value = f"{year:04d}-{part}" if year else f"XXXX-{part}"
    return Reading("DATE", value, "quarter")


def _part_year(part: str, ctx: Context) -> int | None:
    """A quarter or half without a year: the anchor's, unless it has not begun and the verb is past
    ("profits fell in the fourth quarter", said in January: last year's)."""
    if ctx.anchor is None:
        return None
    first_month = 3 * int(part[1]) - 2 if part[0] == "Q" else 6 * int(part[1]) - 5
    unbegun = first_month > ctx.anchor.month
    return ctx.anchor.year - (unbegun and ctx.tense == "past" and not ctx.ahead)


def _season_year(season: str, rel: str, ctx: Context) -> int | None:
    if ctx.anchor is None:
        return None
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
    current = ctx.anchor.year - (season == "WI" and ctx.anchor.month <= 2)
    begun = start <= ctx.anchor.month or current < ctx.anchor.year
    if rel == "last":
        return current - 1
    if rel in ("next", "coming"):
        return current + begun
    if rel == "this":
        return current
    return infer_year(start, 0, ctx)


def resolve_season(g: dict[str, str | None], ctx: Context) -> Reading | None:
    season = SEASONS[(g["s"] or "").lower()]
    rel = (g.get("rel") or "").lower()
    if not (rel or g.get("y") or g.get("edge") or g.get("the")):
        return None
    year = int(g["y"] or 0) if g.get("y") else _season_year(season, rel, ctx)
    value = f"{year:04d}-{season}" if year else f"XXXX-{season}"
    return Reading("DATE", value, "season", edge_mod(g.get("edge")))


def _easter(year: int) -> date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    h = (19 * a + b - d - (b - f + 1) // 3 + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _holiday(name: str, year: int) -> date:
    if name.startswith("thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("easter"):
        return _easter(year)
    fixed = {"christmas": (12, 25), "new": (1, 1), "independence": (7, 4), "halloween": (10, 31)}
    month, day = fixed[name.split()[0].split("'")[0]]
    if name.endswith("eve"):
        return date(year, month, day) - timedelta(days=1)
    return date(year, month, day)


def resolve_holiday(g: dict[str, str | None], ctx: Context) -> Reading | None:
    name = " ".join((g["hd"] or "").lower().split())
    year = int(g["y"] or 0) if g.get("y") else None
    if year is None and ctx.anchor is not None:
        this = _holiday(name, ctx.anchor.year)
        before = (this <= ctx.anchor) == (ctx.tense != "future")
        year = ctx.anchor.year if before else ctx.anchor.year + (1 if ctx.tense == "future" else -1)
    if year is None:
        return None
    return Reading("DATE", _holiday(name, year).isoformat(), "day")


def resolve_clock(g: dict[str, str | None], ctx: Context) -> Reading | None:
    if g.get("noon"):
        hour, minute = (0, 0) if (g["noon"] or "").lower() == "midnight" else (12, 0)
    else:
        hour, minute = int(g["h"] or 0), int(g.get("mi") or 0)
        pm = (g["ap"] or "").lower().startswith("p")
        if hour > 12 or hour == 0:
            return None
        hour = hour % 12 + (12 if pm else 0)
    return Reading("TIME", f"{_clock_day(g, ctx)}T{hour:02d}:{minute:02d}", "day")


def _clock_day(g: dict[str, str | None], ctx: Context) -> str:
    """The day a clock time falls on: its own weekday or 'today', else the day the text last named."""
    if g.get("m") and g.get("d"):  # "5 p.m. EST Nov. 9"
        reading = resolve_day({"m": g["m"], "d": g["d"]}, ctx)
        return reading.value if reading else "XXXX-XX-XX"
    if g.get("wd"):
        day = weekday_date(WEEKDAYS[(g["wd"] or "").lower()], "", ctx)
    elif g.get("dw") and ctx.anchor:
        day = ctx.anchor + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[(g["dw"] or "").lower()])
    else:
        day = ctx.day or ctx.anchor
    return day.isoformat() if day else "XXXX-XX-XX"


def weekday_date(weekday: int, rel: str, ctx: Context) -> date | None:
    """The date of a weekday named relative to the anchor ('last Friday', 'on Wednesday'), or to the day
    the text last named ('the previous Friday', 'the following Monday')."""
    if ctx.anchor is None:
        return None
    if rel in ("previous", "following") and ctx.day is not None:
        return weekday_date(weekday, "last" if rel == "previous" else "next", Context(ctx.day))
    back = (ctx.anchor.isoweekday() - weekday) % 7
    ahead = (weekday - ctx.anchor.isoweekday()) % 7
    if rel in ("last", "past", "previous"):
        return ctx.anchor - timedelta(days=back or 7)
    if rel in ("next", "coming", "following"):
        return ctx.anchor + timedelta(days=ahead or 7)
    if ctx.tense == "future" or ctx.ahead or (rel == "this" and ctx.tense == "present"):
        return ctx.anchor + timedelta(days=ahead)
    return ctx.anchor - timedelta(days=back)


def with_part(day: date | None, part: str | None) -> Reading:
    value = day.isoformat() if day else "XXXX-XX-XX"
    if part and part.lower() in PARTS_OF_DAY:  # TIMEX3: "Wednesday night" is a TIME, ...TNI
        return Reading("TIME", f"{value}T{PARTS_OF_DAY[part.lower()]}", "day")
    return Reading("DATE", value, "day")


def resolve_weekday(g: dict[str, str | None], ctx: Context) -> Reading | None:
    day = weekday_date(WEEKDAYS[(g["wd"] or "").lower()], (g.get("rel") or "").lower(), ctx)
    return with_part(day, g.get("part"))
