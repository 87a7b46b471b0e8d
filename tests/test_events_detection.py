"""events: what happened is an event; plans, predictions, denials and failures are not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from conftest import events_of
from eventscope import nlp


@pytest.mark.parametrize(
    "text",
    [
        "The army is preparing to launch an offensive to retake the town of Tadmur.",
        "A military official said that recapturing Tadmur is a matter of time.",
        "The ministry denied that its jets bombed the market in Idlib.",
        "Rebels did not attack the convoy near Aleppo on Monday.",
        "Engineers are getting ready to start dismantling the mines left behind by the militants.",
        "The rebels threatened to attack Aleppo if the talks fail.",
    ],
)
def test_unrealised_acts_are_not_events(text: str) -> None:
    assert events_of(text) == ()


def test_territory_taken_by_a_non_state_group_is_typed_as_overtaking() -> None:
    (event,) = events_of("Islamic State fighters seized the town of Tadmur on Wednesday.")
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor1 == "Islamic State"
    assert str(event.date_start) == "2017-03-01"


def test_state_forces_recapturing_a_town_regain_territory() -> None:
    (event,) = events_of("In late March 2016, Syrian troops recaptured Tadmur from Daesh.")
    assert event.sub_event_type == "Government regains territory"
    assert event.actor1 == "Military Forces of Syria" and event.actor2 == "Islamic State"
    assert event.date_start is not None and event.date_end is not None
    assert (event.date_start.year, event.date_start.month, event.date_end.month) == (2016, 3, 3)


def test_each_clause_gets_its_own_event_and_date() -> None:
    events = events_of("In late March 2016, government forces in Syria recaptured Tadmur, "
                       "which Daesh had seized in May 2015.")
    by_type = {e.sub_event_type: e for e in events}
    assert str(by_type["Government regains territory"].date_start).startswith("2016-03")
    assert str(by_type["Non-state actor overtakes territory"].date_start).startswith("2015-05")


def test_fatalities_are_counted_from_the_text() -> None:
    events = events_of("Gunmen killed six civilians in an attack on a village near Maiduguri, Nigeria.")
    assert events and events[0].fatalities == 6
    assert events[0].event_type == "Violence against civilians"


def test_hedged_reports_are_events_marked_hedged() -> None:
    events = events_of("He added that reports are saying that Daesh militants have withdrawn from Tadmur.")
    assert events and all(e.hedged for e in events)


def test_the_source_and_the_agency_that_carried_it() -> None:
    text = ("Rami Abdel Rahman, head of the Syrian Observatory for Human Rights, told dpa that "
            "Syrian troops have taken control of Tadmur.")
    (event,) = events_of(text)
    assert event.source == "Syrian Observatory for Human Rights"
    assert event.source_via == ("dpa",)


def test_evidence_is_the_sentence_at_its_offsets() -> None:
    text = "Nothing happened here. Syrian jets bombed rebel positions in Idlib on Tuesday."
    (event,) = events_of(text)
    (evidence,) = event.evidence
    assert text[evidence.start:evidence.end] == evidence.text
    assert evidence.text.startswith("Syrian jets bombed")
    assert event.sub_event_type == "Air/drone strike"


def test_a_tally_sentence_adds_its_dead_to_the_event_before_it() -> None:
    (event,) = events_of("On 12 March 2022, unidentified gunmen attacked a village in Zamfara, Nigeria. 3 fatalities.")
    assert event.fatalities == 3


def test_a_shooting_death_in_a_noun_phrase_is_an_event() -> None:
    events = events_of("Authorities are investigating the shooting death of a police officer in Danville, Ohio.")
    assert len(events) == 1


def test_what_usually_happens_is_not_an_event() -> None:
    text = ("Army jets bombed a rebel depot near Homs on Tuesday. The air force reviews its target lists "
            "before airstrikes to limit harm to residents.")
    events = events_of(text)
    assert [e.evidence[0].text[:22] for e in events] == ["Army jets bombed a reb"]


def test_two_triggers_of_one_type_in_a_sentence_are_one_event() -> None:
    events = events_of("Navy planes carried out an air strike on the hill to hit insurgent gunners "
                       "near Kandahar on Tuesday.")
    assert len(events) == 1


def test_events_carry_their_plover_type_and_mode() -> None:
    (event,) = events_of("Syrian jets bombed rebel positions in Idlib on Tuesday.")
    assert (event.plover_type, event.plover_mode) == ("ASSAULT", "heavy-weapons")


def test_arrests_right_after_a_protest_make_it_a_protest_with_intervention() -> None:
    (event,) = events_of("On 3 May 2022, hundreds of students protested in Dhaka, Bangladesh against fuel prices. "
                         "Police detained 12 of them.")
    assert event.sub_event_type == "Protest with intervention"
    assert event.actor2 == "Police Forces of Bangladesh"


def test_acts_told_in_an_after_clause_happened_whatever_the_main_verb_intends() -> None:
    events = events_of("The governor promised an inquiry after four villagers were murdered near Kano.")
    assert events and events[0].modality == "asserted"


def test_a_protest_noun_after_a_preposition_keeps_the_verbs_words() -> None:
    (event,) = events_of("Three protesters died from gunfire during a demonstration in Kisumu, Kenya.")
    assert event.sub_event_type == "Excessive force against protesters"


def test_deaths_in_a_natural_disaster_are_no_event() -> None:
    assert events_of("A flood after days of heavy rain killed 40 people in the valley on Monday.") == ()


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        pytest.param("Troopers of the western division have captured three insurgent camps near Marawi this week.",
                     "Government regains territory",
                     id="an_unnamed_state_agent_still_tells_the_takers_side"),
        pytest.param("Tribal fighters regained control of two more districts near Sirte on Monday.",
                     "Non-state actor overtakes territory",
                     id="an_unnamed_non_state_agent_still_tells_the_takers_side"),
        pytest.param("Nine people were killed when an attacker detonated a suicide car bomb "
                     "outside a police station in Kandahar, Afghanistan.",
                     "Suicide bomb",
                     id="a_named_specific_weapon_outranks_the_models_generic_one"),
        pytest.param("The army moved more troops to the border after a night of shelling that killed "
                     "a farmer and wounded three near Kupiansk.",
                     "Shelling/artillery/missile attack",
                     id="a_sure_typing_comes_before_a_rule_only_guess_in_its_sentence"),
        pytest.param("Several arrests were made during a demonstration in Leeds on Saturday.",
                     "Protest with intervention",
                     id="arrests_told_beside_a_demonstration_are_its_intervention"),
        pytest.param("Gunmen attacked a market in Mogadishu, Somalia on Monday, wounding five traders. "
                     "A grenade exploded in the crowd.",
                     "Grenade",
                     id="a_weapon_named_in_the_next_sentence_types_the_attack_just_told"),
        pytest.param("Rebel fighters took control of the town of Burao without resistance after government "
                     "troops withdrew on Monday.",
                     "Non-violent transfer of territory",
                     id="territory_taken_without_resistance_is_a_non_violent_transfer"),
        pytest.param("Police fired tear gas to disperse protesters who threw stones at them in Nairobi, Kenya "
                     "on Monday.",
                     "Violent demonstration",
                     id="demonstrators_who_throw_stones_riot_even_when_the_police_intervene"),
        pytest.param("Villagers protested in Kaduna, Nigeria against the clashes between two armed groups.",
                     "Peaceful protest",
                     id="clashes_a_protest_is_about_do_not_make_it_violent"),
        pytest.param("Dozens of arrests were made at a protest in Leeds, England after stones were thrown at police.",
                     "Violent demonstration",
                     id="a_noun_counted_with_of_takes_the_words_of_its_verb"),
        pytest.param("Army engineers cleared hundreds of landmines near Kidal, Mali and destroyed them.",
                     "Disrupted weapons use",
                     id="a_verb_joined_by_and_reads_what_its_pronoun_stands_for"),
        pytest.param("Al Shabaab militants killed 12 soldiers in an attack near Burao, Somalia on Monday. "
                     "The killings took place when the militants attacked and took over the town of Bardale.",
                     "Non-state actor overtakes territory",
                     id="a_sentence_referring_back_to_a_battle_can_tell_that_it_took_territory"),
    ],
)
def test_the_news_of_a_text_is_typed_as_acled_codes_it(text: str, sub_event_type: str) -> None:
    events = events_of(text)
    assert events and events[0].sub_event_type == sub_event_type


def test_what_was_seized_tells_the_type() -> None:
    (arrest,) = events_of("Government soldiers captured a senior rebel commander near Burao on Friday.")
    assert arrest.sub_event_type == "Arrests"
    weapons = events_of("Police seized six rifles and ammunition during a raid on a house in Mombasa.")
    assert weapons[0].sub_event_type == "Disrupted weapons use"


def test_an_event_told_in_passing_follows_the_news() -> None:
    events = events_of("Army engineers defused a landmine near the bodies of two rebels killed in Kidal last week.")
    assert [e.sub_event_type for e in events][:1] == ["Disrupted weapons use"]


def test_armed_men_attacking_a_village_attack_civilians() -> None:
    (event,) = events_of("Gunmen attacked a village near Kaduna, Nigeria on Monday.")
    assert event.sub_event_type == "Attack"


def test_what_happened_before_an_after_clause_comes_second() -> None:
    events = events_of("Rebels have recaptured the village of Tall Hamra, days after it was seized by government "
                       "troops.")
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory", "Government regains territory"]


def test_a_hyphenated_cease_fire_is_an_agreement() -> None:
    events = events_of("The government and the rebels signed a cease-fire in Juba, South Sudan on Sunday.")
    assert [e.sub_event_type for e in events] == ["Agreement"]


def test_gunmen_storming_a_school_attack_it_and_take_no_territory() -> None:
    (event,) = events_of("Gunmen stormed a school in Kaduna, Nigeria on Monday.")
    assert event.sub_event_type == "Attack"


def test_a_passive_told_by_a_reporter_has_no_agent_from_the_reporter() -> None:
    (event,) = events_of("Jose Lopez was shot in the chest in Chicago, Illinois on Saturday, authorities said.")
    assert event.sub_event_type == "Attack"
    assert event.actor1 is not None and event.actor1.startswith("Unidentified Armed Group")


def test_a_group_claiming_to_have_acted_is_the_actor() -> None:
    events = events_of("On 23 April 2022, ISWAP claimed to have killed four villagers in Chetimari, Niger.")
    assert events and events[0].actor1 is not None and "Islamic State" in events[0].actor1


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("Dozens of foreign-owned shops were looted in Pretoria, South Africa on Monday night.",
         ["Looting/property destruction"]),
        ("A man robbed a bank in Baghdad on Monday morning.", []),
    ],
)
def test_pillage_is_an_event_whoever_did_it_and_a_robbery_is_crime(text: str, types: list[str]) -> None:
    assert [e.sub_event_type for e in events_of(text)] == types


def test_a_clash_told_again_by_its_other_side_is_one_event() -> None:
    events = events_of("On 1 March 2017, Syrian troops clashed with Islamic State fighters in Palmyra, Syria. "
                       "Islamic State fighters fought the Syrian troops for hours.")
    assert [e.sub_event_type for e in events] == ["Armed clash"]
    assert len(events[0].evidence) == 2


def test_a_follow_up_sentence_with_an_unknown_attacker_joins_the_attack_named_before() -> None:
    events = events_of("On 1 March 2017, police officers shot and killed a 12-year-old boy in Philadelphia, "
                       "Pennsylvania. The boy was shot in the back.")
    assert [e.sub_event_type for e in events] == ["Attack"]
    assert events[0].actor1 is not None and events[0].actor1.startswith("Police Forces")


def test_attacks_on_different_days_stay_apart() -> None:
    events = events_of("On 1 March 2017, gunmen attacked a village near Kaduna, Nigeria. "
                       "On 5 March 2017, gunmen attacked a market in Kaduna.")
    assert [e.sub_event_type for e in events] == ["Attack", "Attack"]


def test_a_foreign_country_a_demonstration_is_about_is_not_where_it_took_place() -> None:
    text = ("On 26 February 2022, hundreds of Ukrainians protested in Padua, Italy. "
            "The demonstrators marched against the war in Ukraine.")
    events = events_of(text, published=datetime(2022, 3, 5, tzinfo=UTC))
    assert [(e.sub_event_type, e.location) for e in events] == [("Peaceful protest", "Padua")]
    assert len(events[0].evidence) == 2


SUMMER_2022 = datetime(2022, 7, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        pytest.param("On 12 February 2022, an unknown number of people assembled in Heerlen, Netherlands to support "
                     "the health care sector.", "Peaceful protest", id="a_gathering_for_a_demand_is_a_protest"),
        pytest.param("On 3 May 2022, a group of Extinction Rebellion activists gathered by the city hall in Tampere, "
                     "demanding climate action.", "Peaceful protest",
                     id="a_gathering_demanding_something_is_a_protest"),
        pytest.param("On 8 March 2022, residents belonging to the Save Our Park campaign gathered in Leeds to protest "
                     "against the planned housing estate.", "Peaceful protest",
                     id="a_campaigns_members_gathering_happened"),
        pytest.param("On 6 April 2022, residents blocked an avenue in Salvador, Brazil to demand the installation of "
                     "a speed bump.", "Peaceful protest", id="a_blockade_for_a_demand_is_a_protest"),
        pytest.param("On 28 February 2022, unemployed graduates started an open sit-in in Zagora, Morocco.",
                     "Peaceful protest", id="a_sit_in_is_a_protest"),
        pytest.param("On 25 January 2022, around 30 retirees called by the COESPE platform protested in Murcia, "
                     "Spain over bank closures.", "Peaceful protest", id="a_protest_at_a_groups_call_happened"),
        pytest.param("On 12 June 2022, Levant Front fighters detained a civilian in Afrin city, Syria.",
                     "Abduction/forced disappearance", id="an_armed_group_detaining_someone_abducts_him"),
        pytest.param("On 23 April 2022, a former commando was arrested by police in Faiz Abad, Afghanistan and his "
                     "whereabouts remain unknown.", "Abduction/forced disappearance",
                     id="a_detainee_whose_whereabouts_are_unknown_has_disappeared"),
        pytest.param("On 12 June 2022, police detained a journalist in Kabul, Afghanistan.", "Arrests",
                     id="state_forces_detaining_someone_arrest_him"),
        pytest.param("On 26 March 2022, supporters of two parties clashed in Ramgati, Bangladesh, injuring 20 people.",
                     "Mob violence", id="groups_of_people_clashing_unarmed_are_a_mob"),
        pytest.param("On 24 May 2022, tribesmen of two clans clashed in Dhamar, Yemen, injuring 20 people.",
                     "Armed clash", id="tribes_clashing_are_communal_militias_in_battle"),
    ],
)
def test_acleds_coding_of_gatherings_detentions_and_brawls(text: str, sub_event_type: str) -> None:
    assert [e.sub_event_type for e in events_of(text, published=SUMMER_2022)][:1] == [sub_event_type]


def test_a_blockade_with_no_demand_is_no_protest() -> None:
    assert events_of("On 2 March 2022, a landslide blocked the road near Kisumu, Kenya.", published=SUMMER_2022) == ()
    assert events_of("On 2 March 2022, a landslide blocked the road near Kisumu, Kenya to the dismay of drivers.",
                     published=SUMMER_2022) == ()  # fmt: skip


def test_a_clause_on_the_subject_of_a_demand_happened_even_when_the_parser_hangs_it_there() -> None:
    from spacy.tokens import Doc

    from eventscope.events.modality import modality

    # the parse the model gives 'hundreds of youths protested in Owerri; the protesters demanded a ceasefire.'
    words = ["hundreds", "of", "youths", "protested", "in", "Owerri", ";", "the", "protesters", "demanded", "a",
             "ceasefire", "."]  # fmt: skip
    heads = [9, 0, 1, 0, 3, 4, 9, 8, 9, 9, 11, 9, 9]
    deps = ["dep", "prep", "pobj", "acl", "prep", "pobj", "punct", "det", "nsubj", "ROOT", "det", "dobj", "punct"]
    doc = Doc(nlp.load().vocab, words=words, heads=heads, deps=deps, sent_starts=[True] + [False] * 12)
    doc[9].lemma_ = "demand"
    assert modality(doc[3], doc[:]) == "asserted"
    planned = Doc(nlp.load().vocab, words=["rebels", "demanded", "to", "attack", "the", "base"],
                  heads=[1, 1, 3, 1, 5, 3], deps=["nsubj", "ROOT", "aux", "xcomp", "det", "dobj"],
                  sent_starts=[True] + [False] * 5)  # fmt: skip
    planned[1].lemma_ = "demand"
    assert modality(planned[3], planned[:]) == "planned"


@pytest.mark.parametrize(
    "text",
    [
        "He was sentenced to ten years in prison in 2015 for the killing of two guards.",
        "The man pleaded guilty to attempted murder and illegal possession of a firearm.",
        "The journalist was almost gunned down outside her home by a hired gunman.",
        "Prosecutors say the brothers hired two gunmen to kill the businessman.",
    ],
)
def test_acts_told_as_a_verdict_a_near_miss_or_a_commission_are_not_events(text: str) -> None:
    assert events_of(text) == ()


def test_a_crowd_control_weapon_fired_at_a_crowd_is_an_intervention_not_a_shooting() -> None:
    for text in ("Police responded by firing rubber bullets at the students.",
                 "Security forces fired tear gas and rubber bullets.", "Riot police fired water cannon at the crowd."):
        assert [e.sub_event_type for e in events_of(text)] == ["Protest with intervention"], text


def test_prisoners_who_exchanged_gunfire_fought_and_agreed_no_exchange() -> None:
    found = [e.sub_event_type for e in events_of("Several armed prisoners exchanged gunfire with the guards.")]
    assert found == ["Armed clash"]


def test_a_disaster_named_outside_the_clause_of_the_killing_is_nobodys_violence() -> None:
    assert events_of("A storm brought down a crane onto the market, killing 40 people.") == ()


@pytest.mark.parametrize(
    "text",
    [
        "In a statement released after the attack, the ministry defended its troops.",
        "Officials blamed the rebels for the bombing.",
        "The governor spoke out against the attack, calling it cowardly.",
        "Police are investigating the shooting.",
    ],
)
def test_a_known_act_that_dates_or_prompts_the_sentence_is_a_reference_not_a_new_event(text: str) -> None:
    assert events_of(text) == ()


def test_an_act_described_by_its_own_words_after_a_preposition_is_still_an_event() -> None:
    found = {e.sub_event_type for e in events_of("Hours after the attack on the market that killed 12 traders, "
                                                  "police arrested two men.")}
    assert "Attack" in found


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("According to data from the Armed Conflict Monitor, gunmen killed 12 villagers on Monday.",
         "the Armed Conflict Monitor"),
        ("A memo by the Interior Ministry said a bomb killed three soldiers on Monday.", "the Interior Ministry"),
        ("The Eastern Liberation Front, or ELF, said its fighters attacked an army post on Monday.",
         "The Eastern Liberation Front"),
        ("The Northern Alliance Forces (NAF) said gunmen killed two guards on Monday.",
         "The Northern Alliance Forces"),
        ("A lawyer, representing the families of the victims, said soldiers shot two farmers on Monday.",
         "A lawyer"),
        ("Some of the villagers who spoke to reporters said gunmen killed two farmers on Monday.",
         "Some of the villagers"),
    ],
)
def test_the_source_is_the_reporting_body_not_a_fragment_of_the_sentence(text: str, source: str) -> None:
    assert {e.source for e in events_of(text)} == {source}


def test_a_relative_clause_names_no_source() -> None:
    text = "Marchers carried portraits of a student whose eye was said to have been hurt by police at a protest."
    assert all(e.source is None for e in events_of(text))


def test_a_group_reporting_its_own_attack_is_a_claim_not_a_source() -> None:
    (event,) = events_of("Islamic State said its fighters attacked an army checkpoint on Monday.")
    assert event.actor1 == "Islamic State"
    assert (event.source, event.modality, event.hedged) == (None, "claimed", True)


def test_a_man_accused_of_a_shooting_reports_the_shooting() -> None:
    assert [e.sub_event_type for e in events_of("A man is accused of shooting a taxi driver on Saturday.")]


def test_entering_into_a_pact_is_not_a_capture_of_territory() -> None:
    events = events_of("The militia entered into a pact with a rival clan on Sunday, its leader said.")
    assert not [e for e in events if e.event_type == "Battles"]


def test_storming_a_restaurant_is_an_attack_not_a_capture_of_territory() -> None:
    events = events_of("Gunmen stormed a restaurant in Burao on Friday, killing two diners.")
    assert [e.event_type for e in events] == ["Violence against civilians"]


@pytest.mark.parametrize(("text", "types"), [
    ("A bomb found in a market in Kenema on Monday was made safe by army engineers without exploding.", []),
    ("Engineers deactivated a bomb found in a market in Kenema on Monday without detonating it.",
     ["Disrupted weapons use"]),  # the act under 'without' did not happen
])
def test_a_bomb_made_safe_without_exploding_is_no_explosion(text: str, types: list[str]) -> None:
    assert [e.sub_event_type for e in events_of(text)] == types


@pytest.mark.parametrize("text", [
    "Police placed the former president under house arrest at his home in Kenema on Monday.",
    "The country's former interior minister was arrested in Kenema on Monday, police said.",
])
def test_the_arrest_of_an_office_holder_is_a_political_arrest(text: str) -> None:
    assert [e.sub_event_type for e in events_of(text)] == ["Arrests"]


def test_a_deadly_bombing_is_an_explosion_though_the_model_has_seen_the_word_mostly_in_statements() -> None:
    events = events_of("Twin bombings struck a cathedral in Kenema on Sunday, killing at least 20 worshippers.")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Remote explosive/landmine/IED", 20)]
