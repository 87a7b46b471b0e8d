"""ACLED's vocabulary for its CSV columns: countries, regions, actor categories, interactions, disorder types.

Countries and regions come from acledR's ``acled_countries`` (``data/acled_countries.csv``, written by
``scripts/acled_reference.py``), disorder types from its ``acled_event_categories``; both GPL-3 data of
ACLED's own R package.  Interactions follow ACLED's codebook: the eight actor categories in code order
(1 State forces ... 8 External/Other forces), a pair written lower code first ("State forces-Rebel group"),
one side alone as "<category> only" (44 values); state forces acting outside their own country are
"External/Other forces".
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
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
