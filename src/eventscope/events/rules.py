"""Rule typing: a trigger's frame plus the clause's cues -> an ACLED sub-event type.

Rules where rules are right: a grenade is a grenade, an airstrike an airstrike.
The learned model in ``events.typing`` refines what the rules leave open.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import lexicon as lx

EVENT_TYPE_OF = {
    "Armed clash": "Battles", "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence", "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence", "Grenade": "Explosions/Remote violence",
    "Peaceful protest": "Protests", "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots", "Mob violence": "Riots",
    "Agreement": "Strategic developments", "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments", "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments", "Other": "Strategic developments",
    "Sexual violence": "Violence against civilians", "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
}

STATE = "State forces"


@dataclass(frozen=True, slots=True)
class Cues:
    """What the typing rules look at in one clause."""

    frame: str
    lemmas: frozenset[str]  # lower-case lemmas of the clause
    actor1_type: str | None = None
    actor2_type: str | None = None
    target_civilian: bool = False  # the patient is a civilian (no armed actor)
    target_protesters: bool = False


def weapon_subtype(lemmas: frozenset[str]) -> str | None:
    """The explosive/remote weapon the clause names, if any (most specific first)."""
    if lemmas & lx.CHEMICAL_CUES and ("attack" in lemmas or "weapon" in lemmas or "gas" in lemmas):
        return "Chemical weapon"
    if lemmas & lx.SUICIDE_CUES:
        return "Suicide bomb"
    if lemmas & lx.GRENADE_CUES:
        return "Grenade"
    if lemmas & lx.AIR_CUES and not lemmas & {"airport", "airbase"}:
        return "Air/drone strike"
    if lemmas & lx.SHELL_CUES:
        return "Shelling/artillery/missile attack"
    if lemmas & lx.IED_CUES:
        return "Remote explosive/landmine/IED"
    return None


def territory_subtype(cues: Cues) -> str:
    if cues.actor1_type == STATE:
        return "Government regains territory"
    if cues.actor1_type is None:
        return "Armed clash"
    return "Non-state actor overtakes territory"


def violence_subtype(cues: Cues) -> str:
    """Killing, shooting, attacking: civilians attacked, or a battle between armed groups."""
    weapon = weapon_subtype(cues.lemmas)
    if weapon:
        return weapon
    if cues.target_protesters:
        return "Excessive force against protesters"
    if cues.frame == lx.MOB or (cues.actor1_type in ("Rioters", "Protesters")):
        return "Mob violence"
    if cues.target_civilian or cues.actor2_type == "Civilians":
        return "Attack"
    if cues.actor2_type and cues.actor1_type:
        return "Armed clash"
    return "Attack" if cues.frame in (lx.KILL, lx.SHOOT) else "Armed clash"


def protest_subtype(cues: Cues) -> str:
    if cues.lemmas & {"kill", "shoot", "die", "dead", "live"} and cues.lemmas & {"police", "security", "troops"}:
        return "Excessive force against protesters"
    if cues.lemmas & lx.INTERVENTION_CUES:
        return "Protest with intervention"
    if cues.lemmas & {"violent", "clash", "stone", "pelt", "burn", "torch", "vandalise", "vandalize", "damage"}:
        return "Violent demonstration"
    return "Peaceful protest"


_FIXED = {
    lx.AIR: "Air/drone strike", lx.SHELL: "Shelling/artillery/missile attack",
    lx.SUICIDE: "Suicide bomb", lx.GRENADE: "Grenade", lx.CHEMICAL: "Chemical weapon",
    lx.ABDUCT: "Abduction/forced disappearance", lx.SEXUAL: "Sexual violence", lx.ARREST: "Arrests",
    lx.LOOT: "Looting/property destruction", lx.AGREE: "Agreement", lx.DISRUPT: "Disrupted weapons use",
    lx.BASE: "Headquarters or base established", lx.WITHDRAW: "Non-violent transfer of territory",
    lx.RIOT: "Violent demonstration", lx.MOB: "Mob violence", lx.INTERVENE: "Protest with intervention",
}


def rule_subtype(cues: Cues) -> str:
    """The ACLED sub-event type the rules give this clause."""
    frame = cues.frame
    if frame in (lx.AIR, lx.SHELL) or frame == lx.EXPLODE:
        return weapon_subtype(cues.lemmas) or _FIXED.get(frame, "Remote explosive/landmine/IED")
    if frame in _FIXED:
        return _FIXED[frame]
    if frame == lx.TAKE:
        return territory_subtype(cues)
    if frame == lx.CLASH:
        weapon = weapon_subtype(cues.lemmas)
        return weapon if weapon in ("Air/drone strike", "Shelling/artillery/missile attack") else "Armed clash"
    if frame == lx.PROTEST:
        return protest_subtype(cues)
    if frame == lx.DESTROY:
        return "Looting/property destruction"
    return violence_subtype(cues)
