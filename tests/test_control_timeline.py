from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.control import controllers_at, timeline
from eventscope.records import Event, Evidence

IS, GOV = "Islamic State", "Military Forces of Syria (2000-)"


def change(day: date, sub: str, actor1: str | None, actor2: str | None, text: str, n: int = 0) -> Event:
    return Event(
        event_id=f"e{n}-{day}", event_type="Strategic developments" if "transfer" in sub else "Battles",
        sub_event_type=sub, actor1=actor1, actor2=actor2, assoc_actors=(), date_start=day, date_end=day,
        time_precision=1, location="Palmyra", admin1="Homs", country="SYR", latitude=34.56, longitude=38.28,
        geo_precision=1, source=None, evidence=(Evidence("seed", 0, len(text), text),), article_ids=("seed",),
    )  # fmt: skip


SEED = [
    change(date(2015, 5, 20), "Non-state actor overtakes territory", IS, GOV, "IS seized Palmyra in May 2015."),
    change(date(2016, 3, 27), "Government regains territory", GOV, IS, "The army recaptured Palmyra."),
    change(date(2016, 12, 11), "Non-state actor overtakes territory", IS, GOV, "IS retook Palmyra."),
    change(date(2017, 3, 1), "Government regains territory", GOV, IS, "Government forces entered Palmyra."),
]


def test_seed_timeline_lists_each_change_with_its_evidence() -> None:
    periods = timeline(SEED)
    assert [(p.controller, p.start, p.partial) for p in periods] == [
        (IS, date(2015, 5, 20), False), (GOV, date(2016, 3, 27), False),
        (IS, date(2016, 12, 11), False), (GOV, date(2017, 3, 1), True),
    ]  # fmt: skip
    assert periods[0].end == date(2016, 3, 27) and periods[2].end is None
    assert periods[3].evidence[0].text == "Government forces entered Palmyra."


def test_who_held_the_place_on_a_day() -> None:
    assert [p.controller for p in controllers_at(timeline(SEED), date(2016, 6, 1))] == [GOV]
    assert [p.controller for p in controllers_at(timeline(SEED), date(2017, 3, 2))] == [IS, GOV]


def test_a_withdrawal_to_nobody_named_ends_only_the_leavers_hold() -> None:
    left = change(date(2017, 3, 1), "Non-violent transfer of territory", IS, None, "IS withdrew from the city.", 9)
    periods = timeline([*SEED, left])
    assert {p.controller for p in controllers_at(periods, date(2017, 3, 2))} == {GOV, None}


def test_a_withdrawal_hands_the_place_to_the_other_side() -> None:
    left = change(date(2017, 3, 2), "Non-violent transfer of territory", IS, GOV, "IS withdrew from the town.")
    assert timeline([left])[0].controller == GOV


SUBS = ["Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory"]
TEXTS = ["took the town", "took the western sectors of the town", "entered the town", "withdrew from the town"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.sampled_from(SUBS), st.sampled_from([IS, GOV, "SDF"]),
                          st.sampled_from(TEXTS), st.booleans()), max_size=12))  # fmt: skip
def test_the_whole_place_never_has_two_holders_and_no_holder_two_periods_in_a_row(
    changes: list[tuple[int, str, str, str, bool]],
) -> None:
    events = [change(date(2016, 1, 1) + timedelta(days=d), sub, a1, None if nobody else GOV if a1 != GOV else IS,
                     text, n) for n, (d, sub, a1, text, nobody) in enumerate(changes)]  # fmt: skip
    periods = timeline(events)
    for day in range(62):
        whole = [p for p in controllers_at(periods, date(2016, 1, 1) + timedelta(days=day)) if not p.partial]
        assert len(whole) <= 1
    whole_periods = sorted((p for p in periods if not p.partial), key=lambda p: p.start)
    for before, after in zip(whole_periods, whole_periods[1:], strict=False):
        assert not (before.end == after.start and before.controller == after.controller and before.start < after.start)


def test_a_holder_reported_again_keeps_one_period_with_both_reports() -> None:
    again = change(date(2015, 6, 2), "Non-state actor overtakes territory", IS, GOV, "IS still holds Palmyra.", 5)
    periods = timeline([*SEED[:2], again])
    assert [(p.controller, p.start, p.end) for p in periods] == [
        (IS, date(2015, 5, 20), date(2016, 3, 27)), (GOV, date(2016, 3, 27), None)]  # fmt: skip
    assert [e.text for e in periods[0].evidence] == ["IS seized Palmyra in May 2015.", "IS still holds Palmyra."]


def test_a_withdrawal_to_nobody_named_leaves_the_place_with_whoever_holds_it_whole() -> None:
    took = change(date(2017, 3, 1), "Government regains territory", GOV, IS, "The army recaptured the town.", 7)
    left = change(date(2017, 3, 1), "Non-violent transfer of territory", IS, None, "IS withdrew from the city.", 9)
    periods = timeline([*SEED[:3], took, left])
    assert [p.controller for p in controllers_at(periods, date(2017, 3, 2))] == [GOV]
    assert [p.controller for p in periods if p.end is None] == [GOV]
