"""A place's control timeline from territory events.

Each change (government regains territory, non-state actor overtakes territory,
non-violent transfer, withdrawal) opens a period for the actor that gained the
place.  A change of the whole place closes every open period; a partial one
("the western sectors", "the airport", forces "entering" the town) opens a
partial period beside them and closes only earlier partial periods of the same
scope.  A holder reported again while it holds the place keeps one period;
a withdrawal to nobody named opens a "no one named" period only when no one
else holds the whole place.  So the whole place never has two holders at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

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
    """The periods of control, ordered by start; partial ones kept as partial; a holder reported again
    while it holds the place keeps one period (the new report's evidence joins it)."""
    changes = sorted((c for c in map(_change, events) if c is not None), key=lambda p: (p.start, p.partial, p.event_id))
    periods: list[Period] = []
    for change in changes:
        _apply(periods, change)
    return tuple(periods)


def _apply(periods: list[Period], change: Period) -> None:
    """Close the open periods ``change`` ends, then open its own, unless it continues an open one or it is a
    withdrawal to nobody named while someone still holds the whole place."""
    kept = next((i for i, p in enumerate(periods) if p.end is None and _continues(change, p)), None)
    for i, open_ in enumerate(periods):
        if i != kept and open_.end is None and _closes(change, open_):
            periods[i] = replace(open_, end=change.start)
    if kept is not None:
        periods[kept] = replace(periods[kept], evidence=periods[kept].evidence + change.evidence)
    elif change.controller is not None or change.partial or not any(p.end is None and not p.partial for p in periods):
        periods.append(change)


def _continues(change: Period, open_: Period) -> bool:
    return (change.controller, change.partial, change.scope) == (open_.controller, open_.partial, open_.scope)


def _closes(change: Period, open_: Period) -> bool:
    if change.controller is None:  # a withdrawal to nobody named ends only the leaver's hold
        return open_.controller == change.previous
    if not change.partial:
        return True
    return open_.partial and (open_.scope == change.scope or open_.controller == change.controller)


def controllers_at(periods: Sequence[Period], day: date) -> tuple[Period, ...]:
    """The periods in force on ``day``."""
    return tuple(p for p in periods if p.start <= day and (p.end is None or day < p.end))


def standing(in_force: Sequence[Period]) -> str:
    """How the place stands given the periods in force on a day: "held" (one holder of the whole of it),
    "partial" (parts held, the whole by no one), "contested" (the whole or a part held and another part by
    someone else), "unknown" (no period in force)."""
    holders = {p.controller for p in in_force}
    if not in_force:
        return "unknown"
    if len(holders) > 1:
        return "contested"
    return "partial" if all(p.partial for p in in_force) else "held"


def period_json(period: Period) -> dict[str, Any]:
    return {
        "controller": period.controller, "start": period.start.isoformat(),
        "end": period.end.isoformat() if period.end else None, "partial": period.partial, "scope": period.scope,
        "change": period.change, "previous": period.previous, "event_id": period.event_id,
        "evidence": [{"article_id": e.article_id, "text": e.text, "start": e.start, "end": e.end}
                     for e in period.evidence],
    }  # fmt: skip
