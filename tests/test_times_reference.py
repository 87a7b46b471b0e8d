"""Expressions resolved against the narrative rather than the publication date: the running fiscal
quarter, 'the year', 'that day', 'later that year'; and years spelled out in words."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventscope.records import Article
from eventscope.times import tag_times
from eventscope.times.words import word_year

PUBLISHED = datetime(1989, 10, 26, tzinfo=UTC)


def values(text: str) -> list[tuple[str, str]]:
    art = Article(article_id="r", text=text, published=PUBLISHED)
    return [(t.text, t.value) for t in tag_times(None, art)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param(
            "Sales should recover in the third quarter of 1990. Third-quarter profit fell.",
            [("the third quarter of 1990", "1990-Q3"), ("Third-quarter", "1989-Q3")],
            id="a_forecast_quarter_does_not_become_the_running_quarter",
        ),
        pytest.param(
            "It earned $5 million in the fiscal-first quarter, up from $2 million a year earlier.",
            [("the fiscal-first quarter", "1989-Q1"), ("a year earlier", "1988-Q1")],
            id="a_fiscal_quarter_becomes_the_running_one",
        ),
        pytest.param(
            "The quarter-to-quarter comparison improved.", [], id="a_quarter_to_quarter_comparison_is_no_time"
        ),
        pytest.param(
            "A hearing is set for the week of Nov. 6.", [("the week of Nov. 6", "1989-W45")], id="the_week_of_a_day"
        ),
        pytest.param("Two thousand people marched.", [], id="two_thousand_alone_is_a_count"),
        pytest.param(
            "Inspectors were to carry out work since Jan. 13.",
            [("Jan. 13", "1989-01-13")],
            id="since_reads_backwards_whatever_the_verb",
        ),
        pytest.param(
            "Shares are up 5% since year-end.", [("year-end", "1988")], id="year_end_after_since_is_the_last_one"
        ),
        pytest.param("The index closed at 2082.1 points.", [], id="a_decimal_is_not_a_year"),
        pytest.param("In May, prices may fall.", [("May", "1989-05")], id="modal_may_stays_untagged"),
        pytest.param(
            "Rebels struck two days ago.",
            [("two days ago", "1989-10-24")],
            id="ago_stays_inside_and_dates_the_expression",
        ),
        pytest.param(
            "The offer runs until 3 p.m. EST Dec. 4, the bidder said.",
            [("3 p.m. EST Dec. 4", "1989-12-04T15:00")],
            id="clock_time_with_its_date",
        ),
        pytest.param(
            "Earlier Friday, lawyers filed a petition.",
            [("Friday", "1989-10-20")],
            id="earlier_before_a_weekday_is_left_out",
        ),
        # "current" and "soon" as references
        ("He will travel with his current wife.", [("current", "PRESENT_REF")]),
        ("The current account deficit widened.", []),
        ("Prosecutors may soon seek an indictment.", [("soon", "FUTURE_REF")]),
        ("He was soon released.", []),
        ("Soon after the vote, riots began.", []),
    ],
)
def test_every_expression_of_a_sentence(text: str, found: list[tuple[str, str]]) -> None:
    assert values(text) == found


def test_the_running_quarter_dates_a_year_ago() -> None:
    found = dict(values("Profit for the third quarter rose from $5 million a year ago."))
    assert found["the third quarter"] == "1989-Q3" and found["a year ago"] == "1988-Q3"


@pytest.mark.parametrize(
    "phrase", ["the quarter a year ago", "the corresponding period last year", "last year's quarter"]
)
def test_the_running_quarter_a_year_before(phrase: str) -> None:
    found = dict(values(f"Third-quarter profit rose 5% from {phrase}."))
    assert found[phrase] == "1988-Q3"


def test_an_earlier_quarter_told_in_passing_does_not_displace_the_reported_one() -> None:
    found = values("Third-quarter profit rose. After a weak second quarter, sales grew. Costs fell from a year ago.")
    assert found[-1] == ("a year ago", "1988-Q3")


def test_a_sentence_about_nine_months_compares_with_the_year_before() -> None:
    found = dict(values("Third-quarter profit rose. For the nine months, profit fell from $9 million a year earlier."))
    assert found["Third-quarter"] == "1989-Q3" and found["a year earlier"] == "1988"


def test_the_past_year_is_the_year_before_and_the_full_year_the_current_one() -> None:
    assert dict(values("Sales grew over the past year."))["the past year"] == "1988"
    assert dict(values("Sales fell in the last decade."))["the last decade"] == "197"
    assert dict(values("It forecast a gain for the full year."))["the full year"] == "1989"


def test_the_past_week_is_named_as_the_week_before_but_spans_the_days_up_to_publication() -> None:
    art = Article(article_id="r", text="Crowds had gathered for the past week.", published=PUBLISHED)
    (found,) = tag_times(None, art)
    assert (found.value, found.date_start, found.date_end) == ("1989-W42", date(1989, 10, 19), date(1989, 10, 26))


def test_a_whole_day_is_not_a_full_year() -> None:
    assert ("the whole day", "1989-10-26") not in values("On 3 May, troops shelled the town the whole day.")


def test_the_last_half_of_a_year() -> None:
    assert values("Profit will slip in the last half of 1990.") == [("the last half of 1990", "1990-H2")]
    assert ("the last half", "1989-H2") not in values("Sales fell in the last half of the decade.")


def test_the_year_is_the_publication_year_unless_a_fiscal_period() -> None:
    assert values("Results for the year were flat.") == [("the year", "1989")]
    assert ("the year", "P1Y") in values("Net rose for the year ended March 31.")


def test_that_day_takes_the_day_last_named() -> None:
    found = values("On Oct. 3 the bank failed. Later that day, its rival bid.")
    assert found[-1] == ("Later that day", "1989-10-03")


def test_that_year_takes_the_year_last_named() -> None:
    found = values("He fled in 1980 and later that year reached Miami.")
    assert found[-1] == ("later that year", "1980")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nineteen ninety-six", "1996"),
        ("January nineteen ninety-seven", "1997-01"),
        ("the winter of nineteen eighty-two", "1982-WI"),
        ("the year two thousand", "2000"),
    ],
)
def test_spelled_out_years(text: str, value: str) -> None:
    assert values(f"It began in {text}, he said.") == [(text, value)]


@given(st.integers(1800, 1999))
def test_word_year_round_trips(year: int) -> None:
    ones = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"]
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    head = {18: "eighteen", 19: "nineteen"}[year // 100]
    rest = year % 100
    if rest == 0:
        tail = "hundred"
    elif rest < 10:
        tail = f"oh {ones[rest]}"
    elif rest < 20:
        tail = (teens + ["nineteen"])[rest - 10]
    else:
        tail = tens[rest // 10] + (f"-{ones[rest % 10]}" if rest % 10 else "")
    assert word_year(f"{head} {tail}") == year


def test_part_of_day_is_a_time_with_its_timex3_suffix() -> None:
    art = Article(article_id="p", text="Rebels attacked Wednesday night.", published=PUBLISHED)
    (expr,) = tag_times(None, art)
    assert (expr.type, expr.value) == ("TIME", "1989-10-25TNI")
    assert expr.date_start == expr.date_end == date(1989, 10, 25)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the nineties", "199"),
        ("the 20th century", "19"),
        ("year-end", "1989"),
        ("the near term", "FUTURE_REF"),
        ("May", "1989-05"),
    ],
)
def test_named_periods(text: str, value: str) -> None:
    assert values(f"Sales fell in {text}, he said.") == [(text, value)]


def test_a_year_s_quarter_takes_the_running_quarter() -> None:
    found = dict(values("Net for the third quarter rose. In the 1988 period, it fell. The 1988 quarter was bad."))
    assert found["the 1988 period"] == "1988-Q3" and found["The 1988 quarter"] == "1988-Q3"
    assert dict(values("It took a charge in the 1988 second quarter."))["the 1988 second quarter"] == "1988-Q2"


def test_following_and_previous_count_from_the_narrative() -> None:
    found = dict(values("He was promoted on May 22, 1995, and the following year he left."))
    assert found["the following year"] == "1996"
    found = dict(values("On Friday, Oct. 27, the index fell 4% from the previous Friday."))
    assert found["the previous Friday"] == "1989-10-20"


@pytest.mark.parametrize("signal", ["after", "before", "later"])
def test_after_before_later_are_signals_outside_the_duration(signal: str) -> None:
    found = values(f"Rebels struck two days {signal} the vote.")
    assert found == [("two days", "P2D")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("this year's third quarter", "1989-Q3"),
        ("the year-earlier third quarter", "1988-Q3"),
        ("next year's first quarter", "1990-Q1"),
    ],
)
def test_a_year_and_its_quarter_are_one_expression(text: str, value: str) -> None:
    assert values(f"Profit in {text} rose.") == [(text, value)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2 1/2 years", "P2Y6M"),
        ("5 1/2 hours", "PT5H30M"),
        ("3 1/2 days", "P3DT12H"),
        ("a minute and a half", "PT1M30S"),
    ],
)
def test_half_units(text: str, value: str) -> None:
    assert values(f"They waited for {text}.") == [(text, value)]
