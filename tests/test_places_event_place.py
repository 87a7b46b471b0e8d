"""Where an event happened: the article's main place, codes and newspaper names."""

from __future__ import annotations

from conftest import run_text
from eventscope.places import main_place
from eventscope.records import PlaceMention


def _place(start: int, text: str, geonameid: int, code: str = "PPL") -> PlaceMention:
    return PlaceMention(start, start + len(text), text, name=text, geonameid=geonameid, latitude=1.0, longitude=1.0,
                        country="USA", admin1="Ohio", feature_code=code, precision=1)


def test_a_place_that_names_a_newspaper_is_not_the_articles_main_place() -> None:
    text = "Dayton man shot. The Springfield News-Sun and the Springfield Herald reported it first."
    places = (_place(0, "Dayton", 1), _place(text.index("Springfield"), "Springfield", 2),
              _place(text.index("Springfield Herald"), "Springfield", 2))
    main = main_place(places, text)
    assert main is not None and main.name == "Dayton"
    assert main_place(places) is not None and main_place(places).name == "Springfield"  # type: ignore[union-attr]


def test_a_town_naming_the_shooting_is_its_place() -> None:
    text = "The Springfield shooting left two people dead on Tuesday. Officers from Dayton and Dayton deputies helped."
    assert {e.location for e in run_text(text).events} == {"Springfield"}


def test_a_short_code_in_capitals_is_no_foreign_town_without_the_articles_support() -> None:
    analysis = run_text("Leaders of CAIR condemned the shooting in Dallas, Texas, where a gunman killed two people.")
    codes = [p for p in analysis.places if p.text == "CAIR"]
    assert all(p.geonameid is None for p in codes)
    assert {e.country for e in analysis.events} == {"USA"}


def test_a_town_too_small_for_the_text_matcher_is_read_right_after_in() -> None:
    result = run_text("On 5 April 2022, employees of the children's centre demonstrated in Amilly.")
    assert [(p.text, p.country) for p in result.places] == [("Amilly", "FRA")]
    assert [e.location for e in result.events] == ["Amilly"]


def test_a_countrys_possessive_on_a_force_names_its_owner_not_the_events_place() -> None:
    (event,) = run_text("A drone killed a senior commander of Chad's presidential guard on Tuesday.").events
    assert event.country != "TCD"


def test_a_countrys_possessive_on_a_region_is_a_place() -> None:
    (event,) = run_text("Gunmen killed nine villagers in Nigeria's northeast on Tuesday.").events
    assert event.country == "NGA"


def test_a_region_named_with_its_designator_and_country_is_that_region_not_the_country() -> None:
    (event,) = run_text("Rebels attacked a police post in Uruzgan Province, Afghanistan on Monday.").events
    assert event.admin1 is not None and event.location != "Afghanistan" and event.country == "AFG"


def test_a_region_named_before_its_country_is_the_place_not_the_country() -> None:
    (event,) = run_text("Militants stormed a joint Kenya-Somalia police camp in Kilifi County, Kenya on Monday.").events
    assert event.location == "Kilifi" and event.country == "KEN"


def test_an_old_alias_of_a_town_on_another_continent_is_no_place_in_the_story() -> None:
    analysis = run_text("Gunmen attacked Garissa and Wajir on Monday, and raided villages near Isiolo and Garissa, "
                        "Kenyan police said. Residents of Lutetia fled toward Garissa.")
    assert [p.country for p in analysis.places if p.text == "Lutetia"] in ([], [None])


def test_a_country_that_acts_is_its_government_not_the_place_it_acted_in() -> None:
    events = run_text("Chad launched an offensive with warplanes into Niger on Wednesday.").events
    assert events and {e.country for e in events} == {"NER"}


def test_where_an_act_is_told_is_not_where_it_was_done() -> None:
    events = run_text("Gunmen stormed a police post in Sialkot on Monday. Speaking on television in Gujranwala, "
                      "the group's spokesman said it had carried out the attack.").events
    assert events and all(e.location != "Gujranwala" for e in events)


def test_a_country_that_suffered_an_attack_is_still_its_place() -> None:
    events = run_text("Niger suffered its deadliest attack in years on Monday when gunmen killed 40 villagers.").events
    assert events and {e.country for e in events} == {"NER"}


def test_a_nationality_on_a_kind_of_place_names_where_it_happened() -> None:
    (event,) = run_text("Rebels shelled Congolese villages near the border on Monday, killing four people.").events
    assert event.country == "COD"


def test_a_nationality_on_an_installation_names_its_owner_not_the_place() -> None:
    (event,) = run_text("Drones struck a Russian airbase on Sunday, the ministry said.").events
    assert event.country != "RUS"


def test_a_country_that_is_the_agent_of_a_passive_verb_is_the_doer_not_the_place() -> None:
    (event,) = run_text("A bomb hit a convoy guarding a mine operated by China on Monday, killing four guards.").events
    assert event.country != "CHN"


def test_a_town_a_verb_of_taking_ground_took_is_a_place_whatever_the_tagger_calls_it() -> None:
    events = run_text("Government troops entered Tall Kalakh on Monday after rebels withdrew, state media said.").events
    assert events and events[0].location == "Tallkalakh"
