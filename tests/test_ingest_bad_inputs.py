"""ingest: bad inputs are refused with a clear coded reason naming the input; the rest goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventscope.ingest import read_inputs
from eventscope.records import Article, Rejected
from eventscope.settings import current

GOOD = "Government troops clashed with rebels near the town on Monday, killing three fighters.\n"
FRENCH = ("Les forces gouvernementales ont repris le contrôle de la ville après des combats violents "
          "qui ont duré plusieurs jours dans la région du nord du pays selon des sources locales. " * 3)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "E001"),
        (b"   \n\n  ", "E001"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E002"),
        (bytes(range(0x80, 0x100)) * 8, "E003"),
        (FRENCH.encode("utf-8"), "E005"),
        ("Силы правительства вошли в город после тяжёлых боёв с боевиками ".encode() * 5, "E005"),
    ],
)
def test_bad_file_is_rejected_with_its_code_and_path(tmp_path: Path, content: bytes, code: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    items = list(read_inputs([str(bad), str(good)]))
    assert isinstance(items[0], Rejected) and items[0].code == code and items[0].origin == str(bad)
    assert f"[{code}]" in items[0].reason
    assert isinstance(items[1], Article)


def test_latin1_file_is_decoded_not_refused(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Troupes à Alep clashed with rebels near the café on Monday.".encode("latin-1"))
    (item,) = list(read_inputs([str(legacy)]))
    assert isinstance(item, Article) and "Troupes à Alep" in item.text and "café" in item.text


def test_huge_file_is_rejected_reading_no_more_than_the_limit(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(current().max_bytes + 1)
    (item,) = list(read_inputs([str(huge)]))
    assert isinstance(item, Rejected) and item.code == "E004"


def test_missing_file_is_rejected(tmp_path: Path) -> None:
    (item,) = list(read_inputs([str(tmp_path / "nope.txt")]))
    assert isinstance(item, Rejected) and item.code == "E009"


def test_bad_jsonl_lines_are_rejected_alone(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "1", "text": "Rebels attacked a convoy."}\n{not json\n{"id": "3"}\n'
                      '{"id": "4", "text": "Police dispersed protesters."}\n')
    items = list(read_inputs([str(corpus)]))
    assert [type(i).__name__ for i in items] == ["Article", "Rejected", "Rejected", "Article"]
    assert items[1].origin == f"{corpus}:2" and items[1].code == "E006"  # type: ignore[union-attr]
    assert items[2].code == "E007"  # type: ignore[union-attr]


def test_malformed_html_without_text_is_rejected(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text("<html><body><div><script>var x = 1;</script><p></div></span>")
    (item,) = list(read_inputs([str(page)]))
    assert isinstance(item, Rejected) and item.code in ("E008", "E001")
