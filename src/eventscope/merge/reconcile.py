"""Reconcile the fields of the mentions of one real event into one merged event.

Every choice is a function of the set of mentions (never of their order):
type and actors by vote (ties broken alphabetically), the most precise date and
place, fatalities as the range of the figures reported, every article, source and evidence.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from ..records import Event, Evidence
from .mentions import Mention, MergedEvent


def merged_event_id(mention_ids: Sequence[str]) -> str:
    """Stable id of a merged event: a hash of its first mention id."""
    return "ev-" + hashlib.sha1(min(mention_ids).encode("utf-8")).hexdigest()[:16]


def vote(values: Sequence[str | None]) -> str | None:
    """The most frequent non-empty value; ties go to the alphabetically first."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def most_precise_date(events: Sequence[Event]) -> Event:
    """The dated event with the finest precision and narrowest interval (an undated one if none is dated)."""
    dated = [e for e in events if e.date_start is not None and e.date_end is not None]
    if not dated:
        return events[0]
    return min(dated, key=lambda e: (e.time_precision or 9, e.date_end - e.date_start, e.date_start))  # type: ignore[operator]


def most_precise_place(events: Sequence[Event]) -> Event:
    located = [e for e in events if e.latitude is not None] or list(events)
    counts = Counter(e.location for e in located)
    return min(
        located,
        key=lambda e: (e.geo_precision or 9, -counts[e.location], e.location or "\uffff", e.latitude or 0.0),
    )


def reconcile(mentions: Sequence[Mention]) -> MergedEvent:
    ordered = sorted(mentions, key=lambda m: m.mention_id)
    events = [m.event for m in ordered]
    when, where = most_precise_date(events), most_precise_place(events)
    actor1 = vote([e.actor1 for e in events])
    actor2 = vote([e.actor2 for e in events if e.actor2 != actor1])
    deaths = reported_deaths(events)
    event = Event(
        event_id=merged_event_id([m.mention_id for m in ordered]),
        event_type=vote([e.event_type for e in events]) or events[0].event_type,
        sub_event_type=vote([e.sub_event_type for e in events]) or events[0].sub_event_type,
        actor1=actor1,
        actor2=actor2,
        assoc_actors=tuple(sorted({a for e in events for a in e.assoc_actors} - {actor1, actor2})),
        date_start=when.date_start,
        date_end=when.date_end,
        time_precision=when.time_precision,
        location=where.location,
        admin1=where.admin1,
        country=where.country,
        latitude=where.latitude,
        longitude=where.longitude,
        geo_precision=where.geo_precision,
        source=vote([e.source for e in events]),
        evidence=_evidence(events),
        article_ids=tuple(sorted({a for e in events for a in e.article_ids})),
        actor1_type=_type_of(events, actor1),
        actor2_type=_type_of(events, actor2),
        fatalities=min(deaths) if deaths else None,
        modality=vote([e.modality for e in events]) or "asserted",  # type: ignore[arg-type]
        hedged=all(e.hedged for e in events),
        confidence=max(e.confidence for e in events),
        source_via=tuple(sorted({v for e in events for v in e.source_via})),
        date_basis=when.date_basis,
        location_reason=where.location_reason,
        plover_type=vote([e.plover_type for e in events]),
        plover_mode=vote([e.plover_mode for e in events]),
    )
    sources = {e.source for e in events if e.source} | {m.outlet for m in ordered if m.outlet}
    return MergedEvent(
        event, tuple(m.mention_id for m in ordered), tuple(sorted(sources)), max(deaths) if deaths else None
    )


def reported_deaths(events: Sequence[Event]) -> list[int]:
    """The fatality figures of the reports that give one: a report telling no toll (0) is silent, not a
    denial, when another report of the event counts its dead; all zero stays zero."""
    deaths = [e.fatalities for e in events if e.fatalities is not None]
    return [d for d in deaths if d > 0] or deaths


def _evidence(events: Sequence[Event]) -> tuple[Evidence, ...]:
    unique = {(ev.article_id, ev.start, ev.end): ev for e in events for ev in e.evidence}
    return tuple(unique[k] for k in sorted(unique))


def _type_of(events: Sequence[Event], actor: str | None) -> str | None:
    if actor is None:
        return None
    sides = [e for e in events if actor in (e.actor1, e.actor2)]
    return vote([e.actor1_type if e.actor1 == actor else e.actor2_type for e in sides])
