"""A place's control timeline from territory events.

Each change (government regains territory, non-state actor overtakes territory,
non-violent transfer, withdrawal) opens a period for the actor that gained the
place.  A change of the whole place closes every open period; a partial one
("the western sectors", "the airport", forces "entering" the town) opens a
partial period beside them and closes only earlier partial periods of the same
scope.  So the whole place never has two controllers at once unless the
evidence reports partial control.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from ..records import Event, Evidence

TERRITORY = frozenset(
    {"Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory"}
)
WITHDRAWAL = re.compile(r"\b(withdr[ae]w\w*|retreat\w*|pull(?:ed|s|ing)? out|abandon\w*|evacuat\w*)\b", re.I)
PARTIAL = re.compile(
    r"\b(parts? of|(?:north|south|east|west)(?:ern)?(?:-\w+)? (?:sectors?|parts?|districts?|neighbou?rhoods?|"
    r"outskirts|edges?)|sectors?|districts?|neighbou?rhoods?|outskirts|edges? of|the airport|airbase|citadel|"
    r"entered|entering|enters|advanced into|pushed into)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Period:
    """``controller`` held the place (or the ``scope`` part of it) from ``start`` until ``end`` (exclusive)."""

    controller: str | None  # None: the evidence says the holder left but not who took over
    start: date
    end: date | None
    partial: bool
    scope: str | None  # the part of the place, when partial
    change: str  # the sub-event type that opened the period
    previous: str | None  # the actor that lost the place
    event_id: str
    evidence: tuple[Evidence, ...]


def gainer(event: Event) -> tuple[str | None, str | None]:
    """(who gained, who lost): actor1 gains, unless the evidence says actor1 withdrew."""
    text = " ".join(e.text for e in event.evidence)
    if event.sub_event_type == "Non-violent transfer of territory" and WITHDRAWAL.search(text):
        return event.actor2, event.actor1
    return event.actor1, event.actor2


def scope_of(event: Event) -> str | None:
    found = PARTIAL.search(" ".join(e.text for e in event.evidence))
    return found.group(0).lower() if found else None


def _change(event: Event) -> Period | None:
    if event.sub_event_type not in TERRITORY or event.date_start is None:
        return None
    winner, loser = gainer(event)
    scope = scope_of(event)
    return Period(winner, event.date_start, None, scope is not None, scope, event.sub_event_type, loser,
                  event.event_id, event.evidence)  # fmt: skip


def timeline(events: Iterable[Event]) -> tuple[Period, ...]:
    """The periods of control, ordered by start; partial ones kept as partial."""
    changes = sorted(
        (c for c in map(_change, events) if c is not None), key=lambda p: (p.start, p.partial, p.event_id)
    )
    periods: list[Period] = []
    for change in changes:
        for i, open_ in enumerate(periods):
            if open_.end is None and _closes(change, open_):
                periods[i] = replace(open_, end=change.start)
        periods.append(change)
    return tuple(periods)


def _closes(change: Period, open_: Period) -> bool:
    if change.controller is None:  # a withdrawal to nobody named ends only the leaver's hold
        return open_.controller == change.previous
    if not change.partial:
        return True
    return open_.partial and (open_.scope == change.scope or open_.controller == change.controller)


def controllers_at(periods: Sequence[Period], day: date) -> tuple[Period, ...]:
    """The periods in force on ``day``."""
    return tuple(p for p in periods if p.start <= day and (p.end is None or day < p.end))
