"""Event triggers and cues in ACLED's vocabulary.

A trigger is a lemma (verb or event noun) that can head an event mention; it
names a *frame*, and the frame with its cues (weapon words, the actors'
types, the victims) gives the ACLED sub-event type in ``events.classify``.
"""

from __future__ import annotations

from typing import Final

# frame names
CLASH: Final = "clash"
TAKE: Final = "take"  # take / recapture / seize territory
WITHDRAW: Final = "withdraw"
AIR: Final = "air"
SHELL: Final = "shell"
EXPLODE: Final = "explode"
SUICIDE: Final = "suicide"
GRENADE: Final = "grenade"
CHEMICAL: Final = "chemical"
ATTACK: Final = "attack"  # generic attack: typed by weapon / target cues
KILL: Final = "kill"
SHOOT: Final = "shoot"
ABDUCT: Final = "abduct"
SEXUAL: Final = "sexual"
PROTEST: Final = "protest"
RIOT: Final = "riot"
MOB: Final = "mob"
ARREST: Final = "arrest"
DESTROY: Final = "destroy"
LOOT: Final = "loot"
AGREE: Final = "agree"
DISRUPT: Final = "disrupt"
BASE: Final = "base"
INTERVENE: Final = "intervene"  # police disperse protesters
CHANGE: Final = "change"  # deployments, defections, reinforcements

VERB_TRIGGERS: Final[dict[str, str]] = {
    "clash": CLASH, "fight": CLASH, "battle": CLASH, "ambush": CLASH, "engage": CLASH,
    "repel": CLASH, "repulse": CLASH, "foil": CLASH, "besiege": CLASH, "encircle": CLASH,
    "storm": TAKE, "recapture": TAKE, "advance": TAKE, "retake": TAKE, "regain": TAKE, "seize": TAKE, "capture": TAKE,
    "overrun": TAKE, "liberate": TAKE, "enter": TAKE, "occupy": TAKE, "reclaim": TAKE, "conquer": TAKE,
    "withdraw": WITHDRAW, "retreat": WITHDRAW, "abandon": WITHDRAW, "evacuate": WITHDRAW,
    "bomb": AIR, "airstrike": AIR,
    "shell": SHELL, "bombard": SHELL, "pound": SHELL, "hit": ATTACK,
    "explode": EXPLODE, "detonate": EXPLODE,
    "attack": ATTACK, "strike": ATTACK, "raid": ATTACK, "target": ATTACK, "assault": ATTACK,
    "kill": KILL, "murder": KILL, "execute": KILL, "behead": KILL, "massacre": KILL,
    "assassinate": KILL, "lynch": MOB, "stab": KILL, "hack": KILL, "torture": KILL, "beat": KILL,
    "injure": KILL, "wound": KILL, "burn": DESTROY,
    "shoot": SHOOT, "gun": SHOOT,
    "abduct": ABDUCT, "kidnap": ABDUCT, "disappear": ABDUCT, "hijack": ABDUCT,
    "rape": SEXUAL, "molest": SEXUAL,
    "protest": PROTEST, "demonstrate": PROTEST, "rally": PROTEST, "march": PROTEST, "picket": PROTEST,
    "riot": RIOT, "vandalize": RIOT, "vandalise": RIOT,
    "arrest": ARREST, "detain": ARREST, "apprehend": ARREST, "nab": ARREST,
    "destroy": DESTROY, "demolish": DESTROY, "raze": DESTROY, "torch": DESTROY, "ransack": DESTROY,
    "loot": LOOT, "plunder": LOOT, "pillage": LOOT, "steal": LOOT, "rob": LOOT, "extort": LOOT,
    "defuse": DISRUPT, "deactivate": DISRUPT, "dismantle": DISRUPT, "intercept": DISRUPT, "seize_weapons": DISRUPT,
    "confiscate": DISRUPT, "recover": DISRUPT, "discover": DISRUPT, "uncover": DISRUPT,  # the model says of what
    "disperse": INTERVENE, "establish": BASE, "deploy": CHANGE, "reinforce": CHANGE, "mobilize": CHANGE,
    "mobilise": CHANGE, "defect": CHANGE, "recruit": CHANGE, "free": TAKE,
    "blow": EXPLODE,  # "bombers blew themselves up": the particle is not next to the verb
    "fire": ATTACK,  # "fired shells / missiles / rubber bullets": typed by what was fired
    "rap": SEXUAL,  # spaCy's lemma of "raped"
}

NOUN_TRIGGERS: Final[dict[str, str]] = {
    "clash": CLASH, "fighting": CLASH, "battle": CLASH, "firefight": CLASH, "skirmish": CLASH,
    "ambush": CLASH, "gunfight": CLASH, "offensive": CLASH, "shootout": CLASH, "confrontation": CLASH,
    "airstrike": AIR, "strike": ATTACK, "raid": ATTACK, "bombardment": SHELL, "bombing": EXPLODE,
    "shelling": SHELL, "barrage": SHELL,
    "explosion": EXPLODE, "blast": EXPLODE,
    "attack": ATTACK, "assault": ATTACK, "offensives": CLASH,
    "killing": KILL, "murder": KILL, "execution": KILL, "massacre": KILL, "assassination": KILL,
    "shooting": SHOOT,
    "abduction": ABDUCT, "kidnapping": ABDUCT, "disappearance": ABDUCT,
    "rape": SEXUAL,
    "protest": PROTEST, "demonstration": PROTEST, "rally": PROTEST, "march": PROTEST, "sit-in": PROTEST,
    "strike_action": PROTEST, "riot": RIOT, "unrest": RIOT,
    "arrest": ARREST, "detention": ARREST,
    "destruction": DESTROY, "rubble": DESTROY, "demolition": DESTROY, "arson": DESTROY, "looting": LOOT,
    "ceasefire": AGREE, "truce": AGREE,
    "withdrawal": WITHDRAW, "fight": CLASH, "hostility": CLASH, "incursion": CLASH,
    "takeover": TAKE, "capture": TAKE, "seizure": TAKE, "recapture": TAKE,
    "dispersal": INTERVENE,
}

# multi-word triggers on lemmas (matched as consecutive lemmas)
PHRASE_TRIGGERS: Final[dict[tuple[str, ...], str]] = {
    ("take", "control"): TAKE, ("gain", "control"): TAKE, ("seize", "control"): TAKE,
    ("take", "over"): TAKE, ("regain", "control"): TAKE, ("open", "fire"): SHOOT,
    ("set", "fire"): DESTROY, ("set", "ablaze"): DESTROY, ("pull", "out"): WITHDRAW,
    ("reduce", "to", "rubble"): DESTROY, ("blow", "up"): EXPLODE, ("hand", "over"): WITHDRAW,
    ("take", "to", "the", "street"): PROTEST, ("stage", "a", "protest"): PROTEST,
    ("air", "strike"): AIR, ("air", "raid"): AIR, ("drone", "strike"): AIR, ("drone", "attack"): AIR,
    ("exchange", "fire"): CLASH, ("exchange", "gunfire"): CLASH, ("exchange", "shot"): CLASH,
    ("trade", "fire"): CLASH, ("trade", "gunfire"): CLASH, ("gun", "battle"): CLASH, ("shot", "dead"): KILL,
    ("sign", "agreement"): AGREE, ("sign", "a", "ceasefire"): AGREE, ("set", "up"): BASE,
    ("prisoner", "swap"): AGREE, ("prisoner", "exchange"): AGREE, ("peace", "deal"): AGREE,
    ("wrest", "control"): TAKE, ("push", "back"): TAKE, ("pull", "back"): WITHDRAW, ("set", "off"): EXPLODE,
    ("sexual", "violence"): SEXUAL, ("sexual", "assault"): SEXUAL, ("gang", "rape"): SEXUAL,
    ("sexually", "assault"): SEXUAL,
    ("cease", "-", "fire"): AGREE,  # the tokenizer splits 'cease-fire'
    ("sit", "-", "in"): PROTEST,  # and 'sit-in'
}

# weapon and method cues, looked up on lemmas of the clause
AIR_CUES: Final = frozenset({"airstrike", "warplane", "jet", "aircraft", "drone", "helicopter", "air",
                             "plane", "bomber", "uav", "airforce", "sortie", "aerial"})
SHELL_CUES: Final = frozenset({"shell", "shelling", "artillery", "mortar", "rocket", "missile", "howitzer",
                               "katyusha", "grad", "barrage", "projectile", "tank", "bombard", "bombardment"})
IED_CUES: Final = frozenset({"ied", "landmine", "mine", "roadside", "explosive", "bomb", "vbied",
                             "car-bomb", "device", "booby", "booby-trapped", "detonate", "uxo"})
SUICIDE_CUES: Final = frozenset({"suicide", "bomber", "self-detonate", "martyrdom"})
GRENADE_CUES: Final = frozenset({"grenade", "hand-grenade"})
CHEMICAL_CUES: Final = frozenset({"chemical", "chlorine", "sarin", "mustard", "toxic", "gas", "nerve"})
FIREARM_CUES: Final = frozenset({"gun", "gunman", "gunmen", "gunfire", "rifle", "shoot", "shot", "bullet",
                                 "fire", "sniper", "pistol", "firearm"})
CIVILIAN_CUES: Final = frozenset({"civilian", "villager", "resident", "woman", "child", "farmer", "man",
                                  "people", "worker", "student", "teacher", "journalist", "trader",
                                  "passenger", "family", "herder", "pastoralist", "boy", "girl", "driver",
                                  "motorist", "local", "priest", "imam", "doctor", "nurse", "activist",
                                  "member", "chief", "leader", "official", "politician", "candidate"})
# places where civilians live, pray, learn or trade: armed men attacking one attack civilians
CIVILIAN_PLACES: Final = frozenset({"village", "community", "market", "school", "university", "church", "mosque",
                                    "hospital", "home", "house", "wedding", "funeral", "hamlet", "settlement", "hotel",
                                    "restaurant", "cafe", "café", "shop", "mall", "nightclub"})
PROTEST_CUES: Final = frozenset({"protester", "protestor", "demonstrator", "protest", "demonstration",
                                 "rally", "marcher", "striker",
                                 # what people in the street do and carry (ACLED's protest notes)
                                 "banner", "placard", "slogan", "chant", "vigil", "picket", "sit-in",
                                 "gather", "demand", "block"})
INTERVENTION_CUES: Final = frozenset({"disperse", "tear", "teargas", "baton", "water", "cannon", "arrest",
                                      "detain", "rubber", "stun", "block", "prevent"})
TERRITORY_CUES: Final = frozenset({"city", "town", "village", "area", "district", "territory",
                                   "neighbourhood", "neighborhood", "base", "airport", "hill", "hilltop",
                                   "position", "checkpoint", "province", "region", "control", "outpost"})
CACHE_CUES: Final = frozenset({"weapon", "ammunition", "arm", "cache", "rifle", "explosive", "mine", "ied",
                               "grenade", "missile", "rocket", "drug", "bomb", "munition", "depot",
                               "firearm", "gun", "bullet", "ammo", "pistol", "landmine", "device", "uxo"})
BASE_CUES: Final = frozenset({"base", "post", "checkpoint", "camp", "barracks", "headquarters", "outpost",
                              "position", "point", "basis"})  # spaCy lemmatises "bases" to "basis"
# people whose arrest or abduction is political (ACLED's arrests), not ordinary crime
POLITICAL_TARGETS: Final = frozenset({"activist", "journalist", "opposition", "dissident", "protester",
                                      "politician", "lawmaker", "critic", "blogger", "campaigner", "unionist",
                                      "demonstrator", "reporter", "opponent", "rights",
                                      # office holders, past or present: their arrest is political
                                      "president", "minister", "dictator", "senator", "governor", "mayor",
                                      "premier", "candidate"})
DEATH_WORDS: Final = frozenset({"kill", "die", "dead", "death", "fatality", "body", "corpse", "slay",
                                "execute", "behead", "massacre", "murder", "life"})

# what kills in disasters and accidents: deaths beside these words need a perpetrator to be an event
DISASTER_WORDS: Final = frozenset({"earthquake", "quake", "tsunami", "flood", "flooding", "storm", "cyclone",
                                   "hurricane", "typhoon", "landslide", "eruption", "volcano", "wildfire", "blaze",
                                   "crash", "collision", "accident", "derail", "capsize", "collapse", "heatwave",
                                   "avalanche", "drown", "leak", "firework", "lightning"})

# lemmas that trigger an event only when the clause has an armed actor, a weapon or a casualty
NEEDS_ARMED: Final = frozenset({"enter", "occupy", "engage", "fight", "battle", "target", "strike", "hit",
                                "capture", "seize", "take", "gain", "attack", "raid", "assault", "beat",
                                "burn", "storm", "offensive", "destroy", "evacuate", "abandon", "withdraw",
                                "retreat", "withdrawal", "march", "rally", "execute", "pound", "liberate",
                                "intercept", "dismantle", "regain", "confrontation", "hack", "injure", "wound",
                                "establish", "deploy", "reinforce", "mobilize", "mobilise", "defect", "recruit",
                                "free", "set", "blow", "fire", "advance", "deactivate"})
ARMED_WORDS: Final = frozenset({"gunman", "gunmen", "militant", "soldier", "troop", "troops", "police",
                                "policeman", "rebel", "fighter", "insurgent", "jihadist", "army", "force",
                                "militia", "militiaman", "armed", "bandit", "gang", "terrorist", "attacker",
                                "assailant", "military", "jet", "warplane", "regime", "extremist",
                                "guerrilla", "separatist", "combatant", "mob", "protester", "demonstrator",
                                "chemical", "chlorine", "sarin", "poisonous",  # a chemical attack needs no actor
                                "rioter", "officer", "security", "assailants", "raider", "herdsman",
                                "herder", "vigilante", "cartel", "sniper"})
