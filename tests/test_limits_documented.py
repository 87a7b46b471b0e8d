"""The README documents every input limit (by its environment variable) and every warning code."""

from __future__ import annotations

from pathlib import Path

from pytest import MonkeyPatch

from eventscope.errors import Warnings
from eventscope.limits import LIMITS

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_limit_is_named_in_the_readme() -> None:
    assert [limit.name for limit in LIMITS if limit.name not in README] == []


def test_every_warning_code_is_in_the_readmes_table() -> None:
    codes = [name for name in vars(Warnings) if name.startswith("W")]
    assert codes and [code for code in codes if code not in README] == []


def test_a_limit_is_read_from_the_environment_and_a_bad_value_keeps_the_default(monkeypatch: MonkeyPatch) -> None:
    limit = LIMITS[0]
    monkeypatch.setenv(limit.name, "1234")
    assert limit.value == 1234
    monkeypatch.setenv(limit.name, "lots")
    assert limit.value == limit.default
