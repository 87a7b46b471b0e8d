"""Typing rules: who takes a place from whom, rioters, disasters, agents, weapons caches, political arrests."""

from __future__ import annotations

from eventscope.events import classify as ty
from eventscope.events import lexicon as lx
from eventscope.events.rules import Cues, allowed_subtypes, rule_is_sure, rule_subtype, weapon_subtype


def words(sentence: str) -> frozenset[str]:
    """Forms and crude lemmas, as the detector gives both."""
    forms = {w.strip(".,").lower() for w in sentence.split()}
    return frozenset(forms | {w[:-1] for w in forms if w.endswith("s")})


def test_a_place_taken_from_rebels_by_an_unnamed_side_is_regained_by_the_government() -> None:
    cues = Cues(lx.TAKE, words("Troopers captured two rebel camps in the district"), None, "Rebel group")
    assert rule_subtype(cues) == "Government regains territory"
    assert ty.territory_taken(cues) == "Government regains territory"
    taken = Cues(lx.TAKE, words("Militants captured the town"), "Rebel group", "State forces")
    assert rule_subtype(taken) == "Non-state actor overtakes territory"


def test_protesters_clashing_with_police_riot_and_fight_no_battle() -> None:
    cues = Cues(lx.CLASH, words("Protesters clashed with police in the capital"))
    assert rule_subtype(cues) == "Violent demonstration"
    assert "Armed clash" not in allowed_subtypes(cues)


def test_deaths_in_a_disaster_need_a_perpetrator_and_a_wildfire_battle_is_no_clash() -> None:
    assert not rule_is_sure(Cues(lx.KILL, words("An earthquake killed 30 people and injured 200")))
    assert not rule_is_sure(Cues(lx.CLASH, words("Firefighters won their battle against the wildfire")))
    assert rule_is_sure(Cues(lx.CLASH, words("Soldiers fought militants near the border")))


def test_tear_gas_or_gas_alone_is_no_chemical_weapon() -> None:
    assert weapon_subtype(words("Police fired tear gas at the crowd in an attack on protesters")) is None
    assert weapon_subtype(words("A gas leak attack")) is None
    assert weapon_subtype(words("A chlorine gas attack on the town")) == "Chemical weapon"


def test_weapons_destroyed_are_disrupted_weapons_use() -> None:
    cues = Cues(lx.DESTROY, words("Troops destroyed 300 landmines and explosive devices"))
    assert rule_subtype(cues) == "Disrupted weapons use"
    assert "Disrupted weapons use" in allowed_subtypes(Cues(lx.TAKE, words("Police seized guns and ammunition")))


def test_a_political_arrest_makes_an_event_likely_a_police_blotter_does_not() -> None:
    assert ty.event_likely(Cues(lx.ARREST, words("Two activists were detained")))
    assert not ty.event_likely(Cues(lx.ARREST, words("Police detained a shoplifter")))


def test_arrests_at_a_protest_are_a_protest_with_intervention() -> None:
    assert rule_subtype(Cues(lx.ARREST, words("Police arrested 40 people during a protest"))) == (
        "Protest with intervention")
    assert rule_subtype(Cues(lx.ARREST, words("Police arrested two smugglers"))) == "Arrests"


def test_protesters_who_clash_with_police_riot_rather_than_meet_intervention() -> None:
    cues = Cues(lx.CLASH, frozenset({"clash", "police", "protester", "tear", "gas"}))
    assert allowed_subtypes(cues) == {"Violent demonstration", "Mob violence"}


def test_detained_activists_and_discovered_ammunition_need_no_model_to_be_events() -> None:
    assert rule_is_sure(Cues(lx.ARREST, frozenset({"detain", "activist"})))
    assert rule_is_sure(Cues(lx.DISRUPT, frozenset({"discover", "ammo"})))
    assert not rule_is_sure(Cues(lx.ARREST, frozenset({"detain", "thief"})))


def test_a_protest_the_police_dispersed_is_no_peaceful_protest() -> None:
    allowed = allowed_subtypes(Cues(lx.INTERVENE, frozenset({"disperse", "sit-in"})))
    assert "Peaceful protest" not in allowed and "Protest with intervention" in allowed
