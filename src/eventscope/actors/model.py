"""Records of the actor dictionary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from eventscope.records import Actor

Kind = Literal["armed", "igo", "ngo", "agency", "media", "government", "group"]
Via = Literal["alias", "coreference", "generic", "nationality"]

KINDS: tuple[str, ...] = ("armed", "igo", "ngo", "agency", "media", "government", "group")

# ACLED's actor types (the "inter" codes 1-8).
ACTOR_TYPES: tuple[str, ...] = (
    "State forces",
    "Rebel group",
    "Political militia",
    "Identity militia",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
)
STATE = "State forces"
NON_STATE_ARMED: frozenset[str] = frozenset({"Rebel group", "Political militia", "Identity militia"})
ARMED_TYPES: frozenset[str] = NON_STATE_ARMED | {STATE, "External/Other forces"}
PARTICIPANT_TYPES: frozenset[str] = ARMED_TYPES | {"Rioters", "Protesters", "Civilians"}


@dataclass(frozen=True, slots=True)
class Alias:
    """One surface form of an actor; ``exact`` aliases match case-sensitively."""

    text: str
    exact: bool = False
    via: Via = "alias"


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """An actor of the dictionary with everything needed to find it in text."""

    actor: Actor
    kind: Kind
    aliases: tuple[Alias, ...] = ()
    branch: str | None = None  # "military" | "police" | "government" for generated state actors


def is_exact(alias: str) -> bool:
    """Short all-capital acronyms (IS, SAA, UN) match case-sensitively."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters) and " " not in alias
