"""PLOVER typing follows the PLOVER v0.8 codebook: valid types, each with a mode its codebook table allows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventscope.events import lexicon as lx
from eventscope.events import plover as pv
from eventscope.events.plover import PLOVER_MODES, PLOVER_OF, plover
from eventscope.events.rules import EVENT_TYPE_OF

CUE_WORDS = sorted(lx.FIREARM_CUES | lx.SHELL_CUES | lx.IED_CUES | lx.AIR_CUES | pv.PRIMITIVE_CUES
                   | pv.BEAT_CUES | pv.DESTROY_CUES | pv.HANDOVER_CUES | pv.POLICE_CUES | pv.MILITIA_CUES
                   | pv.TROOP_CUES | {"set", "back", "hunger", "strike", "general", "boycott", "blockade",
                                      "massacre", "assassinate", "torture", "march", "village"})


def assert_valid(kind: str | None, mode: str | None) -> None:
    if kind is None:
        assert mode is None
        return
    assert kind in PLOVER_MODES
    assert mode is None or mode in PLOVER_MODES[kind]


def test_the_codebook_has_sixteen_types_and_no_fight() -> None:
    assert len(PLOVER_MODES) == 16
    assert "FIGHT" not in PLOVER_MODES and "CRIME" not in PLOVER_MODES
    assert "aerial" not in PLOVER_MODES["ASSAULT"] and "seize" not in PLOVER_MODES["COERCE"]


def test_every_acled_sub_event_type_has_a_valid_plover_type_and_mode() -> None:
    assert set(PLOVER_OF) == set(EVENT_TYPE_OF) and len(PLOVER_OF) == 25
    for sub, (kind, mode) in PLOVER_OF.items():
        assert_valid(kind, mode)
        assert_valid(*plover(sub))
        assert (kind is None) == (sub == "Other")


@given(st.sampled_from(sorted(PLOVER_OF)), st.frozensets(st.sampled_from(CUE_WORDS), max_size=6))
def test_the_clause_words_never_give_a_mode_outside_the_types_table(sub: str, lemmas: frozenset[str]) -> None:
    assert_valid(*plover(sub, lemmas))


@pytest.mark.parametrize(("sub", "words", "expected"), [
    ("Air/drone strike", {"warplane", "jet"}, ("ASSAULT", "heavy-weapons")),
    ("Shelling/artillery/missile attack", set(), ("ASSAULT", "heavy-weapons")),
    ("Chemical weapon", {"chlorine"}, ("ASSAULT", "unconventional")),
    ("Suicide bomb", set(), ("ASSAULT", "suicide-attack")),
    ("Remote explosive/landmine/IED", set(), ("ASSAULT", "explosives")),
    ("Grenade", set(), ("ASSAULT", "explosives")),
    ("Sexual violence", set(), ("ASSAULT", "sexual")),
    ("Abduction/forced disappearance", set(), ("ASSAULT", "abduct")),
    ("Arrests", set(), ("COERCE", "arrest")),
    ("Government regains territory", set(), ("COERCE", "confiscate")),
    ("Non-state actor overtakes territory", {"town"}, ("COERCE", "confiscate")),
    ("Violent demonstration", set(), ("PROTEST", "riot")),
    ("Mob violence", set(), ("PROTEST", "riot")),
    ("Agreement", set(), ("AGREE", None)),
    ("Headquarters or base established", set(), ("MOBILIZE", "militia")),
    ("Disrupted weapons use", {"cache"}, ("COERCE", "confiscate")),
    ("Other", set(), (None, None)),
    ("Not an ACLED type", set(), (None, None)),
])
def test_fixed_mappings(sub: str, words: set[str], expected: tuple[str | None, str | None]) -> None:
    assert plover(sub, frozenset(words)) == expected


@pytest.mark.parametrize(("sub", "words", "expected"), [
    ("Attack", {"gunman", "shoot"}, "firearms"),
    ("Attack", {"machete"}, "primitive"),
    ("Attack", {"set", "fire", "house"}, "primitive"),
    ("Attack", {"gunman", "assassinate", "mayor"}, "assassinate"),
    ("Attack", {"villager", "beat"}, "beat"),
    ("Attack", {"massacre", "village"}, "massacre"),
    ("Armed clash", {"artillery", "gunfire"}, "heavy-weapons"),
    ("Armed clash", {"troop", "beat", "back", "attack"}, None),
    ("Armed clash", set(), None),
    ("Excessive force against protesters", {"police", "fire", "live", "bullet"}, "firearms"),
])
def test_generic_violence_takes_its_mode_from_the_clause(sub: str, words: set[str], expected: str | None) -> None:
    assert plover(sub, frozenset(words)) == ("ASSAULT", expected)


@pytest.mark.parametrize(("sub", "words", "expected"), [
    ("Peaceful protest", {"march", "parliament"}, ("PROTEST", "demo")),
    ("Peaceful protest", {"hunger", "strike"}, ("PROTEST", "hunger")),
    ("Peaceful protest", {"general", "strike"}, ("PROTEST", "general")),
    ("Peaceful protest", {"worker", "strike"}, ("PROTEST", "strike")),
    ("Protest with intervention", {"disperse", "tear"}, ("PROTEST", "demo")),
    ("Looting/property destruction", {"loot", "shop"}, ("COERCE", "confiscate")),
    ("Looting/property destruction", {"burn", "house"}, ("ASSAULT", "destroy")),
    ("Non-violent transfer of territory", {"rebel", "enter", "town"}, ("COERCE", "confiscate")),
    ("Non-violent transfer of territory", {"troop", "withdraw", "town"}, ("RETREAT", "withdraw")),
    ("Change to group/activity", {"deploy", "troop"}, ("MOBILIZE", "troops")),
    ("Change to group/activity", {"police", "deploy"}, ("MOBILIZE", "police")),
    ("Change to group/activity", {"merge"}, ("MOBILIZE", None)),
])
def test_the_clause_refines_protests_property_territory_and_mobilisation(
        sub: str, words: set[str], expected: tuple[str | None, str | None]) -> None:
    assert plover(sub, frozenset(words)) == expected
