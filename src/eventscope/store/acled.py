"""ACLED's vocabulary for its CSV columns: countries, regions, actor categories, interactions, disorder types.

Countries and regions come from acledR's ``acled_countries`` (``data/acled_countries.csv``, written by
``scripts/acled_reference.py``), disorder types from its ``acled_event_categories``; both GPL-3 data of
ACLED's own R package.  Interactions follow ACLED's codebook: the eight actor categories in code order
(1 State forces ... 8 External/Other forces), a pair written lower code first ("State forces-Rebel group"),
one side alone as "<category> only" (44 values); state forces acting outside their own country are
"External/Other forces".  State actors carry the period of the regime in power ("Military Forces of Russia
(2000-)"), from the periods ACLED wrote in acledR's ``acled_old_deletion_dummy`` (``data/acled_state_periods.csv``,
written by ``scripts/acled_state_periods.py``).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

# ACLED's actor categories, in the order of their inter codes 1-8
INTER_CATEGORIES = ("State forces", "Rebel group", "Political militia", "Identity militia", "Rioters",
                    "Protesters", "Civilians", "External/Other forces")  # fmt: skip
EXTERNAL = INTER_CATEGORIES[7]
INTERACTIONS = tuple(
    f"{a}-{b}" if b else f"{a} only"
    for i, a in enumerate(INTER_CATEGORIES)
    for b in ("", *INTER_CATEGORIES[i:])
)  # the 44 values of ACLED's interaction column
_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss",
                          "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "ħ": "h", "Ħ": "H",
                          "\u2019": "'", "\u2018": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'", "–": "-",
                          "—": "-"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class AcledCountry:
    iso3: str  # the event's country (ISO 3166-1 alpha-3)
    iso: int  # ACLED's numeric code
    name: str  # as ACLED writes it ("Syria", "Turkey", "Democratic Republic of Congo")
    region: str


@dataclass(frozen=True, slots=True)
class StatePeriod:
    """A period ACLED writes after a country's state actors, and the days it is taken to cover."""

    label: str  # "2000-", "2018-2022"
    first: date
    last: date


# a state actor's name in ACLED's form, without its period: "Military Forces of the Philippines"
STATE_NAME = re.compile(r"^(?:Military Forces|Police Forces|Government) of (?P<country>.+)$")


def _table(name: str) -> list[dict[str, str]]:
    text = resources.files("eventscope").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


@cache
def _countries() -> dict[str, AcledCountry]:
    return {r["iso3"]: AcledCountry(r["iso3"], int(r["iso"]), r["country"], r["region"])
            for r in _table("acled_countries.csv")}  # fmt: skip


@cache
def _disorder() -> dict[str, str]:
    found = {}
    for r in _table("acled_event_categories.csv"):
        kinds = [k for k, col in (("Political violence", "political_violence"), ("Demonstrations", "demonstrations"))
                 if r[col] == "1"]  # fmt: skip
        found[r["sub_event_type"]] = "; ".join(kinds) or "Strategic developments"
    return found


@cache
def _state_periods() -> dict[str, tuple[StatePeriod, ...]]:
    rows = _table("acled_state_periods.csv")
    through = max(date.fromisoformat(r["last_seen"]) for r in rows)
    by_country: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_country[_country_key(r["country"])].append(r)
    return {c: _timeline(sorted(rs, key=lambda r: (r["period"][:4], r["first_seen"])), through)
            for c, rs in by_country.items()}  # fmt: skip


def _timeline(rows: list[dict[str, str]], through: date) -> tuple[StatePeriod, ...]:
    """A country's periods in order.  Each begins on 1 January of its first year, or, when that year is the
    year it was first seen in (the day of the change is not in the data), on the first day ACLED's names carry
    it; it ends where the next begins, at the end of its closing year, or on the last day of the data."""
    firsts = []
    for i, r in enumerate(rows):
        year, seen = int(r["period"][:4]), date.fromisoformat(r["first_seen"])
        firsts.append(date(year, 1, 1) if i == 0 or year < seen.year else seen)
    periods = []
    for i, (r, first) in enumerate(zip(rows, firsts, strict=True)):
        closing = r["period"][5:]
        last = min(date(int(closing), 12, 31) if closing else through, through)
        if i + 1 < len(rows):
            last = min(last, firsts[i + 1] - timedelta(days=1))
        periods.append(StatePeriod(r["period"], first, last))
    return tuple(periods)


def _country_key(name: str) -> str:
    return name.removeprefix("the ").lower()


def state_period(country_name: str, day: date | None) -> str | None:
    """The period ACLED writes after the state actors of a country (as named after "Forces of") on ``day``;
    None when the table has none for that day (before its first period, after its data, or no date)."""
    if day is None:
        return None
    return next((p.label for p in _state_periods().get(_country_key(country_name), ()) if p.first <= day <= p.last),
                None)  # fmt: skip


def actor_name(name: str | None, day: date | None) -> str:
    """An actor's name as ACLED writes it on ``day``: a state actor with its period ("Military Forces of
    Russia (2000-)"), any other actor, and a state actor the periods do not cover, as it is."""
    found = STATE_NAME.match(name or "")
    period = state_period(found["country"], day) if found and not found["country"].endswith(")") else None
    return f"{name} ({period})" if period else (name or "")


def acled_country(alpha3: str | None) -> AcledCountry | None:
    """ACLED's country of an ISO 3166-1 alpha-3 code, or None when ACLED lists none for it."""
    return _countries().get((alpha3 or "").upper())


def acled_region(alpha3: str | None) -> str:
    """ACLED's region of a country, or '' when the country is unknown."""
    found = acled_country(alpha3)
    return found.region if found else ""


def disorder_type(sub_event_type: str) -> str:
    """ACLED's disorder type of a sub-event type (Mob violence is political violence, not a demonstration)."""
    return _disorder().get(sub_event_type, "")


def inter(actor_type: str | None, actor_country: str | None, event_country: str | None) -> str:
    """ACLED's category of an actor in an event: foreign state forces are External/Other forces."""
    if actor_type == INTER_CATEGORIES[0] and actor_country and event_country and actor_country != event_country:
        return EXTERNAL
    return actor_type if actor_type in INTER_CATEGORIES else ""


def interaction(inter1: str, inter2: str) -> str:
    """ACLED's interaction of two categories ('' when neither is known)."""
    known = sorted((c for c in (inter1, inter2) if c), key=INTER_CATEGORIES.index)
    if not known:
        return ""
    return f"{known[0]} only" if len(known) == 1 else f"{known[0]}-{known[1]}"


def ascii_name(name: str | None) -> str:
    """A place name in plain ASCII as ACLED writes it ("Ḩimş" -> "Hims"); '' for none."""
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    return "".join(c for c in decomposed if c.isascii())
