import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.merge import Mention, MergedEvent, Merger, article_people, compatible, person_names, reconcile
from eventscope.merge.people import normal_name
from eventscope.records import Event, Evidence


def event(article: str, day: date = date(2015, 12, 2), lat: float = 34.1, lon: float = -117.3, **kw: object) -> Event:
    base = Event(
        event_id=f"{article}:0", event_type="Violence against civilians", sub_event_type="Attack",
        actor1="Unidentified armed group", actor2="Civilians", assoc_actors=(), date_start=day, date_end=day,
        time_precision=1, location="San Bernardino", admin1="California", country="USA", latitude=lat,
        longitude=lon, geo_precision=1, source=None, article_ids=(article,),
        evidence=(Evidence(article, 0, 10, f"Shooting reported by {article}."),),
    )  # fmt: skip
    return replace(base, **kw)  # type: ignore[arg-type]


def mention(article: str, names: tuple[str, ...] = ("farook", "syed"), **kw: object) -> Mention:
    return Mention(f"m-{article}", f"{article}#1", event(article, **kw), f"{article}.example", names)  # type: ignore[arg-type]


def test_reports_naming_the_same_person_on_the_same_day_and_place_merge() -> None:
    assert compatible(mention("a", names=("farook", "syed")), mention("b", names=("farook", "malik", "syed")))
    assert not compatible(mention("a", names=("john", "smith")), mention("b", names=("john", "doe")))


def test_reports_naming_different_people_do_not_merge() -> None:
    assert not compatible(mention("a", names=("jones",)), mention("b", names=("rogers",)))


def test_two_mentions_of_one_article_never_merge_directly() -> None:
    assert not compatible(mention("a"), replace(mention("a"), mention_id="m-a2"))


def test_distant_places_and_distant_days_do_not_merge() -> None:
    assert not compatible(mention("a"), mention("b", lat=35.0, location="Victorville"))
    assert not compatible(mention("a"), mention("b", day=date(2015, 12, 5)))
    assert compatible(mention("a"), mention("b", day=date(2015, 12, 3)))  # dateline vs. "Wednesday"


def test_unnamed_reports_of_different_event_types_do_not_merge() -> None:
    isis = {"actor1": "Islamic State", "names": ()}
    assert not compatible(mention("a", **isis), mention("b", event_type="Protests", **isis))


def test_unnamed_reports_merge_only_with_a_specific_actor_on_an_exact_shared_day() -> None:
    assert not compatible(mention("a", names=()), mention("b", names=()))  # "gunmen" twice is not enough
    isis = {"actor1": "Islamic State", "names": ()}
    assert compatible(mention("a", **isis), mention("b", **isis))
    month = {"date_start": date(2015, 12, 1), "date_end": date(2015, 12, 31), "time_precision": 3}
    assert not compatible(mention("a", **isis), mention("b", **isis, **month))


def test_a_report_naming_the_group_merges_with_a_same_day_report_of_unnamed_gunmen() -> None:
    named = mention("a", actor1="Islamic State", names=("kestrel", "varden"))
    assert compatible(named, mention("b", names=()))  # 'gunmen' in b may be the group a names
    assert not compatible(named, mention("b", names=(), actor1="Boko Haram"))  # two groups: two acts
    assert not compatible(named, mention("b", names=(), event_type="Battles"))  # another kind of act
    month = {"date_start": date(2015, 12, 1), "date_end": date(2015, 12, 31), "time_precision": 3}
    assert not compatible(named, mention("b", names=(), **month))


def test_a_report_that_tells_no_toll_does_not_zero_the_merged_fatalities() -> None:
    merged = reconcile([mention("a", fatalities=0), mention("b", fatalities=12), mention("c", fatalities=15)])
    assert (merged.event.fatalities, merged.fatalities_max) == (12, 15)
    assert reconcile([mention("a", fatalities=0), mention("b", fatalities=0)]).event.fatalities == 0


def test_differently_typed_reports_merge_on_two_shared_name_words() -> None:
    vigil = {"event_type": "Protests"}
    assert compatible(mention("a", names=("farook", "syed")), mention("b", names=("farook", "syed"), **vigil))
    assert not compatible(mention("a", names=("farook", "syed")), mention("b", names=("syed",), **vigil))


def test_person_names_skip_places_titles_and_calendar_words() -> None:
    text = (
        "Syed Rizwan Farook and Tashfeen Malik opened fire in San Bernardino on Wednesday, "
        "Police Chief Jarrod Burguan said."
    )
    assert person_names(text) == ("farook", "malik", "rizwan", "syed", "tashfeen")


def test_reconcile_keeps_the_most_precise_date_and_the_fatalities_range() -> None:
    vague = mention("a", date_start=date(2015, 12, 1), date_end=date(2015, 12, 31), time_precision=3, fatalities=14)
    exact = mention("b", fatalities=16)
    merged = reconcile([vague, exact])
    assert (merged.event.date_start, merged.event.time_precision) == (date(2015, 12, 2), 1)
    assert (merged.event.fatalities, merged.fatalities_max) == (14, 16)
    assert merged.event.article_ids == ("a", "b") and merged.source_count == 2


PEOPLE = (("bettie", "jones"), ("farook", "syed"))
MENTIONS = [mention(f"a{i}", names=PEOPLE[i % 2], day=date(2015, 12, 2 + i % 3)) for i in range(8)]


@settings(max_examples=25, deadline=None)
@given(st.permutations(MENTIONS), st.integers(1, 8))
def test_incremental_merge_does_not_depend_on_arrival_order(order: list[Mention], step: int) -> None:
    batch = Merger()
    batch.add(MENTIONS)
    incremental = Merger()
    for i in range(0, len(order), step):
        incremental.add(order[i : i + step])
    assert incremental.events() == batch.events()


@settings(max_examples=25, deadline=None)
@given(st.permutations(MENTIONS), st.sets(st.integers(0, 7), max_size=5))
def test_withdrawing_mentions_equals_never_having_added_them(order: list[Mention], out: set[int]) -> None:
    gone = {MENTIONS[i].mention_id for i in out}
    merger, fresh = Merger(), Merger()
    table: dict[str, MergedEvent] = {}  # what a store applying the deltas holds
    for delta in (merger.add(order), merger.withdraw(sorted(gone))):
        table = {k: v for k, v in table.items() if k not in delta.removed}
        table |= {e.event.event_id: e for e in delta.upserted}
    fresh.add([m for m in MENTIONS if m.mention_id not in gone])
    assert merger.events() == fresh.events() == sorted(table.values(), key=lambda e: e.event.event_id)


def test_incremental_delta_removes_the_events_it_absorbs() -> None:
    merger = Merger()
    first = merger.add([mention("a")])
    second = merger.add([mention("b")])
    assert len(first.upserted) == 1 and len(second.upserted) == 1
    assert second.upserted[0].mention_ids == ("m-a", "m-b")
    assert set(second.removed) <= {first.upserted[0].event.event_id}


def test_the_same_person_named_near_both_events_merges_even_when_places_disagree() -> None:
    chicago: dict[str, Any] = {"names": ("quintonio legrier", "robert rialmo"), "lat": 41.9, "lon": -87.6}
    chicago["location"] = "Chicago"
    misplaced: dict[str, Any] = {"names": ("robert rialmo",), "location": "West", "country": "CMR"}
    misplaced |= {"lat": 5.5, "lon": 10.5}
    assert compatible(mention("a", **chicago), mention("b", **misplaced))
    merger = Merger()
    merger.add([mention("a", **chicago), mention("b", **misplaced)])
    assert [e.event.article_ids for e in merger.events()] == [("a", "b")]  # found through the person block


def test_the_same_person_on_distant_days_or_a_first_name_alone_does_not_merge() -> None:
    assert not compatible(
        mention("a", names=("deondrick byrd",)), mention("b", names=("deondrick byrd",), day=date(2015, 12, 9))
    )
    assert not compatible(mention("a", names=("john smith",), lat=40.0), mention("b", names=("john doe",)))


def _entities(texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
    """A stand-in recogniser: capitalised word pairs are people."""
    return [[(m.start(), m.end(), "PERSON") for m in re.finditer(r"[A-Z][a-z]+ [A-Z][a-zA-Z]+", t)] for t in texts]


def test_an_events_people_are_named_near_it_or_else_given_an_age() -> None:
    text = (
        "Robert Rialmo, an officer, shot two people. Police Chief Eddie Johnson spoke later. "
        "The neighbour was 55-year-old Bettie Jones. Nothing more. Nothing else. Nothing at all. "
        "The dead teenager was Quintonio LeGrier, 19, of Chicago. Jason Van Dyke said nothing. Peter Nickeas wrote. "
        "Shots were fired. Nobody knew. Nobody saw. Nobody spoke."
    )
    near, unnamed = text.index("Robert"), text.index("Nobody saw")
    people = article_people(text, [[(near, near + 43)], [(unnamed, unnamed + 11)]], _entities)
    assert people == [("robert rialmo",), ("bettie jones", "quintonio legrier")]


def test_the_parses_person_spans_give_the_same_people_without_running_the_recogniser_again() -> None:
    text = "Robert Rialmo, an officer, shot two people. Nobody knew. The neighbour was 55-year-old Bettie Jones."
    spans = [(m.start(), m.end()) for m in re.finditer(r"[A-Z][a-z]+ [A-Z][a-zA-Z]+", text)]
    shot, knew = text.index("shot"), text.index("Nobody")

    def no_second_pass(texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        raise AssertionError("the recogniser ran although the parse's spans were given")

    events = [[(shot, shot + 4)], [(knew, knew + 6)]]
    assert article_people(text, events, no_second_pass, spans) == article_people(text, events, _entities)
    assert article_people(text, events, no_second_pass, spans)[0] == ("robert rialmo",)


def test_outlet_names_and_name_suffixes_are_not_people() -> None:
    assert normal_name("Herschel Ray Jones III") == "herschel ray jones"
    assert normal_name("LeGrier’s") is None
    outlet = article_people("CARROLLTON (CBSDFW.COM) - a man was shot.", [[(0, 20)]], lambda t: [[(12, 22, "PERSON")]])
    assert outlet == [()]


def test_the_tail_of_a_hyphenated_group_name_and_a_run_after_both_are_not_people() -> None:
    text = "Fighters of Harakat-ul-Kestrel Varden attacked. Both Varden and Oskland denied it."
    tail, both = text.index("Kestrel"), text.index("Both")
    spans = [(tail, tail + len("Kestrel Varden")), (both, both + len("Both Varden"))]
    assert article_people(text, [[(0, len(text))]], lambda texts: [[]], spans) == [()]


def test_reports_of_one_act_dated_a_day_and_a_short_interval_holding_it_merge() -> None:
    isis = {"actor1": "Islamic State", "names": ()}
    night = {"date_start": date(2015, 12, 2), "date_end": date(2015, 12, 3), "time_precision": 2}
    assert compatible(mention("a", **isis), mention("b", names=(), **night))
    week = {"date_start": date(2015, 11, 30), "date_end": date(2015, 12, 6), "time_precision": 2}
    assert not compatible(mention("a", **isis), mention("b", names=(), **week))
    assert not compatible(mention("a", **isis, **night), mention("b", names=(), **night))  # neither an exact day


def test_a_last_name_alone_near_the_event_is_the_articles_full_name_unless_an_official_speaks() -> None:
    text = (
        "Kwame Obuya Tenfold was named as the gunman. Neighbours were shocked. "
        "The attack was carried out by Tenfold, 31, at a warehouse. Grant said the motive was unclear. "
        "Officer Lena Grant answered questions."
    )
    attack = text.index("The attack")
    people = article_people(text, [[(attack, attack + 10)]], lambda texts: [[] for _ in texts])
    assert people == [("kwame obuya tenfold",)]


WIRE = "Gunmen opened fire on a bus station in the city centre on Wednesday, killing four people and wounding nine."


def told(article: str, sentence: str, **kw: object) -> Mention:
    evidence = (Evidence(article, 0, len(sentence), sentence),)
    return mention(article, names=(), evidence=evidence, **kw)


def test_copies_of_one_wire_story_merge_without_names_or_a_specific_actor() -> None:
    assert compatible(told("a", WIRE), told("b", " ".join(WIRE.upper().split())))  # case and spacing aside
    assert compatible(told("a", WIRE, location=None, latitude=None, longitude=None),
                      told("b", WIRE, location=None, latitude=None, longitude=None))  # fmt: skip


def test_a_shared_stock_phrase_or_a_copy_elsewhere_or_later_does_not_merge() -> None:
    assert not compatible(told("a", "There were no fatalities."), told("b", "There were no fatalities."))
    assert not compatible(told("a", WIRE), told("b", WIRE, lat=35.0, location="Victorville"))
    assert not compatible(told("a", WIRE), told("b", WIRE, day=date(2015, 12, 9)))


def test_a_report_placed_only_in_the_country_is_not_near_the_capitals_events() -> None:
    # a country-level event sits at the capital's coordinates (places/country_point.py), precision 3
    country = mention("b", location="United States", admin1=None, geo_precision=3)
    assert not compatible(mention("a", location="Washington", admin1="District of Columbia"), country)
    assert compatible(mention("a", location="United States", admin1=None, geo_precision=3), country)
