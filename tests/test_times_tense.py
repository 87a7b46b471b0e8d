"""The verb's tense and the words before a date decide which way a weekday or a yearless date points."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from conftest import time_values

PUBLISHED = datetime(1999, 5, 5, tzinfo=UTC)  # a Wednesday


def values(text: str) -> dict[str, str]:
    return time_values(text, PUBLISHED, parse=True)


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The prosecutor has scheduled a news conference Thursday.", "Thursday", "1999-05-06"),
        ("The prosecutor held a news conference Thursday.", "Thursday", "1999-04-29"),
        ("The offer had been scheduled to expire Friday.", "Friday", "1999-04-30"),
        ("The deal is expected to be completed by June 15.", "June 15", "1999-06-15"),
        ("Inspectors have worked there since Jan. 13.", "Jan. 13", "1999-01-13"),
        ("Exiles sought ways to get around Friday's ruling.", "Friday", "1999-04-30"),
        ("Rallies were held to mark the country's entry into NATO on Monday.", "Monday", "1999-05-03"),
        ("The leaders agreed to meet Monday.", "Monday", "1999-05-10"),
        ("The case is heard in June in the appeals court.", "June", "1999-06"),
        ("The relatives have until 9 a.m. Friday to sign.", "9 a.m. Friday", "1999-05-07T09:00"),
        ("The agency extended its deadline until 9 a.m. Friday.", "9 a.m. Friday", "1999-05-07T09:00"),
        ("Until Thursday, they had not charged him.", "Thursday", "1999-04-29"),
        ("He was shot to death last Oct. 23 at his home.", "Oct. 23", "1998-10-23"),
        ("The slump may have started in trading on Friday.", "Friday", "1999-04-30"),
        ("The two envoys meet separately Monday with the mediator.", "Monday", "1999-05-10"),
        ("On Friday, the union stages a rally downtown.", "Friday", "1999-05-07"),
        ("Weak banks hurt the index, which slid on Friday.", "Friday", "1999-04-30"),
        ("Profit fell in the fourth quarter.", "the fourth quarter", "1998-Q4"),
        ("Profit will rise in the fourth quarter.", "the fourth quarter", "1999-Q4"),
    ],
)
def test_direction_of_a_date(text: str, expr: str, value: str) -> None:
    assert values(text)[expr] == value
