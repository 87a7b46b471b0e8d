"""Typing of event mentions into ACLED's 25 sub-event types.

First version: the rules of ``events.rules``. (To be refined by a learned model.)
"""

from __future__ import annotations

from dataclasses import dataclass

from .rules import EVENT_TYPE_OF, Cues, rule_subtype


@dataclass(frozen=True, slots=True)
class Typing:
    event_type: str
    sub_event_type: str
    confidence: float
    plover_type: str | None = None
    plover_mode: str | None = None


def type_mention(sentence: str, cues: Cues) -> Typing | None:
    """The type of one mention; None when it is not a conflict event."""
    sub = rule_subtype(cues)
    return Typing(EVENT_TYPE_OF[sub], sub, 0.6)


def type_sentence(sentence: str) -> Typing | None:
    """A sentence with no trigger word: an event only when a model is confident (none yet)."""
    return None
