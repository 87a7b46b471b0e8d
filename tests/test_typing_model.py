"""The typing model and its rules: weapons are named, protests typed, disasters are no event."""

from __future__ import annotations

import numpy as np
import pytest

from eventscope.events import classify as ty
from eventscope.events.model import artefact
from eventscope.events.plover import PLOVER_OF, plover
from eventscope.events.rules import EVENT_TYPE_OF, Cues

TYPER = ty.EventTyper.packaged()


def cues(frame: str, sentence: str) -> Cues:
    words = frozenset(w.strip(".,").lower() for w in sentence.split())
    return Cues(frame, words)


def test_a_grenade_is_a_grenade() -> None:
    s = "Unknown attackers hurled a grenade at a police post in the town, wounding two officers."
    t = TYPER.mention(s, cues("attack", s))
    assert t is not None and t.sub_event_type == "Grenade"
    assert t.event_type == "Explosions/Remote violence"
    assert (t.plover_type, t.plover_mode) == ("ASSAULT", "explosives")


def test_an_airstrike_is_an_air_strike() -> None:
    s = "Warplanes carried out an airstrike on the village, killing five civilians."
    t = TYPER.mention(s, cues("air", s))
    assert t is not None and t.sub_event_type == "Air/drone strike"
    assert (t.plover_type, t.plover_mode) == ("ASSAULT", "heavy-weapons")


def test_protest_dispersed_with_tear_gas_is_protest_with_intervention() -> None:
    s = "Police fired tear gas to disperse hundreds of protesters who marched to parliament."
    t = TYPER.mention(s, cues("protest", s))
    assert t is not None and t.sub_event_type == "Protest with intervention"
    assert (t.plover_type, t.plover_mode) == ("PROTEST", "demo")


def test_an_earthquake_is_no_event() -> None:
    s = "A magnitude 6.4 earthquake struck the region on Sunday, killing 30 people and destroying homes."
    assert TYPER.mention(s, cues("kill", s)) is None
    assert TYPER.sentence(s) is None


def test_a_sentence_without_conflict_is_no_event() -> None:
    assert TYPER.sentence("The central bank raised interest rates by half a point on Tuesday.") is None


def test_a_typers_threshold_suppresses_unsure_events_and_leaves_other_typers_alone() -> None:
    s = "Gunmen attacked the village on Monday."
    strict = ty.EventTyper(TYPER.model, threshold=1.0)
    assert strict.mention(s, cues("attack", s)) is None
    assert TYPER.mention(s, cues("attack", s)) is not None  # a typer's threshold is its own
    with pytest.raises(ValueError):
        ty.EventTyper(TYPER.model, threshold=1.5)


def test_probabilities_are_a_distribution() -> None:
    m = TYPER.model
    for text in ("Rebels shelled the town.", "", "Flooding displaced thousands.", "On 3 May, police arrested 4."):
        p = m.proba(text)
        assert p.shape == (len(m.classes),)
        assert np.all(p >= 0) and np.all(p <= 1)
        assert abs(float(p.sum()) - 1.0) < 1e-9


def test_artefact_loads_deterministically() -> None:  # its load time: benchmarks/timings.py
    a = artefact.load(ty.MODEL_PATH)
    b = artefact.load(ty.MODEL_PATH)
    text = "A suicide bomber blew himself up at a checkpoint."
    assert np.array_equal(a.proba(text), b.proba(text))
    assert "NONE" in a.classes and set(a.classes) - {"NONE"} <= set(EVENT_TYPE_OF)
    assert ty.MODEL_PATH.stat().st_size < 5_000_000


def test_every_sub_event_type_has_a_plover_mapping() -> None:
    assert set(PLOVER_OF) == set(EVENT_TYPE_OF)
    assert plover("Non-violent transfer of territory") == ("COERCE", "confiscate")
    assert plover("Non-state actor overtakes territory") == ("COERCE", "confiscate")
    assert plover("Attack", frozenset({"machete"})) == ("ASSAULT", "primitive")
