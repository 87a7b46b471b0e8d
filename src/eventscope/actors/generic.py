"""Generic actors ACLED names by category and country: "Protesters (Iran)", "Civilians (Syria)"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventscope.records import Actor

from .country import country_name


@dataclass(frozen=True, slots=True)
class GenericKind:
    label: str  # ACLED's label before the country
    actor_type: str
    words: str  # regex alternation of the surface words that name it


GENERIC_KINDS: dict[str, GenericKind] = {
    "protesters": GenericKind(
        "Protesters", "Protesters", r"protesters?|protestors?|demonstrators?|marchers|picketers|rallygoers"
    ),
    "rioters": GenericKind("Rioters", "Rioters", r"rioters?|(?:an? )?(?:angry |violent )?mob|looters"),
    "civilians": GenericKind(
        "Civilians",
        "Civilians",
        r"civilians?|residents?|villagers?|passers-?by|bystanders?|(?:a|one|two|three) (?:man|woman|boy|girl"
        r"|child|teenager|youth|shopkeeper|trader|businessman|motorist|herder|pastor|priest|imam)",
    ),
    "unidentified armed group": GenericKind(
        "Unidentified Armed Group",
        "Political militia",
        r"(?:unknown |unidentified |masked |suspected )?(?:gunm[ae]n|armed m[ae]n|assailants?|attackers?"
        r"|shooters|hitmen|hit men|sicarios|armed individuals)"
        r"|(?:unknown|unidentified) (?:persons|individuals|people|men)|(?:armed )?bandits"
        r"|an armed group|armed groups|(?:unknown|unidentified) armed group",
    ),
    "unidentified gang": GenericKind("Unidentified Gang", "Political militia", r"gang members|gangsters|a gang"),
    "communal militia": GenericKind("Unidentified Communal Militia", "Identity militia", r"communal militia"),
    "students": GenericKind("Students", "Civilians", r"students?|pupils"),
    "women": GenericKind("Women", "Civilians", r"women"),
    "teachers": GenericKind("Teachers", "Civilians", r"teachers"),
    "farmers": GenericKind("Farmers", "Civilians", r"farmers"),
    "health workers": GenericKind("Health Workers", "Civilians", r"health workers|doctors|nurses|medics"),
    "journalists": GenericKind("Journalists", "Civilians", r"journalists?|reporters?"),
    "lawyers": GenericKind("Lawyers", "Civilians", r"lawyers|advocates"),
    "labour group": GenericKind(
        "Labour Group", "Civilians", r"workers|employees|labou?rers|trade unions?|union members|unionists"
    ),
    "refugees": GenericKind("Refugees/IDPs", "Civilians", r"refugees|IDPs|displaced (?:people|persons|families)"),
    "prisoners": GenericKind("Prisoners", "Civilians", r"prisoners|inmates|detainees"),
    "migrants": GenericKind("Migrants", "Civilians", r"migrants"),
}
# State kinds accepted by generic_actor(): they resolve to the generated state forces.
STATE_KINDS: dict[str, str] = {
    "police": "police",
    "military": "military",
    "army": "military",
    "government": "government",
}


def generic_actor(kind: str, country_iso3: str | None) -> Actor:
    """ACLED's generic actor of a kind in a country: ("protesters", "IRN") -> Protesters (Iran)."""
    key = kind.strip().lower()
    if key in STATE_KINDS:
        from .dictionary import ActorDictionary

        found = ActorDictionary.default().state_forces(country_iso3, STATE_KINDS[key]) if country_iso3 else None
        if found is not None:
            return found
        label = {"police": "Police Forces", "government": "Government"}.get(STATE_KINDS[key], "Military Forces")
        return Actor(label if country_iso3 is None else f"{label} of {country_iso3}", "State forces", country_iso3)
    spec = GENERIC_KINDS.get(key)
    if spec is None:
        raise ValueError(f"unknown generic actor kind {kind!r}; known: {sorted(GENERIC_KINDS) + sorted(STATE_KINDS)}")
    name = country_name(country_iso3)
    return Actor(f"{spec.label} ({name})" if name else spec.label, spec.actor_type, country_iso3 if name else None)


def generic_pattern() -> re.Pattern[str]:
    """One regex whose named groups are the generic kinds (group names use _ for spaces)."""
    parts = [f"(?P<{re.sub(r'[^a-z]', '_', k)}>{spec.words})" for k, spec in GENERIC_KINDS.items()]
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.IGNORECASE)


def kind_of_group(group_name: str) -> str:
    return next(k for k in GENERIC_KINDS if re.sub(r"[^a-z]", "_", k) == group_name)
