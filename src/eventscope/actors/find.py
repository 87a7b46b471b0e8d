"""find_actors: alias matches, nationality forms, generic actors and simple coreference."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from eventscope.nlp import text_of
from eventscope.records import Actor, ActorMention, Article

from .context import implied_actors
from .country import countries
from .dictionary import ActorDictionary
from .fuzzy import fuzzy_hits
from .generic import generic_actor, generic_pattern, kind_of_group
from .matcher import AliasMatcher
from .model import NON_STATE_ARMED, is_exact

if TYPE_CHECKING:
    from spacy.tokens import Doc

_MODS = (
    r"(?:(?:hardline|radical|extremist|jihadist|jihadi|islamist|sunni|shiite|armed|terrorist|militant|insurgent"
    r"|rebel|ultra-?conservative|islamic|extremist)\s+)"
)
_HEADS = (
    r"(?:group|militias?|militants|jihadists|jihadis|extremists|insurgents|rebels|terrorists|fighters|islamists"
    r"|guerrillas|organi[sz]ation|outfit|movement|network|faction)"
)
_BARE = r"(?:militants|jihadists|jihadis|insurgents|extremists|terrorists|islamists|guerrillas)"
NONSTATE_REF = re.compile(rf"\b(?:(?:the|these|those|this)\s+{_MODS}*{_HEADS}|{_MODS}+{_HEADS}|{_BARE})\b", re.I)
STATE_REFS: dict[str, re.Pattern[str]] = {
    "military": re.compile(
        r"\b(?:(?:pro-?)?government|regime|security|army|military|state|federal|national|loyalist|junta)"
        r" (?:forces|troops|soldiers|jets|warplanes|aircraft|helicopters|artillery|units|personnel)"
        r"|the (?:army|military|regime|air force|armed forces|navy|junta)|regime|troops|soldiers?"
        r"|warplanes|servicemen|paratroopers|gendarmes\b",
        re.I,
    ),
    "police": re.compile(
        r"\b(?:(?:riot|local|federal|state|municipal|national|anti-riot|traffic|district) )?"
        r"(?:police(?:men| officers?| force| personnel)?|policem[ae]n|cops)\b",
        re.I,
    ),
    "government": re.compile(r"\b(?:the (?:government|authorities|administration)|authorities)\b", re.I),
}
NAME_WEIGHT, OTHER_WEIGHT = 2, 1  # a country's name counts more than an adjective or an actor's country


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    actor: Actor | None  # None: resolve against earlier mentions (non-state coreference)
    via: str


@cache
def _country_matcher() -> AliasMatcher[tuple[str, int]]:
    pairs: list[tuple[str, bool, tuple[str, int]]] = []
    for c in countries().values():
        pairs += [(n, is_exact(n), (c.iso3, NAME_WEIGHT)) for n in c.surface_names]
        pairs += [(a, is_exact(a), (c.iso3, OTHER_WEIGHT)) for a in c.adjectives]
    return AliasMatcher(pairs)


def infer_country(text: str, mentions: list[ActorMention]) -> str | None:
    """The article's country: most weight from country names, adjectives and actors' countries."""
    weight: Counter[str] = Counter()
    first: dict[str, int] = {}
    for hit in _country_matcher().find(text):
        iso3, w = hit.payload
        weight[iso3] += w
        first.setdefault(iso3, hit.start)
    for m in mentions:
        if m.actor.country:
            weight[m.actor.country] += OTHER_WEIGHT
            first.setdefault(m.actor.country, m.start)
    if not weight:
        return None
    return max(weight, key=lambda iso3: (weight[iso3], -first[iso3]))


def _alias_candidates(text: str, dictionary: ActorDictionary) -> list[_Candidate]:
    """Exact alias matches, then near matches of long names for what they leave uncovered."""
    exact = [_Candidate(h.start, h.end, h.payload[0].actor, h.payload[1].via) for h in dictionary.matcher.find(text)]
    taken = {i for c in exact for i in range(c.start, c.end)}
    near = [_Candidate(s, e, entry.actor, "alias") for s, e, entry in fuzzy_hits(text, dictionary, taken)]
    return sorted(exact + near, key=lambda c: c.start)


def _pattern_candidates(text: str, dictionary: ActorDictionary, country: str | None) -> list[_Candidate]:
    found = [_Candidate(m.start(), m.end(), None, "coreference") for m in NONSTATE_REF.finditer(text)]
    for branch, pattern in STATE_REFS.items():
        actor = dictionary.state_forces(country, branch) if country else None
        if actor is not None:
            found += [_Candidate(m.start(), m.end(), actor, "coreference") for m in pattern.finditer(text)]
    for m in generic_pattern().finditer(text):
        kind = kind_of_group(next(k for k, v in m.groupdict().items() if v is not None))
        found.append(_Candidate(m.start(), m.end(), generic_actor(kind, country), "generic"))
    return found


def _without_overlaps(first: list[_Candidate], second: list[_Candidate]) -> list[_Candidate]:
    """All of ``first`` plus the longest of ``second`` that overlap nothing already kept."""
    taken = {i for c in first for i in range(c.start, c.end)}
    kept = list(first)
    for cand in sorted(second, key=lambda c: (c.start - c.end, c.start)):
        if not taken.intersection(range(cand.start, cand.end)):
            kept.append(cand)
            taken.update(range(cand.start, cand.end))
    return sorted(kept, key=lambda c: c.start)


def _resolve(text: str, candidates: list[_Candidate], country: str | None) -> tuple[ActorMention, ...]:
    """Turn candidates into mentions; a non-state reference takes the latest armed non-state actor."""
    out: list[ActorMention] = []
    last: Actor | None = None
    for cand in candidates:
        actor = cand.actor or last
        if actor is None and re.fullmatch(_BARE, text[cand.start : cand.end], re.I):
            actor = generic_actor("unidentified armed group", country)
            out.append(ActorMention(cand.start, cand.end, text[cand.start : cand.end], actor, "generic"))
            continue
        if actor is None:
            continue
        if actor.actor_type in NON_STATE_ARMED:
            last = actor
        out.append(ActorMention(cand.start, cand.end, text[cand.start : cand.end], actor, cand.via))
    return tuple(out)


def find_actors(
    doc: Doc | None,
    article: Article,
    dictionary: ActorDictionary | None = None,
    *,
    country: str | None = None,
) -> tuple[ActorMention, ...]:
    """Actor mentions of an article, sorted by start; ``country`` (ISO3) overrides the inferred one."""
    text = text_of(doc) if doc is not None else article.nlp_text
    dictionary = dictionary or ActorDictionary.default()
    named = _alias_candidates(text, dictionary)
    if country is None:
        provisional = [ActorMention(c.start, c.end, "", c.actor) for c in named if c.actor]
        country = infer_country(text, provisional)
    candidates = _without_overlaps(named, _pattern_candidates(text, dictionary, country))
    return implied_actors(text, _resolve(text, candidates, country), country)
