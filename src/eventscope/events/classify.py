"""Typing of event mentions into ACLED's 25 sub-event types, or no event.

Two experts, multiplied:

1. the learned model (``events.model``): TF-IDF over the sentence, a linear
   classifier trained on ACLED notes, codebook sentences and non-conflict news,
   temperature-calibrated; it also knows ``NONE`` (earthquakes, diplomacy, crime);
2. the rules (``events.rules``): the trigger's frame and the clause's cues. The
   class the rules give is boosted by ``RULE_BOOST``; a named weapon (a grenade
   is a grenade) by ``WEAPON_BOOST``.

The product, renormalised, is the event's confidence. An event is returned only
when its class is not ``NONE`` and its confidence reaches the ``EventTyper``'s
threshold (the ``typing_threshold`` setting through ``Pipeline.default()``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy as np

from . import lexicon as lx
from .model.artefact import Floats, LinearTyper, load
from .plover import plover
from .rules import (
    ARMED_TYPES,
    EVENT_TYPE_OF,
    RIOTERS,
    SURE_ARMED,
    Cues,
    rule_subtype,
    territory_subtype,
    weapon_subtype,
)

MODEL_PATH: Final = Path(__file__).resolve().parents[1] / "data" / "typing_model.npz"
NONE: Final = "NONE"
RULE_BOOST: Final = 3.0  # multiplier on the class the trigger's rules give
WEAPON_BOOST: Final = 4.0  # multiplier on the class of a named weapon
TERRITORY_BOOST: Final = 4.0  # multiplier on the side's territory type when a known armed side takes a place
TRIGGER_NONE: Final = 0.5  # multiplier on NONE when the trigger or an armed party makes an event likely
# frames that floods, fires, crashes and crime also fill ("killed", "exploded", "battle", "evacuate"):
# their trigger alone does not make "no event" less likely; an armed party or a protest does
SHARED_FRAMES: Final = frozenset({lx.KILL, lx.EXPLODE, lx.DESTROY, lx.CLASH, lx.WITHDRAW, lx.CHANGE, lx.ATTACK,
                                  lx.LOOT, lx.ARREST, lx.SHOOT, lx.TAKE, lx.DISRUPT})
PARTY_TYPES: Final = ARMED_TYPES | {"Protesters", "Rioters"}
SENTENCE_THRESHOLD: Final = 0.5  # a sentence without a trigger needs this much confidence


@dataclass(frozen=True, slots=True)
class Typing:
    event_type: str
    sub_event_type: str
    confidence: float
    plover_type: str | None = None
    plover_mode: str | None = None


@dataclass(frozen=True, slots=True)
class EventTyper:
    """The typing stage's resources: the model, and the least confidence of an event it emits (0 keeps every
    non-NONE answer)."""

    model: LinearTyper
    threshold: float = 0.0

    def __post_init__(self) -> None:
        if not 0.0 <= self.threshold <= 1.0:
            raise ValueError(f"threshold must be in [0, 1], got {self.threshold}")

    @classmethod
    def packaged(cls, threshold: float = 0.0) -> EventTyper:
        """The packaged model (``MODEL_PATH``, loaded in ~0.03 s) with ``threshold``."""
        return cls(load(MODEL_PATH), threshold)

    def mention(self, sentence: str, cues: Cues) -> Typing | None:
        """The type of one mention; None when it is not a conflict event (or below the threshold)."""
        return _decide(self.model, mention_proba(self.model, sentence, cues), cues.lemmas, self.threshold)

    def sentence(self, sentence: str) -> Typing | None:
        """A sentence with no trigger word: an event only when the model is confident."""
        words = frozenset(re.findall(r"[a-z]+", sentence.lower()))
        limit = max(SENTENCE_THRESHOLD, self.threshold)
        return _decide(self.model, self.model.proba(sentence), words, limit)


def rule_prior(cues: Cues, classes: tuple[str, ...]) -> Floats:
    """Multipliers over the model's classes from the trigger's rules and named weapons; a trigger
    word makes "no event" less likely (news phrasing the model has not seen leans to NONE)."""
    prior = np.ones(len(classes))
    if NONE in classes and event_likely(cues):
        prior[classes.index(NONE)] *= TRIGGER_NONE
    taken = territory_taken(cues)
    for sub, boost in ((rule_subtype(cues), RULE_BOOST), (weapon_subtype(cues.lemmas), WEAPON_BOOST),
                       (taken, TERRITORY_BOOST)):
        if sub in classes:
            prior[classes.index(sub)] *= boost
    return prior


def territory_taken(cues: Cues) -> str | None:
    """A state or non-state armed side capturing a named kind of place: the codebook's territory types."""
    if cues.frame != lx.TAKE or not cues.lemmas & lx.TERRITORY_CUES or cues.lemmas & lx.CACHE_CUES:
        return None
    if cues.actor1_type in ARMED_TYPES or cues.actor2_type in ARMED_TYPES:
        return territory_subtype(cues)
    return None


def event_likely(cues: Cues) -> bool:
    """A trigger of a conflict-only frame, a political arrest, or an armed party or protesters in the clause."""
    if cues.frame not in SHARED_FRAMES:
        return True
    if cues.frame == lx.ARREST:  # the police make every arrest: who was arrested tells
        return bool(cues.lemmas & (lx.POLITICAL_TARGETS | RIOTERS)) or cues.actor2_type in PARTY_TYPES
    return (cues.actor1_type in PARTY_TYPES or cues.actor2_type in PARTY_TYPES
            or bool(cues.lemmas & (SURE_ARMED | RIOTERS)))


def mention_proba(m: LinearTyper, sentence: str, cues: Cues) -> Floats:
    """Class probabilities of a mention: model times rule prior, renormalised."""
    p = m.proba(sentence) * rule_prior(cues, m.classes)
    return p / p.sum()


def typed(sub: str, confidence: float, lemmas: frozenset[str]) -> Typing:
    """A sub-type with every field derived from it (event type, PLOVER type and mode)."""
    kind, mode = plover(sub, lemmas)
    return Typing(EVENT_TYPE_OF[sub], sub, confidence, kind, mode)


def _decide(m: LinearTyper, p: Floats, lemmas: frozenset[str], threshold: float) -> Typing | None:
    classes = m.classes
    best = int(p.argmax())
    sub, confidence = classes[best], float(p[best])
    if sub == NONE or confidence < threshold:
        return None
    return typed(sub, round(confidence, 4), lemmas)
