"""Qualified names: "X (A, B)" and "X, B" say that X lies in A and B.

This is how ACLED notes locate an event ("in Kabindi (Binza, Rutshuru,
Nord-Kivu)", "in Pune city (Pune, Maharashtra)") and how news writes
"Springfield, Illinois". The chain is read from its broadest unit: the last
unit fixes a frame (a country, or a first-order region of one), every name of
the chain is then resolved inside that frame. X keeps precision 1 when the
gazetteer knows it there; otherwise X's span takes the most specific unit that
resolves (precision 2 for a town or district, 3 for a region).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from ..records import PlaceMention
from .gazetteer import Candidate, Gazetteer
from .recognize import Toponym
from .resolve import Choice, candidates_for

ToMention = Callable[[Gazetteer, Choice], PlaceMention]
# "[coded to Beryslav]", "(coded as Ta Khun Taing)", "Coded as provincial capital Ramadi": the
# coder's own statement of where the event is placed
CODED = re.compile(r"\bcoded (?:to|as|at|in) (?:the )?(?:(?:provincial|district|territory|regional|state) "
                   r"capital,? (?:of )?)?", re.IGNORECASE)

DESIGNATORS = (
    "city", "town", "village", "villages", "township", "district", "sub-county", "subcounty", "county",
    "municipality", "commune", "area", "region", "province", "state", "division", "tehsil", "LGA",
    "locality", "neighbourhood", "neighborhood", "ward", "refugee camp", "camp", "sector", "rayon",
    "governorate", "department", "oblast", "parish", "prefecture", "sub-district", "village tract")
# "D.C.", "St." and "V." end in a period; "Georgia." does not (the sentence does)
_WORD = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][a-z]{0,2}\.|[A-Z][\w'\u2019&-]*)"
_LINK = (r"(?:de|del|della|di|la|las|los|le|les|el|al|ad|as|ash|an|wa|da|do|dos|das|du|des|e|i|y|ul|upon|sur"
         r"|sul|am|im|bei|van|von|der|den|en)")
# at most 8 words, matched possessively: a long run of capitals costs linear time
_NAME = rf"{_WORD}(?:(?: | - )(?:{_WORD}|{_LINK}(?= (?:{_LINK} )*[A-Z]))){{0,7}}+"
_DESIG = "|".join(sorted((re.escape(d) for d in DESIGNATORS), key=len, reverse=True))
_X = rf"(?P<x>{_NAME})(?: (?P<xd>{_DESIG})\b)?"
_PLACED = re.compile(
    r"\b(?:in|into|at|near|of|from|outside|around|to|towards?|inside|across|within|on|over|via|through|along"
    r"|shelled|attacked|captured|struck|hit|targeted|raided|bombed|seized|entered|reached)\s+(?:the\s+)?$",
    re.IGNORECASE)
PAREN = re.compile(rf"{_X}\s?\((?P<units>[^()]{{2,160}})\)")
COMMA = re.compile(rf"{_X}, (?P<u>{_NAME})(?: (?:{_DESIG})\b)?")
_UNIT_DESIG = re.compile(rf"\s+(?:{_DESIG})$")
FRAME_KINDS = ("admin1", "country")
CALENDAR_WORDS = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})


@dataclass(frozen=True, slots=True)
class Part:
    start: int
    end: int  # the span, with a designator word ("Nashik city")
    name: str  # the bare name looked up ("Nashik")


@dataclass(frozen=True, slots=True)
class Chain:
    """X and the units that contain it, narrowest first."""

    parts: tuple[Part, ...]
    comma: bool  # "X, B": B must be a country or first-order region
    placed: bool  # X follows "in/at/near ..." or carries a designator ("town")


def chains(text: str) -> Iterator[Chain]:
    for m in PAREN.finditer(text):
        units = list(_units(m.group("units"), m.start("units")))
        acronym = len(units) == 1 and units[0].name.isupper()
        if units and not acronym:  # "Special Response Team (SRT)"
            x = _x_part(m)
            yield Chain((x, *units), comma=False, placed=len(units) > 1 or _placed(text, m, x))
    for m in COMMA.finditer(text):
        x = _x_part(m)
        yield Chain((x, Part(m.start("u"), m.end(), m.group("u"))), comma=True, placed=_placed(text, m, x))


def _placed(text: str, m: re.Match[str], x: Part) -> bool:
    if x.name.split()[0] in CALENDAR_WORDS:
        return False
    return bool(m.group("xd") or _PLACED.search(text, max(0, x.start - 16), x.start))


_LEADING = re.compile(r"(?:(?:In|At|On|Near|Around|Outside|Inside|From|To|The|And|Of|By|For|Between)(?: |$))+")


def _x_part(m: re.Match[str]) -> Part:
    """X without sentence-initial function words ("In Mawanella" -> "Mawanella")."""
    lead = _LEADING.match(m.group("x"))
    skip = lead.end() if lead else 0
    end = m.end("xd") if m.group("xd") else m.end("x")
    return Part(m.start("x") + skip, end, m.group("x")[skip:] or m.group("x"))


def _units(inner: str, offset: int) -> Iterator[Part]:
    """Comma-separated capitalised units; nothing when any is not ("coded as X", "size=")."""
    parts: list[Part] = []
    pos = 0
    for piece in inner.split(","):
        stripped = piece.strip()
        lead = piece.index(stripped) if stripped else 0
        bare = _UNIT_DESIG.sub("", stripped)
        if not re.fullmatch(_NAME, bare):
            return
        start = offset + pos + lead
        parts.append(Part(start, start + len(stripped), bare))
        pos += len(piece) + 1
    yield from parts


def _in_frame(cand: Candidate, frame: Candidate) -> bool:
    if cand.cc != frame.cc:
        return False
    return frame.kind == "country" or cand.admin1 == frame.admin1


def _lookup(gaz: Gazetteer, name: str) -> list[Candidate]:
    """A name's readings; "Sanaa - Bab al Yemen" falls back to "Sanaa"."""
    found = candidates_for(gaz, Toponym(0, len(name), name, "GPE"))
    if not found and " - " in name:
        found = gaz.lookup(name.split(" - ")[0])
    return found


def _tail_readings(gaz: Gazetteer, name: str) -> list[Candidate]:
    """"Dot's Cambridge City": the readings of the longest known ending of the name."""
    words = name.split()
    for i in range(1, len(words)):
        found = gaz.lookup(" ".join(words[i:]))
        if found:
            return found
    return []


DESIGNATOR = re.compile(r"\s+(?:County|Province|District|Governorate|Region|Prefecture|Department|Division)$")


def _designated(gaz: Gazetteer, name: str) -> list[Candidate]:
    """"Uruzgan Province" that the gazetteer lacks: the regions named "Uruzgan" ("X Province" is region X)."""
    short = DESIGNATOR.sub("", name)
    if short == name:
        return []
    return [c for c in _lookup(gaz, short) if c.kind in ("admin1", "admin2")]


def frame_of(readings: list[list[Candidate]], comma: bool) -> tuple[int, Candidate] | None:
    """(unit index, reading) of the broadest unit that has one, under which most of the chain's
    names have a reading. After a comma only a country or a first-order region counts; a town
    or district under which no other name of the chain lies gives way to the next unit."""
    for i in range(len(readings) - 1, 0, -1):
        frames = [c for c in readings[i] if not comma or c.kind in FRAME_KINDS]
        if not frames:
            if comma:
                return None
            continue
        agree = {f.geonameid: sum(any(_in_frame(c, f) for c in r) for r in readings[:i]) for f in frames}
        best = max(frames, key=lambda f: (agree[f.geonameid], f.main_name, f.population, -f.geonameid))
        if agree[best.geonameid] or best.kind in FRAME_KINDS or i == 1:
            return i, best
    return None


def _pick(readings: list[Candidate], frame: Candidate, first: bool) -> Candidate | None:
    inside = [c for c in readings if _in_frame(c, frame) and c.geonameid != frame.geonameid
              and (c.kind not in FRAME_KINDS or not first)]
    if not inside:
        return frame if any(c.geonameid == frame.geonameid for c in readings) else None
    return max(inside, key=lambda c: (c.main_name, c.kind == "city", c.population, -c.geonameid))


def resolve_chain(gaz: Gazetteer, chain: Chain) -> list[tuple[Part, Candidate, int, bool]]:
    """(part, reading, precision, within) for the parts that resolve inside the chain's frame;
    X's span takes the narrowest unit that does when X itself does not (``within``: X lies
    somewhere in that unit)."""
    readings = [_lookup(gaz, p.name) for p in chain.parts]
    region = not readings[0] and _designated(gaz, chain.parts[0].name)
    readings[0] = readings[0] or _tail_readings(gaz, chain.parts[0].name) or region or []
    found = frame_of(readings, chain.comma)
    if found is None:
        return []
    last, frame = found
    picked = [_pick(r, frame, i == 0 and not region) if i < last else frame if i == last else None
              for i, r in enumerate(readings)]
    region_x = any(c.kind in (*FRAME_KINDS, "continent") for c in readings[0])
    if picked[0] is None and ((chain.comma and region_x) or not chain.placed):
        return []  # "Kuwait, Egypt", "Peter, Paul": a list, not a place and its region
    out = [(p, c, _precision(c), False) for p, c in zip(chain.parts, picked, strict=True) if c is not None]
    if picked[0] is None:
        x = chain.parts[0]
        narrowest = next(c for c in picked if c is not None)
        out.insert(0, (x, narrowest, max(2, _precision(narrowest)), True))
    return out


def _precision(cand: Candidate) -> int:
    return 1 if cand.kind == "city" else 3 if cand.kind in ("admin1", "country", "continent") else 2


def qualified_mentions(gaz: Gazetteer, text: str, mentions: list[PlaceMention],
                       to_mention: ToMention) -> list[PlaceMention]:
    """``mentions`` with every name of a qualified chain resolved inside its frame."""
    found: list[PlaceMention] = []
    taken: list[tuple[int, int]] = []
    for chain in chains(text):
        if any(s < chain.parts[-1].end and chain.parts[0].start < e for s, e in taken):
            continue
        resolved = resolve_chain(gaz, chain)
        if not resolved:
            continue
        taken.append((chain.parts[0].start, chain.parts[-1].end))
        for part, cand, precision, within in resolved:
            found.append(_mention(gaz, text, part, cand, precision, to_mention, within))
    kept = [m for m in mentions if not any(f.start < m.end and m.start < f.end for f in found)]
    coded = list(_coded_mentions(gaz, text, kept + found, to_mention))
    return [m for m in kept if not any(c.start < m.end and m.start < c.end for c in coded)] + found + coded


def _coded_mentions(gaz: Gazetteer, text: str, mentions: list[PlaceMention],
                    to_mention: ToMention) -> Iterator[PlaceMention]:
    """"[coded to Yuai]": the name after the coder's phrase, read in the article's country."""
    countries = Counter(m.country for m in mentions if m.country)
    if not countries:
        return
    country = min(countries, key=lambda c: (-countries[c], c))
    for match in CODED.finditer(text):
        name = re.match(_NAME, text[match.end():])
        if name is None or any(m.start == match.end() and m.geonameid for m in mentions):
            continue
        inside = [c for c in _lookup(gaz, name.group()) if c.country == country]
        if inside:
            best = max(inside, key=lambda c: (c.kind == "city", c.main_name, c.population, -c.geonameid))
            part = Part(match.end(), match.end() + name.end(), name.group())
            yield _mention(gaz, text, part, best, _precision(best), to_mention)


def _mention(gaz: Gazetteer, text: str, part: Part, cand: Candidate, precision: int,
             to_mention: ToMention, within: bool = False) -> PlaceMention:
    top = Toponym(part.start, part.end, text[part.start:part.end], "GPE")
    base = to_mention(gaz, Choice(top, cand))
    return replace(base, precision=precision, parent=cand.name if within else None)


TOWN_WORDS = ("city center", "city centre", "town center", "town centre", "city", "town", "village")
REGION_WORDS = ("governorate", "province", "region", "state", "countryside", "oblast", "prefecture")
EITHER_WORDS = ("township", "district", "sub-county", "municipality", "tehsil", "county")
_TRAILING = re.compile(rf" ({'|'.join(TOWN_WORDS + REGION_WORDS + EITHER_WORDS)})\b")


def with_designators(gaz: Gazetteer, text: str, choices: list[Choice]) -> list[Choice]:
    """"Hyderabad city", "Idleb governorate": the designator word joins the name's span (the
    name is not a modifier of "city") and picks the reading of its kind in the same country
    ("Herat city" is the town, not the province)."""
    out = []
    for choice in choices:
        tail = _TRAILING.match(text, choice.toponym.end) if choice.candidate is not None else None
        if tail is None or choice.candidate is None:
            out.append(choice)
            continue
        top = replace(choice.toponym, end=tail.end(), text=text[choice.toponym.start:tail.end()])
        cand = _of_kind(gaz, choice.toponym, choice.candidate, tail.group(1))
        out.append(replace(choice, toponym=top, candidate=cand))
    return out


def _of_kind(gaz: Gazetteer, top: Toponym, cand: Candidate, word: str) -> Candidate:
    if word in TOWN_WORDS:
        kinds: tuple[str, ...] = ("city",)
    elif word in REGION_WORDS:
        kinds = ("admin1", "admin2")
    else:
        return cand
    if cand.kind in kinds:
        return cand
    same = [c for c in candidates_for(gaz, top) if c.kind in kinds and c.cc == cand.cc]
    if not same:
        return cand
    return max(same, key=lambda c: (c.admin1 == cand.admin1, c.main_name, c.population, -c.geonameid))
