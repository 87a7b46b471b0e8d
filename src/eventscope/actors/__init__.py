"""Actors: an ACLED-style actor dictionary (user-extendable YAML) and their mentions in articles.

``ActorDictionary.default()`` is the packaged dictionary, built once per process;
``ActorDictionary.load(["mine.yaml"])`` extends/overrides it with user files;
``find_actors(doc, article, d)`` returns the article's ``ActorMention`` tuple sorted by start;
``generic_actor("protesters", "IRN")`` is ``Actor("Protesters (Iran)", "Protesters", "IRN")``.
"""

from .country import Country, countries, country_name
from .dictionary import ActorDictionary
from .find import find_actors, infer_country
from .generic import GENERIC_KINDS, generic_actor
from .model import (
    ACTOR_TYPES,
    ARMED_TYPES,
    KINDS,
    NON_STATE_ARMED,
    PARTICIPANT_TYPES,
    STATE,
    ActorEntry,
    Alias,
)

__all__ = [
    "ACTOR_TYPES",
    "ARMED_TYPES",
    "NON_STATE_ARMED",
    "PARTICIPANT_TYPES",
    "STATE",
    "GENERIC_KINDS",
    "KINDS",
    "ActorDictionary",
    "ActorEntry",
    "Alias",
    "Country",
    "countries",
    "country_name",
    "find_actors",
    "generic_actor",
    "infer_country",
]
