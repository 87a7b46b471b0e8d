"""PLOVER event type and mode for each ACLED sub-event type (POLECAT-style output).

Codebook followed: PLOVER DRAFT Version 0.8 (Open Event Data Alliance, 2021), ``PLOVER_MANUAL.tex`` of
github.com/openeventdata/PLOVER -- the version adopted in 2021 for the PITF event coding that POLECAT
publishes -- with its crosswalk ``CAMEO2PLOVER-2021.txt`` where the manual's text is silent. In it:

* there are 16 types (``PLOVER_MODES``); the 2016 drafts' FIGHT is gone. CAMEO's "fight with small arms"
  is ASSAULT/firearms, "artillery and tanks" and "aerial weapons" are ASSAULT/heavy-weapons (crew-served
  weapons), chemical weapons ASSAULT/unconventional; "aerial" and "seize" are no modes;
* taking a place, CAMEO 192 "occupy territory", is COERCE/confiscate; a retreat from or ceding of
  territory is RETREAT/withdraw; destroying property moved from COERCE to ASSAULT/destroy;
* a riot is PROTEST/riot, a protest march PROTEST/demo (the SCAD-derived modes);
* a mode is optional: "if no existing values seem appropriate, the field should be left null". Generic
  violence (a clash, an attack) takes its mode from the clause's words, else None.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

from ..vocabulary import TABLE
from . import lexicon as lx

Plover = tuple[str | None, str | None]

# every PLOVER v0.8 type with the modes its codebook table allows (none: the type has no mode table)
PLOVER_MODES: Final[Mapping[str, frozenset[str]]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset(),
    "RETREAT": frozenset({"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"}),
    "DEMAND": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "general", "strike", "hunger", "boycott", "obstruct"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({"confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest",
                         "deport", "withhold"}),
    "ASSAULT": frozenset({"abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy",
                          "primitive", "firearms", "explosives", "suicide-attack", "heavy-weapons",
                          "cleansing", "massacre", "unconventional", "sideAB"}),
}

# ACLED sub-event type -> (PLOVER type, mode), from the vocabulary; a None mode of ASSAULT is read from the clause
PLOVER_OF: Final[Mapping[str, Plover]] = {row.name: (row.plover_type, row.plover_mode) for row in TABLE}

# the codebook's "primitive weapons: fire, edged weapons, rocks, farm implements"
PRIMITIVE_CUES: Final = frozenset({"knife", "machete", "stick", "stone", "axe", "club", "stab", "hack",
                                   "rock", "spear", "arrow", "bow", "hoe", "cutlass", "sword", "dagger",
                                   "arson", "burn", "torch"})
BEAT_CUES: Final = frozenset({"beat", "lynch", "punch", "kick", "flog", "whip", "batter", "bludgeon"})
MASSACRE_CUES: Final = frozenset({"massacre"})
ASSASSINATE_CUES: Final = frozenset({"assassinate", "assassination", "assassin"})
TORTURE_CUES: Final = frozenset({"torture"})
DESTROY_CUES: Final = frozenset({"destroy", "burn", "torch", "demolish", "raze", "vandalise", "vandalize",
                                 "arson", "bulldoze", "ransack", "smash"})
HANDOVER_CUES: Final = frozenset({"withdraw", "withdrawal", "retreat", "hand", "handover", "cede",
                                  "evacuate", "abandon", "surrender"})
POLICE_CUES: Final = frozenset({"police", "policeman", "gendarme", "gendarmerie"})
MILITIA_CUES: Final = frozenset({"militia", "militiaman", "rebel", "insurgent", "militant", "jihadist"})
TROOP_CUES: Final = frozenset({"troop", "soldier", "army", "deploy", "deployment", "reinforcement",
                               "battalion", "brigade", "recruit"})

# clause words -> ASSAULT mode, first match wins: what was done, then with what
_VIOLENCE_MODES: Final[tuple[tuple[frozenset[str], str], ...]] = (
    (MASSACRE_CUES, "massacre"),
    (ASSASSINATE_CUES, "assassinate"),
    (TORTURE_CUES, "torture"),
    (lx.SHELL_CUES, "heavy-weapons"),
    (lx.FIREARM_CUES, "firearms"),
    (lx.IED_CUES | lx.GRENADE_CUES, "explosives"),
    (PRIMITIVE_CUES, "primitive"),
)


def violence_mode(lemmas: frozenset[str]) -> str | None:
    """How generic violence was done, from the clause's words; None when they do not say."""
    if {"set", "fire"} <= lemmas:  # "set fire to": fire is a primitive weapon, not gunfire
        lemmas = (lemmas - {"fire"}) | {"arson"}
    for cues, mode in _VIOLENCE_MODES:
        if lemmas & cues:
            return mode
    if lemmas & BEAT_CUES and "back" not in lemmas:  # "beat back an attack" is no beating
        return "beat"
    return None


def protest_mode(lemmas: frozenset[str]) -> str:
    """The PROTEST mode of a peaceful protest: a strike, hunger strike, boycott or blockade, else a demo."""
    if "hunger" in lemmas:
        return "hunger"
    if "boycott" in lemmas:
        return "boycott"
    if lemmas & {"strike", "striker", "walkout"}:
        return "general" if "general" in lemmas else "strike"
    if lemmas & {"blockade", "barricade", "obstruct"}:
        return "obstruct"
    return "demo"


def mobilize_mode(lemmas: frozenset[str]) -> str | None:
    """Who was mobilised: police, a non-state armed group or troops; None when the clause does not say."""
    for cues, mode in ((POLICE_CUES, "police"), (MILITIA_CUES, "militia"), (TROOP_CUES, "troops")):
        if lemmas & cues:
            return mode
    return None


def _property(lemmas: frozenset[str]) -> Plover:
    return ("ASSAULT", "destroy") if lemmas & DESTROY_CUES else ("COERCE", "confiscate")


def _transfer(lemmas: frozenset[str]) -> Plover:
    return ("RETREAT", "withdraw") if lemmas & HANDOVER_CUES else ("COERCE", "confiscate")


def _protest(lemmas: frozenset[str]) -> Plover:
    return "PROTEST", protest_mode(lemmas)


def _mobilize(lemmas: frozenset[str]) -> Plover:
    return "MOBILIZE", mobilize_mode(lemmas)


# sub-event types whose PLOVER type or mode the clause's words decide
_FROM_WORDS: Final[Mapping[str, Callable[[frozenset[str]], Plover]]] = {
    "Peaceful protest": _protest,
    "Protest with intervention": _protest,
    "Looting/property destruction": _property,
    "Non-violent transfer of territory": _transfer,
    "Change to group/activity": _mobilize,
}


def plover(sub_event_type: str, lemmas: frozenset[str] = frozenset()) -> Plover:
    """(PLOVER type, mode) of an ACLED sub-event type; the clause's lemmas may refine the mode or type."""
    kind, mode = PLOVER_OF.get(sub_event_type, (None, None))
    if kind == "ASSAULT" and mode is None:
        return kind, violence_mode(lemmas)
    refine = _FROM_WORDS.get(sub_event_type)
    return refine(lemmas) if refine is not None else (kind, mode)
