"""A Pipeline is built from its resources: an injected gazetteer or typing threshold changes what it reads,
and two pipelines in one process never share a setting."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from conftest import pipeline
from eventscope.events.classify import EventTyper
from eventscope.ingest import make_article
from eventscope.pipeline import Pipeline
from eventscope.places import Gazetteer, build_gazetteer
from eventscope.records import Event

FIXTURE = Path(__file__).parent / "fixtures" / "places" / "geonames_small.txt"
INVENTED = "9999777\tZorvaland\tZorvaland\t\t35.5\t37.5\tP\tPPL\tSY\t\t11\t\t\t\t60000\t\t0\tUTC\t2024-01-01\n"
TEXT = ("Rebels attacked an army post in Zorvaland on Monday, killing three soldiers. "
        "Police fired tear gas at protesters in the capital.")  # fmt: skip


def events(p: Pipeline) -> tuple[Event, ...]:
    (analysis,) = list(p.analyses([make_article(TEXT, "t", origin="test", find_title=False)]))
    return analysis.events


def test_a_pipeline_places_events_with_the_gazetteer_it_was_built_with(tmp_path: Path) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_text(FIXTURE.read_text(encoding="utf-8") + INVENTED, encoding="utf-8")
    build_gazetteer([str(dump)], str(tmp_path / "small.sqlite"))
    small = replace(pipeline(), gazetteer=Gazetteer.open(tmp_path / "small.sqlite"))
    assert events(pipeline())[0].location is None  # the packaged gazetteer knows no such town
    placed = events(small)[0]
    assert (placed.location, placed.latitude, placed.longitude, placed.country) == ("Zorvaland", 35.5, 37.5, "SYR")


def test_two_pipelines_keep_their_own_typing_threshold() -> None:
    before = events(pipeline())
    strict = replace(pipeline(), typer=EventTyper(pipeline().typer.model, threshold=0.95))
    assert any(e.confidence < 0.95 for e in before) and events(strict) != before
    assert events(pipeline()) == before  # building and running the strict one changed nothing of the other


def test_the_default_pipeline_takes_its_threshold_from_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTSCOPE_TYPING_THRESHOLD", "0.75")
    assert Pipeline.default().typer.threshold == 0.75
    assert Pipeline.default(threshold=0.5).typer.threshold == 0.5
    monkeypatch.setenv("EVENTSCOPE_TYPING_THRESHOLD", "1.5")
    assert Pipeline.default().typer.threshold == 0.0  # a share above 1 is not read: the default, no traceback
