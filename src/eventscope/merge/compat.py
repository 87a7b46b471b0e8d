"""Pairwise "same event" test between two mentions.

Blocking (same event type, nearby cell, date window) happens in ``index``;
this module decides among the candidates.  Each rule is a named helper.
"""

from __future__ import annotations

import math

from ..geo import distance_km
from .mentions import Footprint, Mention, footprint
from .names import name_words, person_keys

DATE_GAP_DAYS = 1  # intervals closer than this still count as the same time (dateline vs. "Tuesday")
NEAR_KM = 25.0  # two located mentions further apart are different events
GENERIC_ACTORS = frozenset({"Civilians", "Unidentified armed group", "Unidentified gang", "Police forces"})
GENERIC_PREFIXES = ("Civilians", "Unidentified", "Protesters", "Rioters", "Police Forces", "Military Forces")


SHARED_NAMES = 2  # name words two reports must share: a first name alone ("John") links strangers


def compatible(a: Mention | Footprint, b: Mention | Footprint) -> bool:
    """True when two mentions of different articles can be reports of one real event.

    Close in time always.  Then a sentence told word for word by both (a copied wire story),
    in the same place or with no place on either side, and with compatible actors.  Or the
    same person named near both events (first and last name), whatever the places extracted:
    a full name is more specific than a geocode.  Otherwise the same place and compatible
    actors, and two shared name words (whatever the event types: an attack and the vigil for
    its victim are one story), or, when either report names nobody, the same type, the same day
    (``same_day``: an exact day, or a short interval holding it) and a specific actor that both
    name or only one names (``named_by_one``).
    """
    fa = footprint(a) if isinstance(a, Mention) else a
    fb = footprint(b) if isinstance(b, Mention) else b
    if fa.article_uid == fb.article_uid or not dates_close(fa, fb):
        return False
    if shared_people(fa, fb) or same_story(fa, fb):
        return True
    if not (places_agree(fa, fb) and actors_agree(fa, fb)):
        return False
    if fa.names and fb.names:
        return len(shared_names(fa, fb)) >= SHARED_NAMES
    return fa.event_type == fb.event_type and same_day(fa, fb) and named_by_one(fa, fb)


def named_by_one(a: Footprint, b: Footprint) -> bool:
    """A specific actor both name, or one names and the other leaves unnamed: ACLED codes one event per
    type, actors, place and day, and "militants" in one report can be the group another names.  Two
    reports of unnamed "gunmen" are not enough (a town can see two shootings in a day)."""
    na, nb = _named(a), _named(b)
    return bool(na & nb) or (bool(na) != bool(nb))


def same_story(a: Footprint, b: Footprint) -> bool:
    """Both tell the event in a sentence of the same words, where nothing else tells them apart."""
    if not set(a.wording) & set(b.wording) or not actors_agree(a, b):
        return False
    return places_agree(a, b) or not (a.location or b.location)


def shared_people(a: Footprint, b: Footprint) -> set[tuple[str, str]]:
    """People (first and last name) written near both mentions' evidence."""
    return person_keys(a.names) & person_keys(b.names)


def shared_names(a: Footprint, b: Footprint) -> set[str]:
    """Name words both mentions use, less the words of the place names (a town is not a person)."""
    places = {w.lower() for e in (a, b) for p in (e.location, e.admin1) if p for w in p.split()}
    return (name_words(a.names) & name_words(b.names)) - places


def date_gap(a: Footprint, b: Footprint) -> int | None:
    """Days between two inclusive intervals (0 when they overlap; None when one is undated)."""
    if a.date_start is None or a.date_end is None or b.date_start is None or b.date_end is None:
        return None
    if a.date_end < b.date_start:
        return (b.date_start - a.date_end).days
    if b.date_end < a.date_start:
        return (a.date_start - b.date_end).days
    return 0


def dates_close(a: Footprint, b: Footprint) -> bool:
    gap = date_gap(a, b)
    return gap is not None and gap <= DATE_GAP_DAYS


def places_agree(a: Footprint, b: Footprint) -> bool:
    """Same country when both are known; near each other, the same name, or a town inside the region given."""
    if a.country and b.country and a.country != b.country:
        return False
    if located(a) and located(b) and not (_country_point(a) or _country_point(b)) \
            and distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= NEAR_KM:  # type: ignore[arg-type]
        return True
    if a.location and b.location and a.location.casefold() == b.location.casefold():
        return True
    return _inside(a, b) or _inside(b, a)


def _inside(region: Footprint, town: Footprint) -> bool:
    """``region`` names only a first-order region, and ``town`` lies in it."""
    if not region.location or not town.admin1:
        return False
    is_region = region.geo_precision == 3 or region.location.casefold() == (region.admin1 or "").casefold()
    return is_region and region.location.casefold() == town.admin1.casefold()


def _country_point(f: Footprint) -> bool:
    """An event known only to its country: it sits at the capital (places/country_point.py), and is no
    nearer the capital's events than to any other place in the country."""
    return f.geo_precision == 3 and not f.admin1


def located(f: Footprint) -> bool:
    return f.latitude is not None and f.longitude is not None


def _named(f: Footprint) -> set[str]:
    return {n for n in (f.actor1, f.actor2) if n and not _generic(n)}


def _generic(actor: str) -> bool:
    return actor in GENERIC_ACTORS or actor.startswith(GENERIC_PREFIXES)


def actors_agree(a: Footprint, b: Footprint) -> bool:
    """Specific actors, when both sides name some, must overlap (either side of the event)."""
    na, nb = _named(a), _named(b)
    return not na or not nb or bool(na & nb)


SHORT_DAYS = 2  # an interval this long ('Wednesday night', 'Tuesday and Wednesday') is one act's time


def same_day(a: Footprint, b: Footprint) -> bool:
    """The exact day of one lies in the other's, which is that day or a short interval around it."""
    day, span = (a, b) if exact_day(a) else (b, a)
    if not exact_day(day) or day.date_start is None or span.date_start is None or span.date_end is None:
        return False
    short = span.time_precision in (1, 2) and (span.date_end - span.date_start).days < SHORT_DAYS
    return short and span.date_start <= day.date_start <= span.date_end


def exact_day(f: Footprint) -> bool:
    return f.time_precision == 1 and f.date_start is not None and f.date_start == f.date_end


def cell_at(latitude: float, longitude: float) -> tuple[int, int]:
    """The 0.5-degree grid cell of a point (blocking key)."""
    return (math.floor(latitude * 2), math.floor(longitude * 2))
