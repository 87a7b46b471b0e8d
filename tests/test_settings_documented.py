"""The README's table of settings is the settings record, every setting is read from its environment
variable, and the README lists every warning code."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from pytest import MonkeyPatch
from starlette.testclient import TestClient

from eventscope.errors import Warnings
from eventscope.settings import SETTINGS, Settings, current
from eventscope.store import Store

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
GOOD = {int: "7", float: "0.25", str: "somewhere"}  # a value of each type that parses


def readme_settings() -> list[tuple[str, ...]]:
    """The rows of the table in the README's Settings section, cell by cell."""
    section = README.split("### Settings\n", 1)[1].split("\n#", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [tuple(cell.strip() for cell in row.strip("|").split(" | ")) for row in rows]


def test_the_readmes_table_of_settings_is_the_settings_record() -> None:
    expected = [(f"`{s.name}`", f"`{s.env}`", f"`{s.default!r}`", s.help) for s in SETTINGS]
    assert readme_settings() == expected
    assert [s.name for s in SETTINGS] == [f.name for f in fields(Settings)]
    assert [getattr(Settings(), s.name) for s in SETTINGS] == [s.default for s in SETTINGS]


def test_every_setting_is_read_from_its_environment_variable_and_a_bad_value_keeps_the_default() -> None:
    for s in SETTINGS:
        good = GOOD[type(s.default)]
        assert getattr(Settings.from_env({s.env: good}), s.name) == type(s.default)(good), s.name
        if not isinstance(s.default, str):
            for bad in ("lots", "-3", "nan", "²"):
                assert getattr(Settings.from_env({s.env: bad}), s.name) == s.default, (s.name, bad)
        assert getattr(Settings.from_env({}), s.name) == s.default


def test_a_setting_changed_in_the_environment_is_seen_by_the_next_read(monkeypatch: MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTSCOPE_MAX_BYTES", "1234")
    assert current().max_bytes == 1234
    monkeypatch.delenv("EVENTSCOPE_MAX_BYTES")
    assert current().max_bytes == Settings().max_bytes


def test_the_web_servers_settings_come_from_the_environment(db: Path, monkeypatch: MonkeyPatch) -> None:
    from eventscope.web import create_app

    monkeypatch.setenv("EVENTSCOPE_DEFAULT_LIMIT", "1")
    monkeypatch.setenv("EVENTSCOPE_QUERY_TIMEOUT_S", "7.5")
    with TestClient(create_app(str(db)), base_url="http://localhost") as client:
        page = client.get("/api/events").json()
    assert len(page["events"]) == 1 and page["has_more"]
    with Store(str(db), read_only=True) as store:
        assert store.read_timeout == 7.5


def test_every_warning_code_is_in_the_readmes_table() -> None:
    codes = [name for name in vars(Warnings) if name.startswith("W")]
    assert codes and [code for code in codes if code not in README] == []
