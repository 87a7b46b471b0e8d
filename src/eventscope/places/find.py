"""find_places: toponyms of one article, resolved, as PlaceMention records."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from ..records import Article, PlaceMention
from .dateline import with_dateline, without_outlets
from .gazetteer import Candidate, Gazetteer
from .names import name_key
from .qualified import qualified_mentions, with_designators
from .recognize import Recognizer
from .resolve import Choice, resolve
from .subplaces import FACILITY_WORDS, attach_subplaces

FACILITY_NAME = re.compile(r"^(.+?)\s+(" + "|".join(FACILITY_WORDS) + r")$", re.IGNORECASE)

MATCH_MIN_POPULATION = 15_000  # towns the text matcher looks for beyond spaCy's entities


@lru_cache(maxsize=4)
def recognizer_for(gaz: Gazetteer) -> Recognizer:
    names = gaz.matching_names(MATCH_MIN_POPULATION)
    demonyms = frozenset(k for k, kind in names.items() if kind == "country")
    return Recognizer(names, demonyms, small_town=lambda text: any(c.kind == "city" for c in gaz.lookup(text)))


def to_mention(gaz: Gazetteer, choice: Choice) -> PlaceMention:
    top, cand = choice.toponym, choice.candidate
    if cand is None:
        return facility_of_town(gaz, choice) or PlaceMention(top.start, top.end, top.text, reason=choice.reason)
    region = cand.kind in ("country", "admin1", "admin2", "continent")
    return PlaceMention(
        top.start, top.end, top.text, name=cand.name, geonameid=cand.geonameid,
        latitude=cand.latitude, longitude=cand.longitude, country=cand.country,
        admin1=_admin1(gaz, cand), feature_code=_part_code(choice) or cand.feature_code,
        population=cand.population, precision=3 if region else (2 if choice.part_of else 1),
        parent=cand.name if choice.part_of else None)


def _part_code(choice: Choice) -> str | None:
    """"Palmyra Airport" in Palmyra: the facility's own code (AIRP)."""
    match = FACILITY_NAME.match(choice.toponym.text) if choice.part_of else None
    return FACILITY_WORDS.get(match.group(2).lower(), "FAC") if match else None


def facility_of_town(gaz: Gazetteer, choice: Choice) -> PlaceMention | None:
    """An unknown "Palmyra Airport": the town's point, precision 2, the town as parent."""
    match = FACILITY_NAME.match(choice.toponym.text)
    if match is None:
        return None
    towns = [c for c in gaz.lookup(match.group(1)) if c.kind == "city"]
    if not towns:
        return None
    town = towns[0]
    top = choice.toponym
    code = FACILITY_WORDS.get(match.group(2).lower(), "FAC")
    return PlaceMention(top.start, top.end, top.text, name=town.name, geonameid=town.geonameid,
                        latitude=town.latitude, longitude=town.longitude, country=town.country,
                        admin1=_admin1(gaz, town), feature_code=code, population=town.population,
                        precision=2, parent=town.name)


def _admin1(gaz: Gazetteer, cand: Candidate) -> str | None:
    if cand.kind in ("country", "continent"):
        return None
    return gaz.admin1_name(cand.cc, cand.admin1)


def find_places(doc: Doc, article: Article, gaz: Gazetteer) -> tuple[PlaceMention, ...]:
    """Resolved place mentions of ``article`` (``doc`` parses ``article.nlp_text``), by start."""
    toponyms = with_dateline(article.text, recognizer_for(gaz)(doc))
    choices = resolve(gaz, toponyms, article.text)
    mentions = [to_mention(gaz, c) for c in with_designators(gaz, article.text, choices)]
    mentions = without_outlets(article.text, mentions)
    mentions = attach_subplaces(article.text, qualified_mentions(gaz, article.text, mentions, to_mention))
    return tuple(sorted(mentions, key=lambda m: (m.start, m.end)))


__all__ = ["find_places", "name_key"]
