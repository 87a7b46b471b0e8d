"""The actor dictionary: canonical names, aliases, kinds, breadth and user YAML files."""

from pathlib import Path

import pycountry
import pytest

from eventscope.actors import ActorDictionary, generic_actor
from eventscope.errors import ConfigError


@pytest.fixture(scope="module")
def d() -> ActorDictionary:
    return ActorDictionary.default()


def test_default_is_cached(d: ActorDictionary) -> None:
    assert ActorDictionary.default() is d


def test_daesh_isis_and_is_are_islamic_state(d: ActorDictionary) -> None:
    for alias in ("Daesh", "ISIS", "ISIL", "IS", "Islamic State group"):
        actor = d.by_name(alias)
        assert actor is not None and actor.name == "Islamic State", alias


def test_by_name_ignores_acled_year_range(d: ActorDictionary) -> None:
    actor = d.by_name("Military Forces of Nigeria (2015-2023)")
    assert actor is not None and actor.country == "NGA" and actor.actor_type == "State forces"


def test_kinds(d: ActorDictionary) -> None:
    assert d.kind("AFP") == "agency"
    assert d.kind("Syrian Observatory for Human Rights") == "ngo"
    assert d.kind("UNESCO") == "igo"
    assert d.kind("BBC") == "media"
    assert d.kind("Islamic State") == "armed"
    assert d.kind("Government of Syria") == "government"
    assert d.kind("no such actor") is None


def test_every_country_has_military_and_police(d: ActorDictionary) -> None:
    for c in pycountry.countries:
        assert d.state_forces(c.alpha_3, "military") is not None, c.alpha_3
        assert d.state_forces(c.alpha_3, "police") is not None, c.alpha_3


def test_acled_country_names_and_the(d: ActorDictionary) -> None:
    assert d.state_forces("COD").name == "Military Forces of the Democratic Republic of Congo"  # type: ignore[union-attr]
    assert d.state_forces("PHL", "police").name == "Police Forces of the Philippines"  # type: ignore[union-attr]
    assert d.state_forces("SYR").name == "Military Forces of Syria"  # type: ignore[union-attr]


def test_generic_actors_use_acled_country_names() -> None:
    assert generic_actor("protesters", "IRN").name == "Protesters (Iran)"
    assert generic_actor("rioters", "UGA").name == "Rioters (Uganda)"
    assert generic_actor("civilians", "SYR").name == "Civilians (Syria)"
    assert generic_actor("unidentified armed group", "NGA").name == "Unidentified Armed Group (Nigeria)"
    assert generic_actor("police", "IND").name == "Police Forces of India"
    assert generic_actor("military", "RUS").name == "Military Forces of Russia"
    assert generic_actor("protesters", None).name == "Protesters"


def test_unknown_generic_kind_is_an_error() -> None:
    with pytest.raises(ValueError):
        generic_actor("aliens", "USA")


def test_user_yaml_adds_and_overrides(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "actors:\n"
        "  - {name: Brigade of the North, type: Rebel group, country: SYR, aliases: [Northern Brigade]}\n"
        "  - {name: Islamic State, aliases: [the caliphate army], remove_aliases: [IS]}\n"
        "  - {name: AFP, kind: media}\n",
        encoding="utf-8",
    )
    d = ActorDictionary.load([user])
    added = d.by_name("Northern Brigade")
    assert added is not None and added.name == "Brigade of the North" and added.country == "SYR"
    assert d.by_name("the caliphate army").name == "Islamic State"  # type: ignore[union-attr]
    assert d.by_name("Daesh").name == "Islamic State"  # type: ignore[union-attr]
    assert d.by_name("IS") is None
    assert d.kind("AFP") == "media"
    assert ActorDictionary.default().kind("AFP") == "agency"


def test_malformed_user_yaml_is_a_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - {name: X, type: Wizards}\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        ActorDictionary.load([bad])
