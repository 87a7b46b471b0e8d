"""The merge stage's records: one Mention per extracted Event, one MergedEvent per real event, and the Footprint
of a mention that blocking and the "same event" test read."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date

from ..records import Event
from .wording import wording_keys


@dataclass(frozen=True, slots=True)
class Mention:
    """One extracted Event as stored: the event, the article version it came from, and its outlet."""

    mention_id: str
    article_uid: str  # article key + version
    event: Event
    outlet: str | None = None  # the publisher (URL host) or news agency
    names: tuple[str, ...] = ()  # lower-case name words of the people the article names


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """A real event: reconciled fields in ``event``, and everything behind it."""

    event: Event  # reconciled; event.fatalities is the lowest reported figure
    mention_ids: tuple[str, ...]
    sources: tuple[str, ...]  # distinct reporting sources and outlets
    fatalities_max: int | None = None  # the highest reported figure (a range with event.fatalities)

    @property
    def source_count(self) -> int:
        return len(self.sources)


@dataclass(frozen=True, slots=True)
class Footprint:
    """What blocking and the "same event" test read of a mention (the columns of the same names in the
    store's mentions table); full mentions are read only to reconcile an event."""

    mention_id: str
    article_uid: str
    event_type: str
    actor1: str | None
    actor2: str | None
    date_start: date | None
    date_end: date | None
    time_precision: int | None
    location: str | None
    admin1: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    names: tuple[str, ...] = ()
    wording: tuple[str, ...] = ()  # keys of the evidence sentences (``wording``): a copied story shares them

    def __post_init__(self) -> None:
        """Repeated strings (type, actors, places, names) are shared across footprints, not copied per row."""
        for name in ("event_type", "actor1", "actor2", "location", "admin1", "country"):
            object.__setattr__(self, name, _intern(getattr(self, name)))
        object.__setattr__(self, "names", tuple(sys.intern(n) for n in self.names))


def footprint(mention: Mention) -> Footprint:
    e = mention.event
    return Footprint(mention.mention_id, mention.article_uid, e.event_type, e.actor1, e.actor2, e.date_start,
                     e.date_end, e.time_precision, e.location, e.admin1, e.country, e.latitude, e.longitude,
                     e.geo_precision, mention.names, wording_keys(ev.text for ev in e.evidence))  # fmt: skip


def _intern(value: str | None) -> str | None:
    return None if value is None else sys.intern(value)
