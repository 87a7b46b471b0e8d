"""find_actors: aliases, nationality forms, coreference and generic actors in text."""

import pytest

from eventscope.actors import ActorDictionary, find_actors
from eventscope.records import ActorMention, Article


@pytest.fixture(scope="module")
def d() -> ActorDictionary:
    return ActorDictionary.default()


def found(text: str, d: ActorDictionary, country: str | None = None) -> list[tuple[str, str, str]]:
    mentions: tuple[ActorMention, ...] = find_actors(None, Article("t", text), d, country=country)
    return [(m.text, m.actor.name, m.via) for m in mentions]


def test_daesh_then_the_group_is_islamic_state(d: ActorDictionary) -> None:
    got = found("Daesh seized the town in December. The group then executed 12 people.", d)
    assert ("Daesh", "Islamic State", "alias") in got
    assert ("The group", "Islamic State", "coreference") in got


def test_the_regime_and_syrian_troops_are_syrian_military(d: ActorDictionary) -> None:
    got = found("Syrian troops entered Palmyra. The regime said it had killed dozens of ISIS fighters.", d)
    assert ("Syrian troops", "Military Forces of Syria", "nationality") in got
    assert ("The regime", "Military Forces of Syria", "coreference") in got
    assert ("ISIS fighters", "Islamic State", "alias") in got


def test_longest_match_wins(d: ActorDictionary) -> None:
    got = found("Islamic State militants attacked.", d)
    assert got == [("Islamic State militants", "Islamic State", "alias")]


def test_short_acronyms_are_case_sensitive(d: ActorDictionary) -> None:
    assert found("this is what it is", d) == []
    assert found("IS claimed the attack.", d)[0][1] == "Islamic State"


def test_nationality_forms(d: ActorDictionary) -> None:
    assert found("Nigerian troops arrived.", d)[0][1] == "Military Forces of Nigeria"
    assert found("Kenyan police arrived.", d)[0][1] == "Police Forces of Kenya"
    assert found("Russian planes struck.", d)[0][1] == "Military Forces of Russia"
    assert found("Filipino soldiers patrolled.", d)[0][1] == "Military Forces of the Philippines"


def test_government_forces_follow_the_country_argument(d: ActorDictionary) -> None:
    got = found("Government forces shelled the village.", d, country="SYR")
    assert got == [("Government forces", "Military Forces of Syria", "coreference")]


def test_country_is_inferred_from_the_text(d: ActorDictionary) -> None:
    got = found("In Mali, soldiers were ambushed by militants near the border with Niger. Mali's army said.", d)
    assert ("soldiers", "Military Forces of Mali", "coreference") in got


def test_generic_actors_take_the_article_country(d: ActorDictionary) -> None:
    got = found("Protesters gathered in Tehran, Iran. Rioters burned tyres.", d)
    assert ("Protesters", "Protesters (Iran)", "generic") in got
    assert ("Rioters", "Rioters (Iran)", "generic") in got


def test_militants_without_antecedent_are_unidentified(d: ActorDictionary) -> None:
    got = found("Unknown gunmen killed two villagers in Nigeria.", d)
    assert ("Unknown gunmen", "Unidentified Armed Group (Nigeria)", "generic") in got
    assert ("villagers", "Civilians (Nigeria)", "generic") in got


def test_mentions_are_sorted_and_offsets_point_into_text(d: ActorDictionary) -> None:
    text = "Hezbollah and the IDF exchanged fire; UN peacekeepers (UNIFIL) watched, AFP reported."
    mentions = find_actors(None, Article("t", text), d)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert {m.actor.name for m in mentions} >= {"Hezbollah", "Military Forces of Israel", "AFP"}


def test_protest_participants_are_protesters(d: ActorDictionary) -> None:
    got = found("On 3 May, activists protested in Lyon against the reform.", d, country="FRA")
    assert ("activists", "Protesters (France)", "generic") in got


def test_violent_crowd_is_rioters(d: ActorDictionary) -> None:
    got = found("A mob lynched a suspected thief in Gulu.", d, country="UGA")
    assert any(name == "Rioters (Uganda)" for _, name, _ in got)


def test_unclaimed_bomb_implies_unidentified_armed_group(d: ActorDictionary) -> None:
    got = found("A roadside bomb killed a child in Kunar.", d, country="AFG")
    assert ("roadside bomb", "Unidentified Armed Group (Afghanistan)", "generic") in got
    assert found("Taliban fighters planted a bomb.", d, country="AFG")[0][1] == "Military Forces of Afghanistan"
    assert all(
        name != "Unidentified Armed Group (Afghanistan)"
        for _, name, _ in found("Taliban fighters planted a bomb.", d, country="AFG")
    )


def test_a_misspelt_long_name_is_still_found() -> None:
    text = "Rami Abdel Rahman, head of the Britain-based Syrian Obsevratory for Human Rights, told dpa."
    names = [m.actor.name for m in find_actors(None, Article("x", text))]
    assert "Syrian Observatory for Human Rights" in names


def test_short_names_are_not_matched_fuzzily() -> None:
    names = [m.actor.name for m in find_actors(None, Article("x", "The Islamic Stake fund met in London."))]
    assert "Islamic State" not in names
