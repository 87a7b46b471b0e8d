"""State actors generated for every country: military, police and government."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventscope.records import Actor

from .country import Country
from .model import ActorEntry, Alias, Kind


def _split(words: str) -> tuple[str, ...]:
    return tuple(words.split("|"))


# Nouns that follow a nationality adjective ("Syrian troops"), per branch.
ADJECTIVE_NOUNS: dict[str, tuple[str, ...]] = {
    "military": _split(
        "army|troops|forces|soldiers|soldier|military|armed forces|air force|navy|marines|"
        "warplanes|warplane|jets|fighter jets|planes|aircraft|helicopters|helicopter|drones|drone|"
        "artillery|tanks|warships|government forces|government troops|regime forces|"
        "military forces|army forces|security forces|special forces|defence forces|defense forces|"
        "gendarmes|gendarmerie|national army|paratroopers|commandos|airstrikes|air strikes|"
        "air raids|servicemen|army troops|border guards|coast guard|military personnel|"
        "army soldiers|air defence|air defense|army units|military units|naval forces|"
        "ground forces|infantry|militaries"
    ),
    "police": _split(
        "police|policemen|policeman|police officers|police officer|police force|police forces|"
        "riot police|national police|federal police|state police|municipal police|"
        "police personnel|police units|cops|law enforcement|anti-riot police|police agents"
    ),
    "government": _split("government|authorities|administration|cabinet|officials|ministry of defence"),
}
# Patterns with the country's name ("{}" is the name).
NAME_PATTERNS: dict[str, tuple[str, ...]] = {
    "military": _split(
        "{} army|{} military|{} Armed Forces|{} Defence Forces|{} Defense Forces|{}'s army|"
        "{}'s military|{}'s armed forces|army of {}|armed forces of {}|military of {}"
    ),
    "police": _split(
        "{} police|{} Police Force|{} Police Service|{} National Police|{}'s police|"
        "National Police of {}|police of {}|police in {}"
    ),
    "government": _split("{} government|{}'s government|government of {}|{} authorities|{}'s authorities"),
}
PREFIX = {"military": "Military Forces of", "police": "Police Forces of", "government": "Government of"}


def state_name(branch: str, country: Country) -> str:
    """ACLED's name of a country's state actor: "Military Forces of the Philippines"."""
    return f"{PREFIX[branch]} {country.of_name}"


def _aliases(branch: str, country: Country) -> Iterator[Alias]:
    yield Alias(state_name(branch, country))
    if country.article:
        yield Alias(f"{PREFIX[branch]} {country.name}")
    for adjective in country.adjectives:
        for noun in ADJECTIVE_NOUNS[branch]:
            yield Alias(f"{adjective} {noun}", via="nationality")
    for name in country.surface_names:
        for pattern in NAME_PATTERNS[branch]:
            yield Alias(pattern.format(name), via="nationality")


def state_entries(countries: Iterable[Country]) -> Iterator[ActorEntry]:
    """Military, police and government entries for each country."""
    for country in countries:
        for branch in ("military", "police", "government"):
            actor = Actor(state_name(branch, country), "State forces", country.iso3)
            kind: Kind = "government" if branch == "government" else "armed"
            aliases = tuple(dict.fromkeys(_aliases(branch, country)))
            yield ActorEntry(actor, kind, aliases, branch)
