"""events.decide: one numbered cascade decides a mention's sub-type, and says which step decided it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from eventscope import nlp, vocabulary
from eventscope.actors import STATE
from eventscope.events import lexicon as lx
from eventscope.events.arguments import find_arguments
from eventscope.events.classify import EventTyper, typed
from eventscope.events.clause import clause_lemmas
from eventscope.events.decide import MODEL_SURE, Clause, Decision, admit, admitted, decide, steps
from eventscope.events.detect import find_triggers
from eventscope.events.plover import PLOVER_MODES, plover
from eventscope.events.rules import Cues

TYPER = EventTyper.packaged()
CATEGORIES = Path(__file__).resolve().parents[1] / "src" / "eventscope" / "data" / "acled_event_categories.csv"


def decisions(text: str) -> list[Decision | None]:
    doc = nlp.parse(text)
    out = []
    for sent in doc.sents:
        for trigger in find_triggers(sent):
            lemmas = clause_lemmas(trigger.token, sent)
            clause = Clause(trigger.token, trigger.frame, sent, lemmas, find_arguments(trigger.token, []))
            out.append(decide(clause, TYPER))
    return out


def test_the_cascade_runs_in_its_documented_order() -> None:
    assert steps() == ("frame", "refine", "propose", "admit", "brawl", "named weapon", "lethal force",
                       "crowd violence", "ground assault")


def test_a_brawl_of_unarmed_groups_is_decided_by_the_brawl_overrule() -> None:
    (decision,) = [d for d in decisions("Supporters of two rival families clashed in the village.") if d]
    assert (decision.typing.sub_event_type, decision.step) == ("Mob violence", "brawl")


def test_stones_thrown_at_a_protest_make_it_a_riot_by_the_crowd_violence_overrule() -> None:
    text = "Farmers protested in the capital over fuel prices, hurling rocks at the riot police."
    found = [d for d in decisions(text) if d]
    assert ("Violent demonstration", "crowd violence") in [(d.typing.sub_event_type, d.step) for d in found]


def test_a_flood_that_killed_is_no_event_whatever_the_model_says() -> None:
    assert [d for d in decisions("Floods killed 40 people in the province on Sunday.") if d] == []


def test_a_named_weapon_fixes_the_type_through_the_rules() -> None:
    found = [d for d in decisions("A grenade exploded in the market, killing three traders.") if d]
    assert found and all(d.typing.sub_event_type == "Grenade" for d in found)


def test_every_decision_carries_the_fields_its_sub_type_derives() -> None:
    texts = ("Gunmen shot dead a village chief.", "Troops recaptured the town after heavy fighting.",
             "Police arrested twelve activists at the rally.", "Jets bombed the fuel depot.")
    for text in texts:
        for d in decisions(text):
            if d is None:
                continue
            assert d.typing.event_type == vocabulary.EVENT_TYPE_OF[d.typing.sub_event_type]
            assert d.typing.plover_type == plover(d.typing.sub_event_type)[0]


def test_the_vocabulary_is_acleds_25_sub_types_under_their_6_types() -> None:
    with CATEGORIES.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    acled = {r["sub_event_type"]: r["event_type"] for r in rows}
    assert acled == dict(vocabulary.EVENT_TYPE_OF)
    assert len(vocabulary.TABLE) == 25 and len(vocabulary.EVENT_TYPES) == 6


def test_every_plover_mode_of_the_vocabulary_is_one_the_plover_codebook_allows() -> None:
    for row in vocabulary.TABLE:
        if row.plover_type is not None and row.plover_mode is not None:
            assert row.plover_mode in PLOVER_MODES[row.plover_type], row.name


def test_a_misspelt_sub_type_is_refused_when_the_set_is_built() -> None:
    with pytest.raises(ValueError, match="not ACLED sub-event types"):
        vocabulary.kinds("Armed clash", "Armed Clash")  # type: ignore[arg-type]


def types_of(text: str) -> list[tuple[str, str]]:
    return [(d.typing.sub_event_type, d.step) for d in decisions(text) if d]


def test_a_named_train_taken_over_is_a_hijacking() -> None:
    (sub, _), = types_of("Bandits seized the Kestrel Express outside the capital on Friday.")
    assert sub == "Abduction/forced disappearance"


def test_storming_it_after_the_sentence_names_a_train_is_a_hijacking_and_after_a_school_an_attack() -> None:
    train = types_of("The gunmen stopped a passenger train on a bridge and seized it before dawn.")
    assert [sub for sub, _ in train] == ["Abduction/forced disappearance"]
    school = types_of("The gunmen then went to a school, where they stormed it, killing two teachers.")
    assert [sub for sub, _ in school] == ["Attack"]


def test_an_attack_taking_hostages_is_an_abduction() -> None:
    (sub, _), = types_of("Gunmen attacked a passenger bus on Tuesday, taking many hostages.")
    assert sub == "Abduction/forced disappearance"


def test_a_rifle_and_bomb_assault_had_its_attackers_at_the_scene_and_a_roadside_bomb_did_not() -> None:
    assert types_of("The convoy came under a rifle and bomb assault on Friday.") == [("Attack", "ground assault")]
    (sub, _), = types_of("A roadside bomb struck the bus on Tuesday.")
    assert sub == "Remote explosive/landmine/IED"


def test_a_type_its_frame_does_not_admit_stands_only_when_the_model_is_sure_of_it() -> None:
    cues = Cues(lx.TAKE, frozenset({"enter", "village", "shoot", "kill", "herder"}), STATE)
    assert "Attack" not in admitted(cues)
    sure = admit(typed("Attack", MODEL_SURE, cues.lemmas), cues)
    unsure = admit(typed("Attack", MODEL_SURE - 0.2, cues.lemmas), cues)
    assert sure is not None and (sure.typing.sub_event_type, sure.step) == ("Attack", "model")
    assert unsure is not None and unsure.step == "rules" and unsure.typing.sub_event_type in admitted(cues)
