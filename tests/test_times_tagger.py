"""tag_times: extents and TIMEX3 values resolved against the publication date (no clock)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import time_values
from eventscope.records import Article
from eventscope.times import tag_times

PUBLISHED = datetime(2017, 3, 2, 8, tzinfo=UTC)  # a Thursday


def tag(text: str, published: datetime | None = PUBLISHED) -> dict[str, tuple[str, date | None, date | None]]:
    art = Article(article_id="t", text=text, published=published)
    return {t.text: (t.value, t.date_start, t.date_end) for t in tag_times(None, art)}


@pytest.mark.parametrize(
    ("text", "expr", "value", "start", "end"),
    [
        ("A monitoring group said on Wednesday.", "Wednesday", "2017-03-01", date(2017, 3, 1), date(2017, 3, 1)),
        ("Last December, fighters seized the city.", "Last December", "2016-12", date(2016, 12, 1), date(2016, 12, 31)),
        ("It was recaptured late last year.", "late last year", "2016", date(2016, 9, 1), date(2016, 12, 31)),
        ("In late March 2016, forces retook it.", "late March 2016", "2016-03", date(2016, 3, 21), date(2016, 3, 31)),
        ("Daesh had seized it in May 2015.", "May 2015", "2015-05", date(2015, 5, 1), date(2015, 5, 31)),
        ("It foiled attacks in recent days.", "recent days", "PAST_REF", date(2017, 2, 16), date(2017, 3, 2)),
        ("Lenders grew wary in recent months.", "recent months", "PXM", date(2016, 9, 1), date(2017, 3, 2)),
        ("It will not change for a couple of years.", "a couple of years", "P2Y", None, None),
        ("Prices fell a year ago.", "a year ago", "2016", date(2016, 1, 1), date(2016, 12, 31)),
        ("Fighting began earlier this month.", "earlier this month", "2017-03", date(2017, 3, 1), date(2017, 3, 2)),
        ("Over the past two weeks it rose.", "the past two weeks", "P2W", date(2017, 2, 16), date(2017, 3, 2)),
        ("Profit fell in the third quarter.", "the third quarter", "2016-Q3", date(2016, 7, 1), date(2016, 9, 30)),
        (
            "Clashes took place between 3 and 5 February.",
            "5 February",
            "2017-02-05",
            date(2017, 2, 5),
            date(2017, 2, 5),
        ),
        ("On 23 February 2022, a group attacked.", "23 February 2022", "2022-02-23", date(2022, 2, 23), None),
        ("It happened on March 1st, 2017.", "March 1st, 2017", "2017-03-01", date(2017, 3, 1), None),
        ("They met yesterday.", "yesterday", "2017-03-01", date(2017, 3, 1), None),
        ("Talks will resume next week.", "next week", "2017-W10", date(2017, 3, 6), date(2017, 3, 12)),
    ],
)
def test_expression_value_and_interval(text: str, expr: str, value: str, start: date, end: date | None) -> None:
    found = tag(text)
    assert expr in found, found
    assert found[expr][0] == value
    assert found[expr][1] == start
    assert found[expr][2] == (end or start)


def test_range_tags_both_ends() -> None:
    found = tag("Clashes took place between 3 and 5 February.")
    assert found["3"][0] == "2017-02-03"


def test_a_month_and_day_range_tags_the_second_day_in_the_same_month() -> None:
    found = tag("Clashes took place on Feb. 3 and 4, and talks on Feb. 10 to 5 p.m.")
    assert found["Feb. 3"][0] == "2017-02-03" and found["4"][0] == "2017-02-04"
    assert "5" not in found


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The mid-October trip was cancelled.", "mid-October", "2016-10"),
        ("It restored pre-1990 borders.", "pre-1990", "1990"),
        ("The judge will rule at midday.", "midday", "2017-03-02T12:00"),
        ("Funds may shrink in the months ahead.", "the months ahead", "PXM"),
        ("Turnout fell in the May elections.", "May", "2016-05"),
        ("They want the hostages freed as soon as possible.", "as soon as possible", "FUTURE_REF"),
        ("The lease may run for an additional year.", "an additional year", "P1Y"),
        ("Shares fell for eight trading days.", "eight trading days", "P8D"),
    ],
)
def test_news_forms(text: str, expr: str, value: str) -> None:
    assert time_values(text, PUBLISHED)[expr] == value


@pytest.mark.parametrize(
    "text",
    [
        "The firm posted its first quarterly loss.",
        'The poster quoted the film "High Noon."',
        'The minister said on the show "This Week" that talks would go on.',
    ],
)
def test_words_that_only_contain_a_time(text: str) -> None:
    assert tag(text) == {}


def test_a_march_of_people_is_no_month() -> None:
    assert "March" not in tag("She led the March of the Mothers through the city.")
    assert "May" not in tag("Workers joined the May Day rally.")


def test_future_interval_is_flagged() -> None:
    art = Article(article_id="t", text="The vote is set for next year.", published=PUBLISHED)
    (expr,) = tag_times(None, art)
    assert expr.future and expr.value == "2018"


def test_without_publication_relative_values_stay_unresolved() -> None:
    found = tag("They met yesterday, and again in May 2015.", published=None)
    assert found["yesterday"][1] is None
    assert found["May 2015"][0] == "2015-05"


def test_duration_and_set() -> None:
    found = tag("The siege lasted two weeks and shelling came daily.")
    assert found["two weeks"][0] == "P2W" and found["two weeks"][1] is None
    assert found["daily"][0] == "P1D"


def test_modal_may_is_not_a_month() -> None:
    assert tag("Fighters may attack the town.") == {}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcMayJune 0123456789-/.,'")), max_size=80))
def test_fuzz_never_crashes_and_offsets_hold(text: str) -> None:
    art = Article(article_id="f", text=text, published=PUBLISHED)
    for t in tag_times(None, art):
        assert 0 <= t.start < t.end <= len(text) and text[t.start : t.end] == t.text
        if t.date_start is not None:
            assert t.date_end is not None and t.date_start <= t.date_end


WORDS = [
    "on",
    "Wednesday",
    "last",
    "next",
    "year",
    "week",
    "late",
    "March",
    "2016",
    "the",
    "past",
    "two",
    "weeks",
    "ago",
    "a",
    "in",
    "recent",
    "days",
    "3",
    "May",
    "quarter",
    "third",
    "early",
    "this",
    "month",
]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=10), st.dates(date(1950, 1, 1), date(2090, 1, 1)))
def test_values_parse_and_intervals_are_ordered(words: list[str], day: date) -> None:
    text = " ".join(words)
    published = datetime(day.year, day.month, day.day, tzinfo=UTC)
    for t in tag_times(None, Article(article_id="p", text=text, published=published)):
        assert t.value and " " not in t.value
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        if t.date_start is not None:
            assert t.date_end is not None and t.date_start <= t.date_end


def test_a_quarter_under_way_does_not_displace_the_reported_one() -> None:
    published = datetime(1989, 11, 2, tzinfo=UTC)
    text = (
        "Third-quarter profit rose. It expects a fourth-quarter charge. "
        "In the latest quarter, sales fell; the current quarter looks weak."
    )
    found = tag(text, published)
    assert found["the latest quarter"][0] == "1989-Q3"
    assert found["the current quarter"][0] == "1989-Q4"
