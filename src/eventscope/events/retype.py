"""The one way a later step changes a mention's sub-event type: every field derived from the type
follows it (event type, PLOVER type and mode, the order of the sides), so none goes stale."""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from ..records import EventMention
from ..vocabulary import kinds
from .plover import plover
from .rules import EVENT_TYPE_OF

# sub-types whose first side is the force and second the crowd, when a protest becomes one of them
FORCE_ON_CROWD: Final = kinds("Excessive force against protesters")


def retype(mention: EventMention, sub_event_type: str, mode: str | None = None) -> EventMention:
    """``mention`` as a ``sub_event_type`` event. ``mode``: the PLOVER mode the text gave the act
    (the weapon of the police's shooting) where the type's own mapping leaves it open."""
    kind, own_mode = plover(sub_event_type)
    actor1, actor2 = mention.actor1, mention.actor2
    if sub_event_type in FORCE_ON_CROWD and mention.event_type == "Protests":
        actor1, actor2 = actor2, actor1  # 'teachers protested; police fired': the police act on the crowd
    return replace(mention, sub_event_type=sub_event_type, event_type=EVENT_TYPE_OF[sub_event_type],
                   plover_type=kind, plover_mode=own_mode if own_mode is not None else mode,
                   actor1=actor1, actor2=actor2)
