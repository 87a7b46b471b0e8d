"""Countries as ACLED names them, with their adjectives, from pycountry and countries.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import pycountry
import yaml


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str  # as ACLED writes it ("Democratic Republic of Congo")
    article: bool  # ACLED writes "the" before it in "Military Forces of the ..."
    adjectives: tuple[str, ...]
    aliases: tuple[str, ...]  # other names of the country in news text

    @property
    def of_name(self) -> str:
        """The name after "Forces of": "the Philippines", "Syria"."""
        return f"the {self.name}" if self.article else self.name

    @property
    def surface_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _read_table() -> dict[str, dict]:
    text = resources.files("eventscope.actors").joinpath("data/countries.yaml").read_text(encoding="utf-8")
    table: dict[str, dict] = yaml.safe_load(text)
    return table


def _pycountry_names() -> dict[str, tuple[str, tuple[str, ...]]]:
    """iso3 -> (common name, other names) for every pycountry country."""
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for c in pycountry.countries:
        common = getattr(c, "common_name", None) or c.name
        others = {c.name, getattr(c, "official_name", c.name)} - {common}
        out[c.alpha_3] = (common, tuple(sorted(o for o in others if "," not in o)))
    return out


@cache
def countries() -> dict[str, Country]:
    """Every pycountry country plus the extra ones the table names (Kosovo), keyed by ISO3."""
    table = _read_table()
    names, with_the = table.get("names", {}), set(table.get("the", []))
    aliases, adjectives = table.get("aliases", {}), table.get("adjectives", {})
    base = _pycountry_names()
    for iso3, name in names.items():
        base.setdefault(iso3, (name, ()))
    out: dict[str, Country] = {}
    for iso3, (common, others) in base.items():
        name = names.get(iso3, common)
        extra = tuple(dict.fromkeys(a for a in (*others, common, *aliases.get(iso3, [])) if a != name))
        out[iso3] = Country(iso3, name, iso3 in with_the, tuple(adjectives.get(iso3, [])), extra)
    return out


def country_name(iso3: str | None) -> str | None:
    """ACLED's name of a country, or None when the code is unknown."""
    if iso3 is None:
        return None
    country = countries().get(iso3.upper())
    return country.name if country else None
