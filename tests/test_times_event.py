"""event_interval: an event takes the time of the expression that governs its clause."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from eventscope import nlp
from eventscope.records import Article, Span
from eventscope.times import EventTime, event_interval, tag_times

PUBLISHED = datetime(2017, 3, 2, 8, tzinfo=UTC)
TEXT = (
    "The army has entered the city, a monitoring group said on Wednesday. "
    "In late March 2016, government forces recaptured Palmyra, which Daesh had seized in May 2015. "
    "Heavy clashes are ongoing."
)


@pytest.fixture(scope="module")
def parsed() -> tuple[Article, object, tuple]:
    art = Article(article_id="e", text=TEXT, published=PUBLISHED)
    doc = nlp.load()(art.nlp_text)
    return art, doc, tag_times(doc, art)


def date_of(parsed: tuple, trigger: str) -> EventTime:
    art, doc, times = parsed
    start = TEXT.index(trigger)
    sent = next(s for s in doc.sents if s.start_char <= start < s.end_char)
    result = event_interval(doc, Span(sent.start_char, sent.end_char), Span(start, start + len(trigger)), times, art)
    assert result is not None
    return result


def test_relative_clause_keeps_its_own_date(parsed: tuple) -> None:
    seized = date_of(parsed, "seized")
    assert (seized.date_start, seized.date_end, seized.time_precision) == (date(2015, 5, 1), date(2015, 5, 31), 3)


def test_main_clause_takes_the_fronted_date(parsed: tuple) -> None:
    retaken = date_of(parsed, "recaptured")
    assert retaken.basis == "late March 2016"
    assert retaken.date_start == date(2016, 3, 21) and retaken.date_end == date(2016, 3, 31)


def test_reported_event_ends_by_the_report(parsed: tuple) -> None:
    entered = date_of(parsed, "entered")
    assert date(2017, 2, 28) <= entered.date_start <= entered.date_end <= date(2017, 3, 2)


def test_undated_event_falls_back_to_publication(parsed: tuple) -> None:
    clashes = date_of(parsed, "clashes")
    assert clashes.basis == "publication"
    assert (clashes.date_start, clashes.date_end, clashes.time_precision) == (date(2017, 3, 1), date(2017, 3, 2), 2)


NARRATIVE = (
    "On 27 April 2022, soldiers clashed with militants in Macomia, Mozambique. "
    "Two militants were killed, the army said. "
    "Firearms had been seized."
)


@pytest.mark.parametrize("trigger", ["killed", "seized"])
def test_a_past_passive_or_perfect_clause_continues_the_narrative_time(trigger: str) -> None:
    art = Article(article_id="n", text=NARRATIVE, published=datetime(2022, 5, 9, 8, tzinfo=UTC))
    doc = nlp.load()(art.nlp_text)
    start = NARRATIVE.index(trigger)
    sent = next(s for s in doc.sents if s.start_char <= start < s.end_char)
    result = event_interval(doc, Span(sent.start_char, sent.end_char), Span(start, start + len(trigger)),
                            tag_times(doc, art), art)
    assert result is not None and result.basis == "27 April 2022"
    assert result.date_start == result.date_end == date(2022, 4, 27)


def test_since_a_month_runs_to_publication() -> None:
    from conftest import events_of

    (event,) = events_of("Rebels have besieged the town since January, killing dozens of civilians.", PUBLISHED)
    assert (event.date_start, event.date_end) == (date(2017, 1, 1), date(2017, 3, 2))


def test_no_interval_of_a_past_act_ends_after_publication() -> None:
    from conftest import events_of

    (event,) = events_of("Gunmen attacked a convoy this month, killing four soldiers.", PUBLISHED)
    assert event.date_end is not None and event.date_end <= PUBLISHED.date()


def test_an_event_takes_the_date_its_text_tells_over_the_publication_guess() -> None:
    from conftest import events_of

    text = "Police fired tear gas at protesters in the capital on Monday. The protesters were dispersed by police."
    assert [str(e.date_start) for e in events_of(text, PUBLISHED)] == ["2017-02-27"]
