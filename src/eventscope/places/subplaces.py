"""Sub-places: a facility or a part of a town, attached to the town (precision 2).

- a facility named after its town: "Palmyra Airport", "Aleppo Central Prison";
- a part of a named town or of "the city" last named: "the western sector of the
  city", "the outskirts of Aleppo";
- a feature just outside a town: "a castle outside Palmyra".
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import PlaceMention

FACILITY_WORDS = {
    "airport": "AIRP", "air base": "AIRB", "airbase": "AIRB", "base": "MILB", "prison": "PRN",
    "hospital": "HSP", "university": "UNIV", "castle": "CSTL", "citadel": "CSTL", "checkpoint": "PSTB",
    "dam": "DAM", "stadium": "STDM", "station": "RSTN", "bridge": "BDG", "mosque": "MSQE", "port": "PRT",
    "oil field": "OILF", "gas field": "GASF", "military academy": "SCHM", "camp": "CMP",
}
PART_WORDS = r"(?:sector|part|outskirts|district|neighbou?rhood|suburbs?|quarter|centre|center|edge|countryside|area)"
_FACILITY = "|".join(sorted((re.escape(w) for w in FACILITY_WORDS), key=len, reverse=True))
PART_OF = re.compile(rf"\b(?:the|a|an)\s+(?:[a-z\-]+\s+){{0,2}}{PART_WORDS}\s+of\s+(?:the\s+(?:city|town))\b",
                     re.IGNORECASE)
OUTSIDE = re.compile(rf"\b(?:a|an|the)\s+(?:[a-z\-]+\s+){{0,2}}(?:{_FACILITY}|village|hill|town)\s+"
                     rf"(?:just\s+)?(?:outside|near|north of|south of|east of|west of)\s+$", re.IGNORECASE)
FACILITY_AFTER = re.compile(rf"^\s+(?:[A-Z][a-z]+\s+)?({_FACILITY})\b", re.IGNORECASE)


def attach_subplaces(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """Widen town mentions into their facilities, mark 'outside X', add 'part of the city'."""
    out = [_widen_facility(text, p) for p in places]
    out = [_outside(text, p) for p in out]
    return sorted(out + _parts_of_city(text, out), key=lambda p: (p.start, p.end))


def _widen_facility(text: str, place: PlaceMention) -> PlaceMention:
    if place.geonameid is None or place.feature_code not in ("PPL", "PPLC", "PPLA"):
        return place
    match = FACILITY_AFTER.match(text, place.end)
    if match is None or not text[place.end:match.end()].strip()[:1].isupper():
        return place
    code = FACILITY_WORDS.get(match.group(1).lower(), "FAC")
    return replace(place, end=match.end(), text=text[place.start:match.end()], feature_code=code,
                   precision=2, parent=place.name)


def _outside(text: str, place: PlaceMention) -> PlaceMention:
    if place.geonameid is None or place.precision != 1:
        return place
    if OUTSIDE.search(text[max(0, place.start - 60):place.start]) is None:
        return place
    return replace(place, precision=2, parent=place.name)


def _parts_of_city(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """"the eastern sector of the city": the town the sentence names (a facility's town
    counts: "Palmyra Airport, located in the eastern sector of the city"), else the last one."""
    extra = []
    for match in PART_OF.finditer(text):
        towns = [p for p in places if p.end <= match.start() and p.geonameid is not None
                 and ((p.feature_code or "").startswith("PPL") or p.parent is not None)]
        if not towns:
            continue
        opening = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start()))
        town = ([p for p in towns if p.start > opening] or towns)[-1]
        code = town.feature_code if (town.feature_code or "").startswith("PPL") else "PPL"
        extra.append(replace(town, start=match.start(), end=match.end(), text=match.group(0),
                             feature_code=code, precision=2, parent=town.parent or town.name))
    return extra
