"""Datelines anchor an article; outlet names and compass words are no places of events."""

from __future__ import annotations

from pathlib import Path

from eventscope.places import Gazetteer, build_gazetteer
from eventscope.places.dateline import dateline_toponyms, outlet_spans
from eventscope.places.recognize import Toponym
from eventscope.places.resolve import candidates_for


def test_a_wire_dateline_glued_to_the_title_is_found_with_its_state() -> None:
    text = "Driver hurt in Route 30 crash | WHTM ABC27LANCASTER, Pa.\u2013A driver was taken to hospital"
    city, region = dateline_toponyms(text)
    assert (city.text, city.label, region.text) == ("LANCASTER", "DATELINE", "Pa.")
    (alone,) = dateline_toponyms("MOUNT VERNON (AP) \u2014 Police said on Monday")
    assert alone.text == "MOUNT VERNON"


def test_capitals_without_a_dateline_mark_are_no_dateline() -> None:
    assert not dateline_toponyms("The FBI said on Monday that it would help.")


def test_an_outlet_in_the_title_line_is_no_place_of_events() -> None:
    text = "Man shot near park | Colorado Springs Gazette, News\nA man was shot in Pueblo."
    ((start, end),) = outlet_spans(text)
    assert text[start:end] == "Colorado Springs Gazette, News"


def test_a_compass_word_alone_names_no_region(tmp_path: Path) -> None:
    build_gazetteer([str(Path(__file__).parent / "fixtures" / "places" / "geonames_small.txt")],
                    str(tmp_path / "g.sqlite"))
    gaz = Gazetteer.open(tmp_path / "g.sqlite")
    assert candidates_for(gaz, Toponym(0, 4, "West", "GPE")) == []


def test_an_outlet_glued_to_the_body_is_cut_after_its_last_outlet_word() -> None:
    text = "Two hurt in Dayton crash - The Springfield News-SunPolice said two drivers were hurt in Dayton."
    ((start, end),) = outlet_spans(text)
    assert text[start:end] == "The Springfield News-Sun"
