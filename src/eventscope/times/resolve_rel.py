"""Resolvers for expressions relative to the anchor: 'yesterday', 'last week', 'a year ago', 'the past two
weeks', 'recently', durations and sets."""

from __future__ import annotations

from datetime import date, timedelta

from ..records import Granularity
from .intervals import add_months, week_value
from .lexicon import MODS, PARTS_OF_DAY, UNITS, WEEKDAYS, month_number, number_value, unit_key
from .reading import Context, Reading
from .resolve_abs import edge_mod, with_part

_BACK = (
    "last",
    "the last",
    "past",
    "the past",
    "previous",
    "the previous",
    "prior",
    "the prior",
    "the preceding",
)
# Determiners that count from the narrative's time, not the publication's: "the following month"
_NARRATIVE = ("following", "the following", "previous", "the previous", "the preceding", "prior", "the prior")
_AHEAD = ("next", "the next", "coming", "the coming", "following", "the following")
# "coming" + these plural units is an unspecified duration (PXW, PXM, PXY), and so is "recent weeks|months",
# as TIMEX3 annotates them; "in recent days" stays PAST_REF (the reference the event stage dates an
# event with), and so does "recent years", which TimeBank annotates PAST_REF more often than PXY.
_VAGUE_SPAN_UNITS = ("week", "month", "year")
_RECENT_DAYS = {"day": 14, "week": 42, "month": 182, "quarter": 365, "year": 1095, "decade": 3650}
_GRAN: dict[str, Granularity] = {
    "day": "day",
    "week": "week",
    "weekend": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "century",
}


def shift(day: date, unit: str, n: int) -> date:
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        return day + timedelta(days=n)
    if unit in ("week", "weekend", "fortnight"):
        return day + timedelta(weeks=n * (2 if unit == "fortnight" else 1))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit, 0)
    return add_months(day, n * months)


def unit_value(day: date, unit: str) -> str:
    """The TIMEX3 value naming the unit (day, week, month ...) that contains day."""
    if unit == "week":
        return week_value(day)
    if unit == "weekend":
        return week_value(day) + "-WE"
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "decade":
        return str(day.year)[:3]
    if unit == "century":
        return str(day.year)[:2]
    if unit == "year":
        return str(day.year)
    return day.isoformat()


def duration_value(n: int | None, unit: str) -> str:
    letter, is_time = UNITS.get(unit, ("X", False))
    count = "X" if n is None else str(n)
    if letter == "DE":
        return f"P{n * 10}Y" if n is not None else "PXDE"
    if letter == "CE":
        return f"P{n * 100}Y" if n is not None else "PXCE"
    if letter == "WE":
        return f"P{2 * n}D" if n is not None else "PXWE"
    if letter == "2W":
        return f"P{2 * n}W" if n is not None else "PXW"
    return ("PT" if is_time else "P") + count + letter


def resolve_deictic(g: dict[str, str | None], ctx: Context) -> Reading | None:
    word = " ".join((g["w"] or "").lower().split())
    offset = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "last night": -1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }[word]
    day = ctx.anchor + timedelta(days=offset) if ctx.anchor else None
    part = g.get("part") or ("night" if word == "last night" else None)
    return with_part(day, part)


def resolve_ref(g: dict[str, str | None], ctx: Context) -> Reading | None:
    word = " ".join((g["w"] or "").lower().split())
    if "future" in word or word.endswith(("term", "later date", "possible")) or word == "soon":
        return Reading("DATE", "FUTURE_REF")
    if word in ("recently", "more recently", "most recently", "lately"):
        span = (ctx.anchor - timedelta(days=30), ctx.anchor) if ctx.anchor else None
        return Reading("DATE", "PAST_REF", span=span)
    if word == "the past":
        return Reading("DATE", "PAST_REF")
    span = (ctx.anchor, ctx.anchor) if ctx.anchor else None
    return Reading("DATE", "PRESENT_REF", span=span)


def resolve_relunit(g: dict[str, str | None], ctx: Context) -> Reading | None:
    """'last week', 'this year', 'earlier this month', 'the end of last year', 'the quarter'."""
    det, unit = " ".join((g["det"] or "").lower().split()), (g["u"] or "").lower()
    mod = edge_mod(g.get("edge")) or edge_mod(g.get("ea") if (g.get("ea") or "").lower() in ("early", "late") else None)
    clip = {"earlier": "before", "later": "after"}.get((g.get("ea") or "").lower(), "")
    if unit in PARTS_OF_DAY:
        return with_part(ctx.anchor, unit) if det == "this" else None
    if unit == "period" or (unit == "quarter" and det in ("the", "the latest", "latest", "the same")):
        return Reading("DATE", ctx.quarter, "quarter") if ctx.quarter else None
    if det in ("the", "that", "the same", "that same") and unit in ("year", "day"):
        return _narrative(det, unit, g, ctx, mod)
    if det in ("the past", "past", "the last") and not mod and not clip and ctx.anchor is not None:
        return _past_unit(det, unit, ctx.anchor)
    step = -1 if det in _BACK else 1 if det in _AHEAD else 0
    if ctx.anchor is None:
        return Reading("DATE", "XXXX", _GRAN.get(unit), mod)
    base = _weekend(ctx) if unit == "weekend" and step == 0 else ctx.anchor
    if det in _NARRATIVE and ctx.last is not None:  # "the following year": after the year just told
        base = ctx.last
    value = unit_value(shift(base, unit, step), unit)
    return Reading("DATE", value, _GRAN.get(unit), mod, clip=clip)  # type: ignore[arg-type]


def _past_unit(det: str, unit: str, anchor: date) -> Reading:
    """'past decade' is a duration; 'the past year' is named as the unit before (TimeBank: the year
    before), but it covers the stretch up to publication, and that is its interval."""
    span = (shift(anchor, unit, -1), anchor)
    if det == "past":
        return Reading("DURATION", duration_value(1, unit), _GRAN.get(unit), span=span)
    return Reading("DATE", unit_value(shift(anchor, unit, -1), unit), _GRAN.get(unit), span=span)


def _narrative(det: str, unit: str, g: dict[str, str | None], ctx: Context, mod: str | None) -> Reading | None:
    """'the year' (the publication's, unless 'the year ended March 31': a year-long period), 'that day',
    'the same day', 'later that year': the day or year the narrative last named."""
    if det == "the" and unit == "year":
        if g.get("ended") or ctx.anchor is None:
            return Reading("DURATION", duration_value(1, unit))
        return Reading("DATE", str(ctx.anchor.year), "year", mod)
    if unit == "day" and ctx.day is not None and det != "the":
        return Reading("DATE", ctx.day.isoformat(), "day", mod)
    if unit == "year" and ctx.last is not None:
        return Reading("DATE", str(ctx.last.year), "year", mod)
    return None


def _weekend(ctx: Context) -> date:
    """A day of the weekend meant by 'the weekend': the coming one in future tense, else the last one."""
    assert ctx.anchor is not None
    weekday = ctx.anchor.isoweekday()
    if ctx.tense == "future" or weekday >= 6:
        return ctx.anchor
    return ctx.anchor - timedelta(days=weekday)


def resolve_duration(g: dict[str, str | None], ctx: Context) -> Reading | None:
    """'two weeks', 'the past two weeks', 'a year ago', 'at least 30 days', 'two-year'."""
    unit = unit_key(g["u"] or "")
    n = number_value(g["n"] or "")
    det = " ".join((g.get("det") or "").lower().split())
    direction = " ".join((g.get("dir") or "").lower().split())
    mod = MODS.get(" ".join((g.get("mod") or "").lower().split()))
    if direction in ("ago", "earlier", "before", "later", "after", "from now"):
        return _offset(n, unit, direction, ctx)
    if direction in ("old",):
        return Reading("DURATION", duration_value(n, unit), mod=mod)
    value = duration_value(n, unit)
    if n is not None and (g.get("half") or g.get("half2")) and unit in _HALF:  # "2 1/2 years" -> P2Y6M
        value = _with_half(value, _HALF[unit])
    if ctx.anchor is not None and n is not None and det in _BACK:
        return Reading("DURATION", value, mod=mod, span=(shift(ctx.anchor, unit, -n), ctx.anchor))
    if ctx.anchor is not None and n is not None and det in _AHEAD:
        return Reading("DURATION", value, mod=mod, span=(ctx.anchor, shift(ctx.anchor, unit, n)))
    return Reading("DURATION", value, mod=mod)


# Half of a unit, written in the next smaller one: "2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M
_HALF = {"year": "6M", "month": "15D", "day": "T12H", "hour": "30M", "minute": "30S"}


def _with_half(value: str, half: str) -> str:
    return value + (half[1:] if half.startswith("T") and "T" in value else half)


def _offset(n: int | None, unit: str, direction: str, ctx: Context) -> Reading | None:
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if n is None:
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if ctx.anchor is None:
        return Reading("DATE", "XXXX", _GRAN.get(unit))
    if unit in ("hour", "minute", "second"):
        return Reading("DATE", ctx.anchor.isoformat(), "day")
    day = shift(ctx.anchor, unit, sign * n)
    if unit == "year" and n == 1 and ctx.quarter and direction in ("ago", "earlier"):
        return Reading("DATE", f"{day.year}-{ctx.quarter[5:]}", "quarter")
    gran = "year" if unit in ("decade", "century") else unit
    return Reading("DATE", unit_value(day, gran), _GRAN.get(gran))


def resolve_plural(g: dict[str, str | None], ctx: Context) -> Reading | None:
    """'recent days' (PAST_REF, the few weeks before the anchor), 'coming years', 'years ago'."""
    word = " ".join((g.get("w") or "").lower().split())
    unit = unit_key(g["u"] or "")
    direction = (g.get("dir") or "").lower()
    if word in ("recent", "past", "the past") or direction == "ago":
        days = _RECENT_DAYS.get(unit, 14)
        span = (ctx.anchor - timedelta(days=days), ctx.anchor) if ctx.anchor and word == "recent" else None
        if word == "recent" and unit in ("week", "month"):  # TIMEX3: "recent months" is a DURATION, PXM
            return Reading("DURATION", duration_value(None, unit), span=span)
        return Reading("DATE", "PAST_REF", span=span)
    if (word in ("coming", "the coming") or g.get("ahead")) and unit in _VAGUE_SPAN_UNITS:  # "in coming weeks": PXW
        return Reading("DURATION", duration_value(None, unit))
    if word in ("coming", "future", "the coming") or direction in ("later", "from now"):
        return Reading("DATE", "FUTURE_REF")
    return Reading("DURATION", duration_value(None, unit)) if not direction else None


def resolve_yearago(g: dict[str, str | None], ctx: Context) -> Reading | None:
    if ctx.quarter:
        return Reading("DATE", f"{int(ctx.quarter[:4]) - 1}-{ctx.quarter[5:]}", "quarter")
    if ctx.anchor is None:
        return Reading("DATE", "XXXX", "year")
    return Reading("DATE", str(ctx.anchor.year - 1), "year")


def resolve_set(g: dict[str, str | None], ctx: Context) -> Reading | None:
    word = (g.get("w") or "").lower()
    if word:
        letter = {
            "daily": "1D",
            "nightly": "1D",
            "weekly": "1W",
            "monthly": "1M",
            "annually": "1Y",
            "yearly": "1Y",
            "quarterly": "1Q",
            "hourly": "T1H",
        }[word]
        return Reading("SET", "P" + letter)
    if g.get("u"):
        return Reading("SET", duration_value(1, unit_key(g["u"] or "")))
    if g.get("m"):
        return Reading("SET", f"XXXX-{month_number(g['m'] or ''):02d}")
    weekday = WEEKDAYS[(g.get("wd") or g.get("wds") or "").lower()]
    return Reading("SET", f"XXXX-WXX-{weekday}")
