"""The document stage: what happened, where a detail happened, and one event per act (document.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from spacy.tokens import Doc

from conftest import events_of, run_text
from eventscope.assemble import Located
from eventscope.document import _known_weapon, corefer
from eventscope.events.clause import told_as_known
from eventscope.nlp import load, parse
from eventscope.records import EventMention, PlaceMention, Span
from eventscope.vocabulary import EVENT_TYPE_OF


def test_a_bombing_the_gunfire_after_it_and_its_claim_are_one_event() -> None:
    events = events_of("A suicide bomber blew himself up at an army checkpoint in Burao on Tuesday, killing four "
                       "soldiers. Gunmen then opened fire on the troops at the checkpoint on Tuesday, a witness said. "
                       "Al-Shabaab claimed responsibility for the attack on Tuesday.")
    assert [(e.sub_event_type, e.location, e.fatalities, len(e.evidence)) for e in events] == [
        ("Suicide bomb", "Burao", 4, 3)]
    assert events[0].actor1 == "Al Shabaab"


def test_the_details_of_one_attack_told_over_several_sentences_are_one_event() -> None:
    events = events_of("Gunmen stormed a police station in Burao on Tuesday, killing four officers. "
                       "The attackers opened fire on the guards at dawn on Tuesday, a witness said. "
                       "Four officers were killed on Tuesday and two others were wounded, police said.")
    violent = [e for e in events if e.event_type != "Strategic developments"]
    assert len(violent) == 1
    assert violent[0].location == "Burao" and len(violent[0].evidence) >= 2
    assert violent[0].fatalities == 4


def test_a_detail_placed_only_at_its_country_takes_the_town_of_the_event_it_continues() -> None:
    events = events_of("A car bomb exploded at a market in Sialkot on Monday, killing six people. "
                       "Separately on Monday, police in Pakistan arrested two men in connection with the blast.")
    arrests = [e for e in events if e.sub_event_type == "Arrests"]
    assert arrests and arrests[0].location == "Sialkot"


def test_a_count_of_attacks_over_months_is_not_an_event() -> None:
    assert events_of("Militants have carried out several deadly attacks in the north since last August.") == ()
    assert events_of("Aid workers recorded 300 cases of rape in the region last year.") == ()


def test_a_state_told_in_the_present_progressive_is_not_an_event() -> None:
    events = events_of("Rebels seized the town of Kindu on Monday. "
                       "The fighting is happening right at the doorsteps of families across the province.")
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]


def test_an_act_that_nobody_suffered_adds_no_event() -> None:
    events = events_of("Gunmen attacked a bus near Garissa on Friday, killing three passengers. "
                       "No soldiers were killed, the army said.")
    assert len(events) == 1 and events[0].fatalities == 3


def test_places_changing_hands_told_one_by_one_stay_separate_events() -> None:
    events = events_of("Government forces have entered the Al-Jadida district of Deir ez-Zor, a monitor said. "
                       "The army also took control of the Tabqa airport, officials said.")
    gains = [e for e in events if e.sub_event_type == "Government regains territory"]
    assert len(gains) == 2


def test_a_years_toll_over_many_attacks_is_a_statistic_not_an_event() -> None:
    text = "In 2024, separatist groups killed nearly 400 people in over 500 attacks across the province."
    assert events_of(text) == ()


def test_seizing_a_passenger_train_is_a_hijacking_not_a_capture_of_territory() -> None:
    events = events_of("Gunmen seized a passenger train near Kassala on Tuesday and held its passengers hostage.")
    assert [e.sub_event_type for e in events][:1] == ["Abduction/forced disappearance"]


def test_a_bare_act_noun_naming_what_people_or_claims_are_of_is_not_an_event() -> None:
    text = "Doctors in the camp said on Monday they had treated 300 survivors of sexual violence this year."
    assert [e.sub_event_type for e in events_of(text)] == []


def test_victims_of_a_told_attack_still_belong_to_it() -> None:
    text = "Gunmen attacked a village on Monday, killing seven. The victims of the attack were buried on Tuesday."
    assert [e.sub_event_type for e in events_of(text)] == ["Attack"]


def test_a_wars_toll_and_a_fight_against_a_group_are_campaigns_not_events() -> None:
    for text in ("The accord ended a war that lasted four years and killed 50,000 people.",
                 "The conflict has killed thousands of people since 2015.",
                 "The fight against the insurgents has forced many families to flee their homes."):
        assert events_of(text) == (), text


def test_violence_dated_to_one_day_is_an_event() -> None:
    assert [e.sub_event_type for e in events_of("Violence killed 12 people in the town on Sunday.")] == ["Attack"]


def test_an_act_told_as_a_habit_is_not_an_event() -> None:
    events = events_of("The raids on the cattle camps began in 2003. Raiders usually shot the herders who resisted.")
    assert [e for e in events if e.event_type == "Violence against civilians"] == []


def test_an_act_told_in_the_simple_present_passive_is_a_rule_not_an_event() -> None:
    events = events_of("Gunmen killed two traders in Garissa on Monday. The agency counts every case where "
                       "a trader is killed by gunmen.")
    assert [(e.location, len(e.evidence)) for e in events] == [("Garissa", 1)]


def test_deaths_in_the_attack_told_later_are_that_attack() -> None:
    events = events_of("Gunmen attacked a hotel in Garissa on Monday. On Wednesday, the governor said three guests "
                       "were killed during the raid.")
    assert [(e.location, e.fatalities) for e in events] == [("Garissa", 3)]


def test_a_detail_placed_at_its_country_takes_the_region_of_the_event_it_continues() -> None:
    events = events_of("Militants stormed an army camp in Kilifi County, Kenya on Monday. "
                       "Two soldiers died in Kenya on Monday, the army said.")
    assert {e.location for e in events} == {"Kilifi"}


def test_nationals_killed_are_people_not_the_place_of_the_killing() -> None:
    events = events_of("Bandits raided a lodge in Garissa on Monday. Four Canadians were shot.")
    assert [(e.location, e.country) for e in events] == [("Garissa", "KEN")]


def test_a_tally_of_many_acts_in_one_number_is_a_statistic_not_an_event() -> None:
    events = events_of("The former governor was detained on Monday. An inquiry counted 2,400 abductions "
                       "in his province over two decades.")
    assert [e for e in events if e.sub_event_type == "Abduction/forced disappearance"] == []


def test_a_participle_of_a_lasting_state_is_not_an_event() -> None:
    events = events_of("Aid workers arrived in Kindu on Monday. The villages stay cut off, shelled, looted, "
                       "emptied.")
    assert events == ()


def test_an_indefinite_act_under_a_negated_verb_did_not_happen() -> None:
    events = events_of("Aid workers arrived in Kindu on Monday. The fear does not stop at the conclusion of a truce "
                       "or a peace accord, the aid chief said.")
    assert [e for e in events if e.sub_event_type == "Agreement"] == []


def test_a_bomb_told_at_another_time_is_another_act_not_the_weapon_of_the_ambush() -> None:
    events = events_of("In May, rebels raided a village near Sialkot and shot nine farmers. "
                       "Two weeks ago, a suicide bomber blew himself up at a checkpoint near Sialkot.")
    assert "Suicide bomb" in {e.sub_event_type for e in events} and len(events) == 2


def test_no_actor_is_on_both_sides_of_an_event() -> None:
    events = events_of("Earlier this month, a suicide bomber set off explosives beside a convoy in Sialkot.")
    assert events and all(e.actor1 != e.actor2 for e in events)


def test_a_toll_over_years_is_a_statistic_not_one_event() -> None:
    events = events_of("Gunmen killed four guards at a depot in Sialkot on Monday. In the past two years, 900 "
                       "fighters have been killed in the province, the army said.")
    assert [(e.location, e.fatalities) for e in events] == [("Sialkot", 4)]



@pytest.mark.parametrize(("text", "word", "known"), [
    ("Police said the shooting in Garissa began at noon.", "shooting", True),  # placed, not described
    ("Police said the attack on a convoy began at noon.", "attack", False),  # its own words describe it
    ("A commander said his unit had staged the attack using eight drones.", "attack", True),  # how it was done
    ("Officers said the raid with helicopters lasted an hour.", "raid", True),
    ("Officers said the fighting with soldiers lasted an hour.", "fighting", False),  # with whom: which act
])
def test_a_known_act_placed_by_its_own_words_is_still_told_as_known(text: str, word: str, known: bool) -> None:
    token = next(t for t in parse(text) if t.lower_ == word)
    assert told_as_known(token) is known


def test_a_background_paragraphs_date_is_not_the_narrative_of_the_next_paragraph() -> None:
    events = events_of("Gunmen attacked a village near Kilifi on Monday, killing four people.\n\n"
                       "Markets in the county were allowed to reopen in March after the floods.\n\n"
                       "The attackers burned houses and shot livestock.")
    assert events and {(e.date_start, e.date_end) for e in events} == {(date(2017, 2, 27), date(2017, 2, 27))}


def test_an_act_with_no_place_of_its_own_is_in_the_country_the_article_names_most_even_as_an_owner() -> None:
    events = events_of("The Kenyan army said its troops clashed with militants on Monday. Kenyan officials said "
                       "the Kenyan government had ordered the operation. Kenya's defence ministry said two soldiers "
                       "died. Observers in Ethiopia said the fighting could spread to Kenya.")
    assert [(e.sub_event_type, e.country) for e in events] == [("Armed clash", "KEN")]


def test_the_crime_a_suspect_is_charged_with_is_a_charge_not_another_act() -> None:
    events = events_of("A gunman killed three people at a bar in Kilifi on Saturday. "
                       "On Monday, prosecutors charged the gunman with murder.")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Attack", 3)]


def test_a_definite_word_the_parser_hangs_on_a_compound_name_still_makes_the_act_known() -> None:
    # 'The Port Kilifi shooting began': the parser often attaches 'The' to the last word of the name
    doc = Doc(load().vocab, words=["The", "Port", "Kilifi", "shooting", "began"], heads=[2, 2, 3, 4, 4],
              deps=["det", "compound", "compound", "nsubj", "ROOT"], pos=["DET", "PROPN", "PROPN", "NOUN", "VERB"])
    assert told_as_known(doc[3])


@pytest.mark.parametrize("text", [
    "Aid agencies met in Nairobi on Thursday. They said displaced girls in Wajir live with the fear of hunger, "
    "disease and rape.",  # the kinds of act a fear is of, listed
    "Aid agencies met in Nairobi on Thursday. Girls in the camps near Wajir were raped, usually by guards, "
    "the agency said.",  # a habit, its adverb hung on 'by'
])
def test_a_listed_kind_of_act_and_a_habit_told_with_its_agent_are_not_events(text: str) -> None:
    assert [e.sub_event_type for e in events_of(text) if e.event_type != "Strategic developments"] == []


def test_an_act_in_a_participle_clause_takes_the_time_of_the_clause_it_hangs_on() -> None:
    friday = datetime(2024, 5, 10, tzinfo=UTC)
    events = events_of("Officials met in Kinshasa on Friday. After the talks collapsed on Wednesday, the militia "
                       "launched rockets targeting an army post near Kindu.", published=friday)
    assert [(e.date_start, e.date_end) for e in events] == [(date(2024, 5, 8), date(2024, 5, 8))]


def test_a_line_break_in_a_text_with_blank_lines_between_paragraphs_is_not_a_paragraph() -> None:
    # hard-wrapped: the narrative's Monday carries over the line break, not over the blank line
    events = events_of("The governor met elders in Kenema on Monday.\nThe rebels burned houses and shot livestock.\n\n"
                       "The army said it would send troops.")
    assert events and {e.date_start for e in events} == {date(2017, 2, 27)}


def test_an_act_told_as_earlier_with_no_date_of_its_own_is_background_not_an_event() -> None:
    assert events_of("The mayor visited a clinic in Kenema on Sunday. Nurses there treated a student who was shot "
                     "by police in an earlier protest.") == ()


def test_the_rally_an_office_holder_spoke_at_is_the_march_told_before_not_one_in_the_office_region() -> None:
    events = events_of("Hundreds of nurses marched in Kericho on Saturday over unpaid wages. The rally was also "
                       "addressed by the Governor of Bomet County.")
    assert [(e.sub_event_type, e.location, len(e.evidence)) for e in events] == [("Peaceful protest", "Kericho", 2)]


def _located(start: int, sub: str, place: PlaceMention | None, day: int, untriggered: bool = False,
             named: str = "") -> Located:
    flags = {"untriggered": True} if untriggered else {}
    mention = EventMention(sentence=Span(start, start + 40), trigger=Span(start, start + 5),
                           event_type=EVENT_TYPE_OF[sub], sub_event_type=sub, **flags)
    when = date(2024, 5, day)
    return Located(mention, when, when, 1, "text", place, named=named)


def _town(geonameid: int, latitude: float, longitude: float, precision: int = 1) -> PlaceMention:
    return PlaceMention(0, 5, "Town", name="Town", geonameid=geonameid, latitude=latitude, longitude=longitude,
                        country="KEN", feature_code="PPL", precision=precision)


def test_a_sentence_with_no_act_word_of_its_own_details_the_story_told_before_it() -> None:
    attack = _located(0, "Attack", _town(1, -0.37, 35.28), 4, named="Kericho")
    detail = _located(100, "Attack", _town(2, 0.28, 34.75), 6, untriggered=True, named="Kakumbi")
    assert [len(group) for group in corefer([attack, detail])] == [2]
    worded = _located(100, "Attack", _town(2, 0.28, 34.75), 6, named="Kakumbi")
    assert [len(group) for group in corefer([attack, worded])] == [1, 1]


def test_two_sites_of_one_town_on_one_day_are_one_protest_but_two_towns_are_two() -> None:
    square = _located(0, "Peaceful protest", _town(1, -0.370, 35.280, precision=2), 4, named="Freedom Square")
    city = _located(100, "Peaceful protest", _town(2, -0.368, 35.286), 4, named="Kericho")
    other = _located(200, "Peaceful protest", _town(3, -0.78, 35.34), 4, named="Sotik")
    assert [len(group) for group in corefer([square, city, other])] == [2, 1]


@pytest.mark.parametrize(("text", "verb", "known"), [
    ("The parcel bomb was spotted by a guard and later defused by army engineers.", "defused", True),
    ("The grenade went off near the gate.", "went", True),
    ("A second bomb was defused by the army.", "defused", False),
    ("The second bomb was defused by the army.", "defused", False),
    ("A bomb was defused by the army.", "defused", False),
])
def test_a_definite_weapon_is_the_weapon_told_before_and_its_act_is_told_again(text: str, verb: str,
                                                                                known: bool) -> None:
    doc = parse(text)
    assert _known_weapon(next(t for t in doc if t.text == verb)) is known


def test_a_definite_act_of_two_words_told_in_an_opinion_is_the_act_told_before() -> None:
    events = events_of("An air strike hit a convoy near Kohat on Monday, killing four people. On Wednesday, "
                       "the prime minister defended the air strike in a speech to parliament.")
    assert [(e.sub_event_type, e.fatalities, len(e.evidence)) for e in events] == [("Air/drone strike", 4, 2)]


@pytest.mark.parametrize("after", [
    "Prosecutors on Monday filed a single charge against him — murder.",
    "On Monday the county coroner classed all six deaths as murder.",
])
def test_a_crime_named_after_a_dash_and_a_kind_of_act_after_as_are_no_more_events(after: str) -> None:
    events = events_of("A gunman killed six people at a market in Kilifi on Saturday. " + after)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Attack", 6)]


def test_an_act_told_as_days_later_is_another_act_on_the_days_the_narrative_shares() -> None:
    events = run_text("In April, gunmen raided a police post near Kindu, killing seven officers. A week later, a "
                      "roadside bomb killed four traders near the town.", datetime(2024, 5, 8, 8, 0, tzinfo=UTC)).events
    assert [(e.sub_event_type, e.fatalities) for e in events] == [
        ("Armed clash", 7), ("Remote explosive/landmine/IED", 4)]


@pytest.mark.parametrize("detail", [
    "The raid also resulted in the destruction of two fuel depots belonging to the group.",
    "Besides the deaths, the army's offensive caused the destruction of several rebel trucks.",
])
def test_what_a_known_act_led_to_is_a_detail_of_it_not_an_act_of_its_own(detail: str) -> None:
    events = events_of("Soldiers raided a militant camp near Garissa on Monday, killing 12 fighters. " + detail)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Armed clash", 12)]


def test_an_act_told_by_a_definite_noun_before_the_story_tells_it_is_that_act_dated_by_its_own_sentence() -> None:
    events = run_text("Officials said on Friday that 31 travellers were killed in the attack. Gunmen seized a bus "
                      "near Kohat on Tuesday, taking dozens of travellers hostage.",
                      datetime(2024, 5, 10, 8, 0, tzinfo=UTC)).events
    assert [(e.sub_event_type, e.date_start, e.fatalities, len(e.evidence)) for e in events] == [
        ("Abduction/forced disappearance", date(2024, 5, 7), 31, 2)]


def test_an_act_does_not_take_the_place_of_background_told_as_earlier() -> None:
    events = run_text("Gunmen stopped a bus in northeastern Kenya on Tuesday and abducted six passengers. Earlier "
                      "this week, a car bomb exploded outside a police station in Garissa, killing nine officers.",
                      datetime(2024, 5, 9, 8, 0, tzinfo=UTC)).events
    hijacking = next(e for e in events if e.sub_event_type == "Abduction/forced disappearance")
    assert hijacking.location != "Garissa" and hijacking.country == "KEN"


def test_a_definite_mine_raided_months_later_is_a_site_not_the_weapon_of_the_act_told_before() -> None:
    events = events_of("Bandits attacked a gold mine near Lodwar in January, killing four guards. On Friday, gunmen "
                       "raided the mine and shot dead two workers.")
    assert [(e.date_start, len(e.evidence)) for e in events][:1] == [(date(2017, 1, 1), 1)]


def test_a_definite_clash_told_with_its_adversary_is_a_new_clash_not_the_one_told_before() -> None:
    events = events_of("Al-Shabaab fighters attacked an army camp in Mandera in January, killing five soldiers. On "
                       "Friday, the fighting with soldiers in Mandera killed nine people.")
    assert [(e.date_start, e.fatalities) for e in events] == [(date(2017, 1, 1), 5), (date(2017, 2, 24), 9)]
