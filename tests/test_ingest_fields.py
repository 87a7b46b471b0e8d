"""ingest: a metadata defect degrades its field (left empty, with a coded warning), never drops the article."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from eventscope.ingest import read_inputs
from eventscope.ingest.fields import read_published
from eventscope.records import Article, Rejected

TEXT = "Government troops clashed with rebels near the town on Monday, killing three fighters."
EST = timezone(timedelta(hours=-5))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-03-02T08:00:00+03:00", datetime(2017, 3, 2, 8, tzinfo=timezone(timedelta(hours=3)))),
        ("2021-03-04", datetime(2021, 3, 4, tzinfo=UTC)),
        ("7:58 AM ET, Sat January 3, 2015", datetime(2015, 1, 3, 7, 58, tzinfo=EST)),
        ("Wed Nov 23, 2016 | 4:58pm EST", datetime(2016, 11, 23, 16, 58, tzinfo=EST)),
        ("Sat, 03 Jan 2015 12:58:00 +0000", datetime(2015, 1, 3, 12, 58, tzinfo=UTC)),
        ("March 2, 2017", datetime(2017, 3, 2, tzinfo=UTC)),
        (20170302, datetime(2017, 3, 2, tzinfo=UTC)),
        (1488441600, datetime(2017, 3, 2, 8, tzinfo=UTC)),
        (1488441600000, datetime(2017, 3, 2, 8, tzinfo=UTC)),
        ("1488441600", datetime(2017, 3, 2, 8, tzinfo=UTC)),
    ],
)
def test_publication_time_is_read_by_iso_then_number_then_dateparser_with_its_zone(
    value: object, expected: datetime
) -> None:
    found = read_published(value)
    assert found.warning is None and found.value == expected
    assert found.value is not None and found.value.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("value", ["not a date", "99999-01-01", "2 hours ago", "January 2015", True, [2017], 1e300])
def test_unreadable_publication_time_is_no_time_with_warning_w010(value: object) -> None:
    found = read_published(value)
    assert found.value is None and found.warning is not None and found.warning.startswith("[W010]")


def _corpus(tmp_path: Path, *records: object) -> list[Article | Rejected]:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    return list(read_inputs([str(corpus)]))


def test_record_with_unreadable_time_is_kept_without_one_and_says_so(tmp_path: Path) -> None:
    (article,) = _corpus(tmp_path, {"id": "a", "text": TEXT, "published": "not a date"})
    assert isinstance(article, Article) and article.published is None
    assert len(article.warnings) == 1 and "[W010]" in article.warnings[0] and "'not a date'" in article.warnings[0]


def test_unreadable_time_falls_back_to_the_batch_default(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": TEXT, "published": "soon"}) + "\n")
    given = datetime(2020, 1, 2, tzinfo=UTC)
    (article,) = list(read_inputs([str(corpus)], published=given))
    assert isinstance(article, Article) and article.published == given and "[W010]" in article.warnings[0]


def test_numeric_url_and_id_are_their_digits(tmp_path: Path) -> None:
    (article,) = _corpus(tmp_path, {"id": 17, "text": TEXT, "url": 12345})
    assert isinstance(article, Article)
    assert article.article_id == "17" and article.url == "12345" and article.warnings == ()


@pytest.mark.parametrize(("record", "code"), [
    ({"url": "http://[bad"}, "W011"), ({"url": ["http://x.test/1"]}, "W011"),
    ({"title": ["Rebels", "advance"]}, "W012"), ({"title": {"en": "x"}}, "W012"),
    ({"id": ["a"]}, "W013"),
])
def test_bad_url_title_or_id_degrades_that_field_only(tmp_path: Path, record: dict[str, object], code: str) -> None:
    (article,) = _corpus(tmp_path, {"text": TEXT, "published": "2021-03-04", **record})
    assert isinstance(article, Article) and article.published == datetime(2021, 3, 4, tzinfo=UTC)
    assert [w[:6] for w in article.warnings] == [f"[{code}]"]
    field = {"W011": article.url, "W012": article.title, "W013": None}[code]
    assert field is None
    if code == "W013":
        assert article.article_id == "1"


def test_lone_surrogate_becomes_a_replacement_character_at_the_same_offset(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "s", "text": "Rebels \\ud800 attacked a convoy near the town on Monday."}\n')
    (article,) = list(read_inputs([str(corpus)]))
    assert isinstance(article, Article) and article.text[7] == "\ufffd" and article.text.encode()
    assert article.warnings and article.warnings[0].startswith("[W014]")


def test_deeply_nested_record_is_rejected_alone(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    deep = "[" * 10_000 + "]" * 10_000
    corpus.write_text(f'{deep}\n{{"id": "b", "text": "{TEXT}"}}\n{{"text": {deep}}}\n')
    items = list(read_inputs([str(corpus)]))
    assert [type(i).__name__ for i in items] == ["Rejected", "Article", "Rejected"]
    assert {i.code for i in items if isinstance(i, Rejected)} == {"E012"}
