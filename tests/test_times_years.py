"""Dates written without a year take the nearest year the tense and the context allow."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import time_values
from eventscope.times.reading import Context, Tense
from eventscope.times.resolve_abs import infer_year

PUBLISHED = datetime(1989, 11, 2, tzinfo=UTC)


def values(text: str, published: datetime = PUBLISHED) -> dict[str, str]:
    return time_values(text, published)


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The dividend is payable Dec. 7 to holders.", "Dec. 7", "1989-12-07"),
        ("The offer was extended to Nov. 20 by the bidder.", "Nov. 20", "1989-11-20"),
        ("The pact is effective Feb. 1, the union said.", "Feb. 1", "1990-02-01"),
        ("The plant closed on Oct. 23 after a fire.", "Oct. 23", "1989-10-23"),
        ("The plant closed on Sept. 27 after a fire.", "Sept. 27", "1989-09-27"),
        ("Shares rose in March from a low.", "March", "1989-03"),
    ],
)
def test_year_of_a_date_written_without_one(text: str, expr: str, value: str) -> None:
    assert values(text)[expr] == value


def test_past_tense_date_months_ahead_is_last_years() -> None:
    ctx = Context(date(1999, 5, 6), "past")
    assert infer_year(10, 23, ctx) == 1998  # "the Oct. 23 slaying", written in May


def test_future_tense_date_just_before_the_anchor_stays_this_year() -> None:
    ctx = Context(date(2000, 1, 15), "future")
    assert infer_year(1, 14, ctx) == 2000  # "to repatriate the child by Jan. 14"
    assert infer_year(1, 2, ctx) == 2001


@settings(max_examples=200, deadline=None)
@given(
    st.dates(date(1900, 1, 1), date(2090, 12, 31)),
    st.integers(1, 12),
    st.integers(0, 31),
    st.sampled_from(["past", "present", "future"]),
    st.booleans(),
)
def test_inferred_year_is_within_one_of_the_anchor(
    anchor: date, month: int, day: int, tense: Tense, ahead: bool
) -> None:
    year = infer_year(month, day, Context(anchor, tense, ahead=ahead))
    assert year is not None and abs(year - anchor.year) <= 1
    if tense == "future" and day == 0:
        assert (year, month) >= (anchor.year, anchor.month)
