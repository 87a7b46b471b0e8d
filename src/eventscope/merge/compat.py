"""Pairwise "same event" test between two mentions.

Blocking (same event type, nearby cell, date window) happens in ``index``;
this module decides among the candidates.  Each rule is a named helper.
"""

from __future__ import annotations

import math

from ..geo import distance_km
from ..records import Event
from .names import name_words, person_keys
from .records import Mention

DATE_GAP_DAYS = 1  # intervals closer than this still count as the same time (dateline vs. "Tuesday")
NEAR_KM = 25.0  # two located mentions further apart are different events
GENERIC_ACTORS = frozenset({"Civilians", "Unidentified armed group", "Unidentified gang", "Police forces"})
GENERIC_PREFIXES = ("Civilians", "Unidentified", "Protesters", "Rioters", "Police Forces", "Military Forces")


SHARED_NAMES = 2  # name words two reports must share: a first name alone ("John") links strangers


def compatible(a: Mention, b: Mention) -> bool:
    """True when two mentions of different articles can be reports of one real event.

    Close in time always.  Then the same person named near both events (first and
    last name) is enough, whatever the places extracted: a full name is more specific
    than a geocode.  Otherwise the same place and compatible actors, and two shared
    name words (whatever the event types: an attack and the vigil for its victim are
    one story), or, when either report names nobody, the same type, a shared specific
    actor and the same exact day.
    """
    ea, eb = a.event, b.event
    if a.article_uid == b.article_uid or not dates_close(ea, eb):
        return False
    if shared_people(a, b):
        return True
    if not (places_agree(ea, eb) and actors_agree(ea, eb)):
        return False
    if a.names and b.names:
        return len(shared_names(a, b)) >= SHARED_NAMES
    same_day = exact_day(ea) and exact_day(eb) and ea.date_start == eb.date_start
    return ea.event_type == eb.event_type and bool(_named(ea) & _named(eb)) and same_day


def shared_people(a: Mention, b: Mention) -> set[tuple[str, str]]:
    """People (first and last name) written near both mentions' evidence."""
    return person_keys(a.names) & person_keys(b.names)


def shared_names(a: Mention, b: Mention) -> set[str]:
    """Name words both mentions use, less the words of the place names (a town is not a person)."""
    places = {w.lower() for e in (a.event, b.event) for p in (e.location, e.admin1) if p for w in p.split()}
    return (name_words(a.names) & name_words(b.names)) - places


def date_gap(a: Event, b: Event) -> int | None:
    """Days between two inclusive intervals (0 when they overlap; None when one is undated)."""
    if a.date_start is None or a.date_end is None or b.date_start is None or b.date_end is None:
        return None
    if a.date_end < b.date_start:
        return (b.date_start - a.date_end).days
    if b.date_end < a.date_start:
        return (a.date_start - b.date_end).days
    return 0


def dates_close(a: Event, b: Event) -> bool:
    gap = date_gap(a, b)
    return gap is not None and gap <= DATE_GAP_DAYS


def places_agree(a: Event, b: Event) -> bool:
    """Same country when both are known; near each other, the same name, or a town inside the region given."""
    if a.country and b.country and a.country != b.country:
        return False
    if located(a) and located(b) and distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= NEAR_KM:  # type: ignore[arg-type]
        return True
    if a.location and b.location and a.location.casefold() == b.location.casefold():
        return True
    return _inside(a, b) or _inside(b, a)


def _inside(region: Event, town: Event) -> bool:
    """``region`` names only a first-order region, and ``town`` lies in it."""
    if not region.location or not town.admin1:
        return False
    is_region = region.geo_precision == 3 or region.location.casefold() == (region.admin1 or "").casefold()
    return is_region and region.location.casefold() == town.admin1.casefold()


def located(event: Event) -> bool:
    return event.latitude is not None and event.longitude is not None


def _named(event: Event) -> set[str]:
    return {n for n in (event.actor1, event.actor2) if n and not _generic(n)}


def _generic(actor: str) -> bool:
    return actor in GENERIC_ACTORS or actor.startswith(GENERIC_PREFIXES)


def actors_agree(a: Event, b: Event) -> bool:
    """Specific actors, when both sides name some, must overlap (either side of the event)."""
    na, nb = _named(a), _named(b)
    return not na or not nb or bool(na & nb)


def exact_day(event: Event) -> bool:
    return event.time_precision == 1 and event.date_start is not None and event.date_start == event.date_end


def cell_at(latitude: float, longitude: float) -> tuple[int, int]:
    """The 0.5-degree grid cell of a point (blocking key)."""
    return (math.floor(latitude * 2), math.floor(longitude * 2))
