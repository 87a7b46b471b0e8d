"""retype: a later step that changes a sub-event type changes every field derived from it."""

from __future__ import annotations

from pathlib import Path

from conftest import events_of, pipeline
from eventscope.events.plover import _FROM_WORDS, PLOVER_OF
from eventscope.records import Event

ROOT = Path(__file__).resolve().parent.parent


def _derived_fields_follow_the_type(event: Event) -> bool:
    kind, mode = PLOVER_OF[event.sub_event_type]
    if event.sub_event_type in _FROM_WORDS:
        return True  # the clause's words choose among the type's PLOVER readings
    return event.plover_type == kind and (mode is None or event.plover_mode == mode)


def test_a_grenade_named_after_the_attack_makes_a_grenade_event_with_explosives() -> None:
    (event,) = events_of("KANO, Nigeria, March 3, 2025\n\nGunmen attacked a market in Kano on Monday. A grenade "
                         "exploded near the entrance, killing three traders, police said.", None)
    assert (event.sub_event_type, event.plover_type, event.plover_mode) == ("Grenade", "ASSAULT", "explosives")


def test_police_shooting_at_a_protest_is_force_by_the_police_on_the_protesters() -> None:
    event, *_ = events_of("NAIROBI, Kenya, March 5, 2025\n\nTeachers protested in Nairobi on Tuesday over unpaid "
                         "salaries. Police fired live bullets, killing two of the protesters, witnesses said.", None)
    assert event.sub_event_type == "Excessive force against protesters"
    assert (event.plover_type, event.plover_mode) == ("ASSAULT", "firearms")
    assert event.actor1 is not None and event.actor1.startswith("Police Forces")
    assert event.actor2 is not None and event.actor2.startswith("Protesters")


def test_a_protest_and_the_polices_shooting_told_after_it_are_one_event_without_a_dateline() -> None:
    found = events_of("Teachers protested in Nairobi on Tuesday over unpaid salaries. Police fired live "
                      "bullets, killing two of the protesters, witnesses said.")
    assert [e.sub_event_type for e in found] == ["Excessive force against protesters"]
    assert found[0].fatalities == 2


def test_on_the_seed_article_plover_fields_follow_every_sub_type_and_no_actor_fights_itself(seed_path: str) -> None:
    from eventscope.ingest import read_inputs
    from eventscope.records import Article

    articles = [a for a in read_inputs([seed_path, str(ROOT / "examples")]) if isinstance(a, Article)]
    events = [e for _, found in pipeline().extract(articles) for e in found]
    assert len(events) >= 10
    assert all(_derived_fields_follow_the_type(e) for e in events)
    assert all(e.actor1 is None or e.actor1 != e.actor2 for e in events)
