"""Rule typing: a trigger's frame plus the clause's cues -> an ACLED sub-event type.

Rules where rules are right: a grenade is a grenade, an airstrike an airstrike.
The learned model in ``events.classify`` refines what the rules leave open.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import vocabulary
from ..actors import ARMED_TYPES, NON_STATE_ARMED, STATE
from ..vocabulary import kinds, of_type
from . import lexicon as lx

EVENT_TYPE_OF = vocabulary.EVENT_TYPE_OF  # (re-exported: the one table is eventscope.vocabulary)

# typing-model edits (typing owner): people in the street are not an armed group; weapons destroyed
# or seized are disrupted weapons use; a person captured is an arrest
RIOTERS = frozenset({"protester", "protestor", "demonstrator", "rioter", "mob", "marcher"})
DISRUPTED_WEAPONS = frozenset({"mine", "landmine", "ied", "explosive", "device", "ammunition", "ammo", "weapon",
                               "cache", "uxo", "firearm", "munition"})
AT_A_PROTEST = frozenset({"protest", "protester", "demonstration", "demonstrator", "rally", "sit-in", "march",
                          "marcher"})
CHEMICAL_AGENTS = (lx.CHEMICAL_CUES - {"gas"}) | {"poisonous", "poison"}
CAPTIVES = frozenset({"commander", "leader", "suspect", "member", "kingpin", "chief", "militant"})
LETHAL = frozenset({"kill", "shoot", "die", "dead", "live", "gunfire", "bullet", "death"})
FORCES = frozenset({"police", "security", "troops", "troop", "soldier", "army", "military", "force"})
HORS_DE_COMBAT = frozenset({"execution", "execute", "behead", "massacre", "torture", "captive", "prisoner",
                            "detainee", "hostage"})


@dataclass(frozen=True, slots=True)
class Cues:
    """What the typing rules look at in one clause."""

    frame: str
    lemmas: frozenset[str]  # lower-case lemmas of the clause
    actor1_type: str | None = None
    actor2_type: str | None = None
    target_civilian: bool = False  # the patient is a civilian (no armed actor)
    target_protesters: bool = False
    lethal_verb: bool = False  # the trigger is a noun in a phrase of a verb of killing ('died ... during a protest')


def weapon_subtype(lemmas: frozenset[str]) -> str | None:
    """The explosive/remote weapon the clause names, if any (most specific first)."""
    tear_gas = {"tear", "gas"} <= lemmas  # not 'tear' alone: spaCy lemmatises 'war-torn' to 'tear'
    if lemmas & CHEMICAL_AGENTS and lemmas & {"attack", "weapon", "gas", "agent", "shell"} and not tear_gas:
        return "Chemical weapon"  # "gas" alone is no agent: tear gas, gas prices, a gas leak
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


YIELDED = frozenset({"withdraw", "withdrawal", "retreat", "pullout", "abandon", "evacuate", "evacuation", "handover",
                     "unopposed", "peacefully"})
UNRESISTED = frozenset({"resistance", "fight", "fighting", "clash", "battle", "bloodshed", "gunshot", "shot", "firing"})
FOUGHT = frozenset({"fight", "fighting", "clash", "battle", "attack", "kill", "heavy", "fierce", "gunfight"})


def yielded(lemmas: frozenset[str]) -> bool:
    """Territory changed hands without a battle (the codebook's non-violent transfer): taken 'without
    resistance', or after the other side withdrew when the clause tells of no fighting."""
    if "without" in lemmas and lemmas & UNRESISTED:
        return True
    return bool(lemmas & YIELDED) and not lemmas & FOUGHT


def territory_subtype(cues: Cues) -> str:
    """The taker's side; with no taker named, the side it was taken from tells (typing owner's edit)."""
    if yielded(cues.lemmas):
        return "Non-violent transfer of territory"
    if cues.actor1_type == STATE or (cues.actor1_type is None and cues.actor2_type in NON_STATE_ARMED):
        return "Government regains territory"
    if cues.actor1_type is None and cues.actor2_type != STATE:
        return "Armed clash"
    return "Non-state actor overtakes territory"


def violence_subtype(cues: Cues) -> str:
    """Killing, shooting, attacking: civilians attacked, or a battle between armed groups."""
    weapon = weapon_subtype(cues.lemmas)
    if weapon:
        return weapon
    if cues.target_protesters:
        return "Excessive force against protesters"
    if cues.lemmas & HORS_DE_COMBAT:
        return "Attack"  # executing captives or massacring is violence against civilians, whoever the victims were
    if cues.frame == lx.MOB or (cues.actor1_type in ("Rioters", "Protesters")):
        return "Mob violence"
    if cues.target_civilian or cues.actor2_type == "Civilians":
        return "Attack"
    if cues.actor2_type and cues.actor1_type:
        return "Armed clash"
    return "Attack" if cues.frame in (lx.KILL, lx.SHOOT) else "Armed clash"


MISSILES_OF_A_CROWD = frozenset({"stone", "rock", "brick", "bottle", "projectile", "molotov", "firebomb", "pelt",
                                 "hurl", "stone-pelting"})
SCUFFLES = frozenset({"clash", "scuffle", "skirmish", "confrontation", "fight"})


def demonstrators_violent(lemmas: frozenset[str]) -> bool:
    """Demonstrators who throw stones or clash with the police riot (the codebook's violent demonstration),
    whether or not the police intervened or used force."""
    return bool(lemmas & MISSILES_OF_A_CROWD) or bool(lemmas & SCUFFLES and lemmas & (RIOTERS | AT_A_PROTEST))


def protest_subtype(cues: Cues) -> str:
    if cues.lemmas & LETHAL and cues.lemmas & (FORCES | {"crackdown", "gunfire"}):
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
    lx.BASE: "Headquarters or base established", lx.CHANGE: "Change to group/activity",
    lx.WITHDRAW: "Non-violent transfer of territory",
    lx.RIOT: "Violent demonstration", lx.MOB: "Mob violence", lx.INTERVENE: "Protest with intervention",
}


def rule_subtype(cues: Cues) -> str:
    """The ACLED sub-event type the rules give this clause."""
    frame = cues.frame
    if frame in (lx.AIR, lx.SHELL) or frame == lx.EXPLODE:
        return weapon_subtype(cues.lemmas) or _FIXED.get(frame, "Remote explosive/landmine/IED")
    if frame == lx.ARREST and cues.lemmas & AT_A_PROTEST:
        return "Protest with intervention"  # arrests at a protest are the protest's intervention (codebook)
    if frame in _FIXED:
        return _FIXED[frame]
    if frame == lx.TAKE:
        return territory_subtype(cues)
    if frame == lx.CLASH and cues.lemmas & RIOTERS:
        return "Violent demonstration"  # protesters clashing with police riot; they fight no battle
    if frame == lx.CLASH:
        weapon = weapon_subtype(cues.lemmas)
        return weapon if weapon in ("Air/drone strike", "Shelling/artillery/missile attack") else "Armed clash"
    if frame == lx.PROTEST:
        return protest_subtype(cues)
    if frame == lx.DESTROY:
        return "Disrupted weapons use" if cues.lemmas & DISRUPTED_WEAPONS else "Looting/property destruction"
    return violence_subtype(cues)


BATTLES = of_type("Battles")
REMOTE = of_type("Explosions/Remote violence")
CIVILIAN_HARM = of_type("Violence against civilians")
DEMONSTRATIONS = of_type("Protests") | of_type("Riots")
_ALLOWED: dict[str, frozenset[str]] = {
    lx.CLASH: BATTLES | {"Air/drone strike", "Shelling/artillery/missile attack"},
    lx.AIR: kinds("Air/drone strike"), lx.GRENADE: kinds("Grenade"),
    lx.CHEMICAL: kinds("Chemical weapon"), lx.SUICIDE: kinds("Suicide bomb"),
    lx.SHELL: REMOTE, lx.EXPLODE: REMOTE | {"Attack", "Looting/property destruction"},
    lx.ATTACK: BATTLES | REMOTE | CIVILIAN_HARM | DEMONSTRATIONS | {"Looting/property destruction"},
    # a killing or a shooting takes no territory: a capture in the same sentence has its own trigger
    lx.KILL: kinds("Armed clash") | REMOTE | CIVILIAN_HARM | DEMONSTRATIONS,
    lx.SHOOT: kinds("Armed clash") | CIVILIAN_HARM | DEMONSTRATIONS | REMOTE,
    lx.ABDUCT: kinds("Abduction/forced disappearance", "Arrests"),
    lx.SEXUAL: kinds("Sexual violence"), lx.ARREST: kinds("Arrests", "Protest with intervention"),
    lx.PROTEST: DEMONSTRATIONS, lx.RIOT: DEMONSTRATIONS, lx.MOB: DEMONSTRATIONS | {"Attack"},
    lx.INTERVENE: DEMONSTRATIONS - {"Peaceful protest"},  # a protest the police dispersed met intervention
    lx.DESTROY: kinds("Looting/property destruction", "Violent demonstration", "Mob violence", "Attack") | REMOTE,
    lx.LOOT: kinds("Looting/property destruction", "Violent demonstration", "Mob violence", "Attack"),
    lx.AGREE: kinds("Agreement"), lx.DISRUPT: kinds("Disrupted weapons use", "Arrests"),
    lx.BASE: kinds("Headquarters or base established"),
    lx.CHANGE: kinds("Change to group/activity", "Headquarters or base established"),
    lx.WITHDRAW: kinds("Non-violent transfer of territory", "Change to group/activity") | BATTLES,
}
SURE_ARMED = lx.ARMED_WORDS - {"security", "force", "officer", "mob", "protester", "demonstrator", "rioter"}
_HARD_FRAMES = frozenset({lx.AIR, lx.SHELL, lx.GRENADE, lx.CHEMICAL, lx.SUICIDE, lx.ABDUCT, lx.SEXUAL})


def allowed_subtypes(cues: Cues) -> frozenset[str]:
    """The sub-types a trigger's frame admits; territory taken by a known side is that side's;
    rioters fight no battle; weapons seized or destroyed may be disrupted use, a person seized arrested."""
    if cues.frame == lx.CLASH and cues.lemmas & RIOTERS:
        return kinds("Violent demonstration", "Mob violence")  # people who clash with police riot
    allowed = _frame_allowed(cues)
    if cues.frame in _RIOT_FRAMES and cues.lemmas & RIOTERS:
        allowed = (allowed | DEMONSTRATIONS) - BATTLES
    if cues.frame in (lx.TAKE, lx.DESTROY) and cues.lemmas & DISRUPTED_WEAPONS:
        allowed = allowed | {"Disrupted weapons use"}
    if cues.frame == lx.TAKE and cues.lemmas & CAPTIVES:
        allowed = allowed | {"Arrests"}
    return allowed


_RIOT_FRAMES = frozenset({lx.ATTACK, lx.KILL, lx.SHOOT})  # (rioters who clash: allowed_subtypes' first case)


def _frame_allowed(cues: Cues) -> frozenset[str]:
    if cues.frame == lx.TAKE and yielded(cues.lemmas):
        return kinds("Non-violent transfer of territory", "Government regains territory",
                     "Non-state actor overtakes territory")
    if cues.frame == lx.TAKE:
        if cues.actor1_type == STATE:
            return kinds("Government regains territory", "Armed clash", "Headquarters or base established")
        if cues.actor1_type in ARMED_TYPES:
            return kinds("Non-state actor overtakes territory", "Armed clash", "Headquarters or base established")
        return BATTLES | {"Non-violent transfer of territory"}
    return _ALLOWED.get(cues.frame, frozenset(EVENT_TYPE_OF))


PILLAGE = frozenset({"loot", "looting", "plunder", "pillage"})


def rule_is_sure(cues: Cues) -> bool:
    """The rules alone are enough: a named weapon, or an armed actor doing a violent or territorial act."""
    if cues.frame in _HARD_FRAMES or weapon_subtype(cues.lemmas) is not None:
        return True
    if cues.frame == lx.ARREST and cues.lemmas & lx.POLITICAL_TARGETS:
        return True  # activists or journalists detained: ACLED's arrests, not ordinary crime
    if cues.frame == lx.DISRUPT and cues.lemmas & DISRUPTED_WEAPONS:
        return True  # mines defused, ammunition discovered
    if cues.frame == lx.LOOT and cues.lemmas & PILLAGE:
        return True  # 'shops were looted': pillage, whoever did it (a robbery or a theft is crime)
    if cues.frame == lx.CLASH:  # firefighters' battle with a wildfire is no clash
        return cues.actor1_type in ARMED_TYPES or cues.actor2_type in ARMED_TYPES or bool(cues.lemmas & SURE_ARMED)
    violent = cues.frame in (lx.TAKE, lx.WITHDRAW, lx.KILL, lx.SHOOT, lx.ATTACK, lx.DESTROY, lx.LOOT)
    hurt = bool(cues.lemmas & (lx.DEATH_WORDS | {"wound", "injure"}))
    deadly = cues.frame in (lx.KILL, lx.SHOOT, lx.EXPLODE) and hurt
    deadly = deadly and not cues.lemmas & lx.DISASTER_WORDS  # typing owner: an earthquake kills nobody's victims
    return (violent and cues.actor1_type in ARMED_TYPES) or deadly  # a deadly shooting happened, whoever did it
