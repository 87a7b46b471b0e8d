"""PLOVER event type and mode for each ACLED sub-event type (POLECAT-style output).

PLOVER's 16 types (AGREE ... COERCE, ASSAULT) with the modes that say how: an
air strike is ASSAULT/aerial, a town taken is COERCE/seize, a handover without a
fight RETREAT/withdraw, a march PROTEST/demonstrate. Generic violence (a clash,
an attack on civilians) takes its mode from the weapon words of the clause.
"""

from __future__ import annotations

from typing import Final

from . import lexicon as lx

PLOVER_OF: Final[dict[str, tuple[str | None, str | None]]] = {
    "Armed clash": ("ASSAULT", None),
    "Government regains territory": ("COERCE", "seize"),
    "Non-state actor overtakes territory": ("COERCE", "seize"),
    "Chemical weapon": ("ASSAULT", "CBRN"),
    "Air/drone strike": ("ASSAULT", "aerial"),
    "Suicide bomb": ("ASSAULT", "explosive"),
    "Shelling/artillery/missile attack": ("ASSAULT", "explosive"),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosive"),
    "Grenade": ("ASSAULT", "explosive"),
    "Peaceful protest": ("PROTEST", "demonstrate"),
    "Protest with intervention": ("PROTEST", "demonstrate"),
    "Excessive force against protesters": ("ASSAULT", None),
    "Violent demonstration": ("PROTEST", "riot"),
    "Mob violence": ("ASSAULT", "beat"),
    "Agreement": ("AGREE", None),
    "Arrests": ("COERCE", "arrest"),
    "Change to group/activity": ("MOBILIZE", "troops"),
    "Disrupted weapons use": ("COERCE", "seize"),
    "Headquarters or base established": ("MOBILIZE", "troops"),
    "Looting/property destruction": ("COERCE", "seize"),
    "Non-violent transfer of territory": ("RETREAT", "withdraw"),
    "Other": (None, None),
    "Sexual violence": ("ASSAULT", "sexual"),
    "Attack": ("ASSAULT", None),
    "Abduction/forced disappearance": ("ASSAULT", "abduct"),
}

PRIMITIVE_CUES: Final = frozenset({"knife", "machete", "stick", "stone", "axe", "club", "stab", "hack",
                                   "beat", "lynch", "rock", "spear", "arrow", "bow"})


def violence_mode(lemmas: frozenset[str]) -> str | None:
    """How generic violence was done, from the clause's weapon words."""
    if lemmas & lx.FIREARM_CUES:
        return "firearms"
    if lemmas & PRIMITIVE_CUES:
        return "primitive"
    if lemmas & (lx.IED_CUES | lx.GRENADE_CUES | lx.SHELL_CUES):
        return "explosive"
    return None


def plover(sub_event_type: str, lemmas: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """(PLOVER type, mode) of an ACLED sub-event type; the mode may come from the clause's words."""
    kind, mode = PLOVER_OF.get(sub_event_type, (None, None))
    if kind == "ASSAULT" and mode is None:
        mode = violence_mode(lemmas)
    return kind, mode
