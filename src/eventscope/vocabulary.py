"""ACLED's 6 event types and 25 sub-event types, with everything derived from a sub-type, in one table.

Each row: the sub-type, its event type (ACLED codebook 2023; acledR's ``acled_event_categories``), its
PLOVER type and mode (``events.plover`` cites the codebook; a None mode of ASSAULT is read from the clause)
and the generic actors ACLED names when a report names none (actor1, actor2). Code names sub-types through
``kinds`` (type-checked against ``SubEventType``) or this table, never by retyping a string.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal, get_args

EventType = Literal["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
                    "Strategic developments"]
SubEventType = Literal[
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade",
    "Sexual violence", "Attack", "Abduction/forced disappearance",
    "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    "Violent demonstration", "Mob violence",
    "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory",
    "Other",
]
UNARMED = "unidentified armed group"


@dataclass(frozen=True, slots=True)
class SubType:
    name: SubEventType
    event_type: EventType
    plover_type: str | None
    plover_mode: str | None
    generic_actor1: str | None = None  # the generic ACLED actor when the report names no actor1
    generic_actor2: str | None = None


_B: Final = "Battles"
_E: Final = "Explosions/Remote violence"
_V: Final = "Violence against civilians"
_P: Final = "Protests"
_R: Final = "Riots"
_S: Final = "Strategic developments"
TABLE: Final[tuple[SubType, ...]] = (
    SubType("Armed clash", _B, "ASSAULT", None, UNARMED),
    SubType("Government regains territory", _B, "COERCE", "confiscate"),
    SubType("Non-state actor overtakes territory", _B, "COERCE", "confiscate"),
    SubType("Chemical weapon", _E, "ASSAULT", "unconventional"),
    SubType("Air/drone strike", _E, "ASSAULT", "heavy-weapons"),
    SubType("Suicide bomb", _E, "ASSAULT", "suicide-attack", UNARMED),
    SubType("Shelling/artillery/missile attack", _E, "ASSAULT", "heavy-weapons"),
    SubType("Remote explosive/landmine/IED", _E, "ASSAULT", "explosives", UNARMED),
    SubType("Grenade", _E, "ASSAULT", "explosives", UNARMED),
    SubType("Sexual violence", _V, "ASSAULT", "sexual", UNARMED, "civilians"),
    SubType("Attack", _V, "ASSAULT", None, UNARMED, "civilians"),
    SubType("Abduction/forced disappearance", _V, "ASSAULT", "abduct", UNARMED, "civilians"),
    SubType("Peaceful protest", _P, "PROTEST", "demo", "protesters"),
    SubType("Protest with intervention", _P, "PROTEST", "demo", "protesters", "police"),
    SubType("Excessive force against protesters", _P, "ASSAULT", None, "police", "protesters"),
    SubType("Violent demonstration", _R, "PROTEST", "riot", "rioters"),
    SubType("Mob violence", _R, "PROTEST", "riot", "rioters", "civilians"),
    SubType("Agreement", _S, "AGREE", None),
    SubType("Arrests", _S, "COERCE", "arrest", "police"),
    SubType("Change to group/activity", _S, "MOBILIZE", None),
    SubType("Disrupted weapons use", _S, "COERCE", "confiscate"),
    SubType("Headquarters or base established", _S, "MOBILIZE", "militia"),
    SubType("Looting/property destruction", _S, "COERCE", "confiscate"),
    SubType("Non-violent transfer of territory", _S, "COERCE", "confiscate"),
    SubType("Other", _S, None, None),
)
SUB_TYPES: Final[Mapping[str, SubType]] = {row.name: row for row in TABLE}
EVENT_TYPES: Final[tuple[EventType, ...]] = get_args(EventType)
EVENT_TYPE_OF: Final[Mapping[str, str]] = {row.name: row.event_type for row in TABLE}


def kinds(*names: SubEventType) -> frozenset[str]:
    """A set of sub-types, each checked against the vocabulary (by mypy, and at import)."""
    unknown = [n for n in names if n not in SUB_TYPES]
    if unknown:
        raise ValueError(f"not ACLED sub-event types: {unknown}")
    return frozenset(names)


def of_type(event_type: EventType) -> frozenset[str]:
    """The sub-types of one event type."""
    return frozenset(row.name for row in TABLE if row.event_type == event_type)
